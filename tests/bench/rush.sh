#!/usr/bin/env bash
# make bench-rush: the 07:00 rush against a fresh instance of its own (see
# tests/bench/rush.c): RUSH_CLIENTS patients (default 1000) at once, each
# from its own loopback address, open a department, a doctor's day and a
# slot form and book; RUSH_BROWSERS (default 200) more only browse.  Ends
# with "rush: ..." (as the clients timed it) and "rush-server: ..." (as
# nginx timed it).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PORTAL_INSTANCE=bench PORTAL_PORT=${BENCH_PORT:-8480}
# 4 workers in each pool: pages and forms have pools of their own, so a
# page never waits behind a booking; two pools of 8 were no better
# (README, "The 07:00 rush")
export PORTAL_WORKERS=${PORTAL_WORKERS:-4}
BUILD_DIR=${PORTAL_BUILD:-build}
mkdir -p "$BUILD_DIR/bench"
cc -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror tests/bench/rush.c -o "$BUILD_DIR/bench/rush" -lsodium
bash cgi/tools/stack.sh start >/dev/null
trap 'bash cgi/tools/stack.sh stop >/dev/null' EXIT
sqlq() { bash cgi/tools/stack.sh sql -N --raw -e "$1"; }
# yesterday's rush left nothing behind: every place free, no messages queued
sqlq "DELETE FROM notification_outbox; DELETE FROM bookings; UPDATE time_slots SET booked = 0;
      DELETE FROM booking_mobile_locks; DELETE FROM rate_limits"
# the busiest doctor of 内科 tomorrow, and every open slot of 内科 this week
department=$(sqlq "SELECT id FROM departments WHERE code = 'NEIKE'")
read -r doctor day < <(sqlq "SELECT cs.doctor_id, DATE_FORMAT(cs.session_date, '%Y-%m-%d') FROM clinic_sessions cs
  WHERE cs.department_id = $department AND cs.session_date = CURDATE() + INTERVAL 1 DAY AND cs.status = 'open'
  GROUP BY cs.doctor_id, cs.session_date ORDER BY COUNT(*) DESC LIMIT 1")
slots=$(sqlq "SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id
  WHERE cs.department_id = $department AND cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 6 DAY
    AND cs.status = 'open' AND t.is_open = 1" | tr '\n' ' ')
key=$(sqlq "SELECT value FROM app_secrets WHERE name = 'verify'")
base=http://127.0.0.1:$PORTAL_PORT
# at 07:00 the browsing pages are already in the page cache (people open
# them in the minutes before); a cold start would make the whole rush
# render them at once
curl -s -o /dev/null "$base/booking/departments/$department"
curl -s -o /dev/null "$base/booking/doctors/$doctor?day=$day"
log=run/bench/logs/nginx-access.log
from=$(wc -l <"$log" 2>/dev/null || echo 0)
out=$("$BUILD_DIR/bench/rush" "$PORTAL_PORT" "${RUSH_CLIENTS:-1000}" "${RUSH_BROWSERS:-200}" "${RUSH_TIMEOUT_MS:-30000}" \
        "$key" "$department" "$doctor" "$day" $slots)
over=$(sqlq "SELECT COUNT(*) FROM time_slots WHERE booked > capacity")
echo "$out" | sed '$d'
echo "$(echo "$out" | tail -n 1) overbooked_slots=$over"
# the same requests as nginx timed them (its log is flushed every second)
sleep 1.5
tail -n +"$((from + 1))" "$log" | python3 tests/bench/rush_log.py
