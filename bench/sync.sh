#!/usr/bin/env bash
# Sync benchmark: a 2,000,000-row source (customers -> orders -> order_items, FKs, text, numeric
# and timestamptz columns; bench/generate_sync_data.sql) copied into an emptied target database
# on the same embedded server, side by side:
#   pg_dump -a | psql                  the baseline: one data-only dump restored through COPY
#   confiture sync                     plain, default jobs; and --jobs 1 for information
#   confiture sync --anonymize ...     customers.email:email, customers.full_name:name,
#                                      orders.note:text_redact
# The target is truncated (untimed) before each run. Prints medians of RUNS runs (default 3).
# SCALE multiplies the row counts (default 1.0; 0.05 for a quick try).
# Usage: bench/sync.sh [RUNS] [SCALE]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
scale="${2:-1.0}"
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target confiture >/dev/null
confiture="$PWD/build/release/src/confiture"
generator="$PWD/bench/generate_sync_data.sql"
# On tmpfs when there is one, the embedded server's data directory with it (see migrate.sh).
tmp=/dev/shm
[ -d "$tmp" ] && [ -w "$tmp" ] || tmp=/tmp
work="$(mktemp -d "$tmp/confiture-bench-XXXXXX")"
chmod 755 "$work"
project="$work/project"
trap '"$confiture" server stop --project-dir "$project" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mkdir -p "$project/db/environments"
cat > "$project/db/environments/local.yaml" <<YAML
database:
  embedded: true
  database: bench_sync
YAML
# Keyed strategies (email, name) need a key; a fixed one keeps the output the same run to run.
export CONFITURE_ANON_KEY="confiture-bench-sync-key-0123456789abcdef"
anonymize="public.customers.email:email,public.customers.full_name:name,public.orders.note:text_redact"

now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1000000}'; }
# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
fail() { echo "FAILED: $*" >&2; exit 1; }

cd "$project"
"$confiture" server start >/dev/null
url="$("$confiture" server url)"
db_url() { echo "${url/bench_sync/$1}"; }
src="$(db_url bench_sync_src)"
dst="$(db_url bench_sync_dst)"
sql() { psql "$1" -X -q -A -t -v ON_ERROR_STOP=1 -c "$2"; }
sql "$(db_url postgres)" "CREATE DATABASE bench_sync_src" >/dev/null
sql "$(db_url postgres)" "CREATE DATABASE bench_sync_dst" >/dev/null
start=$(now_ms)
psql "$src" -X -q -v ON_ERROR_STOP=1 -v scale="$scale" -f "$generator" >/dev/null
generated_ms=$(awk -v a="$start" -v b="$(now_ms)" 'BEGIN {printf "%.0f", b - a}')
# The target: the same DDL, no rows.
psql "$dst" -X -q -v ON_ERROR_STOP=1 -v scale=0 -f "$generator" >/dev/null

counts="SELECT (SELECT count(*) FROM customers) || ' ' || (SELECT count(*) FROM orders) || ' '
               || (SELECT count(*) FROM order_items)"
read -r customers orders items <<< "$(sql "$src" "$counts")"
total=$((customers + orders + items))
size=$(sql "$src" "SELECT pg_size_pretty(sum(pg_total_relation_size(c))) FROM
                     unnest(ARRAY['customers', 'orders', 'order_items']::regclass[]) AS c")
echo "source: $total rows (customers $customers, orders $orders, order_items $items), $size" \
  "with indexes, generated in $((generated_ms / 1000)).$((generated_ms % 1000 / 100)) s; in $work"
echo "server: PostgreSQL $(sql "$src" "SHOW server_version"), embedded (fsync off)," \
  "$(nproc) cores; pg_dump $(pg_dump --version | awk '{print $3}')"

# Each method, from bench_sync_src into bench_sync_dst. Confiture's JSON report of its last run
# is kept for its per-table timings; stderr goes to a file shown when something fails.
run_pg_dump() {
  pg_dump -a --no-owner --no-privileges "$src" 2>> "$work/pg_dump.stderr" |
    psql "$dst" -X -q -v ON_ERROR_STOP=1 >/dev/null
}
run_plain() { "$confiture" sync --from "$src" --to "$dst" --yes --format json; }
run_serial() { "$confiture" sync --from "$src" --to "$dst" --yes --jobs 1 --format json; }
run_anon() {
  "$confiture" sync --from "$src" --to "$dst" --yes --anonymize "$anonymize" --format json
}
# What every run must leave: all the rows; after the anonymised one, no source address in
# customers.email nor in orders.note.
check() {
  local rows left
  read -r rows left <<< "$(sql "$dst" "SELECT (SELECT count(*) FROM customers)
      + (SELECT count(*) FROM orders) + (SELECT count(*) FROM order_items),
      (SELECT count(*) FROM customers WHERE email LIKE '%acme-mail.test')
      + (SELECT count(*) FROM orders WHERE note LIKE '%acme-mail.test%')" | tr '|' ' ')"
  [ "$rows" = "$total" ] || fail "$1 left $rows rows in the target, not $total"
  if [ "$1" = anon ]; then
    [ "$left" = 0 ] || fail "the anonymised sync left $left source addresses in the target"
  fi
}
# time_once METHOD: empties the target (untimed), runs METHOD, checks it; prints its ms.
time_once() {
  local start ms rc=0
  sql "$dst" "TRUNCATE customers, orders, order_items" >/dev/null
  sql "$dst" "CHECKPOINT" >/dev/null
  start=$(now_ms)
  "run_$1" > "$work/$1.json" 2>> "$work/$1.stderr" || rc=$?
  [ "$rc" = 0 ] || { cat "$work/$1.json" "$work/$1.stderr" >&2; fail "$1 exited with $rc"; }
  ms=$(awk -v a="$start" -v b="$(now_ms)" 'BEGIN {printf "%.1f", b - a}')
  check "$1"
  echo "$ms"
}
methods=(pg_dump plain serial anon)
# The methods take turns, one run each per round: a busy machine slows them all alike.
for ((i = 0; i < runs; i++)); do
  for method in "${methods[@]}"; do time_once "$method" >> "$work/$method.ms"; done
done

declare -A ms rate
for method in "${methods[@]}"; do
  ms[$method]=$(median < "$work/$method.ms")
  rate[$method]=$(awk -v n="$total" -v t="${ms[$method]}" 'BEGIN {printf "%.0f", n / (t / 1000)}')
done
jobs=$(awk -F: '/^  "jobs":/ {gsub(/[^0-9]/, "", $2); print $2}' "$work/plain.json")
declare -A label=([pg_dump]="pg_dump -a | psql (baseline)"
  [plain]="confiture sync ($jobs jobs, the default)" [serial]="confiture sync --jobs 1"
  [anon]="confiture sync --anonymize (3 columns)")
declare -A target=([pg_dump]="" [plain]="0.9" [serial]="" [anon]="0.8")
declare -A python=([pg_dump]="" [plain]="70000" [serial]="70000" [anon]="6500")
echo
echo "$total rows synced into the emptied target database (median of $runs)"
printf "   %-42s %8s %10s %12s  %-14s %s\n" "" "seconds" "rows/s" "vs baseline" "target" \
  "vs Python tool's claim"
for method in "${methods[@]}"; do
  ratio=$(awk -v a="${rate[$method]}" -v b="${rate[pg_dump]}" 'BEGIN {printf "%.2f", a / b}')
  verdict="(information)"
  if [ -n "${target[$method]}" ]; then
    verdict=$(awk -v r="$ratio" -v t="${target[$method]}" \
      'BEGIN {printf ">= %.1fx %s", t, (r >= t) ? "PASS" : "FAIL"}')
  elif [ "$method" = pg_dump ]; then
    verdict=""
  fi
  claim=""
  [ -z "${python[$method]}" ] ||
    claim=$(awk -v a="${rate[$method]}" -v b="${python[$method]}" \
      'BEGIN {printf "%.1fx of %gk rows/s", a / b, b / 1000}')
  printf "   %-42s %8.2f %10s %11sx  %-14s %s\n" "${label[$method]}" \
    "$(awk -v t="${ms[$method]}" 'BEGIN {print t / 1000}')" "${rate[$method]}" "$ratio" \
    "$verdict" "$claim"
done
echo "   runs (s):"
for method in "${methods[@]}"; do
  printf "     %-9s %s\n" "$method" "$(sort -n "$work/$method.ms" | awk '{printf "%.2f ", $1 / 1000}')"
done
echo
echo "per table, from confiture's own report of its last run (seconds); the tables form one FK"
echo "chain and a table starts when its parents are in, so they are copied one after another"
printf "   %-20s %10s %10s %10s %10s\n" "" "rows" "plain" "--jobs 1" "anonymised"
# per_table TABLE REPORT: the table's rows and seconds in a JSON report
per_table() {
  awk -v want="\"$1\"" '
    /^      "rows":/ {gsub(/[^0-9]/, ""); rows = $0}
    /^      "seconds":/ {gsub(/[^0-9.]/, ""); secs = $0}
    /^      "table":/ && index($0, want) {printf "%s %.2f\n", rows, secs}' "$2"
}
for table in public.customers public.orders public.order_items; do
  read -r rows plain_s <<< "$(per_table "$table" "$work/plain.json")"
  read -r _ serial_s <<< "$(per_table "$table" "$work/serial.json")"
  read -r _ anon_s <<< "$(per_table "$table" "$work/anon.json")"
  printf "   %-20s %10s %10s %10s %10s\n" "$table" "$rows" "$plain_s" "$serial_s" "$anon_s"
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shows"
echo "   as spread between the runs)"
echo "correctness: every run left $total rows in the target; the anonymised runs left no"
echo "   *acme-mail.test address in customers.email or orders.note"
if [ -s "$work/pg_dump.stderr" ]; then
  echo "pg_dump said:"
  sort -u "$work/pg_dump.stderr" | sed 's/^/   /'
else
  echo "pg_dump: no warnings (no FK cycles, so no --disable-triggers needed)"
fi
