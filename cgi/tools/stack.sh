#!/usr/bin/env bash
# Starts and stops one private instance of the whole portal: MariaDB with
# its data directory under run/<instance>/, the FastCGI handler pools and
# nginx.  Every process is started here and stopped here, by pid.  Pools:
# public (the public program's pages), forms (the same program, for the
# forms the public sends: nginx passes every public POST there, so a page
# never waits behind a booking) and office.
#
#   stack.sh start | stop | status | restart-handlers | sql | user ARGS... | fees ARGS...
#            | schema | host-start | host-stop | lis-start | lis-stop   (pieces of a cluster)
#
# Environment: PORTAL_INSTANCE (default "local"), PORTAL_PORT (8080; the
# uncached origin listens on PORT+1), PORTAL_BUILD (build dir of the
# handler binaries, default "build"), PORTAL_WORKERS (per pool, default 4;
# PORTAL_FORM_WORKERS for the forms pool, default the same),
# PORTAL_DB_STATEMENTS (prepared statements a handler keeps; default db.c's),
# PORTAL_DEMO (1: load demo data; default 1), PORTAL_LIS_PORT (the MLLP
# listener's loopback port for the lab system, default PORT+5).
# For a cluster (cgi/tools/cluster.sh): PORTAL_DB_SOCKET is the database to
# set up (default this instance's own MariaDB), PORTAL_DB_NODES the nodes
# the handlers are given (comma-separated; default PORTAL_DB_SOCKET), and
# PORTAL_SECRETS the directory of the accounts' passwords, shared by hosts,
# and PORTAL_EXEC a command the handlers are started under (a host's
# network namespace: "ip netns exec portal-h1").
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
INSTANCE=${PORTAL_INSTANCE:-local}
PORT=${PORTAL_PORT:-8080}
ORIGIN_PORT=$((PORT + 1))
LIS_PORT=${PORTAL_LIS_PORT:-$((PORT + 5))}
BUILD=${PORTAL_BUILD:-build}
WORKERS=${PORTAL_WORKERS:-4}
FORM_WORKERS=${PORTAL_FORM_WORKERS:-$WORKERS}
NGINX_WORKERS=${PORTAL_NGINX_WORKERS:-1}
DEMO=${PORTAL_DEMO:-1}
RUN=$ROOT/run/$INSTANCE
DB_SOCK=${PORTAL_DB_SOCKET:-$RUN/mysqld.sock}
DB_NODES=${PORTAL_DB_NODES:-$DB_SOCK}
SECRETS=${PORTAL_SECRETS:-$RUN/secrets}
read -r -a EXEC <<<"${PORTAL_EXEC:-}"
ADMIN_USER=$(id -un)
if [ "$(id -u)" = 0 ]; then WEB_USER=www-data; else WEB_USER=$ADMIN_USER; fi

say() { echo "[$INSTANCE] $*"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
sql() { mariadb --no-defaults -S "$DB_SOCK" -u "$ADMIN_USER" "$@"; }

stop_pid() {  # stop_pid FILE NAME: SIGTERM, wait up to 10 s, then SIGKILL
  local file=$1 name=$2 pid
  alive "$file" || { rm -f "$file"; return 0; }
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then say "$name did not stop, killing"; kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$file"
  say "stopped $name"
}

make_dirs() {
  mkdir -p "$RUN/logs" "$SECRETS" "$RUN/sock" "$RUN/nginx/tmp"
  chmod 700 "$SECRETS"
}

start_mariadb() {
  make_dirs
  if [ ! -d "$RUN/db/mysql" ]; then
    say "creating MariaDB data directory $RUN/db"
    mariadb-install-db --no-defaults --datadir="$RUN/db" --user="$ADMIN_USER" \
      --auth-root-authentication-method=socket --skip-test-db >"$RUN/logs/install-db.log" 2>&1
  fi
  if ! alive "$RUN/mariadb.pid"; then
    mariadbd --no-defaults --datadir="$RUN/db" --socket="$DB_SOCK" --pid-file="$RUN/mariadb.pid" \
      --skip-networking --user="$ADMIN_USER" --log-error="$RUN/logs/mariadb.log" \
      --default-time-zone=+08:00 --character-set-server=utf8mb4 \
      --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=256M \
      --innodb-flush-log-at-trx-commit=1 --max-connections=500 >/dev/null 2>&1 &
    for _ in $(seq 300); do
      mariadb-admin --no-defaults -S "$DB_SOCK" -u "$ADMIN_USER" ping >/dev/null 2>&1 && break
      sleep 0.1
    done
    mariadb-admin --no-defaults -S "$DB_SOCK" -u "$ADMIN_USER" ping >/dev/null 2>&1 ||
      { say "MariaDB did not start; see $RUN/logs/mariadb.log"; exit 1; }
    say "MariaDB running (socket $DB_SOCK)"
  fi
}

# Applies each numbered migration once, in order, and records it; demo
# data is applied the same way under the name demo/NNN.
migrate() {
  sql -e "CREATE DATABASE IF NOT EXISTS portal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
          CREATE TABLE IF NOT EXISTS portal.schema_migrations (
            version VARCHAR(64) NOT NULL PRIMARY KEY,
            applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)"
  local files=("$ROOT"/sql/[0-9]*.sql)
  [ "$DEMO" = 1 ] && files+=("$ROOT"/sql/demo/[0-9]*.sql)
  for f in "${files[@]}"; do
    local version=${f#"$ROOT"/sql/}
    version=${version%.sql}
    if [ -z "$(sql -N portal -e "SELECT 1 FROM schema_migrations WHERE version = '$version'")" ]; then
      say "applying $version"
      { cat "$f"; echo; echo "INSERT INTO schema_migrations (version) VALUES ('$version');"; } | sql portal
    fi
  done
  # the demo schedule rolls forward: today and the next 13 days, every start
  [ "$DEMO" = 1 ] && sql portal <"$ROOT/sql/demo/schedule.sql"
  # fresh index statistics for what was just loaded: InnoDB recounts them
  # later and on its own node only, so a cluster's nodes that join by state
  # transfer right after would plan the booking pages' joins from the
  # statistics of empty tables (five times slower, measured)
  local tables
  tables=$(sql -N portal -e "SELECT GROUP_CONCAT(CONCAT('\`', table_name, '\`')) FROM information_schema.tables
                              WHERE table_schema = 'portal' AND table_type = 'BASE TABLE'")
  [ -n "$tables" ] && sql portal -e "ANALYZE TABLE $tables" >/dev/null
  return 0
}

# Accounts and grants (sql/grants.sql, then sql/grants.d/*.sql) with passwords made here, once.
grant() {
  local who
  for who in public office sender lis; do
    [ -s "$SECRETS/$who.pw" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$SECRETS/$who.pw")
  done
  sql <"$ROOT/sql/grants.sql"
  # each service's own accounts and grants, after the common file
  local f
  for f in "$ROOT"/sql/grants.d/*.sql; do [ -e "$f" ] && sql <"$f"; done
  sql -e "ALTER USER 'portal_public'@'localhost' IDENTIFIED BY '$(cat "$SECRETS/public.pw")';
          ALTER USER 'portal_office'@'localhost' IDENTIFIED BY '$(cat "$SECRETS/office.pw")';
          ALTER USER 'portal_sender'@'localhost' IDENTIFIED BY '$(cat "$SECRETS/sender.pw")';
          ALTER USER 'portal_lis'@'localhost' IDENTIFIED BY '$(cat "$SECRETS/lis.pw")';"
}

start_pool() {  # start_pool public|forms|office
  local who=$1 program=public workers=$WORKERS max_body=65536
  case "$who" in
    forms) workers=$FORM_WORKERS ;;
    office) program=office; max_body=524288 ;;
  esac
  alive "$RUN/$who.pid" && return 0
  [ -x "$ROOT/$BUILD/portal-$program" ] || { say "missing $BUILD/portal-$program: run make"; exit 1; }
  chown "$WEB_USER" "$RUN/sock" 2>/dev/null || true
  ${EXEC[@]+"${EXEC[@]}"} "$ROOT/$BUILD/portal-$program" --socket "$RUN/sock/$who.sock" --workers "$workers" \
    --user "$WEB_USER" --pid-file "$RUN/$who.pid" --templates "$ROOT/templates" \
    --db-socket "$DB_NODES" --db-user "portal_$program" --db-password-file "$SECRETS/$program.pw" \
    --max-body "$max_body" ${PORTAL_DB_STATEMENTS:+--db-statements "$PORTAL_DB_STATEMENTS"} \
    >>"$RUN/logs/$who.log" 2>&1 &
  for _ in $(seq 100); do [ -S "$RUN/sock/$who.sock" ] && alive "$RUN/$who.pid" && break; sleep 0.05; done
  alive "$RUN/$who.pid" || { say "portal-$program ($who) did not start; see $RUN/logs/$who.log"; exit 1; }
  say "portal-$program ($who): $workers workers"
}
start_pools() { start_pool public; start_pool forms; start_pool office; }
stop_pools() {
  stop_pid "$RUN/public.pid" portal-public; stop_pid "$RUN/forms.pid" "portal-public (forms)"
  stop_pid "$RUN/office.pid" portal-office
}

# The notification sender; its transport is PORTAL_SMS_TRANSPORT, by default
# a log file (run/<instance>/logs/sms.log) instead of a real SMS gateway.
start_sender() {
  alive "$RUN/sender.pid" && return 0
  [ -x "$ROOT/$BUILD/portal-sender" ] || { say "missing $BUILD/portal-sender: run make"; exit 1; }
  ${EXEC[@]+"${EXEC[@]}"} "$ROOT/$BUILD/portal-sender" --templates "$ROOT/templates" --db-socket "$DB_NODES" \
    --db-user portal_sender --db-password-file "$SECRETS/sender.pw" \
    --transport "${PORTAL_SMS_TRANSPORT:-log:$RUN/logs/sms.log}" >>"$RUN/logs/sender.log" 2>&1 &
  echo $! >"$RUN/sender.pid"
  say "notification sender: ${PORTAL_SMS_TRANSPORT:-log:$RUN/logs/sms.log}"
}

# The MLLP listener for the lab system's HL7 results, on loopback only, as
# the portal_lis account (lab tables only).
start_listener() {
  alive "$RUN/lis-listener.pid" && return 0
  [ -x "$ROOT/$BUILD/portal-lis-listener" ] || { say "missing $BUILD/portal-lis-listener: run make"; exit 1; }
  "$ROOT/$BUILD/portal-lis-listener" --listen "127.0.0.1:$LIS_PORT" --db-socket "$DB_NODES" \
    --db-user portal_lis --db-password-file "$SECRETS/lis.pw" >>"$RUN/logs/lis-listener.log" 2>&1 &
  echo $! >"$RUN/lis-listener.pid"
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$LIS_PORT") 2>/dev/null && break
    alive "$RUN/lis-listener.pid" || break
    sleep 0.1
  done
  alive "$RUN/lis-listener.pid" || { say "portal-lis-listener did not start; see $RUN/logs/lis-listener.log"; exit 1; }
  say "HL7 MLLP listener on 127.0.0.1:$LIS_PORT"
}

start_nginx() {
  local user_line=""
  [ "$(id -u)" = 0 ] && user_line="user www-data www-data;"
  # PORTAL_TRUST_FORWARDED=1 (the benchmark's instance): the client's
  # address is taken from X-Forwarded-For of a request from loopback, as
  # from a hospital's load balancer, so one wrk can play many patients
  local forwarded_line=""
  [ "${PORTAL_TRUST_FORWARDED:-0}" = 1 ] && forwarded_line="set_real_ip_from 127.0.0.1; real_ip_header X-Forwarded-For;"
  sed -e "s|@RUN@|$RUN|g; s|@ROOT@|$ROOT|g; s|@PORT@|$PORT|g; s|@ORIGIN_PORT@|$ORIGIN_PORT|g" \
      -e "s|@USER_LINE@|$user_line|; s|@NGINX_WORKERS@|$NGINX_WORKERS|; s|@FORWARDED_LINE@|$forwarded_line|" \
      "$ROOT/nginx/local.conf.in" >"$RUN/nginx/nginx.conf"
  if alive "$RUN/nginx/nginx.pid"; then
    nginx -q -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf" -s reload
    return 0
  fi
  nginx -q -t -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf" 2>"$RUN/logs/nginx-test.log" ||
    { cat "$RUN/logs/nginx-test.log"; exit 1; }
  nginx -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf"
  say "nginx on http://127.0.0.1:$PORT/ (uncached origin :$ORIGIN_PORT)"
}

# A first office account for a new local portal, with a random password
# shown once and kept only in run/<instance>/secrets (never a default).
demo_account() {
  [ "$DEMO" = 1 ] || return 0
  local file=$SECRETS/office-login.txt
  if [ -z "$(sql -N portal -e "SELECT 1 FROM users LIMIT 1")" ]; then
    local pw
    pw=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    echo "$pw" | "$ROOT/$BUILD/portal-user" --db-socket "$DB_SOCK" --db-user "$ADMIN_USER" \
      add office "办公室管理员" office,admin
    (umask 077; printf 'username: office\npassword: %s\n' "$pw" >"$file")
    say "office account created: username office, password $pw (also in $file)"
  elif [ -f "$file" ]; then
    say "office login: see $file"
  fi
}

# The demo price catalogue (2,400 items), two inpatient stays and an
# outpatient visit with their fees, as the HIS would export them
# (cgi/tools/fees-demo.py), imported through portal-fees like a real export.
demo_fees() {
  [ "$DEMO" = 1 ] || return 0
  [ -n "$(sql -N portal -e "SELECT 1 FROM fee_items LIMIT 1")" ] && return 0
  python3 "$ROOT/cgi/tools/fees-demo.py" "$RUN/demo-fees" "${PORTAL_FEES_DEMO_ITEMS:-2400}"
  local fees=("$ROOT/$BUILD/portal-fees" --db-socket "$DB_SOCK" --db-user "$ADMIN_USER")
  "${fees[@]}" --apply prices "$RUN/demo-fees/prices.csv" | tail -n 1
  "${fees[@]}" charges "$RUN/demo-fees/charges.csv"
  "${fees[@]}" deposits "$RUN/demo-fees/deposits.csv"
}

wait_healthy() {
  for _ in $(seq 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")" = 200 ] && return 0
    sleep 0.1
  done
  say "the portal does not answer /healthz; logs are in $RUN/logs"
  exit 1
}

stop_all() {
  stop_pid "$RUN/nginx/nginx.pid" nginx
  stop_pools
  stop_pid "$RUN/sender.pid" portal-sender
  stop_pid "$RUN/lis-listener.pid" portal-lis-listener
  stop_pid "$RUN/mariadb.pid" MariaDB
}

case "${1:-}" in
  start)
    start_mariadb; migrate; grant
    start_pools; start_sender; start_listener; start_nginx; wait_healthy; demo_account; demo_fees
    say "the portal is running: http://127.0.0.1:$PORT/   (office: http://127.0.0.1:$PORT/office/login)"
    ;;
  stop) stop_all ;;
  # a cluster's pieces (cgi/tools/cluster.sh): the schema on a node, and
  # one handler host (its pools and a sender, no database, no nginx)
  schema) make_dirs; migrate; grant; demo_account; demo_fees ;;
  host-start) make_dirs; start_pools; start_sender ;;
  lis-start) make_dirs; start_listener ;;
  lis-stop) stop_pid "$RUN/lis-listener.pid" portal-lis-listener ;;
  host-stop) stop_pools; stop_pid "$RUN/sender.pid" portal-sender ;;
  restart-handlers)
    stop_pools; stop_pid "$RUN/lis-listener.pid" portal-lis-listener
    start_pools; start_listener; wait_healthy ;;
  status)
    for f in mariadb public forms office sender lis-listener nginx/nginx; do
      if alive "$RUN/$f.pid"; then echo "$f: running ($(cat "$RUN/$f.pid"))"; else echo "$f: stopped"; fi
    done ;;
  sql) shift; sql portal "$@" ;;
  fees) shift; "$ROOT/$BUILD/portal-fees" --db-socket "$DB_SOCK" --db-user "$ADMIN_USER" "$@" ;;
  user) shift; "$ROOT/$BUILD/portal-user" --db-socket "$DB_SOCK" --db-user "$ADMIN_USER" "$@" ;;
  *) echo "usage: $0 start|stop|status|restart-handlers|sql|user ARGS|schema|host-start|host-stop|lis-start|lis-stop" >&2; exit 2 ;;
esac
