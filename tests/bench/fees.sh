# Sourced by tests/bench/run.sh (after the static file was measured): the fee
# catalogue's search uncached (64 connections) with the demo catalogue and
# with a generated 50,000-item one, by initials and by a name fragment that
# matches many items, and the time to produce each full price file; prints
#   bench-fees: search_2k_rps=N search_2k_p99_ms=N ... static_rps=N import_50k_s=N price_csv_50k_s=N ...
# The demo catalogue is put back afterwards.
fees_measure() {   # label -> sets fees_<label>_* in the summary
  local initials fragment csv json
  read -r i_rps i_p99 _ < <(run_wrk "$ORIGIN/fees/?q=tbkl")
  read -r f_rps f_p99 _ < <(run_wrk "$ORIGIN/fees/?q=%E5%A4%B4%E5%AD%A2")   # 头孢
  csv=$(curl -s -o "$RUN/prices-$1.csv" -w '%{time_total}' "$ORIGIN/fees/prices.csv")
  json=$(curl -s -o "$RUN/prices-$1.json" -w '%{time_total}' "$ORIGIN/fees/prices.json")
  local items
  items=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['items']))" "$RUN/prices-$1.json")
  echo "fee search, $items items (uncached): tbkl $i_rps req/s p99 $i_p99 ms; 头孢 $f_rps req/s p99 $f_p99 ms;" \
       "price files: CSV ${csv}s ($(stat -c %s "$RUN/prices-$1.csv") bytes), JSON ${json}s"
  fees_summary+=" search_initials_${1}_rps=$i_rps search_initials_${1}_p99_ms=$i_p99"
  fees_summary+=" search_fragment_${1}_rps=$f_rps search_fragment_${1}_p99_ms=$f_p99"
  fees_summary+=" price_csv_${1}_s=$csv price_json_${1}_s=$json items_${1}=$items"
}
fees_summary=""
fees=("$BUILD_DIR/portal-fees" --db-socket "$RUN/mysqld.sock" --db-user "$(id -un)")
fees_measure 2k
python3 cgi/tools/fees-demo.py "$RUN/fees-50k" 50000
t0=$(date +%s.%N)
"${fees[@]}" --apply prices "$RUN/fees-50k/prices.csv" | tail -n 1
t1=$(date +%s.%N)
import_s=$(python3 -c "print('%.1f' % ($t1 - $t0))")
echo "import of the 50,000-item list: ${import_s}s"
fees_measure 50k
"${fees[@]}" --apply prices "$RUN/demo-fees/prices.csv" | tail -n 1
echo "bench-fees:$fees_summary import_50k_s=$import_s static_rps=$static_rps"
