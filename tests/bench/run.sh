#!/usr/bin/env bash
# make bench: wrk on loopback, 64 connections, against
#   dynamic  the notice list (20 notices queried from MariaDB and rendered on
#            every request: the uncached origin server)
#   static   nginx serving a byte-for-byte copy of that page from a file
#   cached   the same list through nginx's 1-second page cache
#   fee search (fees.sh): the catalogue searched uncached, 2,000 and 50,000
#            items, and the time to produce the full price files
#   doctor's week (booking): sessions and slots of one doctor, uncached
#   lab report (reports): a patient's report page (personal, never cached),
#            opened by its signed link, beside the static file of this run
#   MLLP import rate: ORU^R01 messages through the LIS listener, 4
#            connections each waiting for its ACKs (tests/bench/mllp.py)
#   booking POSTs over many slots (committed bookings/s, no slot above its
#            capacity) against the same MariaDB's bare commit rate (mariadb-slap)
#   survey results with 100,000 responses (tests/bench/surveys.sh)
# and ends with one line:
#   bench: dynamic_rps=N static_rps=N ratio=R p99_ms=N cached_rps=N cached_ratio=R ...
set -euo pipefail
cd "$(dirname "$0")/../.."
export PORTAL_INSTANCE=bench PORTAL_PORT=${BENCH_PORT:-8480}
# wrk plays many patients: their addresses in X-Forwarded-For (stack.sh)
export PORTAL_TRUST_FORWARDED=1
SECONDS_EACH=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-64}
BASE=http://127.0.0.1:$PORTAL_PORT
ORIGIN=http://127.0.0.1:$((PORTAL_PORT + 1))
RUN=run/bench

bash cgi/tools/stack.sh start >/dev/null
trap 'bash cgi/tools/stack.sh stop >/dev/null' EXIT

n=$(curl -s "$ORIGIN/notices/" | grep -c 'class="notice-item"' || true)
echo "notice list page shows $n notices"

mkdir -p "$RUN/bench-static"
curl -s "$ORIGIN/notices/" -o "$RUN/bench-static/notices.html"
chmod -R a+rX "$RUN/bench-static"

source tests/bench/lib.sh

read -r dyn_rps dyn_p99 _ < <(run_wrk "$ORIGIN/notices/")
echo "dynamic (uncached) /notices/: $dyn_rps req/s, p99 $dyn_p99 ms"
# At 64 connections the machine is saturated and the mean latency is
# 64 / req/s by Little's law (9.9 ms at 6,500 req/s): the p99 there is
# queueing.  At 8 the same page shows what one request costs a patient.
read -r light_rps light_p99 _ < <(CONNS=8 run_wrk "$ORIGIN/notices/")
echo "dynamic /notices/ at 8 connections: $light_rps req/s, p99 $light_p99 ms"
read -r static_rps static_p99 _ < <(run_wrk "$BASE/bench-static/notices.html")
echo "static copy:                   $static_rps req/s, p99 $static_p99 ms"
php_line=$(CONNS=$CONNS SECONDS_EACH=$SECONDS_EACH bash tests/bench/php.sh "$ORIGIN" "$RUN" "$dyn_rps")
echo "$php_line"
read -r uhome_rps uhome_p99 _ < <(run_wrk "$ORIGIN/")
echo "home page (uncached):          $uhome_rps req/s, p99 $uhome_p99 ms"
read -r cached_rps cached_p99 cached_max < <(run_wrk "$BASE/notices/")
echo "cached /notices/:              $cached_rps req/s, p99 $cached_p99 ms, max $cached_max ms"
read -r home_rps home_p99 home_max < <(run_wrk "$BASE/")
echo "cached home page:              $home_rps req/s, p99 $home_p99 ms, max $home_max ms"

# fee transparency: catalogue search (2,000 and 50,000 items) and the price files
BUILD_DIR=${PORTAL_BUILD:-build}
source tests/bench/fees.sh

# booking: a doctor's week (sessions and slots from MariaDB, uncached)
doctor=$(bash cgi/tools/stack.sh sql -N -e "SELECT doctor_id FROM clinic_sessions GROUP BY doctor_id ORDER BY COUNT(*) DESC LIMIT 1")
read -r week_rps week_p99 _ < <(run_wrk "$ORIGIN/booking/doctors/$doctor")
echo "doctor's day (uncached):       $week_rps req/s, p99 $week_p99 ms"
read -r cdoc_rps cdoc_p99 cdoc_max < <(run_wrk "$BASE/booking/doctors/$doctor")
echo "doctor's day (cached):         $cdoc_rps req/s, p99 $cdoc_p99 ms, max $cdoc_max ms"

# lab reports: the report page a patient opens from the lookup (demo
# barcode LAB202600001, mobile ending 1234), through nginx: never cached
jar=$(mktemp)
token=$(curl -s -c "$jar" "$BASE/reports/" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')
report=$(curl -s -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "_csrf=$token" \
  --data-urlencode barcode=LAB202600001 --data-urlencode factor=1234 "$BASE/reports/")
rm -f "$jar"
read -r report_rps report_p99 _ < <(run_wrk "$report")
echo "lab report page (personal):    $report_rps req/s, p99 $report_p99 ms (static file: $static_rps req/s)"
read -r mllp_n mllp_secs mllp_rate mllp_aa < <(python3 tests/bench/mllp.py "$((PORTAL_PORT + 5))" "${BENCH_MLLP_MESSAGES:-3000}" 4)
echo "MLLP import: $mllp_n messages (3 results each) over 4 connections in $mllp_secs s = $mllp_rate messages/s ($mllp_aa acknowledged AA)"

# booking: POSTs through nginx over many slots, each a different person
sqlq() { bash cgi/tools/stack.sh sql -N -e "$1"; }
read -r booked_rps over nslots < <(booking_bench "$ORIGIN" sqlq)
echo "booking POSTs over $nslots slots, each from its own address: $booked_rps committed bookings/s, slots above capacity or miscounted: $over"
read -r one_rps one_over _ < <(BENCH_ONE_ADDRESS=1 booking_bench "$ORIGIN" sqlq)
echo "the same from one address (patients behind one NAT: one counter row for all): $one_rps bookings/s"
over=$((over + one_over))

# the same MariaDB's bare durable commit rate: single-row UPDATEs, each
# client its own row (by connection id), one durable commit each; at the
# HTTP concurrency, and at the concurrency the database sees from the
# booking handlers (one connection per worker)
sqlq "CREATE DATABASE IF NOT EXISTS slap; CREATE TABLE IF NOT EXISTS slap.t (id INT PRIMARY KEY, v INT) ENGINE=InnoDB;
      INSERT IGNORE INTO slap.t SELECT seq, 0 FROM seq_1_to_1000"
bare_commits() {   # clients -> commits/s
  local secs
  secs=$(mariadb-slap --no-defaults -S "$RUN/mysqld.sock" -u "$(id -un)" --concurrency="$1" --iterations=1 \
    --number-of-queries=$(($1 * 300)) --create-schema=slap --no-drop \
    --query="UPDATE slap.t SET v = v + 1 WHERE id = 1 + CONNECTION_ID() % 1000" 2>&1 |
    awk '/Average number of seconds/ {print $(NF-1)}')
  python3 -c "print(int($1 * 300 / float('$secs')))"
}
# the ceiling: the booking procedure itself, called straight in MariaDB
# by as many clients as wrk has connections (tests/bench/book_direct.c),
# over the same slots emptied again, each call a different person
direct_bookings() {   # clients -> "booked_per_s refused failed"
  local slots
  sqlq "UPDATE time_slots SET capacity = 40, booked = 0; DELETE FROM notification_outbox; DELETE FROM bookings"
  slots=$(sqlq "SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id
              WHERE cs.status = 'open' AND t.starts_at > NOW() + INTERVAL 1 HOUR
                AND cs.session_date < CURDATE() + INTERVAL 14 DAY" | tr '\n' ' ')
  read -r ok refused failed < <("$BUILD_DIR/bench/book_direct" "$RUN/mysqld.sock" "$(id -un)" "" "$1" "$SECONDS_EACH" $slots)
  echo "$((ok / SECONDS_EACH)) $refused $failed"
}
mkdir -p "$BUILD_DIR/bench"
cc -O2 -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror tests/bench/book_direct.c -o "$BUILD_DIR/bench/book_direct" \
  $(mariadb_config --cflags --libs) -lpthread
read -r direct_rps direct_refused direct_failed < <(direct_bookings "$CONNS")
echo "book_place called straight in MariaDB by $CONNS clients: $direct_rps bookings/s ($direct_refused refused, $direct_failed failed); through the portal: $booked_rps/s, ratio $(python3 -c "print('%.2f' % ($booked_rps / max($direct_rps, 1)))")"
read -r direct_w_rps _ _ < <(direct_bookings "${PORTAL_WORKERS:-4}")
echo "book_place straight by ${PORTAL_WORKERS:-4} clients (the handlers' connections): $direct_w_rps bookings/s"
over_direct=$(sqlq "SELECT COUNT(*) FROM time_slots t WHERE t.booked > t.capacity
             OR t.booked <> (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = t.id AND b.status = 'booked')")
over=$((over + over_direct))

WORKERS=${PORTAL_WORKERS:-4}
commit_rps=$(bare_commits "$CONNS")
worker_commit_rps=$(bare_commits "$WORKERS")
echo "bare MariaDB commits (mariadb-slap): $commit_rps/s with $CONNS clients, $worker_commit_rps/s with $WORKERS (the handlers' connections)"

# the survey results page with 100,000 responses (its own "surveys:" line)
bash tests/bench/surveys.sh

python3 - "$dyn_rps" "$static_rps" "$dyn_p99" "$cached_rps" "$week_rps" "$week_p99" "$booked_rps" "$commit_rps" \
  "$worker_commit_rps" "$over" "$cached_p99" "$cached_max" "$home_p99" "$home_max" "$cdoc_p99" "$cdoc_max" \
  "$report_rps" "$report_p99" "$mllp_rate" "$direct_rps" "$one_rps" "$direct_w_rps" "$uhome_rps" "$uhome_p99" "$light_rps" "$light_p99" <<'PY'
import sys
(dyn, static, p99, cached, week, week_p99, booked, commits, worker_commits, over,
 cached_p99, cached_max, home_p99, home_max, cdoc_p99, cdoc_max, report, report_p99, mllp, direct, one,
 direct_w, uhome, uhome_p99, light, light_p99) = map(float, sys.argv[1:])
print("bench: cached_notices_p99_ms=%.1f cached_notices_max_ms=%.1f cached_home_p99_ms=%.1f cached_home_max_ms=%.1f"
      " cached_doctor_p99_ms=%.1f cached_doctor_max_ms=%.1f"
      % (cached_p99, cached_max, home_p99, home_max, cdoc_p99, cdoc_max), end=" ")
print("dynamic_rps=%d static_rps=%d ratio=%.3f p99_ms=%.1f cached_rps=%d cached_ratio=%.3f"
      " doctor_week_rps=%d doctor_week_p99_ms=%.1f bookings_per_s=%d bare_commits_per_s=%d"
      " booking_ratio=%.2f bare_commits_at_workers_per_s=%d booking_ratio_at_workers=%.2f overbooked_slots=%d"
      % (dyn, static, dyn / static, p99, cached, cached / static, week, week_p99, booked, commits,
         booked / commits, worker_commits, booked / worker_commits, over), end=" ")
print("report_rps=%d report_p99_ms=%.1f report_ratio=%.3f mllp_messages_per_s=%d"
      % (report, report_p99, report / static, mllp), end=" ")
print("book_place_direct_per_s=%d booking_ratio_to_procedure=%.2f book_place_direct_at_workers_per_s=%d"
      " booking_ratio_to_procedure_at_workers=%.2f bookings_one_address_per_s=%d home_uncached_rps=%d home_uncached_p99_ms=%.1f"
      % (direct, booked / max(direct, 1), direct_w, booked / max(direct_w, 1), one, uhome, uhome_p99), end=" ")
print("dynamic_at_8_connections_rps=%d dynamic_at_8_connections_p99_ms=%.1f" % (light, light_p99))
PY
