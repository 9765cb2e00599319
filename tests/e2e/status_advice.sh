# One idea of "up to date" (issue 12, property 8): on a fresh `confiture init` project with the
# embedded server, follow every command that build, status and migrate advise, through build ->
# status -> generate -> up -> status -> edit the DDL -> status ..., and check that each advised
# command succeeds and that status ends "up to date" / "in step" (exit 0) where it should.
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1
shopt -u patsub_replacement 2>/dev/null || true  # a URL's '&' stays an '&' in ${x//URL/...}
p="$work/adv"
expect_exit 0 "$CONFITURE" init "$p"
cleanups=("'$CONFITURE' server stop --project-dir '$p'" "${cleanups[@]}")
cd "$p"

# The command on status's "Next:" line (or a hint in backquotes), NAME and URL filled in.
advice() {
  local line
  line="$(printf '%s\n' "$1" | sed -n 's/^Next: *//p' | head -1)"
  [ -n "$line" ] || fail "no advice (Next:) in:
$1"
  local q="'"
  line="${line//NAME/${2:-}}"
  printf '%s' "${line//URL/$q${3:-URL}$q}"
}
quoted_advice() {  # the first `confiture ...` in backquotes of $1; fails when there is none
  local found
  found="$(printf '%s\n' "$1" | grep -o '`confiture [^`]*`' | head -1 | tr -d '`')" ||
    fail "no \`confiture ...\` advice in backquotes in:
$1"
  printf '%s\n' "$found"
}
# follow TEXT [NAME [URL]]: runs the advised command; it must succeed.
follow() {
  local cmd
  cmd="$(advice "$@")"
  echo "following: $cmd"
  eval "expect_exit 0 \"\$CONFITURE\" ${cmd#confiture }"
}
psql_local() { psql "$("$CONFITURE" server url)" -X -A -t -c "$1"; }

# Before anything: the server is down, and the advice starts it.
server_down_advises_start() {
  expect_exit 3 "$CONFITURE" status
  contains "$out" "Next:         confiture server start"
  follow "$out"
}
behaviour server_down_advises_start

# W10-adjacent: a database that does not exist yet is "never built", and `build` is advised;
# the build records the sample migrations (M6).
m6_never_built_then_build_records_migrations() {
  expect_exit 1 "$CONFITURE" status
  contains "$out" "does not exist yet"
  contains "$out" "Next:         confiture build"
  follow "$out"
  contains "$out" "Recorded 3 migration(s) as applied in tb_confiture"
  [ "$(psql_local "SELECT count(*) FROM tb_confiture WHERE slug LIKE '%_baseline' AND execution_time_ms = 0 AND checksum IS NOT NULL")" = 3 ] ||
    fail "build should record the 3 sample migrations as baseline rows"
  expect_exit 0 "$CONFITURE" migrate up
  contains "$out" "Nothing to apply"
  expect_exit 0 "$CONFITURE" migrate status
}
behaviour m6_never_built_then_build_records_migrations

c3_status_up_to_date_is_consistent() {
  expect_exit 0 "$CONFITURE" status
  contains "$out" "State:        up to date"
  contains "$out" "Migrations:   3 applied (0 since the build), 0 pending"
  lacks "$out" "no ledger"
  lacks "$out" "Next:"
}
behaviour c3_status_up_to_date_is_consistent

c1_generate_auto_detect_on_a_fresh_project() {
  expect_exit 0 "$CONFITURE" migrate generate nothing_yet --auto-detect
  contains "$out" "No changes"
  [ -z "$(ls db/migrations | grep nothing_yet)" ] || fail "nothing should be written"
}
behaviour c1_generate_auto_detect_on_a_fresh_project

b8_force_hint_succeeds() {
  expect_exit 0 "$CONFITURE" build
  contains "$out" "nothing to do"
  local cmd
  cmd="$(quoted_advice "$out")"
  [[ "$cmd" == "confiture build --force"* ]] || fail "expected the --force advice, got: $cmd"
  echo "following: $cmd"
  eval "expect_exit 0 \"\$CONFITURE\" ${cmd#confiture }"
  contains "$out" "(recreated)"
  contains "$out" "Recorded 3 migration(s)"
  expect_exit 0 "$CONFITURE" status
}
behaviour b8_force_hint_succeeds

# Change the DDL: status proves the drift and advises writing the migration.
sed -i 's/    bio TEXT NOT NULL DEFAULT .*,/&\n    nickname TEXT,/' db/schema/10_tables/01_users.sql
grep -q nickname db/schema/10_tables/01_users.sql || fail "the DDL edit did not apply"
b9_status_after_ddl_edit() {
  expect_exit 1 "$CONFITURE" status
  contains "$out" "differs from db/schema/"
  contains "$out" "nickname"
  lacks "$out" "run confiture build"
  follow "$out" add_nickname
  ls db/migrations/*_add_nickname.up.sql >/dev/null || fail "generate wrote no migration"

  expect_exit 1 "$CONFITURE" status
  contains "$out" "migrations pending"
  contains "$out" "Next:         confiture migrate up"
  follow "$out"

  # The circle of B9 is gone: in step, proven by the differ, exit 0.
  expect_exit 0 "$CONFITURE" status
  contains "$out" "Verified:     in step with db/schema/"
  contains "$out" "State:        in step"
  contains "$out" "(1 since the build)"
  expect_exit 0 "$CONFITURE" migrate up
  contains "$out" "Nothing to apply"
  expect_exit 0 "$CONFITURE" status --format json
  contains "$out" '"state": "in_step"'
  contains "$out" '"advice": null'
}
behaviour b9_status_after_ddl_edit

# build on the migrated database: refused, and its hint names commands that work.
expect_exit 7 "$CONFITURE" build
contains "$err" "SCHEMA_209"
contains "$err" "confiture status"
lacks "$err" "use \`confiture migrate up\`"
expect_exit 0 "$CONFITURE" status
expect_exit 0 "$CONFITURE" build --recreate --yes
contains "$out" "Recorded 4 migration(s)"
expect_exit 0 "$CONFITURE" status
contains "$out" "up to date"

c2_built_without_ledger() {
  expect_exit 0 "$CONFITURE" build --force --yes --no-baseline
  lacks "$out" "Recorded"
  expect_exit 1 "$CONFITURE" status
  contains "$out" "not recorded in the ledger"
  lacks "$out" "State:        up to date"
  local next
  next="$(advice "$out")"
  contains "$next" "confiture migrate baseline --through"

  expect_exit 2 "$CONFITURE" migrate status
  contains "$out" "confiture migrate baseline --through V"
  lacks "$out" "run \`confiture migrate up\`"
  expect_exit 2 "$CONFITURE" migrate up
  contains "$err" "PRECON_1002"
  contains "$err" "confiture migrate baseline --through V"
  [ "$(psql_local "SELECT to_regclass('tb_confiture') IS NULL AND to_regclass('confiture_lock_holder') IS NULL")" = t ] ||
    fail "migrate up must not create the ledger or a lock row on a built database"

  follow "$(printf 'Next: %s' "$next")"
  expect_exit 0 "$CONFITURE" status
  contains "$out" "up to date"
  expect_exit 0 "$CONFITURE" migrate up
  contains "$out" "Nothing to apply"
}
behaviour c2_built_without_ledger

rolled_back_migration_is_pending() {
  expect_exit 0 "$CONFITURE" migrate down --steps 1 --yes
  expect_exit 1 "$CONFITURE" status
  contains "$out" "on a scratch copy they bring it exactly to db/schema/"
  follow "$out"
  expect_exit 0 "$CONFITURE" status
}
behaviour rolled_back_migration_is_pending

# Rebuilt from an edited DDL, then the migration for the edit is generated: it is pending in a
# database that already has its change, so `migrate up` would fail; status must not advise it.
b9_migration_generated_after_rebuild() {
  sed -i 's/    published_at TIMESTAMPTZ$/    published_at TIMESTAMPTZ,\n    summary TEXT/' db/schema/10_tables/02_posts.sql
  grep -q summary db/schema/10_tables/02_posts.sql || fail "the DDL edit did not apply"
  expect_exit 0 "$CONFITURE" build --recreate --yes
  expect_exit 0 "$CONFITURE" migrate generate add_summary --auto-detect
  ls db/migrations/*_add_summary.up.sql >/dev/null || fail "generate wrote no migration"
  expect_exit 1 "$CONFITURE" status
  lacks "$out" "Next:         confiture migrate up"
  contains "$out" "Next:         confiture migrate baseline --through"
  follow "$out"
  expect_exit 0 "$CONFITURE" status
  contains "$out" "up to date"
  expect_exit 0 "$CONFITURE" migrate up
  contains "$out" "Nothing to apply"
}
behaviour b9_migration_generated_after_rebuild

# W9: "Last build" comes from the database looked at, not from db/.confiture_version.json.
w9_last_build_of_this_database() {
  new_database neverbuilt
  local admin
  admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
  psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
  [ -f db/.confiture_version.json ] || fail "the project should have a version file"
  expect_exit 1 "$CONFITURE" status --database-url "$db_url"
  contains "$out" "never built"
  lacks "$out" "Last build"
  lacks "$out" "Built:        hash"
  contains "$out" "Next:         confiture build --database-url URL"
  follow "$out" "" "$db_url"
  expect_exit 0 "$CONFITURE" status --database-url "$db_url"
  contains "$out" "Built:        hash"
}
behaviour w9_last_build_of_this_database

# W10: a project that only uses migrations has no db/schema/: status reports migrations only.
w10_migrations_only_project() {
  local q="$work/migrations_only"
  mkdir -p "$q/db/migrations"
  printf 'CREATE TABLE things (id int PRIMARY KEY);\n' > "$q/db/migrations/001_things.up.sql"
  new_database migonly
  local admin
  admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
  psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
  expect_exit 1 "$CONFITURE" status --project-dir "$q" --database-url "$db_url"
  lacks "$err" "SCHEMA_205"
  contains "$out" "no DDL files (migrations only)"
  contains "$out" "every migration is pending"
  local cmd
  cmd="$(advice "$out" "" "$db_url")"
  eval "expect_exit 0 \"\$CONFITURE\" ${cmd#confiture } --project-dir \"\$q\""
  expect_exit 0 "$CONFITURE" status --project-dir "$q" --database-url "$db_url"
  contains "$out" "State:        up to date"
}
behaviour w10_migrations_only_project

expect_exit 0 "$CONFITURE" server stop
finish
