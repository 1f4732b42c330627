#!/usr/bin/env bash
# Installs the Debian 12 packages the portal needs, only if one is missing,
# and the npm packages of the browser tests.  Needs root for apt-get.
set -euo pipefail
cd "$(dirname "$0")/../.."

packages=(
  build-essential pkg-config                  # compiler, make
  libfcgi-dev clearsilver-dev libmariadb-dev  # the stack
  libqrencode-dev libsodium-dev check         # QR codes, crypto, unit tests
  libpng-dev                                  # QR codes as PNG files
  libjansson-dev                              # JSON read and written (outbox parameters)
  libcsv-dev                                  # CSV read (HIS price and fee exports) and written (price files)
  libmimalloc-dev                             # the request servers' allocator
  golang-github-mozillazg-go-pinyin-dev       # pinyin readings of every character (build time)
  rime-data-luna-pinyin opencc                # phrase readings, traditional to simplified (build time)
  python3                                     # the pinyin table generator
  mariadb-server mariadb-client nginx-light   # servers
  galera-4 rsync iproute2                     # the cluster: Galera, its state transfer, ss and ip netns
  tzdata curl wrk clang libclang-rt-14-dev    # time zone, tests, bench, fuzz
  zbar-tools python3-icalendar                # real readers for QR codes and calendars
  python3-hl7                                 # mllp_send: a real MLLP client for the LIS listener tests
  chromium fonts-noto-cjk                     # browser tests, with Chinese text in screenshots
  default-jre-headless                        # runs the Nu Html Checker (npm vnu-jar)
)
command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then echo "run as root (apt-get) or install: ${missing[*]}" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# The distribution's own services are not used: the portal runs private ones.
for svc in nginx mariadb; do
  if command -v systemctl >/dev/null && systemctl is-active -q "$svc" 2>/dev/null; then
    systemctl disable --now "$svc" >/dev/null 2>&1 || true
  fi
done
if [ ! -d tests/node_modules/playwright-core ] || [ ! -d tests/node_modules/@axe-core/playwright ] ||
   [ ! -f tests/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi
