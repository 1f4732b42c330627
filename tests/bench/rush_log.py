"""The rush's requests as nginx timed them (tests/bench/rush.sh): the
nginx access log lines written during the rush, on standard input, give
per step the server's p50 and p99 (rt=, the time from nginx's first byte
read to its last byte sent), without the wait inside the one node process
that plays every client on the same two cores.  Ends with "rush-server: ..."."""
import re
import sys

STEPS = {"department": r"GET /booking/departments/", "doctor": r"GET /booking/doctors/",
         "slot form": r"GET /booking/slots/", "booking": r"POST /booking/slots/"}
LINE = re.compile(r'"(GET|POST) (\S+) [^"]*" (\d+) .* rt=([\d.]+)')

times = {k: [] for k in STEPS}
for line in sys.stdin:
    m = LINE.search(line)
    if not m:
        continue
    for step, pattern in STEPS.items():
        if re.match(pattern, m.group(1) + " " + m.group(2)):
            times[step].append(float(m.group(4)) * 1000)


def pct(a, q):
    return sorted(a)[min(len(a) - 1, int(q * len(a)))] if a else 0.0


parts = []
for step, a in times.items():
    print("nginx: %-10s %5d requests  p50 %.1f ms  p99 %.1f ms" % (step, len(a), pct(a, .5), pct(a, .99)))
    key = step.replace(" ", "_")
    parts.append("%s_server_p50_ms=%.1f %s_server_p99_ms=%.1f" % (key, pct(a, .5), key, pct(a, .99)))
print("rush-server: " + " ".join(parts))
