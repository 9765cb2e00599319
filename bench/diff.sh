#!/usr/bin/env bash
# Diff benchmark: how long `confiture diff` takes to read two live databases and plan the DDL
# that turns one into the other, side by side with migra (the npm port, @pgkit/migra), on the
# same embedded server. The schema is bench/generate_diff_schema.sql: a multi-tenant SaaS
# database of ~300 tables in eight schemas (FKs, checks, ~700 indexes of which ~330 are not
# backing a key, partial, expression and GIN/GiST ones among them, 43 views and materialized
# views, views on views, 61 functions, 30 triggers, enums, domains, a composite type, sequences,
# identity columns, generated columns, a partitioned table, RLS policies, comments). Two cases:
#   v1 -> v2      one release's worth of change: new, dropped and retyped columns, new enum
#                 values, new and dropped indexes and tables, changed views and functions
#   empty -> v2   the whole schema from nothing, as for a new environment
# Timed, median of RUNS runs (default 5), each a whole process from start to exit:
#   confiture diff FROM TO --format sql --no-verify --allow-hazards DELETES_DATA
#   migra FROM TO --unsafe
# Each reads both catalogs, plans and prints; --allow-hazards and --unsafe both let the plan drop
# columns and tables. migra is the installed binary, not run through npx (whose package lookup
# would add to its time); confiture's --no-verify skips its proof of the plan on a scratch copy.
# Targets: confiture under 500 ms and at least 5x faster than migra in both cases. Each tool's
# plan is then counted (statements by verb, SET/RESET left out) and applied to a copy of FROM,
# and the same tool diffs the result against TO again: what a plan misses shows up there.
# migra is installed once into build/bench-cache/npm (npm from Debian when missing and we may).
# Usage: bench/diff.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target confiture >/dev/null
confiture="$PWD/build/release/src/confiture"
generator="$PWD/bench/generate_diff_schema.sql"
npm_cache="$PWD/build/bench-cache/npm"
migra_version="0.6.1"
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
  database: bench_diff
YAML

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi
if ! command -v npm >/dev/null && "${sudo[@]}" true 2>/dev/null; then
  { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq npm; } >/dev/null || true
fi
migra="$npm_cache/node_modules/.bin/migra"
installed_migra() {
  awk -F'"' '$2 == "version" {print $4; exit}' \
    "$npm_cache/node_modules/@pgkit/migra/package.json" 2>/dev/null || true
}
if [ "$(installed_migra)" != "$migra_version" ] && command -v npm >/dev/null; then
  mkdir -p "$npm_cache"
  npm install --prefix "$npm_cache" "@pgkit/migra@$migra_version" >/dev/null 2>&1 || true
fi
if [ -x "$migra" ]; then
  echo "migra: @pgkit/migra $(installed_migra) on node $(node --version)"
else
  migra=""
  echo "migra: skipped (no npm, and not root nor passwordless sudo to install it; or npm install failed)"
fi

now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1000000}'; }
# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
fail() { echo "FAILED: $*" >&2; exit 1; }

cd "$project"
"$confiture" server start >/dev/null
url="$("$confiture" server url)"
db_url() { echo "${url/bench_diff/$1}"; }
sql() { psql "$(db_url "$1")" -X -q -A -t -v ON_ERROR_STOP=1 -c "$2"; }
for db in empty v1 v2; do sql postgres "CREATE DATABASE bench_diff_$db" >/dev/null; done
for version in 1 2; do
  psql "$(db_url "bench_diff_v$version")" -X -q -v ON_ERROR_STOP=1 -v version="$version" \
    -f "$generator" >/dev/null
done
shape="SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                   AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast'))
           || ' tables, '
           || (SELECT count(*) FROM pg_indexes
               WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'pg_toast'))
           || ' indexes, '
           || (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relkind IN ('v', 'm')
                 AND n.nspname NOT IN ('pg_catalog', 'information_schema')) || ' views, '
           || (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
               WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')) || ' functions, '
           || (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal) || ' triggers, '
           || (SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                 JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0
                 AND NOT a.attisdropped
                 AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast'))
           || ' columns'"
echo "v1: $(sql bench_diff_v1 "$shape")"
echo "v2: $(sql bench_diff_v2 "$shape")"
echo "server: PostgreSQL $(sql postgres "SHOW server_version"), embedded (fsync off)," \
  "$(nproc) cores; in $work"

# Each tool, from database $1 to database $2, printing its plan.
run_confiture() {
  "$confiture" diff "$(db_url "$1")" "$(db_url "$2")" --format sql --no-verify \
    --allow-hazards DELETES_DATA
}
run_migra() { "$migra" "$(db_url "$1")" "$(db_url "$2")" --unsafe; }
# time_once TOOL CASE FROM TO: runs TOOL (its plan to $work/TOOL.CASE.sql); prints its ms.
time_once() {
  local start ms rc=0
  start=$(now_ms)
  "run_$1" "$3" "$4" > "$work/$1.$2.sql" 2> "$work/$1.$2.stderr" || rc=$?
  ms=$(awk -v a="$start" -v b="$(now_ms)" 'BEGIN {printf "%.1f", b - a}')
  [ "$rc" = 0 ] || { cat "$work/$1.$2.stderr" >&2; fail "$1 $3 -> $4 exited with $rc"; }
  echo "$ms"
}
# count_statements < PLAN: its statements by first word (the verb), outside quotes, dollar
# quotes and comments; SET and RESET (timeouts, check_function_bodies) are not counted.
count_statements() {
  perl -e '
    local $/; my $sql = <STDIN>; my (%n, $stmt, $total);
    sub done { my ($verb) = $stmt =~ /^\s*(\w+)/; $stmt = "";
      return if !defined $verb || $verb =~ /^(set|reset)$/i; $n{lc $verb}++; $total++ }
    while ($sql =~ /\G(\s+|--[^\n]*|\/\*.*?\*\/|\x27(?:[^\x27]|\x27\x27)*\x27|"(?:[^"]|"")*"
                       |(\$(?:[A-Za-z_]\w*)?\$).*?\2|;|[^;\s\x27"\$\/-]+|.)/gsx) {
      if ($1 eq ";") { done() } elsif ($1 !~ /^(--|\/\*)/) { $stmt .= $1 }
    }
    done();
    my @verbs = qw(create alter drop comment);
    my $other = $total; $other -= $n{$_} // 0 for @verbs;
    printf "%d (%s, other %d)\n", $total, join(", ", map { "$_ " . ($n{$_} // 0) } @verbs), $other;
  '
}

tools=(confiture)
[ -z "$migra" ] || tools+=(migra)
cases=(release full)
declare -A from=([release]=bench_diff_v1 [full]=bench_diff_empty)
declare -A title=([release]="v1 -> v2 (one release)" [full]="empty -> v2 (everything)")
# The tools take turns, one run each per round: a busy machine slows them all alike.
for ((i = 0; i < runs; i++)); do
  for c in "${cases[@]}"; do
    for tool in "${tools[@]}"; do
      time_once "$tool" "$c" "${from[$c]}" bench_diff_v2 >> "$work/$tool.$c.ms"
    done
  done
done

declare -A ms
for c in "${cases[@]}"; do
  for tool in "${tools[@]}"; do ms[$tool.$c]=$(median < "$work/$tool.$c.ms"); done
done
echo
echo "introspect both databases + plan + print, whole process (median of $runs)"
printf "   %-28s %12s %10s %9s  %s\n" "comparison" "confiture ms" "migra ms" "ratio" \
  "target (<500 ms, >=5x)"
for c in "${cases[@]}"; do
  verdict=$(awk -v t="${ms[confiture.$c]}" 'BEGIN {printf "<500 ms %s", (t < 500) ? "PASS" : "FAIL"}')
  migra_ms="n/a"
  ratio="n/a"
  if [ -n "$migra" ]; then
    migra_ms="${ms[migra.$c]}"
    ratio=$(awk -v a="$migra_ms" -v b="${ms[confiture.$c]}" 'BEGIN {printf "%.1fx", a / b}')
    verdict="$verdict, $(awk -v a="$migra_ms" -v b="${ms[confiture.$c]}" \
      'BEGIN {printf ">=5x %s", (a / b >= 5) ? "PASS" : "FAIL"}')"
  fi
  printf "   %-28s %12s %10s %9s  %s\n" "${title[$c]}" "${ms[confiture.$c]}" "$migra_ms" "$ratio" \
    "$verdict"
done
echo "   runs (ms):"
for c in "${cases[@]}"; do
  for tool in "${tools[@]}"; do
    printf "     %-9s %-8s %s\n" "$tool" "$c" "$(sort -n "$work/$tool.$c.ms" | paste -sd' ')"
  done
done

# What each tool's last plan holds; then that plan applied to a copy of FROM statement by
# statement (psql, autocommit, going on after an error), and the same tool's diff from the
# result to v2: 0 statements when the plan was complete and applied cleanly.
echo
echo "plans (the last run of each), counted by verb with SET/RESET left out; then applied to a"
echo "copy of FROM with psql (autocommit, on past errors) and diffed against v2 again by the same tool"
n=0
for c in "${cases[@]}"; do
  echo "   ${title[$c]}"
  for tool in "${tools[@]}"; do
    copy="bench_diff_apply_$n"
    n=$((n + 1))
    sql postgres "CREATE DATABASE $copy TEMPLATE ${from[$c]}" >/dev/null
    psql "$(db_url "$copy")" -X -q -f "$work/$tool.$c.sql" >/dev/null 2> "$work/$tool.$c.apply" ||
      true
    errors=$(grep -c 'ERROR:' "$work/$tool.$c.apply" || true)
    outcome="applied with $errors errors"
    [ "$errors" = 0 ] ||
      outcome="$outcome, the first: $(grep -m1 'ERROR:' "$work/$tool.$c.apply" | sed 's/.*ERROR: *//')"
    if "run_$tool" "$copy" bench_diff_v2 > "$work/$tool.$c.left.sql" \
      2> "$work/$tool.$c.left.stderr"; then
      left="then $(count_statements < "$work/$tool.$c.left.sql" | cut -d' ' -f1) statements left"
    else
      left="then its diff failed: $(grep -m1 . "$work/$tool.$c.left.stderr")"
    fi
    printf "     %-9s %s\n" "$tool" "$(count_statements < "$work/$tool.$c.sql")"
    printf "     %-9s %s\n" "" "$outcome"
    printf "     %-9s %s\n" "" "$left"
  done
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shows"
echo "   as spread between the runs)"
