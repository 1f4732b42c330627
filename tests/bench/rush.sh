#!/usr/bin/env bash
# make bench-rush: the 07:00 rush against a fresh instance of its own (see
# tests/bench/rush.js): RUSH_CLIENTS patients (default 1000) at once, each
# from its own loopback address, open a department, a doctor's day and a
# slot form and book; RUSH_BROWSERS more only browse.  Ends with "rush: ...".
set -euo pipefail
cd "$(dirname "$0")/../.."
export PORTAL_INSTANCE=bench PORTAL_PORT=${BENCH_PORT:-8480}
bash cgi/tools/stack.sh start >/dev/null
trap 'bash cgi/tools/stack.sh stop >/dev/null' EXIT
# yesterday's rush left nothing behind: every place free, no messages queued
bash cgi/tools/stack.sh sql -e "DELETE FROM notification_outbox; DELETE FROM bookings; UPDATE time_slots SET booked = 0;
                                DELETE FROM booking_mobile_locks; DELETE FROM rate_limits"
RUSH_URL=http://127.0.0.1:$PORTAL_PORT node tests/bench/rush.js
