#!/usr/bin/env bash
# The notice list in PHP-FPM 8.2 beside the portal's handler, in the same
# run (called by tests/bench/run.sh with the instance running):
#   php.sh ORIGIN RUN PORTAL_RPS
# Starts PHP-FPM with as many workers as a handler pool (PORTAL_WORKERS,
# 4), static, with OPcache, the page tests/bench/php/notices.php and the
# portal's own layout around it; prints one line "php: ...".  PHP is not
# one of the portal's dependencies: it is installed here when missing (as
# root), or the comparison is skipped.
set -euo pipefail
ORIGIN=$1 RUN=$2 PORTAL_RPS=$3
source tests/bench/lib.sh
FPM=/usr/sbin/php-fpm8.2
if [ ! -x "$FPM" ] || ! php8.2 -m 2>/dev/null | grep -qx pdo_mysql; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      php8.2-fpm php8.2-mysql php8.2-opcache >"$RUN/logs/php-install.log" 2>&1 || true
    command -v systemctl >/dev/null && systemctl disable --now php8.2-fpm >/dev/null 2>&1 || true
  fi
fi
if [ ! -x "$FPM" ]; then echo "php: skipped (php8.2-fpm not installed)"; exit 0; fi

mkdir -p "$RUN/php"
cp tests/bench/php/notices.php "$RUN/php/"
curl -s "$ORIGIN/notices/" -o "$RUN/php/portal-notices.html"
# the layout the PHP page includes: the portal's page before its heading
# and from the end of its main content
python3 - "$RUN/php" <<'PY'
import sys
d = sys.argv[1]
page = open(d + '/portal-notices.html', encoding='utf-8').read()
head, rest = page.split('<h1 class="page-title">', 1)
open(d + '/header.html', 'w', encoding='utf-8').write(head)
open(d + '/footer.html', 'w', encoding='utf-8').write(rest[rest.index('</main>'):])
PY
user=$(id -un); group=$(id -gn)
[ "$(id -u)" = 0 ] && user=www-data group=www-data
cat >"$RUN/php/php-fpm.conf" <<CONF
[global]
pid = $PWD/$RUN/php/php-fpm.pid
error_log = $PWD/$RUN/logs/php-fpm.log
daemonize = yes
[bench]
user = $user
group = $group
listen = $PWD/$RUN/sock/php.sock
listen.owner = $user
listen.mode = 0660
listen.backlog = 4096
pm = static
pm.max_children = ${PORTAL_WORKERS:-4}
pm.max_requests = 0
clear_env = yes
env[BENCH_DB_SOCKET] = $PWD/$RUN/mysqld.sock
env[BENCH_DB_PASSWORD] = $(cat "$RUN/secrets/public.pw")
php_admin_value[opcache.enable] = 1
php_admin_value[opcache.validate_timestamps] = 0
CONF
chmod -R a+rX "$RUN/php"
"$FPM" -y "$RUN/php/php-fpm.conf" -c /etc/php/8.2/fpm/php.ini
trap 'kill "$(cat "$RUN/php/php-fpm.pid")" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -S "$RUN/sock/php.sock" ] && break; sleep 0.1; done

# the two pages must be the same but for the template languages' blank
# space, or the comparison is void
curl -s "$ORIGIN/bench-php/notices" -o "$RUN/php/php-notices.html"
same=$(python3 - "$RUN/php" <<'PY'
import re, sys
d = sys.argv[1]
norm = lambda f: re.sub(r'\s+', ' ', open(f'{d}/{f}', encoding='utf-8').read()).replace('> <', '><')
print('yes' if norm('php-notices.html') == norm('portal-notices.html') else 'no')
PY
)
# The two are measured in turns, ROUNDS times each, and compared round by
# round: on a shared machine the speed of the whole host drifts within
# seconds, and a page measured alone for ten seconds against the other
# measured the next ten compares the host more than the pages.
ROUNDS=${BENCH_PHP_ROUNDS:-5}
each=$(( SECONDS_EACH * 2 / ROUNDS )); [ "$each" -ge 2 ] || each=2
wrk -t2 -c"$CONNS" -d2s "$ORIGIN/bench-php/notices" >/dev/null 2>&1 || true   # warm up
wrk -t2 -c"$CONNS" -d2s "$ORIGIN/notices/" >/dev/null 2>&1 || true
rounds=()
for _ in $(seq "$ROUNDS"); do
  read -r p_rps p_p99 _ < <(wrk_once "$ORIGIN/notices/" "$each")
  read -r h_rps h_p99 _ < <(wrk_once "$ORIGIN/bench-php/notices" "$each")
  rounds+=("$p_rps $p_p99 $h_rps $h_p99")
done
printf '%s\n' "${rounds[@]}" | python3 -c '
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
med = lambda i: statistics.median(r[i] for r in rows)
ratios = [r[0] / max(r[2], 1) for r in rows]
print("php: notices_rps=%d notices_p99_ms=%.2f portal_rps=%d portal_p99_ms=%.2f ratio=%.2f ratio_min=%.2f ratio_max=%.2f rounds=%d"
      " same_html=%s php_bytes=%s portal_bytes=%s (standalone portal run: %s req/s)"
      % (med(2), med(3), med(0), med(1), statistics.median(ratios), min(ratios), max(ratios), len(rows),
         sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]))' \
  "$same" "$(stat -c %s "$RUN/php/php-notices.html")" "$(stat -c %s "$RUN/php/portal-notices.html")" "$PORTAL_RPS"
