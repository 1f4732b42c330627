#!/usr/bin/env bash
# run.sh - builds and runs the libFuzzer targets, with AddressSanitizer and
# UndefinedBehaviorSanitizer:
#   fuzz_request  the request parsing path (ClearSilver's cgi_init/cgi_parse,
#                 the UTF-8 checks and form_read); seeds in tests/fuzz/corpus
#   fuzz_hl7      the HL7 v2 parser, the ORU^R01 mapping and the ACK of a
#                 refusal (hl7.c, oru.c, lisimport.c); seeds in
#                 tests/fuzz/corpus-hl7
#   fuzz_multipart  the portal's multipart/form-data reader (upload.c);
#                 seeds in tests/fuzz/corpus-multipart
# Each target is fuzzed for FUZZ_SECONDS; FUZZ_TARGETS="hl7" picks some.
#
#   tests/fuzz/run.sh            fuzz for FUZZ_SECONDS (default 60) on a copy
#                                of the seed corpus in build/fuzz/corpus;
#                                exits nonzero when a crash is found (the
#                                input is saved in build/fuzz/crashes/)
#   tests/fuzz/run.sh --regress  replay each seed in tests/fuzz/corpus once
#                                and print "fuzz-regress: N passed, M failed"
#
# The core files the target needs are compiled again with clang and the
# fuzzer's coverage instrumentation into build/fuzz/.  ClearSilver itself is
# the system's static library, so its own code is not instrumented: a bad
# read or write inside it is found only if it crashes or goes through an
# intercepted libc call (memcpy, strlen, free ...).  For example, a build
# of ClearSilver 0.10.5 from source with the same flags finds a one-byte
# heap read before cgi->buf in rfc2388.c _is_boundary() when a multipart
# body starts with a bare "\n"; against the system library it goes unseen.
set -euo pipefail

cd "$(dirname "$0")/../.."
OUT=build/fuzz
SEEDS=tests/fuzz/corpus
CC=${FUZZ_CC:-clang}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
# the whole core library, so the target follows it as it grows
CORE=$(cd cgi/core && ls ./*.c | sed 's|^\./||; s|\.c$||')

mode=fuzz
case "${1:-}" in
    --regress) mode=regress ;;
    "") ;;
    *) echo "usage: $0 [--regress]" >&2; exit 2 ;;
esac

if ! command -v "$CC" >/dev/null; then
    echo "fuzz: $CC not found (apt-get install clang libclang-rt-14-dev)" >&2
    exit 1
fi

CFLAGS=(-O1 -g -fno-omit-frame-pointer -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE
        -Wall -Wextra -Werror -Icgi/core -I/usr/include/ClearSilver -I/usr/include/mariadb)
# shellcheck disable=SC2054 # the commas belong to -fsanitize=
SAN=(-fsanitize=address,undefined -fno-sanitize-recover=undefined)
LIBS=(-lneo_cgi -lneo_cs -lneo_utl -lfcgi -lz -lmariadb -lsodium -lqrencode -lpng -ljansson -lcsv)

# ---- build (only what changed) ----
mkdir -p "$OUT/obj"
objs=()
for f in $CORE; do
    src=cgi/core/$f.c obj=$OUT/obj/$f.o
    if [[ ! -e $obj || $src -nt $obj || cgi/core/portal.h -nt $obj || tests/fuzz/run.sh -nt $obj ]]; then
        "$CC" "${CFLAGS[@]}" "${SAN[@]}" -fsanitize=fuzzer-no-link -c -o "$obj" "$src"
    fi
    objs+=("$obj")
done
# ... and the pinyin tables pinyin.c reads, generated at build time
make -s build/gen/pinyin_data.c
obj=$OUT/obj/pinyin_data.o
if [[ ! -e $obj || build/gen/pinyin_data.c -nt $obj ]]; then
    "$CC" "${CFLAGS[@]}" "${SAN[@]}" -fsanitize=fuzzer-no-link -c -o "$obj" build/gen/pinyin_data.c
fi
objs+=("$obj")
for target in request hl7 multipart; do
    bin=$OUT/fuzz_$target
    if [[ ! -e $bin || tests/fuzz/fuzz_$target.c -nt $bin || tests/fuzz/run.sh -nt $bin ]] ||
       [[ -n $(find "$OUT/obj" -name '*.o' -newer "$bin") ]]; then
        "$CC" "${CFLAGS[@]}" "${SAN[@]}" -fsanitize=fuzzer -o "$bin" tests/fuzz/fuzz_$target.c \
            "${objs[@]}" "${LIBS[@]}"
    fi
done
seeds_of() { if [[ $1 == request ]]; then echo "$SEEDS"; else echo "$SEEDS-$1"; fi; }

# Known bugs in ClearSilver 0.10.5 itself are kept out of the way so the
# fuzzer can look for new ones; FUZZ_KNOWN_BUGS=report lets them through
# (see also fuzz_request.c).  Here: a leak in cgi/rfc2388.c, _read_part(): a
# multipart part with a repeated Content-Disposition or Content-Type header
# overwrites the strings _header_attr()/_header_value() returned for the
# earlier one without freeing them (the seed multipart_repeated_headers
# shows it).
printf 'leak:_header_attr\nleak:_header_value\n' >"$OUT/lsan.supp"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if [[ ${FUZZ_KNOWN_BUGS:-} != report ]]; then
    export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$OUT/lsan.supp:print_suppressions=0}
fi

# ---- regress: every seed once, one process each so a crash names its file ----
if [[ $mode == regress ]]; then
    passed=0 failed=0
    mkdir -p "$OUT/regress"
    for target in request hl7 multipart; do
    bin=$OUT/fuzz_$target
    for seed in "$(seeds_of "$target")"/*; do
        [[ -f $seed ]] || continue
        log=$OUT/regress/$target-$(basename "$seed").log
        if "$bin" -runs=0 "$seed" >"$log" 2>&1; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "fuzz-regress: FAILED $seed (log: $log)" >&2
            tail -n 40 "$log" >&2
        fi
    done
    done
    echo "fuzz-regress: $passed passed, $failed failed"
    [[ $failed -eq 0 && $passed -gt 0 ]]
    exit
fi

# ---- fuzz for a bounded time ----
# words the mutator should try: the framing, form and multipart syntax,
# the field names of the target's table, and hard UTF-8
cat >"$OUT/request.dict" <<'EOF'
sep="\xff"
amp="&"
eq="="
pct="%"
pct_ff="%FF"
pct_c0="%C0%AF"
pct_ed="%ED%A0%80"
pct_f4="%F4%90%80%80"
pct_00="%00"
plus="+"
semi="; "
title="title="
body="body="
count="count="
state="state=live"
publish_at="publish_at=2026-11-25T08%3A30"
agree="agree=on"
password="password="
crlf="\x0d\x0a"
dash="--fuzzb"
dash_end="--fuzzb--"
cd="Content-Disposition: form-data; name=\""
filename="; filename=\""
ctype="Content-Type: "
ct_text="text/plain"
zh="\xe4\xb8\xad\xe6\x96\x87"
EOF
cat >"$OUT/hl7.dict" <<'EOF'
msh="MSH|^~\\&|"
obr="\x0dOBR|1||"
obx="\x0dOBX|1|NM|"
nte="\x0dNTE|1||"
pid="\x0dPID|1||"
spm="\x0dSPM|1|"
fhs="FHS|^~\\&|"
bhs="\x0dBHS|^~\\&|"
bts="\x0dBTS|1"
sb="\x0b"
eb="\x1c\x0d"
bom="\xef\xbb\xbf"
oru="ORU^R01"
esc_f="\\F\\"
esc_x="\\X41\\"
esc_br="\\.br\\"
esc_h="\\H\\"
utf8="UNICODE UTF-8"
sn="<^5"
rng="1^-^5"
EOF
cat >"$OUT/multipart.dict" <<'EOF'
sep="\xff"
type="multipart/form-data; boundary=b"
delim="\x0d\x0a--b"
end="--b--"
crlf="\x0d\x0a"
cd="Content-Disposition: form-data; name=\"a\""
fn="; filename=\"f\""
hdr_end="\x0d\x0a\x0d\x0a"
EOF

run_target() {  # run_target TARGET
    local target=$1 bin=$OUT/fuzz_$1 corpus=$OUT/corpus-$1 rc
    mkdir -p "$corpus" "$OUT/crashes"
    cp "$(seeds_of "$target")"/* "$corpus/"
    echo "fuzz: running $bin for ${FUZZ_SECONDS}s on $corpus"
    set +e
    "$bin" -max_total_time="$FUZZ_SECONDS" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -dict="$OUT/$target.dict" -artifact_prefix="$OUT/crashes/$target-" -print_final_stats=1 \
        "$corpus" 2>&1 | tee "$OUT/last-run-$target.log" |
        grep -a -v -E '^#[0-9]+.*(NEW|REDUCE|pulse)|Unable to set (Query|Cookie) value'
    rc=${PIPESTATUS[0]}
    set -e
    if [[ $rc -ne 0 ]]; then
        echo "fuzz: $target FAILED (exit $rc); full log in $OUT/last-run-$target.log; inputs:" >&2
        ls -l "$OUT/crashes/" >&2
        exit 1
    fi
    echo "fuzz: $target: no crash in ${FUZZ_SECONDS}s"
}

for target in ${FUZZ_TARGETS:-request hl7 multipart}; do run_target "$target"; done
