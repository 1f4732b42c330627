#!/usr/bin/env bash
# make bench: wrk on loopback, 64 connections, against
#   dynamic  the notice list (20 notices queried from MariaDB and rendered on
#            every request: the uncached origin server)
#   static   nginx serving a byte-for-byte copy of that page from a file
#   cached   the same list through nginx's 1-second page cache
#   fee search (fees.sh): the catalogue searched uncached, 2,000 and 50,000
#            items, and the time to produce the full price files
#   doctor's week (booking): sessions and slots of one doctor, uncached
#   booking POSTs over many slots (committed bookings/s, no slot above its
#            capacity) against the same MariaDB's bare commit rate (mariadb-slap)
# and ends with one line:
#   bench: dynamic_rps=N static_rps=N ratio=R p99_ms=N cached_rps=N cached_ratio=R ...
set -euo pipefail
cd "$(dirname "$0")/../.."
export PORTAL_INSTANCE=bench PORTAL_PORT=${BENCH_PORT:-8480}
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

# run_wrk URL -> prints "rps p99_ms max_ms"
run_wrk() {
  wrk -t2 -c"$CONNS" -d2s "$1" >/dev/null 2>&1 || true   # warm up
  wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" --latency "$1" | tee -a "$RUN/logs/bench-wrk.txt" |
    python3 -c '
import re, sys
text = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
mx = re.search(r"^\s+Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)", text, re.M)
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if bad: print("warning: %s non-2xx responses" % bad.group(1), file=sys.stderr)
print("%.0f %.2f %.2f" % (rps, float(m.group(1)) * scale, float(mx.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[mx.group(2)]))'
}

read -r dyn_rps dyn_p99 _ < <(run_wrk "$ORIGIN/notices/")
echo "dynamic (uncached) /notices/: $dyn_rps req/s, p99 $dyn_p99 ms"
read -r static_rps static_p99 _ < <(run_wrk "$BASE/bench-static/notices.html")
echo "static copy:                   $static_rps req/s, p99 $static_p99 ms"
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

# booking: POSTs through nginx over many slots, each a different person;
# what counts is what was committed, then no slot may be above capacity
sqlq() { bash cgi/tools/stack.sh sql -N -e "$1"; }
sqlq "UPDATE time_slots SET capacity = 40, booked = 0; DELETE FROM notification_outbox; DELETE FROM bookings"
export BENCH_SLOTS
BENCH_SLOTS=$(sqlq "SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id
                    WHERE cs.status = 'open' AND t.starts_at > NOW() + INTERVAL 1 HOUR
                      AND cs.session_date < CURDATE() + INTERVAL 14 DAY" | tr '\n' ' ')
nslots=$(echo "$BENCH_SLOTS" | wc -w)
jar=$(mktemp)
first=$(echo "$BENCH_SLOTS" | awk '{print $1}')
export BENCH_TOKEN BENCH_COOKIE
BENCH_TOKEN=$(curl -s -c "$jar" "$ORIGIN/booking/slots/$first" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')
BENCH_COOKIE=$(awk '$6 == "csrf" {print $7}' "$jar")
rm -f "$jar"
# every booking is made by a browser that proved its mobile: the proof
# cookies (cgi/core/verify.c) are made here with the instance's key, one
# mobile each; and wrk is one address playing thousands of patients, so the
# per-address booking quota (rate rule booking.client) is raised for this
# run and put back after it
export BENCH_PROOFS=$RUN/bench-proofs.txt
python3 - "$(sqlq "SELECT value FROM app_secrets WHERE name = 'verify'")" "$BENCH_PROOFS" <<'PY'
import base64, hashlib, hmac, sys, time
key, out = bytes.fromhex(sys.argv[1]), sys.argv[2]
expires = int(time.time()) + 3600
with open(out, 'w') as f:
    for n in range(60000):
        mobile = '135%08d' % n
        mac = hmac.new(key, f'mobile:{mobile}:{expires}'.encode(), hashlib.sha256).digest()
        f.write(f'{mobile} {mobile}.{expires}.{base64.urlsafe_b64encode(mac).decode().rstrip("=")[:22]}\n')
PY
quota=$(sqlq "SELECT max_hits FROM rate_rules WHERE scope = 'booking.client'")
sqlq "UPDATE rate_rules SET max_hits = 100000000 WHERE scope = 'booking.client'"
before=$(sqlq "SELECT COUNT(*) FROM bookings")
wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" --latency -s tests/bench/booking.lua "$ORIGIN" >"$RUN/logs/bench-booking.txt" 2>&1
after=$(sqlq "SELECT COUNT(*) FROM bookings")
sqlq "UPDATE rate_rules SET max_hits = $quota WHERE scope = 'booking.client'"
over=$(sqlq "SELECT COUNT(*) FROM time_slots t WHERE t.booked > t.capacity
             OR t.booked <> (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = t.id AND b.status = 'booked')")
booked_rps=$(( (after - before) / SECONDS_EACH ))
echo "booking POSTs over $nslots slots:  $booked_rps committed bookings/s, slots above capacity or miscounted: $over"

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
WORKERS=${PORTAL_WORKERS:-4}
commit_rps=$(bare_commits "$CONNS")
worker_commit_rps=$(bare_commits "$WORKERS")
echo "bare MariaDB commits (mariadb-slap): $commit_rps/s with $CONNS clients, $worker_commit_rps/s with $WORKERS (the handlers' connections)"

python3 - "$dyn_rps" "$static_rps" "$dyn_p99" "$cached_rps" "$week_rps" "$week_p99" "$booked_rps" "$commit_rps" \
  "$worker_commit_rps" "$over" "$cached_p99" "$cached_max" "$home_p99" "$home_max" "$cdoc_p99" "$cdoc_max" <<'PY'
import sys
(dyn, static, p99, cached, week, week_p99, booked, commits, worker_commits, over,
 cached_p99, cached_max, home_p99, home_max, cdoc_p99, cdoc_max) = map(float, sys.argv[1:])
print("bench: cached_notices_p99_ms=%.1f cached_notices_max_ms=%.1f cached_home_p99_ms=%.1f cached_home_max_ms=%.1f"
      " cached_doctor_p99_ms=%.1f cached_doctor_max_ms=%.1f"
      % (cached_p99, cached_max, home_p99, home_max, cdoc_p99, cdoc_max), end=" ")
print("dynamic_rps=%d static_rps=%d ratio=%.3f p99_ms=%.1f cached_rps=%d cached_ratio=%.3f"
      " doctor_week_rps=%d doctor_week_p99_ms=%.1f bookings_per_s=%d bare_commits_per_s=%d"
      " booking_ratio=%.2f bare_commits_at_workers_per_s=%d booking_ratio_at_workers=%.2f overbooked_slots=%d"
      % (dyn, static, dyn / static, p99, cached, cached / static, week, week_p99, booked, commits,
         booked / commits, worker_commits, booked / worker_commits, over))
PY
