#!/usr/bin/env bash
# The survey results page with 100,000 responses: a survey of its own is
# filled (once) with 100,000 responses over 12 months and 9 departments,
# 7 ratings each and a text every tenth, and its statistics made from them;
# then wrk (8 connections, an office session) measures the results page and
# the CSV export through the uncached origin.  Prints one line:
#   surveys: responses=N results_rps=N results_p99_ms=N csv_rps=N csv_p99_ms=N
# Run by tests/bench/run.sh; alone against a running instance:
#   PORTAL_INSTANCE=x PORTAL_PORT=p bash tests/bench/surveys.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORTAL_PORT:?}
ORIGIN=http://127.0.0.1:$((PORT + 1))
SECS=${BENCH_SECONDS:-10}
RESPONSES=${BENCH_SURVEY_RESPONSES:-100000}
sqlq() { bash cgi/tools/stack.sh sql -N -e "$1"; }

sid=$(sqlq "SELECT id FROM surveys WHERE code = 'BENCH' LIMIT 1")
if [ -z "$sid" ]; then
  sqlq "INSERT INTO surveys (code, title, audience, is_public, opens_on, closes_on, created_at)
        VALUES ('BENCH', '性能测试问卷', 'outpatient', 0, CURDATE() - INTERVAL 1 YEAR, CURDATE() + INTERVAL 1 YEAR, NOW())"
  sid=$(sqlq "SELECT id FROM surveys WHERE code = 'BENCH'")
  sqlq "INSERT INTO survey_questions (survey_id, position, kind, prompt, required)
        SELECT $sid, seq, IF(seq = 8, 'text', 'rating'), CONCAT('第', seq, '项'), seq < 8 FROM seq_1_to_8"
  sqlq "INSERT INTO survey_responses (survey_id, department_id, channel, month, submitted_at)
        SELECT $sid, d.id, IF(seq % 10 = 0, 'phone', 'invitation'),
               DATE_FORMAT(CURDATE() - INTERVAL (seq % 12) MONTH, '%Y-%m-01'),
               DATE_FORMAT(CURDATE() - INTERVAL (seq % 12) MONTH, '%Y-%m-01') + INTERVAL (seq % 28) DAY
          FROM seq_1_to_$RESPONSES JOIN departments d ON d.sort_order = 1 + seq % 9"
  sqlq "INSERT INTO survey_answers (response_id, question_id, rating)
        SELECT r.id, q.id, 1 + (r.id * 7 + q.position * 3) % 5
          FROM survey_responses r JOIN survey_questions q ON q.survey_id = r.survey_id AND q.kind = 'rating'
         WHERE r.survey_id = $sid"
  sqlq "INSERT INTO survey_texts (survey_id, question_id, response_id, department_id, month, channel, submitted_on, answer_text)
        SELECT r.survey_id, q.id, r.id, r.department_id, r.month, IF(r.channel = 'phone', 'phone', 'self'), DATE(r.submitted_at),
               CONCAT('意见 ', r.id, IF(r.id % 7 = 0, ' 候诊时间长', ' 服务很好'))
          FROM survey_responses r JOIN survey_questions q ON q.survey_id = r.survey_id AND q.kind = 'text'
         WHERE r.survey_id = $sid AND r.id % 10 = 0"
  sqlq "INSERT INTO survey_stats (survey_id, question_id, choice, department_id, month, channel, n, total, r1, r2, r3, r4, r5)
        SELECT r.survey_id, a.question_id, 0, r.department_id, r.month, IF(r.channel = 'phone', 'phone', 'self'),
               COUNT(*), SUM(a.rating), SUM(a.rating = 1), SUM(a.rating = 2), SUM(a.rating = 3), SUM(a.rating = 4), SUM(a.rating = 5)
          FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
         WHERE r.survey_id = $sid AND a.rating IS NOT NULL
         GROUP BY r.survey_id, a.question_id, r.department_id, r.month, IF(r.channel = 'phone', 'phone', 'self');
        INSERT INTO survey_stats (survey_id, question_id, choice, department_id, month, channel, n)
        SELECT survey_id, 0, 0, department_id, month, IF(channel = 'phone', 'phone', 'self'), COUNT(*)
          FROM survey_responses WHERE survey_id = $sid GROUP BY 1, 4, 5, 6;
        UPDATE surveys SET responses = (SELECT COUNT(*) FROM survey_responses WHERE survey_id = $sid) WHERE id = $sid"
fi
n=$(sqlq "SELECT responses FROM surveys WHERE id = $sid")

cookie=$(cd tests && PORTAL_URL="$ORIGIN" PORTAL_ORIGIN_URL="$ORIGIN" node -e "
  const lib = require('./lib/portal.js');
  (async () => { const u = lib.createUser('office'); const c = new lib.Client(process.env.PORTAL_URL);
    await c.login(u); process.stdout.write(c.cookieHeader()); })();")
measure() {   # path -> "rps p99_ms"
  wrk -t2 -c8 -d"${SECS}s" --latency -H "Cookie: $cookie" "$ORIGIN$1" | awk '
    /Requests\/sec/ {rps = $2}
    /^ +99%/ {v = $2; if (v ~ /us$/) {sub(/us/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms/, "", v)} else if (v ~ /s$/) {sub(/s/, "", v); v *= 1000}; p99 = v}
    END {printf "%d %.1f\n", rps, p99}'
}
for p in "/office/surveys/$sid/results" "/office/surveys/$sid/results.csv"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$ORIGIN$p")
  [ "$code" = 200 ] || { echo "surveys bench: $p answered $code" >&2; exit 1; }
done
read -r res_rps res_p99 < <(measure "/office/surveys/$sid/results?q=%E5%80%99%E8%AF%8A")
read -r csv_rps csv_p99 < <(measure "/office/surveys/$sid/results.csv")
echo "surveys: responses=$n results_rps=$res_rps results_p99_ms=$res_p99 csv_rps=$csv_rps csv_p99_ms=$csv_p99"
