# D3, B7 (issue 12, property 5): `protected: true` guards every command that deletes or
# overwrites (migrate down, down-to, build --recreate, sync), also when the protected database is
# reached by its DSN: a protected environment's build or migration leaves the protection mark.
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1
unset CONFITURE_DATABASE_URL DATABASE_URL
admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
new_database prot_prod; prod="$db_url"; prod_name="$db_name"
new_database prot_dev; dev="$db_url"; dev_name="$db_name"
psql "$admin" -X -q -c "CREATE DATABASE \"$prod_name\"" -c "CREATE DATABASE \"$dev_name\""
q() { psql "$1" -X -q -A -t -c "$2"; }

p="$work/p"
mkdir -p "$p/db/migrations" "$p/db/environments" "$p/db/schema"
printf 'database_url: "%s"\nprotected: true\n' "$prod" > "$p/db/environments/prod.yaml"
printf 'database_url: "%s"\n' "$prod" > "$p/db/environments/other.yaml"
printf 'database_url: "%s"\n' "$dev" > "$p/db/environments/dev.yaml"
printf 'CREATE TABLE s (id int);\nINSERT INTO s SELECT generate_series(1, 1000);\n' \
  > "$p/db/migrations/001_s.up.sql"
printf 'DROP TABLE s;\n' > "$p/db/migrations/001_s.down.sql"
printf 'CREATE TABLE t2 (id int);\n' > "$p/db/migrations/002_t2.up.sql"
printf 'DROP TABLE t2;\n' > "$p/db/migrations/002_t2.down.sql"
printf 'SELECT 1;\n' > "$p/db/migrations/003_ins.up.sql"
printf 'DELETE FROM s;\n' > "$p/db/migrations/003_ins.down.sql"
c() { "$CONFITURE" "$@" --project-dir "$p"; }
rows() { q "$prod" 'SELECT count(*) FROM s'; }

d3_migrate_up_records_the_mark() {
  expect_exit 0 c migrate up --env prod
  [ "$(q "$prod" 'SELECT environment FROM public.confiture_protection')" = prod ] ||
    fail "no protection mark after migrate up --env prod"
}

d3_down_on_protected_needs_yes() {
  expect_exit 7 c migrate down --env prod </dev/null
  contains "$err" "SAFETY_1900"
  contains "$err" "db/migrations/003_ins.down.sql:1: DELETE"
  expect_exit 7 c migrate down-to 001 --env prod </dev/null
  contains "$err" "SAFETY_1900"
  contains "$err" "002_t2.down.sql:1: DROP TABLE"
  [ "$(rows)" = 1000 ] || fail "a refused down deleted rows"
  [ "$(q "$prod" "SELECT to_regclass('t2') IS NOT NULL")" = t ] || fail "t2 dropped"
}

d3_protected_must_be_named() {
  # local.yaml picked by default is not "named".
  cp "$p/db/environments/prod.yaml" "$p/db/environments/local.yaml"
  expect_exit 7 c migrate down --yes
  contains "$err" "SAFETY_1900"
  rm "$p/db/environments/local.yaml"
}

d3_marked_database_by_dsn_is_refused() {
  expect_exit 7 c migrate down --database-url "$prod" --yes
  contains "$err" "SAFETY_1910"
  contains "$err" "--env prod"
  CONFITURE_DATABASE_URL="$prod" expect_exit 7 c migrate down-to 001 --yes
  contains "$err" "SAFETY_1910"
  # Through another (unprotected) environment's file.
  expect_exit 7 c migrate down --env other --yes
  contains "$err" "SAFETY_1910"
  echo 'CREATE TABLE t (id int);' > "$p/db/schema/t.sql"
  expect_exit 7 c build --database-url "$prod" --recreate --yes
  contains "$err" "SAFETY_1910"
  expect_exit 7 "$CONFITURE" sync --from "$dev" --to "$prod" --yes --project-dir "$p"
  contains "$err" "SAFETY_1910"
  lacks "$err" "SAFETY_1902"
  [ "$(rows)" = 1000 ] || fail "a refused command deleted rows"
  [ "$(q "$prod" "SELECT to_regclass('t2') IS NOT NULL")" = t ] || fail "t2 dropped"
}

d3_named_and_confirmed_runs() {
  expect_exit 0 c migrate down --env prod --yes
  [ "$(rows)" = 0 ] || fail "down --env prod --yes did not run"
}

d3_unprotected_asks_and_refuses_without_tty() {
  expect_exit 0 c migrate up --env dev
  expect_exit 7 c migrate down --env dev </dev/null
  contains "$err" "SAFETY_1901"
  contains "$err" "003_ins.down.sql:1: DELETE"
  [ "$(q "$dev" 'SELECT count(*) FROM s')" = 1000 ] || fail "refused down ran"
  # On a terminal: the hazards, then the question; "n" refuses, "y" runs.
  local cmd="'$CONFITURE' migrate down --env dev --project-dir '$p'"
  echo n | script -qec "$cmd" /dev/null >"$work/tty" 2>&1 || true
  contains "$(cat "$work/tty")" "This will run:"
  contains "$(cat "$work/tty")" "003_ins.down.sql:1: DELETE"
  [ "$(q "$dev" 'SELECT count(*) FROM s')" = 1000 ] || fail "answered n, down ran"
  echo y | script -qec "$cmd" /dev/null >"$work/tty" 2>&1
  [ "$(q "$dev" 'SELECT count(*) FROM s')" = 0 ] || fail "answered y, down did not run: $(cat "$work/tty")"
}

d3_build_of_protected_records_the_mark() {
  expect_exit 0 c migrate down-to 001 --env dev --yes
  psql "$admin" -X -q -c "DROP DATABASE \"$dev_name\""
  printf 'database_url: "%s"\nprotected: true\n' "$dev" > "$p/db/environments/dev.yaml"
  expect_exit 0 c build --env dev
  [ "$(q "$dev" 'SELECT environment FROM public.confiture_protection')" = dev ] ||
    fail "no protection mark after build --env dev"
  echo 'CREATE TABLE u (id int);' > "$p/db/schema/u.sql"
  expect_exit 7 c build --database-url "$dev" --recreate --yes
  contains "$err" "SAFETY_1910"
  expect_exit 0 c build --env dev --recreate --yes
}

m3_steps_must_be_positive() {
  for n in 0 -1; do
    expect_exit 5 c migrate down --env prod --steps "$n" --yes
    contains "$err" "--steps must be at least 1"
    lacks "$err" "1797693134862315708"
  done
}

behaviour d3_migrate_up_records_the_mark
behaviour d3_down_on_protected_needs_yes
behaviour d3_protected_must_be_named
behaviour d3_marked_database_by_dsn_is_refused
behaviour d3_named_and_confirmed_runs
behaviour d3_unprotected_asks_and_refuses_without_tty
behaviour d3_build_of_protected_records_the_mark
behaviour m3_steps_must_be_positive
finish
