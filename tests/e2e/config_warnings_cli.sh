# M1, B4 (issue 12, property 9): every command that loads an environment prints its warnings,
# with "did you mean"; a misspelt key that changes what a command writes is an error (exit 5).
# Also, on the binary: C18 (notices shown), C4 (migrate status exit 1 on a modified file).
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1
unset CONFITURE_DATABASE_URL DATABASE_URL
admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
new_database cfgwarn
psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
p="$work/p"
mkdir -p "$p/db/migrations" "$p/db/environments" "$p/db/schema"
echo 'CREATE TABLE t (id int);' > "$p/db/schema/t.sql"
printf 'DO $$ BEGIN RAISE NOTICE '"'"'hello from 001'"'"'; END $$;\nCREATE TABLE a (id int);\n' \
  > "$p/db/migrations/001_a.up.sql"
printf 'database_url: "%s"\nmigration:\n  lock_timout_ms: 100\n' "$db_url" \
  > "$p/db/environments/typo.yaml"
c() { "$CONFITURE" "$@" --project-dir "$p"; }
warned() { contains "$err" "typo.yaml:3:3: unknown key 'migration.lock_timout_ms' is ignored (did you mean 'migration.lock_timeout_ms'?)"; }

m1_every_command_warns() {
  expect_exit 0 c migrate up --env typo
  warned
  expect_exit 0 c migrate status --env typo
  warned
  expect_exit 0 c migrate current --env typo
  warned
  expect_exit 0 c migrate verify --env typo
  warned
  expect_exit 0 c migrate up --env typo --dry-run
  warned
  expect_exit 8 c migrate down --env typo --dry-run  # no .down.sql: refused, still warned
  warned
  set +e; c status --env typo >/dev/null 2>"$work/.err"; set -e
  err="$(cat "$work/.err")"; warned
  expect_exit 0 c build --env typo --no-apply
  warned
  [ "$(grep -c "lock_timout_ms" <<<"$err")" = 1 ] || fail "warning shown twice: $err"
  set +e; c server url --env typo >/dev/null 2>"$work/.err"; set -e
  err="$(cat "$work/.err")"; warned
  set +e; "$CONFITURE" diff typo "$p/db/schema" --project-dir "$p" >/dev/null 2>"$work/.err"; set -e
  err="$(cat "$work/.err")"; warned
  set +e; "$CONFITURE" sync --from typo --to "$db_url" --dry-run --project-dir "$p" \
    >/dev/null 2>"$work/.err"; set -e
  err="$(cat "$work/.err")"; warned
  # JSON output stays one document on stdout; the warning goes to stderr.
  expect_exit 0 c migrate status --env typo --format json
  warned
  contains "$out" '"ok": true'
}

m1_misspelt_guarded_key_is_an_error() {
  printf 'database_url: "%s"\nprotectd: true\n' "$db_url" > "$p/db/environments/prod.yaml"
  for cmd in "migrate up" "migrate status" "migrate down --yes" "build --no-apply"; do
    # shellcheck disable=SC2086
    expect_exit 5 c $cmd --env prod
    contains "$err" "CONFIG_030"
    contains "$err" "db/environments/prod.yaml:2:1"
    contains "$err" "did you mean 'protected'?"
  done
  printf 'database_url: "%s"\nmigration:\n  tracking_tabel: ops.ledger\n' "$db_url" \
    > "$p/db/environments/prod.yaml"
  expect_exit 5 c migrate up --env prod
  contains "$err" "CONFIG_030"
  contains "$err" "did you mean 'migration.tracking_table'?"
  [ "$(psql "$db_url" -X -A -t -c 'SELECT count(*) FROM tb_confiture')" = 1 ] ||
    fail "a refused migrate up wrote"
}

c4_status_exit_1_on_modified_file() {
  echo '-- edited' >> "$p/db/migrations/001_a.up.sql"
  expect_exit 1 c migrate status --env typo
  contains "$out" "applied (modified)"
  contains "$out" "Modified since applied: 001"
  contains "$out" "No .down.sql (cannot be rolled back): 001"
  lacks "$out" "Up to date"
  set +e; c status --env typo >"$work/.out" 2>/dev/null; set -e
  contains "$(cat "$work/.out")" "Modified:     001"
  contains "$(cat "$work/.out")" "No down file: 001"
}

# C18: a migration's notices are shown, on stderr (an environment of its own, without the typo).
c18_migration_notices_are_shown() {
  new_database notices
  psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
  local q="$work/q"
  mkdir -p "$q/db/migrations" "$q/db/environments" "$q/db/schema"
  cp "$p/db/migrations/001_a.up.sql" "$q/db/migrations/"
  printf 'database_url: "%s"\n' "$db_url" > "$q/db/environments/local.yaml"
  expect_exit 0 "$CONFITURE" migrate up --env local --project-dir "$q"
  contains "$err" "notice: hello from 001"
}

behaviour m1_every_command_warns
behaviour c18_migration_notices_are_shown
behaviour m1_misspelt_guarded_key_is_an_error
behaviour c4_status_exit_1_on_modified_file
finish
