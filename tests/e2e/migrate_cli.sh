# migrate on the real binary: exit codes a CI script relies on, JSON output, file errors, and
# two runners at once (one waits and gives up naming the holder; a killed one frees the lock).
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1
new_database migrate
admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
p="$work/p"
mkdir -p "$p"
m() { "$CONFITURE" migrate "$@" --project-dir "$p" --database-url "$db_url"; }

# The pair `generate` wrote (behaviour generate_names_pairs).
up_file() { ls "$p"/db/migrations/*_create_users.up.sql; }

every_subcommand_has_help() {
  for cmd in up down down-to status current baseline verify generate; do
    expect_exit 0 "$CONFITURE" migrate "$cmd" --help
  done
}
behaviour every_subcommand_has_help

# generate: a timestamped pair, a clear refusal for a bad name.
generate_names_pairs() {
  local up_file
  expect_exit 0 "$CONFITURE" migrate generate create_users --project-dir "$p"
  up_file="$(up_file)"
  [[ "$(basename "$up_file")" =~ ^[0-9]{14}_create_users\.up\.sql$ ]] || fail "bad name $up_file"
  [ -f "${up_file%.up.sql}.down.sql" ] || fail "no .down.sql next to $up_file"
  echo 'CREATE TABLE users (id int PRIMARY KEY);' >> "$up_file"
  echo 'DROP TABLE users;' >> "${up_file%.up.sql}.down.sql"
  expect_exit 5 "$CONFITURE" migrate generate "Add Users" --project-dir "$p"
  contains "$err" "MIGR_116"
}
behaviour generate_names_pairs

# status: 2 without a ledger, 1 with pending, 0 up to date, 3 without a server.
status_exit_codes_and_up() {
  expect_exit 2 m status
  contains "$out" "pending"
  expect_exit 0 m up --format json
  contains "$out" '"ok": true'
  contains "$out" '"checksums_verified": true'
  contains "$out" '"total_duration_ms"'
  contains "$out" '"name": "create_users"'
  expect_exit 0 m status --format json
  contains "$out" '"pending": []'
  printf 'ALTER TABLE users ADD COLUMN email text;\n' > "$p/db/migrations/99990101000000_email.up.sql"
  expect_exit 1 m status
  contains "$out" "99990101000000"
  expect_exit 3 "$CONFITURE" migrate status --project-dir "$p" \
    --database-url "postgresql://app:s3cr3t-pw@127.0.0.1:1/app?connect_timeout=2"
  lacks "$out$err" "s3cr3t-pw"
  expect_exit 0 m up --dry-run
  contains "$out" "ALTER TABLE users"
  expect_exit 0 m up
  expect_exit 0 m current
  [ "$out" = "99990101000000" ] || fail "current: got '$out'"
}
behaviour status_exit_codes_and_up

# down-to with a missing .down.sql: exit 8, nothing run.
down_to_needs_every_down_file() {
  expect_exit 8 m down-to "$(basename "$(up_file)" | cut -d_ -f1)"
  contains "$err" "ROLLBACK_600"
  contains "$err" "99990101000000_email.down.sql"
}
behaviour down_to_needs_every_down_file

# Bad files: each its own code and exit, naming the file; nothing connects.
bad_files_have_their_codes() {
  local bad="$work/bad"
  mkdir -p "$bad"
  b() { "$CONFITURE" migrate up --project-dir "$bad" --database-url "$db_url"; }
  expect_exit 5 b
  contains "$err" "MIGR_110"
  mkdir -p "$bad/db/migrations"
  echo 'x' > "$bad/db/migrations/001_a.py"
  expect_exit 4 b
  contains "$err" "MIGR_111"
  contains "$err" "db/migrations/001_a.py"
  rm "$bad/db/migrations/001_a.py"
  echo 'SELECT 1;' > "$bad/db/migrations/001_a.sql"
  expect_exit 4 b
  contains "$err" "MIGR_112"
  contains "$err" "db/migrations/001_a.sql"
  mv "$bad/db/migrations/001_a.sql" "$bad/db/migrations/001_a.up.sql"
  echo 'SELECT 1;' > "$bad/db/migrations/001_b.up.sql"
  expect_exit 3 b
  contains "$err" "MIGR_106"
  contains "$err" "db/migrations/001_b.up.sql"
}
behaviour bad_files_have_their_codes

# Two runners: the second waits --lock-timeout, then exits 6 naming the holder.
second_runner_names_the_holder() {
  printf 'SELECT pg_sleep(4);\n' > "$p/db/migrations/99990102000000_slow.up.sql"
  "$CONFITURE" migrate up --project-dir "$p" --database-url "$db_url" --format json \
    > "$work/a.json" 2>/dev/null &
  local runner=$!
  cleanups+=("kill $runner")
  first_sleeping() {
    psql "$db_url" -X -At -c "SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(4)%'" |
      grep -q 1
  }
  wait_until 30 "the first runner to run pg_sleep(4)" first_sleeping
  expect_exit 1 m status
  contains "$err" "a migration run holds the lock: pid $runner"
  expect_exit 6 m up --lock-timeout 300
  contains "$err" "LOCK_1300"
  contains "$err" "pid $runner"
  contains "$err" "confiture migrate up"
  wait "$runner" || fail "the first runner failed: $(cat "$work/a.json")"
  contains "$(cat "$work/a.json")" '"version": "99990102000000"'
  expect_exit 0 m up
  contains "$out" "Nothing to apply"
}
behaviour second_runner_names_the_holder

# Two runners at once with time to wait: each migration is applied exactly once.
racing_runners_apply_each_once() {
  local i r applied
  for i in 1 2 3; do
    printf 'CREATE TABLE race_%s (id int);\nSELECT pg_sleep(0.3);\n' "$i" \
      > "$p/db/migrations/9999010200000${i}_race_$i.up.sql"
  done
  for r in a b; do
    "$CONFITURE" migrate up --project-dir "$p" --database-url "$db_url" --format json \
      > "$work/race_$r.json" 2>/dev/null &
  done
  wait
  applied=$(cat "$work/race_a.json" "$work/race_b.json" | grep -c '"version": "9999010200000')
  [ "$applied" = 3 ] || fail "expected 3 migrations applied in all, got $applied"
}
behaviour racing_runners_apply_each_once

# A killed runner frees the lock at once, even in the middle of a long statement.
# (PostgreSQL 14+: before, the server notices a lost client only when the statement ends.)
killed_runner_frees_the_lock() {
  local slow runner
  if [ "$(psql "$db_url" -X -At -c 'SHOW server_version_num')" -ge 140000 ]; then
    slow='SELECT pg_sleep(30)'
    printf '%s;\n' "$slow" > "$p/db/migrations/99990103000000_slow2.up.sql"
    "$CONFITURE" migrate up --project-dir "$p" --database-url "$db_url" >/dev/null 2>&1 &
    runner=$!
    cleanups+=("kill -9 $runner")
    running() { psql "$db_url" -X -At -c "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '$slow%'"; }
    slow_running() { [ "$(running)" = 1 ]; }
    slow_ended() { [ "$(running)" = 0 ]; }
    wait_until 30 "the runner to run $slow" slow_running
    kill -9 "$runner"
    wait "$runner" 2>/dev/null || true
    wait_until 5 "the killed runner's statement to end (it still runs after 5 s)" slow_ended
    printf 'SELECT 1;\n' > "$p/db/migrations/99990103000000_slow2.up.sql"
    expect_exit 0 m up --lock-timeout 1000 --format json
    contains "$out" '"version": "99990103000000"'
  else
    printf 'SELECT 1;\n' > "$p/db/migrations/99990103000000_slow2.up.sql"
    expect_exit 0 m up
  fi
}
behaviour killed_runner_frees_the_lock

ledger_holds_every_migration() {
  [ "$(psql "$db_url" -X -At -c 'SELECT count(*) FROM tb_confiture')" = 7 ] || fail "ledger rows"
}
behaviour ledger_holds_every_migration
finish
