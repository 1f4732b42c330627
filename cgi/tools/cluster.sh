#!/usr/bin/env bash
# The portal on several boxes, on one machine: a three-node MariaDB Galera
# cluster on loopback, three handler "hosts" (each its own public, forms and
# office pools and notification sender, as cgi/tools/stack.sh host-start
# makes them) and nginx in front with an upstream over the three hosts.
#
#   cluster.sh start | stop | status | node-stop N | node-start N
#              | host-stop N | host-start N | sql N ARGS...
#              | cut node|host N | heal node|host N
#
# Everything lives under run/cluster/; to the tests and tools it looks like
# one instance named "cluster" (a database socket, secrets, an SMS log).  `start` makes a fresh cluster with
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
# Networks.  Run by root where `ip netns` works, every node and every
# handler host gets a network namespace of its own (portal-n1..3,
# portal-h1..3), linked by veth pairs to one bridge in a switch namespace
# (portal-sw) on a private subnet, 10.88.0.0/24: node N is 10.88.0.N, host
# H 10.88.0.(10+H), and nothing is routed to or from any other network.
# The handlers reach the nodes over TCP there, so `cut node N` (its link to
# the switch taken down) really cuts it off from the other nodes and from
# every host, and `cut host H` cuts a host off from every node; `heal`
# brings the link back.  nginx stays in the machine's own namespace and
# reaches the hosts by their Unix sockets.  Otherwise (not root), or with
# PORTAL_CLUSTER_NETNS=0, all of it runs on loopback and cut/heal refuse.
#
# Environment: PORTAL_CLUSTER_PORT (8900): nginx listens there (the
# uncached origin on +1); on loopback node N uses ports +10+N (SQL), +20+N
# (Galera group), +30+N (IST) and +40+N (SST).  PORTAL_BUILD,
# PORTAL_WORKERS (2).
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

if [ -z "${PORTAL_CLUSTER_NETNS:-}" ]; then
  PORTAL_CLUSTER_NETNS=0
  if [ "$(id -u)" = 0 ] && ip netns list >/dev/null 2>&1; then PORTAL_CLUSTER_NETNS=1; fi
fi
NETNS=$PORTAL_CLUSTER_NETNS
SUBNET=10.88.0

say() { echo "[cluster] $*"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
node_sock() { echo "$CL/node$1/mysqld.sock"; }
sql_node() { local n=$1; shift; mariadb --no-defaults -S "$(node_sock "$n")" -u "$ADMIN_USER" "$@"; }

# Where node N listens: its own address in its namespace, or loopback
# with ports of its own.
node_ip() { if [ "$NETNS" = 1 ]; then echo "$SUBNET.$1"; else echo 127.0.0.1; fi; }
node_port() {  # node_port N sql|group|ist|sst
  local n=$1 off
  case $2 in sql) off=10 ;; group) off=20 ;; ist) off=30 ;; sst) off=40 ;; esac
  if [ "$NETNS" = 1 ]; then
    case $2 in sql) echo 3306 ;; group) echo 4567 ;; ist) echo 4568 ;; sst) echo 4444 ;; esac
  else
    echo $((BASE + off + n))
  fi
}
in_node() { if [ "$NETNS" = 1 ]; then echo "ip netns exec portal-n$1"; fi; }

gcomm() {
  local list="" n
  for n in $(seq $NODES); do list="$list${list:+,}$(node_ip "$n"):$(node_port "$n" group)"; done
  echo "gcomm://$list"
}

# The nodes in the order host N should try them: N, N+1, ... (wrapping);
# over TCP when the hosts have namespaces, else by socket.
nodes_for_host() {
  local h=$1 list="" k n
  for k in $(seq 0 $((NODES - 1))); do
    n=$(( (h - 1 + k) % NODES + 1 ))
    if [ "$NETNS" = 1 ]; then list="$list${list:+,}$(node_ip "$n"):$(node_port "$n" sql)"
    else list="$list${list:+,}$(node_sock "$n")"; fi
  done
  echo "$list"
}

# ---- the namespaces: a switch with a bridge, a namespace per node and host ----
ns_link() {  # ns_link NAMESPACE LINK ADDRESS: a veth pair from NAMESPACE to the bridge
  ip netns add "$1"
  ip -n "$1" link set lo up
  ip link add "$2" type veth peer name "$2s"
  ip link set "$2" netns "$1"
  ip link set "$2s" netns portal-sw
  ip -n portal-sw link set "$2s" master br0 up
  ip -n "$1" addr add "$3/24" dev "$2"
  ip -n "$1" link set "$2" up
}

net_up() {
  [ "$NETNS" = 1 ] || return 0
  net_down
  ip netns add portal-sw
  ip -n portal-sw link set lo up
  ip -n portal-sw link add br0 type bridge
  ip -n portal-sw link set br0 up
  local i
  for i in $(seq $NODES); do ns_link "portal-n$i" "pn$i" "$SUBNET.$i"; done
  for i in $(seq $NODES); do ns_link "portal-h$i" "ph$i" "$SUBNET.$((10 + i))"; done
  say "network namespaces: nodes $SUBNET.1-$NODES, hosts $SUBNET.11-$((10 + NODES)), one bridge"
}

net_down() {
  [ "$NETNS" = 1 ] || return 0
  local ns
  for ns in $(ip netns list | awk '{print $1}' | grep -E '^portal-(sw|n[0-9]+|h[0-9]+)$' || true); do
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns del "$ns"
  done
}

link_set() {  # link_set node|host N up|down
  [ "$NETNS" = 1 ] || { say "cut and heal need the network namespaces (root)"; exit 2; }
  local link
  case $1 in node) link=pn$2s ;; host) link=ph$2s ;; *) exit 2 ;; esac
  ip -n portal-sw link set "$link" "$3"
}

# The handlers' accounts are 'portal_x'@'localhost'; over the hosts'
# network they connect from 10.88.0.x, so each gets the same account there,
# with the same password and grants.
accounts_for_hosts() {
  [ "$NETNS" = 1 ] || return 0
  local u stmt
  for u in $(sql_node 1 -N -e "SELECT User FROM mysql.user WHERE Host = 'localhost' AND User LIKE 'portal\\_%'"); do
    stmt=$(sql_node 1 -N -e "SHOW CREATE USER '$u'@'localhost'" | sed "s/@\`localhost\`/@\`$SUBNET.%\`/; s/^CREATE USER/CREATE OR REPLACE USER/")
    sql_node 1 -e "$stmt"
    sql_node 1 -N -e "SHOW GRANTS FOR '$u'@'localhost'" | grep -v '^GRANT USAGE' |
      sed "s/@\`localhost\`/@\`$SUBNET.%\`/" | while read -r g; do sql_node 1 -e "$g"; done
  done
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
  # the SST script finds the socket and port in the options it is passed;
  # --skip-name-resolve: the accounts name addresses, and a reverse DNS
  # lookup of each new client (no resolver answers in the namespaces) made
  # every reconnect wait for the resolver's timeout; --innodb-lock-wait-timeout
  # 3 s, below the handlers' 5 s: a local transaction that Galera fails to
  # abort for a replicated write (it waits on another lock) ends in 3 s and
  # is run again by the handler, instead of the cluster waiting 50 s
  $(in_node "$n") mariadbd --no-defaults --datadir="$dir/db" --socket="$(node_sock "$n")" --pid-file="$dir/mariadb.pid" \
    --bind-address="$(node_ip "$n")" --port="$(node_port "$n" sql)" --user="$NODE_USER" \
    --log-error="$dir/logs/mariadb.log" --default-time-zone=+08:00 --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=128M \
    --innodb-flush-log-at-trx-commit=1 --max-connections=500 \
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 --skip-name-resolve \
    --wsrep-on=ON --wsrep-provider=$PROVIDER --wsrep-cluster-name=portal \
    --wsrep-cluster-address="$(gcomm)" --wsrep-node-name="node$n" --wsrep-node-address="$(node_ip "$n")" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://$(node_ip "$n"):$(node_port "$n" group);ist.recv_addr=$(node_ip "$n"):$(node_port "$n" ist);gcache.size=128M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="$(node_ip "$n"):$(node_port "$n" sst)" \
    --wsrep-slave-threads=2 --innodb-lock-wait-timeout=3 "$@" >/dev/null 2>&1 &
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

# The lab system's MLLP listener, one for the cluster, on loopback port
# BASE+5 as in the one-box portal, given every node by its socket.
lis() {  # lis listener lis-start|lis-stop
  local sockets="" n
  for n in $(seq $NODES); do sockets="$sockets${sockets:+,}$(node_sock "$n")"; done
  PORTAL_INSTANCE=cluster PORTAL_PORT="$BASE" PORTAL_DB_SOCKET="$(node_sock 1)" PORTAL_DB_NODES="$sockets" \
    PORTAL_SECRETS="$SECRETS" bash "$ROOT/cgi/tools/stack.sh" "$2" | sed "s/^/[$1] /"
}

host() {  # host N host-start|host-stop: stack.sh for handler host N
  local exec_in=""
  [ "$NETNS" = 1 ] && exec_in="ip netns exec portal-h$1"
  PORTAL_INSTANCE=cluster/host$1 PORTAL_DB_SOCKET="$(node_sock "$1")" PORTAL_DB_NODES="$(nodes_for_host "$1")" \
    PORTAL_SECRETS="$SECRETS" PORTAL_EXEC="$exec_in" \
    PORTAL_SMS_TRANSPORT="${PORTAL_SMS_TRANSPORT:-log:$CL/logs/sms.log}" \
    bash "$ROOT/cgi/tools/stack.sh" "$2" | sed "s/^/[host $1] /"
}

start_nginx() {
  local user_line="" ups_public="" ups_forms="" ups_office="" h
  [ "$(id -u)" = 0 ] && user_line="user www-data www-data;"
  for h in $(seq $NODES); do
    ups_public="$ups_public server unix:$CL/host$h/sock/public.sock max_fails=2 fail_timeout=5s;"
    ups_forms="$ups_forms server unix:$CL/host$h/sock/forms.sock max_fails=2 fail_timeout=5s;"
    ups_office="$ups_office server unix:$CL/host$h/sock/office.sock max_fails=2 fail_timeout=5s;"
  done
  mkdir -p "$CL/nginx/tmp" "$CL/logs"
  sed -e "s|@RUN@|$CL|g; s|@ROOT@|$ROOT|g; s|@PORT@|$BASE|g; s|@ORIGIN_PORT@|$((BASE + 1))|g" \
      -e "s|@USER_LINE@|$user_line|; s|@UPSTREAM_PUBLIC@|$ups_public|; s|@UPSTREAM_FORMS@|$ups_forms|; s|@UPSTREAM_OFFICE@|$ups_office|" \
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
  [ -f "$CL/lis-listener.pid" ] && lis listener lis-stop
  for n in $(seq $NODES -1 1); do stop_node "$n"; done
  net_down
  return 0
}

case "${1:-}" in
  start)
    stop_all
    rm -rf "$CL"
    mkdir -p "$CL" "$SECRETS"
    chmod 700 "$SECRETS"
    net_up
    start_node 1 --wsrep-new-cluster
    PORTAL_INSTANCE=cluster PORTAL_DB_SOCKET="$(node_sock 1)" PORTAL_SECRETS="$SECRETS" \
      bash "$ROOT/cgi/tools/stack.sh" schema | sed 's/^/[node 1] /'
    accounts_for_hosts
    # seen from outside, the cluster is one instance: run/cluster/ has a
    # database socket (node 1's), the secrets, and one SMS log (the
    # gateway's) that every host's sender writes to
    ln -sf "$(node_sock 1)" "$CL/mysqld.sock"
    mkdir -p "$CL/logs"
    for n in $(seq 2 $NODES); do start_node "$n"; done
    for h in $(seq $NODES); do host "$h" host-start; done
    lis listener lis-start
    start_nginx
    wait_healthy
    say "the portal is running on $NODES hosts and $NODES Galera nodes: http://127.0.0.1:$BASE/"
    say "cluster size: $(sql_node 1 -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}')"
    ;;
  stop) stop_all ;;
  status)
    for n in $(seq $NODES); do echo "node $n: $(node_state "$n" || true)"; done
    for h in $(seq $NODES); do
      for f in public forms office sender; do
        if alive "$CL/host$h/$f.pid"; then echo "host $h $f: running"; else echo "host $h $f: stopped"; fi
      done
    done ;;
  node-stop) stop_node "$2" ;;
  node-start) start_node "$2" ;;
  host-stop) host "$2" host-stop ;;
  host-start) host "$2" host-start ;;
  sql) n=$2; shift 2; sql_node "$n" portal "$@" ;;
  cut) link_set "$2" "$3" down ;;
  heal) link_set "$2" "$3" up ;;
  netns) echo "$NETNS" ;;
  *) echo "usage: $0 start|stop|status|node-stop N|node-start N|host-stop N|host-start N|sql N ARGS|cut node|host N|heal node|host N" >&2; exit 2 ;;
esac
