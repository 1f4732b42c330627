#!/usr/bin/env bash
# make bench-cluster: the same load on one handler host and one MariaDB
# node (the one-box portal) and on three hosts and three Galera nodes
# (cgi/tools/cluster.sh), in one run on this machine:
#   a doctor's day, uncached (reads)       req/s and p99
#   booking POSTs over many slots           committed bookings/s, overbooked slots
# and ends with one line:
#   bench-cluster: one_read_rps=N cluster_read_rps=N ... one_bookings_per_s=N cluster_bookings_per_s=N ...
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-64}
source tests/bench/lib.sh

# one box: its own instance, two workers per pool as each cluster host has
export PORTAL_INSTANCE=bench-one PORTAL_PORT=${BENCH_PORT:-8960} PORTAL_WORKERS=2
RUN=run/bench-one
ORIGIN=http://127.0.0.1:$((PORTAL_PORT + 1))
bash cgi/tools/stack.sh start >/dev/null
one_sql() { bash cgi/tools/stack.sh sql -N -e "$1"; }
doctor=$(one_sql "SELECT doctor_id FROM clinic_sessions GROUP BY doctor_id ORDER BY COUNT(*) DESC LIMIT 1")
read -r one_read one_read_p99 _ < <(run_wrk "$ORIGIN/booking/doctors/$doctor")
read -r one_book one_over _ < <(booking_bench "$ORIGIN" one_sql)
bash cgi/tools/stack.sh stop >/dev/null
echo "one host, one node:      doctor's day $one_read req/s (p99 $one_read_p99 ms), $one_book bookings/s, overbooked $one_over"

# three hosts, three nodes
export PORTAL_CLUSTER_PORT=${BENCH_CLUSTER_PORT:-8900}
RUN=run/cluster
ORIGIN=http://127.0.0.1:$((PORTAL_CLUSTER_PORT + 1))
bash cgi/tools/cluster.sh start >/dev/null
trap 'bash cgi/tools/cluster.sh stop >/dev/null' EXIT
mkdir -p "$RUN/logs"
cl_sql() { bash cgi/tools/cluster.sh sql 1 -N -e "SET SESSION wsrep_sync_wait = 15; $1"; }
doctor=$(cl_sql "SELECT doctor_id FROM clinic_sessions GROUP BY doctor_id ORDER BY COUNT(*) DESC LIMIT 1")
# the nodes that just joined are still settling (the first seconds after a
# state transfer measured a fifth of the rate seen a minute later)
wrk -t2 -c"$CONNS" -d15s "$ORIGIN/booking/doctors/$doctor" >/dev/null 2>&1 || true
read -r cl_read cl_read_p99 _ < <(run_wrk "$ORIGIN/booking/doctors/$doctor")
read -r cl_book cl_over _ < <(booking_bench "$ORIGIN" cl_sql)
conflicts=$(cat run/cluster/host*/logs/public.log run/cluster/host*/logs/forms.log | grep -c 'deadlock, trying again' || true)
echo "three hosts, three nodes: doctor's day $cl_read req/s (p99 $cl_read_p99 ms), $cl_book bookings/s, overbooked $cl_over, $conflicts conflicts retried"
echo "bench-cluster: one_read_rps=$one_read one_read_p99_ms=$one_read_p99 cluster_read_rps=$cl_read cluster_read_p99_ms=$cl_read_p99" \
     "one_bookings_per_s=$one_book cluster_bookings_per_s=$cl_book overbooked_slots=$((one_over + cl_over)) conflicts_retried=$conflicts"
