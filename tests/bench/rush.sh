#!/usr/bin/env bash
# make bench-rush: the 07:00 rush against a fresh instance of its own (see
# tests/bench/rush.js): RUSH_CLIENTS patients (default 1000) at once, each
# from its own loopback address, open a department, a doctor's day and a
# slot form and book; RUSH_BROWSERS more only browse.  Ends with "rush: ..."
# (as the clients timed it) and "rush-server: ..." (as nginx timed it).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PORTAL_INSTANCE=bench PORTAL_PORT=${BENCH_PORT:-8480}
# 8 workers per program, not 4: nginx's connections stay with the worker
# that accepted them, so at a rush a page waits behind the bookings of its
# worker; with 8 the slot form's p99 at the server is 9 ms, with 4 about
# 600 ms (README, "The 07:00 rush")
export PORTAL_WORKERS=${PORTAL_WORKERS:-8}
bash cgi/tools/stack.sh start >/dev/null
trap 'bash cgi/tools/stack.sh stop >/dev/null' EXIT
# yesterday's rush left nothing behind: every place free, no messages queued
bash cgi/tools/stack.sh sql -e "DELETE FROM notification_outbox; DELETE FROM bookings; UPDATE time_slots SET booked = 0;
                                DELETE FROM booking_mobile_locks; DELETE FROM rate_limits"
log=run/bench/logs/nginx-access.log
from=$(wc -l <"$log" 2>/dev/null || echo 0)
RUSH_URL=http://127.0.0.1:$PORTAL_PORT node tests/bench/rush.js
# the same requests as nginx timed them (its log is flushed every second):
# what the server took, without the wait inside the one node process that
# plays all the clients on the same two cores
sleep 1.5
tail -n +"$((from + 1))" "$log" | python3 tests/bench/rush_log.py
