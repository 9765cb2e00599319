#!/usr/bin/env bash
# The schema differ's invariant over a directory of cases: for every DIR/<case>/ with a.sql and
# b.sql (or from.sql and to.sql), load each into a fresh database A and B, plan A -> B with
# `confiture diff`, apply the plan to A with psql, then require that
#   1. `confiture diff A B --exit-code` finds nothing left, and
#   2. `pg_dump --schema-only` of A and of B hold the same lines (order aside: a column added by
#      ALTER TABLE lands last, whatever its place in b.sql).
# Prints each failure with its reason, a count by cause, and "N passed, M failed".
# Usage: scripts/diff-conformance.sh DIR [JOBS]
# The server: $CONFITURE_DATABASE_URL (a superuser's URL) when set, else a throwaway embedded one.
# DIR/ROLES.sql or DIR/roles.sql, when present, runs once first (cluster-wide roles).
set -euo pipefail
dir="$(cd "${1:?usage: scripts/diff-conformance.sh DIR [JOBS]}" && pwd)"
jobs="${2:-$(nproc)}"
cd "$(dirname "$0")/.."
confiture="${CONFITURE_BIN:-$PWD/build/dev/src/confiture}"
if [[ ! -x "$confiture" ]]; then
  cmake --preset dev >/dev/null && cmake --build --preset dev -j "$(nproc)" --target confiture >/dev/null
fi
work="$(mktemp -d /tmp/confiture-conformance-XXXXXX)"
chmod 755 "$work"
cleanup() {
  [[ -d "$work/project" ]] && "$confiture" server stop --project-dir "$work/project" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
if [[ -z "${CONFITURE_DATABASE_URL:-}" ]]; then
  "$confiture" init "$work/project" >/dev/null
  "$confiture" server start --project-dir "$work/project" >/dev/null
  url="$("$confiture" server url --project-dir "$work/project")"
  export CONFITURE_DATABASE_URL="$(sed -E 's#^([a-z]+://[^/]*)/[^?]*#\1/postgres#' <<<"$url")"
fi
admin="$CONFITURE_DATABASE_URL"
for roles in "$dir/ROLES.sql" "$dir/roles.sql"; do
  [[ -f "$roles" ]] && psql "$admin" -X -q -v ON_ERROR_STOP=1 -f "$roles" >/dev/null
done
pg_dump_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/pg_dump"
export confiture admin work pg_dump_bin
# The admin URL with another database: scheme://authority/DB?params.
db_url() { sed -E "s#^([a-z]+://[^/]*)/[^?]*#\1/$1#" <<<"$admin"; }
export -f db_url

# run_case CASE_DIR: prints "PASS name" or "FAIL name<TAB>reason".
run_case() {
  local case_dir="$1" name a b db_a db_b url_a url_b plan err out
  name="$(basename "$case_dir")"
  a="$case_dir/a.sql"; [[ -f "$a" ]] || a="$case_dir/from.sql"
  b="$case_dir/b.sql"; [[ -f "$b" ]] || b="$case_dir/to.sql"
  db_a="conf_a_$$_${RANDOM}${RANDOM}"
  db_b="conf_b_$$_${RANDOM}${RANDOM}"
  url_a="$(db_url "$db_a")"
  url_b="$(db_url "$db_b")"
  plan="$work/$name.plan.sql"
  err="$work/$name.err"
  fail() {
    printf 'FAIL %s\t%s\n' "$name" "$(echo "$1" | tr '\n\t' '  ' | cut -c1-300)"
    psql "$admin" -X -q -c "DROP DATABASE IF EXISTS \"$db_a\" WITH (FORCE)" \
      -c "DROP DATABASE IF EXISTS \"$db_b\" WITH (FORCE)" >/dev/null 2>&1
  }
  psql "$admin" -X -q -c "CREATE DATABASE \"$db_a\"" -c "CREATE DATABASE \"$db_b\"" >/dev/null
  if ! psql "$url_a" -X -q -v ON_ERROR_STOP=1 -f "$a" >/dev/null 2>"$err"; then
    fail "load: a.sql: $(grep -m1 ERROR "$err")"; return
  fi
  if ! psql "$url_b" -X -q -v ON_ERROR_STOP=1 -f "$b" >/dev/null 2>"$err"; then
    fail "load: b.sql: $(grep -m1 ERROR "$err")"; return
  fi
  if ! "$confiture" diff "$url_a" "$url_b" --format sql --allow-hazards all --no-verify \
       >"$plan" 2>"$err"; then
    fail "diff: $(grep -m1 -o 'error\[[A-Z_0-9]*\].*' "$err")"; return
  fi
  local single=(-1)
  head -1 "$plan" | grep -q 'confiture:no-transaction' && single=()
  if ! psql "$url_a" -X -q "${single[@]}" -v ON_ERROR_STOP=1 -f "$plan" >/dev/null 2>"$err"; then
    fail "apply: $(grep -m1 ERROR "$err")"; return
  fi
  if ! out="$("$confiture" diff "$url_a" "$url_b" --format sql --exit-code --no-verify \
              --allow-hazards all 2>&1)"; then
    fail "re-diff: $(echo "$out" | grep -v -e '^--' -e '^SET' -e '^$' -e '^RESET' | head -1)"; return
  fi
  normalize() {
    grep -v -e '^--' -e '^SET ' -e '^SELECT pg_catalog.set_config' -e '^\\' -e '^$' | sort
  }
  if ! diff <("$pg_dump_bin" --schema-only --no-owner "$url_a" | normalize) \
            <("$pg_dump_bin" --schema-only --no-owner "$url_b" | normalize) >"$err"; then
    fail "pg_dump: $(grep -m1 '^[<>]' "$err")"; return
  fi
  psql "$admin" -X -q -c "DROP DATABASE \"$db_a\" WITH (FORCE)" \
    -c "DROP DATABASE \"$db_b\" WITH (FORCE)" >/dev/null
  echo "PASS $name"
}
export -f run_case

find "$dir" -mindepth 1 -maxdepth 1 -type d | sort |
  xargs -P "$jobs" -I{} bash -c 'run_case "$1"' _ {} >"$work/results"
sort "$work/results" | grep '^FAIL' | sed 's/^FAIL //' || true
passed=$(grep -c '^PASS' "$work/results" || true)
failed=$(grep -c '^FAIL' "$work/results" || true)
if [[ "$failed" -gt 0 ]]; then
  echo
  echo "failures by cause:"
  grep '^FAIL' "$work/results" | cut -f2 | sed -E 's/^([a-z_-]+: ?(error\[[A-Z_0-9]+\])?).*/\1/' |
    sort | uniq -c | sort -rn
fi
echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
