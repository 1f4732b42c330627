#!/usr/bin/env bash
# Every test of every level, ending with one line "N passed, N failed":
#   1. C unit tests (Check), normal build
#   2. the fuzz target's seed corpus, replayed
#   3. HTTP tests through nginx against a fresh private MariaDB (node --test);
#      every HTML page they receive is then checked by the Nu Html Checker
#   4. browser tests in headless Chromium at a phone viewport (node --test)
#   5. unit and HTTP tests again with the handlers built under ASan+UBSan
#      and a statement cache of 8 (db.c closes the least recently used);
#      any sanitizer report in the handlers' logs counts as a failure
#   6. the cluster tests: three Galera nodes and three handler hosts
#      (tests/cluster/run.sh, its own ports from 8900)
# The portal under test is its own instance (run/test, port 8180), so a
# portal started by `make run` is left alone.
set -uo pipefail
cd "$(dirname "$0")/.."
export PORTAL_INSTANCE=test PORTAL_PORT=${PORTAL_TEST_PORT:-8180}
export PORTAL_URL=http://127.0.0.1:$PORTAL_PORT PORTAL_ORIGIN_URL=http://127.0.0.1:$((PORTAL_PORT + 1))
# sanitizer reports go to the handlers' stderr, which is their log file
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1
passed=0 failed=0
mkdir -p build

count() {  # count LABEL PASSED FAILED
  echo "== $1: $2 passed, $3 failed"
  passed=$((passed + $2)) failed=$((failed + $3))
}

run_check() {  # a Check runner: "100%: Checks: N, Failures: F, Errors: E"
  local label=$1 bin=$2 out
  out=$(cd tests/unit && "../../$bin" 2>&1)
  echo "$out" | tail -n 30
  local line
  line=$(echo "$out" | grep -E 'Checks: [0-9]+' | tail -n 1)
  if [ -z "$line" ]; then count "$label" 0 1; return; fi
  local n f e
  n=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
  f=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
  e=$(echo "$line" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
  count "$label" $((n - f - e)) $((f + e))
}

# The logs a failing test's cause is written to: the handlers' and the
# database's, by the line each had reached when a stage began.
LOGS=(public forms office sender lis-listener mariadb)
log_marks() {
  local name
  for name in "${LOGS[@]}"; do
    if [ -f "run/test/logs/$name.log" ]; then wc -l <"run/test/logs/$name.log"; else echo 0; fi
  done
}
log_errors_since() {  # log_errors_since MARKS...: what the stage logged as errors
  local name mark i=0
  local -a marks=("$@")
  for name in "${LOGS[@]}"; do
    mark=${marks[$i]:-0}; i=$((i + 1))
    [ -f "run/test/logs/$name.log" ] || continue
    tail -n +"$((mark + 1))" "run/test/logs/$name.log" |
      grep -E ' error: |\[ERROR\]|runtime error:|Sanitizer' | grep -v 'killed by signal 9' |
      sed "s|^|  $name.log: |" | tail -n 30
  done
}

run_node() {  # node's test runner, TAP output: "# pass N" / "# fail N"
  local label=$1; shift
  local out
  local -a marks
  mapfile -t marks < <(log_marks)
  out=$(node --test --test-concurrency=1 --test-reporter=tap "$@" 2>&1)
  echo "$out" | grep -E '^(not ok|# (pass|fail|tests))' | head -n 60
  echo "$out" | grep -B2 -A30 '^not ok' | head -n 200
  local p f
  p=$(echo "$out" | grep -E '^# pass [0-9]+' | tail -n 1 | awk '{print $3}')
  f=$(echo "$out" | grep -E '^# fail [0-9]+' | tail -n 1 | awk '{print $3}')
  if [ -z "$p" ]; then count "$label" 0 1; echo "$out" | tail -n 40; return; fi
  if [ "${f:-0}" != 0 ]; then
    echo "-- errors the portal logged while they ran (tests that break things on purpose log some):"
    log_errors_since "${marks[@]}"
    echo "-- the machine then: $(df -h --output=avail,pcent . | tail -n 1 | xargs) disk free/used here;" \
      "$(free -m | awk '/^Mem:/ {print $7 " MB"}') memory available"
  fi
  count "$label" "$p" "$f"
}

run_html() {  # the Nu Html Checker over the pages recorded: "html pages: N passed, N failed"
  local label="html validity (vnu)" out line
  out=$(node tests/html/check.js "$1" 2>&1)
  echo "$out" | head -n 120
  line=$(echo "$out" | grep -E '^html pages: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
  if [ -z "$line" ]; then count "$label" 0 1; return; fi
  count "$label" "$(echo "$line" | awk '{print $3}')" "$(echo "$line" | awk '{print $5}')"
}

sanitizer_reports() {
  local n
  n=$(cat run/test/logs/public.log run/test/logs/forms.log run/test/logs/office.log run/test/logs/sender.log 2>/dev/null | grep -cE 'ERROR: (Address|Leak)Sanitizer|runtime error:' || true)
  if [ "$n" -gt 0 ]; then
    cat run/test/logs/public.log run/test/logs/forms.log run/test/logs/office.log run/test/logs/sender.log 2>/dev/null | head -n 60
    count "sanitizer reports in the handlers" 0 "$n"
  else
    count "sanitizer reports in the handlers (none)" 1 0
  fi
}

echo "== building"
if ! make -s all build/unit-tests >build/make.log 2>&1 || ! make -s asan >>build/make.log 2>&1; then
  cat build/make.log
  echo "0 passed, 1 failed"
  exit 1
fi

run_check "unit tests" build/unit-tests
if [ -x tests/fuzz/run.sh ] || [ -f tests/fuzz/run.sh ]; then
  line=$(bash tests/fuzz/run.sh --regress 2>&1 | tail -n 1)
  echo "$line"
  p=$(echo "$line" | sed -nE 's/.* ([0-9]+) passed, ([0-9]+) failed.*/\1/p')
  f=$(echo "$line" | sed -nE 's/.* ([0-9]+) passed, ([0-9]+) failed.*/\2/p')
  count "fuzz corpus replay" "${p:-0}" "${f:-1}"
fi

echo "== starting a fresh test instance on :$PORTAL_PORT"
bash cgi/tools/stack.sh stop >/dev/null 2>&1
rm -rf run/test
mkdir -p run/test/logs
if ! bash cgi/tools/stack.sh start; then
  count "starting the portal" 0 1
else
  html_pages=$PWD/build/html-pages   # every text/html body the HTTP tests receive
  rm -rf "$html_pages"
  PORTAL_HTML_DUMP=$html_pages run_node "HTTP tests" tests/http/*.test.js
  run_html "$html_pages"
  run_node "browser tests" tests/browser/*.test.js

  echo "== again under AddressSanitizer + UndefinedBehaviorSanitizer"
  run_check "unit tests (ASan+UBSan)" build/asan/unit-tests
  export PORTAL_BUILD=build/asan   # handlers, and the sender the outbox test runs
  # a handful of prepared statements per connection, so every service runs
  # with statements closed and prepared again under the sanitizers
  export PORTAL_DB_STATEMENTS=8
  bash cgi/tools/stack.sh restart-handlers
  run_node "HTTP tests (ASan+UBSan handlers)" tests/http/*.test.js
  bash cgi/tools/stack.sh stop
  sanitizer_reports
fi
bash cgi/tools/stack.sh stop >/dev/null 2>&1

echo "== the cluster: three Galera nodes, three handler hosts"
line=$(PORTAL_BUILD=build bash tests/cluster/run.sh 2>&1 | tee build/cluster-tests.log | tail -n 1)
grep -E '^(not ok|# (pass|fail))' build/cluster-tests.log | head -n 20
grep -A30 '^not ok' build/cluster-tests.log | head -n 80
p=$(echo "$line" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1/p')
f=$(echo "$line" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\2/p')
count "cluster tests" "${p:-0}" "${f:-1}"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
