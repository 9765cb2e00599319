#!/usr/bin/env bash
# Build benchmark (issue 2): a generated 1,000-file / ~10 MB project, measured side by side
# against the obvious baselines on the same machine and the same embedded server.
#   1. concatenate + hash:  confiture build --no-apply   vs  find | sort | xargs cat
#   2. full build:          confiture build (apply)      vs  createdb + psql -1 -f schema.sql
#   3. what the dev server's durability-off settings buy: psql -1 -f on fsync=off vs fsync=on
# Prints medians of RUNS runs (default 5). Usage: bench/build.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target confiture >/dev/null
confiture="$PWD/build/release/src/confiture"
work="$(mktemp -d /tmp/confiture-bench-XXXXXX)"
chmod 755 "$work"
project="$work/project"
trap '"$confiture" server stop --project-dir "$project" >/dev/null 2>&1 || true; stop_durable; rm -rf "$work"' EXIT
stop_durable() { :; }
bench/generate_project.sh "$project" 1000
bytes=$(find "$project/db/schema" -name '*.sql' -print0 | xargs -0 cat | wc -c)
echo "project: 1000 files, $bytes bytes of DDL"

now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1000000}'; }
# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# time_runs SETUP CMD: runs SETUP (untimed) then CMD, RUNS times; prints the median in ms
time_runs() {
  local setup="$1" cmd="$2" i start
  for ((i = 0; i < runs; i++)); do
    eval "$setup" >/dev/null 2>&1
    start=$(now_ms)
    eval "$cmd" >/dev/null
    awk -v a="$start" -v b="$(now_ms)" 'BEGIN {printf "%.1f\n", b - a}'
  done | median
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }

cd "$project"
"$confiture" server start >/dev/null
url="$("$confiture" server url)"
admin="${url/bench_local/postgres}"

cat_ms=$(time_runs ":" "find db/schema -name '*.sql' | sort | xargs cat > $work/cat.sql")
noapply_ms=$(time_runs ":" "$confiture build --no-apply -o $work/schema.sql")
echo
echo "1. concatenate + hash (median of $runs)"
printf "   %-44s %8s ms\n" "find | sort | xargs cat" "$cat_ms" "confiture build --no-apply" "$noapply_ms"
echo "   ratio: $(ratio "$noapply_ms" "$cat_ms") of cat (target <= 2x)"

drop="psql '$admin' -X -q -c 'DROP DATABASE IF EXISTS bench_local'"
psql_ms=$(time_runs "$drop" "psql '$admin' -X -q -c 'CREATE DATABASE bench_local' && psql '$url' -X -q -v ON_ERROR_STOP=1 -1 -f $work/schema.sql")
build_ms=$(time_runs "$drop" "$confiture build")
json=$(eval "$drop"; "$confiture" build --format json)
echo
echo "2. full build into a new database on the embedded server (median of $runs)"
printf "   %-44s %8s ms\n" "CREATE DATABASE + psql -1 -f schema.sql" "$psql_ms" "confiture build" "$build_ms"
echo "   ratio: $(ratio "$build_ms" "$psql_ms") of psql (target <= 1.1x)"
echo "$json" | awk '
  /"apply":/ && /[0-9]/ {gsub(/[^0-9.]/, ""); apply = $0}
  /"total":/ {gsub(/[^0-9.]/, ""); total = $0}
  END {
    printf "   one more build, from its own report: %.0f ms in all, %.0f ms applying (CREATE DATABASE + DDL)\n", total, apply;
    printf "   share spent outside PostgreSQL (discover, read, hash, write, parse): %.1f%% (target < 10%%)\n", 100 * (total - apply) / total
  }'
echo
echo "3. what the embedded server's fsync/synchronous_commit/full_page_writes=off buys"
durable="$work/durable"
pgbin="$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi
mkdir -p "$durable/sock" && chmod 777 "$durable" "$durable/sock"
"${as_pg[@]}" "$pgbin/initdb" -D "$durable/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$durable/data" -l "$durable/log" -w \
  -o "-c listen_addresses='' -c unix_socket_directories=$durable/sock" start >/dev/null
stop_durable() { "${as_pg[@]}" "$pgbin/pg_ctl" -D "$durable/data" -m fast stop >/dev/null 2>&1 || true; }
d_admin="postgresql:///postgres?host=$durable/sock&user=postgres"
d_url="postgresql:///bench_local?host=$durable/sock&user=postgres"
d_drop="psql '$d_admin' -X -q -c 'DROP DATABASE IF EXISTS bench_local'"
durable_ms=$(time_runs "$d_drop" "psql '$d_admin' -X -q -c 'CREATE DATABASE bench_local' && psql '$d_url' -X -q -v ON_ERROR_STOP=1 -1 -f $work/schema.sql")
printf "   %-44s %8s ms\n" "psql -1 -f, default durable server" "$durable_ms" "psql -1 -f, embedded dev server" "$psql_ms"
echo "   the dev settings make a fresh build $(ratio "$durable_ms" "$psql_ms") faster"
