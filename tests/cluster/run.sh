#!/usr/bin/env bash
# The cluster tests: starts a fresh three-node cluster with three handler
# hosts (cgi/tools/cluster.sh), runs tests/cluster/*.test.js against it
# (with PORTAL_CLUSTER_FULL=1: every fault in turn, and the HTTP suite) and
# stops it, ending with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
export PORTAL_CLUSTER_PORT=${PORTAL_CLUSTER_PORT:-8900}
export PORTAL_INSTANCE=cluster PORTAL_SQL_SYNC_WAIT=1
export PORTAL_URL=http://127.0.0.1:$PORTAL_CLUSTER_PORT PORTAL_ORIGIN_URL=http://127.0.0.1:$((PORTAL_CLUSTER_PORT + 1))
if ! bash cgi/tools/cluster.sh start >build/cluster-start.log 2>&1; then
  tail -n 30 build/cluster-start.log
  bash cgi/tools/cluster.sh stop >/dev/null 2>&1
  echo "0 passed, 1 failed"
  exit 1
fi
files=(tests/cluster/*.test.js)
# in full (make test-cluster), the HTTP suite too, through the cluster:
# all of it but the three files that stop and start the one-box stack's
# own processes (MariaDB, the sender, a handler pool)
if [ -n "${PORTAL_CLUSTER_FULL:-}" ]; then
  for f in tests/http/*.test.js; do
    case $f in */resilience.test.js|*/outbox-sender.test.js|*/nginx-headers.test.js) ;; *) files+=("$f") ;; esac
  done
fi
out=$(node --test --test-concurrency=1 --test-reporter=tap "${files[@]}" 2>&1)
echo "$out" >build/cluster-tests.tap   # the whole report, for reading afterwards
echo "$out" | grep -E '^(not ok|ok|# (pass|fail))' | head -n 40
echo "$out" | grep -B2 -A30 '^not ok' | head -n 120
bash cgi/tools/cluster.sh stop >/dev/null 2>&1
p=$(echo "$out" | grep -E '^# pass [0-9]+' | tail -n 1 | awk '{print $3}')
f=$(echo "$out" | grep -E '^# fail [0-9]+' | tail -n 1 | awk '{print $3}')
echo "${p:-0} passed, ${f:-1} failed"
[ "${f:-1}" = 0 ]
