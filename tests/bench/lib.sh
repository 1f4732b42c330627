# Shared by the benchmark scripts (tests/bench/run.sh, cluster.sh): sourced,
# with CONNS, SECONDS_EACH and RUN set by the caller.

# run_wrk URL -> prints "rps p99_ms max_ms"
run_wrk() {
  wrk -t2 -c"$CONNS" -d2s "$1" >/dev/null 2>&1 || true   # warm up
  wrk_once "$1" "$SECONDS_EACH"
}

# wrk_once URL SECONDS -> the same, without the warm-up
wrk_once() {
  wrk -t2 -c"$CONNS" -d"$2s" --latency "$1" | tee -a "$RUN/logs/bench-wrk.txt" |
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

# booking_bench ORIGIN SQL_FUNCTION -> prints "bookings_per_s overbooked_slots slots"
# POSTs through nginx over many slots, each a different person; what
# counts is what was committed, then no slot may be above capacity.  Every
# booking is made by a browser that proved its mobile: the proof cookies
# (cgi/core/verify.c) are made here with the instance's key, one mobile
# each; and wrk is one address playing thousands of patients, so the
# per-address booking quota (rate rule booking.client) is raised for the
# run and put back after it.
booking_bench() {
  local origin=$1 q=$2 jar first quota before after over nslots
  $q "UPDATE time_slots SET capacity = 40, booked = 0; DELETE FROM notification_outbox; DELETE FROM bookings"
  export BENCH_SLOTS BENCH_TOKEN BENCH_COOKIE BENCH_PROOFS=$RUN/bench-proofs.txt
  BENCH_SLOTS=$($q "SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id
                    WHERE cs.status = 'open' AND t.starts_at > NOW() + INTERVAL 1 HOUR
                      AND cs.session_date < CURDATE() + INTERVAL 14 DAY" | tr '\n' ' ')
  nslots=$(echo "$BENCH_SLOTS" | wc -w)
  jar=$(mktemp)
  first=$(echo "$BENCH_SLOTS" | awk '{print $1}')
  BENCH_TOKEN=$(curl -s -c "$jar" "$origin/booking/slots/$first" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')
  BENCH_COOKIE=$(awk '$6 == "csrf" {print $7}' "$jar")
  rm -f "$jar"
  python3 - "$($q "SELECT value FROM app_secrets WHERE name = 'verify'")" "$BENCH_PROOFS" <<'PY'
import base64, hashlib, hmac, sys, time
key, out = bytes.fromhex(sys.argv[1]), sys.argv[2]
expires = int(time.time()) + 3600
with open(out, 'w') as f:
    for n in range(60000):
        mobile = '135%08d' % n
        mac = hmac.new(key, f'mobile:{mobile}:{expires}'.encode(), hashlib.sha256).digest()
        f.write(f'{mobile} {mobile}.{expires}.{base64.urlsafe_b64encode(mac).decode().rstrip("=")[:22]}\n')
PY
  quota=$($q "SELECT max_hits FROM rate_rules WHERE scope = 'booking.client'")
  # the address's counter too: a run before this one left it blocked
  $q "UPDATE rate_rules SET max_hits = 100000000 WHERE scope = 'booking.client'; DELETE FROM rate_limits WHERE scope = 'booking.client'"
  before=$($q "SELECT COUNT(*) FROM bookings")
  wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" --latency -s tests/bench/booking.lua "$origin" >"$RUN/logs/bench-booking.txt" 2>&1
  after=$($q "SELECT COUNT(*) FROM bookings")
  $q "UPDATE rate_rules SET max_hits = $quota WHERE scope = 'booking.client'"
  over=$($q "SELECT COUNT(*) FROM time_slots t WHERE t.booked > t.capacity
             OR t.booked <> (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = t.id AND b.status = 'booked')")
  echo "$(( (after - before) / SECONDS_EACH )) $over $nslots"
}
