#!/usr/bin/env bash
# `make html`: the HTTP tests with every HTML page they receive recorded
# (PORTAL_HTML_DUMP), then the Nu Html Checker over those pages (check.js).
# Fails on any HTML error, and when the HTTP tests fail (the pages checked
# are then not all of them).
#
# Uses the test instance like tests/run-all.sh (run/test, port 8180;
# PORTAL_INSTANCE and PORTAL_TEST_PORT choose another): an instance that is
# already running is reused and left running; otherwise a fresh one is
# started for the run and stopped after it.
set -uo pipefail
cd "$(dirname "$0")/../.."
export PORTAL_INSTANCE=${PORTAL_INSTANCE:-test} PORTAL_PORT=${PORTAL_TEST_PORT:-8180}
export PORTAL_URL=http://127.0.0.1:$PORTAL_PORT PORTAL_ORIGIN_URL=http://127.0.0.1:$((PORTAL_PORT + 1))
pages=${PORTAL_HTML_DUMP:-$PWD/build/html-pages-$PORTAL_INSTANCE}
started=0

if curl -fsS -o /dev/null --max-time 5 "$PORTAL_ORIGIN_URL/healthz" 2>/dev/null; then
  echo "== reusing the running instance '$PORTAL_INSTANCE' on :$PORTAL_PORT"
else
  echo "== starting a fresh instance '$PORTAL_INSTANCE' on :$PORTAL_PORT"
  bash cgi/tools/stack.sh stop >/dev/null 2>&1
  # a fresh database, as tests/run-all.sh makes it (only the test instance's)
  if [ "$PORTAL_INSTANCE" = test ]; then rm -rf run/test; fi
  mkdir -p "run/$PORTAL_INSTANCE/logs"
  if ! bash cgi/tools/stack.sh start; then
    echo "html pages: 0 passed, 1 failed"
    exit 1
  fi
  started=1
fi

rm -rf "$pages"
PORTAL_HTML_DUMP=$pages node --test --test-concurrency=1 --test-reporter=dot tests/http/*.test.js
http_rc=$?
[ "$started" = 1 ] && bash cgi/tools/stack.sh stop >/dev/null 2>&1

node tests/html/check.js "$pages"
html_rc=$?
if [ "$http_rc" != 0 ]; then
  echo "the HTTP tests failed: the pages above may not be all the pages they visit" >&2
  exit 1
fi
exit "$html_rc"
