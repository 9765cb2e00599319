#!/usr/bin/env bash
# Migration benchmark (issue 3): N small migrations (default 500) applied to an empty database
# on the embedded server, side by side with the obvious baselines on the same SQL:
#   psql -f f1 ... -f fN   one session, each file as is (autocommit per statement, no ledger)
#   confiture migrate up   a transaction, a ledger row and a checksum per file, under a lock
#   dbmate up              the npm package dbmate, on the same SQL in its own file format
# Each run gets a freshly created database (untimed). Prints medians of RUNS runs (default 5).
# Usage: bench/migrate.sh [RUNS] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
count="${2:-500}"
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target confiture >/dev/null
confiture="$PWD/build/release/src/confiture"
# On tmpfs when there is one: on ext4, files created soon after thousands were deleted (an earlier
# run's DROP DATABASE or rm -rf, other work on the machine) cost kernel time that swamped the
# tools' differences. For the same reason each run gets its own database, dropped only at exit.
tmp=/dev/shm
[ -d "$tmp" ] && [ -w "$tmp" ] || tmp=/tmp
work="$(mktemp -d "$tmp/confiture-bench-XXXXXX")"
chmod 755 "$work"
project="$work/project"
trap '"$confiture" server stop --project-dir "$project" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
bench/generate_migrations.sh "$project" "$count"
bytes=$(cat "$project"/db/migrations/*.up.sql | wc -c)
echo "project: $count migrations, $bytes bytes of SQL, in $work"

# dbmate from npm, into the work directory; npm itself from Debian when it is missing and we may.
sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi
if ! command -v npm >/dev/null && "${sudo[@]}" true 2>/dev/null; then
  { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq npm; } >/dev/null || true
fi
dbmate=""
if command -v npm >/dev/null && npm install --prefix "$work/npm" dbmate >/dev/null 2>&1; then
  dbmate="$work/npm/node_modules/.bin/dbmate"
  echo "dbmate: $("$dbmate" --version)"
else
  echo "dbmate: skipped (no npm, and not root nor passwordless sudo to install it; or npm install failed)"
fi

now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1000000}'; }
# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }

cd "$project"
"$confiture" server start >/dev/null
url="$("$confiture" server url)"
socket="$(echo "$url" | sed -E 's/.*host=([^&]*).*/\1/; s/%2F/\//g')"
db_url() { echo "${url/bench_migrate/$1}"; }
sql() { psql "$(db_url "$1")" -X -q -A -t -c "$2"; }
# Each tool, on the database named $1.
files=()
for f in db/migrations/*.up.sql; do files+=(-f "$f"); done
run_psql() { psql "$(db_url "$1")" -X -q -v ON_ERROR_STOP=1 "${files[@]}"; }
run_confiture() { "$confiture" migrate up -q --database-url "$(db_url "$1")"; }
run_dbmate() {
  DATABASE_URL="postgres://postgres@/$1?socket=$socket&sslmode=disable" \
    "$dbmate" --no-dump-schema --migrations-dir db/dbmate up
}
# time_once TOOL DB: creates the empty database DB (untimed), runs TOOL on it; prints its ms.
time_once() {
  local start
  sql postgres "CREATE DATABASE $2" >/dev/null
  start=$(now_ms)
  "run_$1" "$2" >/dev/null
  awk -v a="$start" -v b="$(now_ms)" 'BEGIN {printf "%.1f\n", b - a}'
}
tools=(psql confiture)
[ -z "$dbmate" ] || tools+=(dbmate)
# The tools take turns, one run each per round: a busy machine slows them all alike.
for ((i = 0; i < runs; i++)); do
  for tool in "${tools[@]}"; do time_once "$tool" "bench_${tool}_$i" >> "$work/$tool.ms"; done
done
# What the migrations made, outside any tool's own tables (checked on each tool's last run).
ledgers="('tb_confiture', 'confiture_lock_holder', 'schema_migrations')"
shape="SELECT (SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'
                 AND table_name NOT IN $ledgers) || ' columns, '
           || (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'
                 AND tablename NOT IN $ledgers) || ' indexes, '
           || (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace)
           || ' functions'"
declare -A ms shapes
last=$((runs - 1))
for tool in "${tools[@]}"; do
  ms[$tool]=$(median < "$work/$tool.ms")
  shapes[$tool]="$(sql "bench_${tool}_$last" "$shape")"
done
confiture_rows="$(sql "bench_confiture_$last" "SELECT count(*) FROM tb_confiture")"
[ -z "$dbmate" ] || dbmate_rows="$(sql "bench_dbmate_$last" "SELECT count(*) FROM schema_migrations")"

echo
echo "$count migrations applied to a new, empty database on the embedded server (median of $runs)"
declare -A label=([psql]="psql -f x$count (one session, autocommit per statement)"
  [confiture]="confiture migrate up" [dbmate]="dbmate up --no-dump-schema")
for tool in "${tools[@]}"; do
  printf "   %-56s %8s ms  (runs: %s)\n" "${label[$tool]}" "${ms[$tool]}" "$(sort -n "$work/$tool.ms" | paste -sd' ')"
done
echo "   confiture / psql:   $(ratio "${ms[confiture]}" "${ms[psql]}") (target <= 1.5x)"
[ -z "$dbmate" ] || echo "   confiture / dbmate: $(ratio "${ms[confiture]}" "${ms[dbmate]}") (target < 1x)"
echo "   what confiture does that psql does not: per file, BEGIN/COMMIT around it and a ledger row"
echo "   with its SHA-256 checksum; per run, an advisory lock (+ holder row) and a read of the ledger"
echo
echo "correctness (the last run of each tool)"
for tool in "${tools[@]}"; do printf "   %-10s made %s\n" "$tool" "${shapes[$tool]}"; done
echo "   rows in tb_confiture: $confiture_rows${dbmate:+, in dbmate schema_migrations: $dbmate_rows}"
for tool in "${tools[@]}"; do
  [ "${shapes[$tool]}" = "${shapes[psql]}" ] || { echo "MISMATCH: $tool made something else" >&2; exit 1; }
done
for rows in "$confiture_rows" ${dbmate:+"$dbmate_rows"}; do
  [ "$rows" = "$count" ] || { echo "MISMATCH: a ledger has $rows rows, not $count" >&2; exit 1; }
done
