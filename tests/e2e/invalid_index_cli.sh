# W4 (issue 12): a runner killed during CREATE INDEX CONCURRENTLY leaves an INVALID index. The
# rerun's error names it with the DROP INDEX CONCURRENTLY to run; the IF NOT EXISTS form that
# skips it is not recorded as applied (MIGR_130); following the hint works.
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1
unset CONFITURE_DATABASE_URL DATABASE_URL
admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
new_database w4
psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
q() { psql "$db_url" -X -q -A -t -c "$1"; }
p="$work/p"
mkdir -p "$p/db/migrations"
printf 'CREATE TABLE big (v int);\nINSERT INTO big SELECT generate_series(1, 1000);\n' \
  > "$p/db/migrations/001_big.up.sql"
m() { "$CONFITURE" migrate "$@" --project-dir "$p" --database-url "$db_url"; }
invalid() { q "SELECT count(*) FROM pg_index WHERE NOT indisvalid AND indexrelid = to_regclass('big_v')"; }

w4_killed_cic_rerun_names_the_invalid_index() {
  expect_exit 0 m up
  printf 'CREATE INDEX CONCURRENTLY big_v ON big (v);\n' > "$p/db/migrations/002_cic.up.sql"
  # An open transaction the CREATE INDEX CONCURRENTLY must wait for.
  psql "$db_url" -X -q -c "BEGIN; SELECT count(*) FROM big; SELECT pg_sleep(60);" \
    >/dev/null 2>&1 &
  local holder=$!
  cleanups+=("kill $holder")
  sleep 1
  # Not through m(): kill -9 must reach confiture itself, not a subshell.
  "$CONFITURE" migrate up --project-dir "$p" --database-url "$db_url" \
    --statement-lock-timeout 0 >/dev/null 2>&1 &
  local runner=$!
  cleanups+=("kill -9 $runner")
  index_invalid() { [ "$(invalid)" = 1 ]; }
  wait_until 30 "CREATE INDEX CONCURRENTLY to leave big_v INVALID while it waits" index_invalid
  kill -9 "$runner"
  wait "$runner" 2>/dev/null || true
  # The server notices the lost client (client_connection_check_interval) and aborts the
  # statement; only then is the blocking transaction ended.
  cic_gone() {
    [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'CREATE INDEX CONCURRENTLY%'")" = 0 ]
  }
  wait_until 30 "the server to abort the killed runner's CREATE INDEX CONCURRENTLY" cic_gone
  q "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()" >/dev/null
  wait "$holder" 2>/dev/null || true
  [ "$(invalid)" = 1 ] || fail "the killed run left no INVALID index"

  expect_exit 3 m up
  contains "$err" "already exists"
  contains "$err" "public.big_v is an INVALID index"
  contains "$err" "DROP INDEX CONCURRENTLY public.big_v;"
}

w4_if_not_exists_over_invalid_index_is_not_recorded() {
  printf 'CREATE INDEX CONCURRENTLY IF NOT EXISTS big_v ON big (v);\n' \
    > "$p/db/migrations/002_cic.up.sql"
  expect_exit 3 m up
  contains "$err" "MIGR_130"
  contains "$err" "DROP INDEX CONCURRENTLY public.big_v;"
  [ "$(q "SELECT count(*) FROM tb_confiture WHERE version = '002'")" = 0 ] ||
    fail "recorded as applied with an INVALID index"
  q "DROP INDEX CONCURRENTLY public.big_v"
  expect_exit 0 m up
  [ "$(q "SELECT indisvalid FROM pg_index WHERE indexrelid = 'big_v'::regclass")" = t ] ||
    fail "big_v not valid after following the hint"
}

behaviour w4_killed_cic_rerun_names_the_invalid_index
behaviour w4_if_not_exists_over_invalid_index_is_not_recorded
finish
