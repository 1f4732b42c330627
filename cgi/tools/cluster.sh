#!/usr/bin/env bash
# The portal on several boxes, on one machine: a three-node MariaDB Galera
# cluster on loopback, three handler "hosts" (each its own public and
# office pools and notification sender, as cgi/tools/stack.sh host-start
# makes them) and nginx in front with an upstream over the three hosts.
#
#   cluster.sh start | stop | status | node-stop N | node-start N
#              | host-stop N | host-start N | sql N ARGS...
#
# Everything lives under run/cluster/.  `start` makes a fresh cluster with
# the demo data every time: node 1 bootstraps it (--wsrep-new-cluster) and
# gets the schema, nodes 2 and 3 join by state transfer (SST, rsync).  A
# node stopped with node-stop and started again with node-start rejoins
# and catches up from the others' write-set cache (IST).
#
# Host N is given the nodes in the order N, N+1, ...: each host prefers
# its own node and moves to the next when that one goes away (db.c), so
# consecutive requests of one visitor, spread over the hosts by nginx,
# land on different hosts and different database nodes.
#
# Environment: PORTAL_CLUSTER_PORT (8900): nginx listens there (the
# uncached origin on +1); node N uses ports +10+N (SQL), +20+N (Galera
# group), +30+N (IST) and +40+N (SST).  PORTAL_BUILD, PORTAL_WORKERS (2).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BASE=${PORTAL_CLUSTER_PORT:-8900}
BUILD=${PORTAL_BUILD:-build}
export PORTAL_WORKERS=${PORTAL_WORKERS:-2} PORTAL_BUILD=$BUILD
CL=$ROOT/run/cluster
SECRETS=$CL/secrets
NODES=3
ADMIN_USER=$(id -un)
# The nodes run as `mysql` when started by root: the rsync state transfer's
# daemon would otherwise drop to `nobody` and could not write the joiner's
# data directory.
if [ "$(id -u)" = 0 ]; then NODE_USER=mysql; else NODE_USER=$ADMIN_USER; fi
PROVIDER=/usr/lib/galera/libgalera_smm.so

say() { echo "[cluster] $*"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
node_sock() { echo "$CL/node$1/mysqld.sock"; }
sql_node() { local n=$1; shift; mariadb --no-defaults -S "$(node_sock "$n")" -u "$ADMIN_USER" "$@"; }

gcomm() {
  local list="" n
  for n in $(seq $NODES); do list="$list${list:+,}127.0.0.1:$((BASE + 20 + n))"; done
  echo "gcomm://$list"
}

# The nodes in the order host N should try them: N, N+1, ... (wrapping).
nodes_for_host() {
  local h=$1 list="" k n
  for k in $(seq 0 $((NODES - 1))); do
    n=$(( (h - 1 + k) % NODES + 1 ))
    list="$list${list:+,}$(node_sock "$n")"
  done
  echo "$list"
}

node_state() {  # the node's wsrep_local_state_comment, or "down"
  sql_node "$1" -N -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}' || true
}

start_node() {  # start_node N [--wsrep-new-cluster]
  local n=$1 dir=$CL/node$1
  shift
  alive "$dir/mariadb.pid" && return 0
  mkdir -p "$dir/logs"
  [ "$NODE_USER" = "$ADMIN_USER" ] || chown -R "$NODE_USER" "$dir"
  if [ ! -d "$dir/db/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$dir/db" --user="$NODE_USER" \
      --auth-root-authentication-method=socket --skip-test-db >"$dir/logs/install-db.log" 2>&1
  fi
  # the SST script finds the socket and port in the options it is passed
  mariadbd --no-defaults --datadir="$dir/db" --socket="$(node_sock "$n")" --pid-file="$dir/mariadb.pid" \
    --bind-address=127.0.0.1 --port=$((BASE + 10 + n)) --user="$NODE_USER" \
    --log-error="$dir/logs/mariadb.log" --default-time-zone=+08:00 --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=128M \
    --innodb-flush-log-at-trx-commit=1 --max-connections=500 \
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 \
    --wsrep-on=ON --wsrep-provider=$PROVIDER --wsrep-cluster-name=portal \
    --wsrep-cluster-address="$(gcomm)" --wsrep-node-name="node$n" --wsrep-node-address=127.0.0.1 \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$((BASE + 20 + n));ist.recv_addr=127.0.0.1:$((BASE + 30 + n));gcache.size=128M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address=127.0.0.1:$((BASE + 40 + n)) \
    --wsrep-slave-threads=2 "$@" >/dev/null 2>&1 &
  for _ in $(seq 600); do
    [ "$(node_state "$n")" = Synced ] && { say "node $n synced"; return 0; }
    sleep 0.1
  done
  say "node $n did not reach Synced; see $dir/logs/mariadb.log"
  exit 1
}

stop_node() {
  local n=$1 file=$CL/node$1/mariadb.pid pid
  alive "$file" || return 0
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  rm -f "$file"
  say "node $n stopped"
}

host_env() {  # the stack.sh environment of handler host N
  echo PORTAL_INSTANCE=cluster/host$1 PORTAL_DB_SOCKET="$(node_sock "$1")" \
       PORTAL_DB_NODES="$(nodes_for_host "$1")" PORTAL_SECRETS="$SECRETS"
}

host() {  # host N host-start|host-stop
  env $(host_env "$1") bash "$ROOT/cgi/tools/stack.sh" "$2" | sed "s/^/[host $1] /"
}

start_nginx() {
  local user_line="" ups_public="" ups_office="" h
  [ "$(id -u)" = 0 ] && user_line="user www-data www-data;"
  for h in $(seq $NODES); do
    ups_public="$ups_public server unix:$CL/host$h/sock/public.sock max_fails=2 fail_timeout=5s;"
    ups_office="$ups_office server unix:$CL/host$h/sock/office.sock max_fails=2 fail_timeout=5s;"
  done
  mkdir -p "$CL/nginx/tmp" "$CL/logs"
  sed -e "s|@RUN@|$CL|g; s|@ROOT@|$ROOT|g; s|@PORT@|$BASE|g; s|@ORIGIN_PORT@|$((BASE + 1))|g" \
      -e "s|@USER_LINE@|$user_line|; s|@UPSTREAM_PUBLIC@|$ups_public|; s|@UPSTREAM_OFFICE@|$ups_office|" \
      "$ROOT/nginx/cluster.conf.in" >"$CL/nginx/nginx.conf"
  if alive "$CL/nginx/nginx.pid"; then
    nginx -q -p "$CL/nginx" -c "$CL/nginx/nginx.conf" -s reload
    return 0
  fi
  nginx -q -t -p "$CL/nginx" -c "$CL/nginx/nginx.conf" 2>"$CL/logs/nginx-test.log" ||
    { cat "$CL/logs/nginx-test.log"; exit 1; }
  nginx -p "$CL/nginx" -c "$CL/nginx/nginx.conf"
}

wait_healthy() {
  for _ in $(seq 200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BASE/healthz")" = 200 ] && return 0
    sleep 0.1
  done
  say "the cluster does not answer /healthz"
  exit 1
}

stop_all() {
  local h n
  if alive "$CL/nginx/nginx.pid"; then kill "$(cat "$CL/nginx/nginx.pid")" 2>/dev/null || true; rm -f "$CL/nginx/nginx.pid"; fi
  for h in $(seq $NODES); do [ -d "$CL/host$h" ] && host "$h" host-stop; done
  for n in $(seq $NODES -1 1); do stop_node "$n"; done
  return 0
}

case "${1:-}" in
  start)
    stop_all
    rm -rf "$CL"
    mkdir -p "$CL" "$SECRETS"
    chmod 700 "$SECRETS"
    start_node 1 --wsrep-new-cluster
    PORTAL_INSTANCE=cluster/node1 PORTAL_DB_SOCKET="$(node_sock 1)" PORTAL_SECRETS="$SECRETS" \
      bash "$ROOT/cgi/tools/stack.sh" schema | sed 's/^/[node 1] /'
    for n in $(seq 2 $NODES); do start_node "$n"; done
    for h in $(seq $NODES); do host "$h" host-start; done
    start_nginx
    wait_healthy
    say "the portal is running on $NODES hosts and $NODES Galera nodes: http://127.0.0.1:$BASE/"
    say "cluster size: $(sql_node 1 -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}')"
    ;;
  stop) stop_all ;;
  status)
    for n in $(seq $NODES); do echo "node $n: $(node_state "$n" || true)"; done
    for h in $(seq $NODES); do
      for f in public office sender; do
        if alive "$CL/host$h/$f.pid"; then echo "host $h $f: running"; else echo "host $h $f: stopped"; fi
      done
    done ;;
  node-stop) stop_node "$2" ;;
  node-start) start_node "$2" ;;
  host-stop) host "$2" host-stop ;;
  host-start) host "$2" host-start ;;
  sql) n=$2; shift 2; sql_node "$n" portal "$@" ;;
  *) echo "usage: $0 start|stop|status|node-stop N|node-start N|host-stop N|host-start N|sql N ARGS" >&2; exit 2 ;;
esac
