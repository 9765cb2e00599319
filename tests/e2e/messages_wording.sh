# C14: messages that read right. A config error says its place once; a missing down file is
# named as the file that is missing; a syntax error found by `diff` does not say "build again".
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1
admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
p="$work/p"
mkdir -p "$p/db/schema" "$p/db/migrations" "$p/db/environments"
echo 'CREATE TABLE t (id int);' >"$p/db/schema/t.sql"

c14_config_error_names_its_place_once() {
  printf '# production\ndatabase_url: ${CONFITURE_E2E_UNSET_VARIABLE}\n' >"$p/db/environments/prod.yaml"
  expect_exit 5 "$CONFITURE" migrate status --project-dir "$p" --env prod
  contains "$err" "CONFIG_007"
  contains "$err" "prod.yaml:2:15"
  [ "$(grep -o 'prod.yaml:2' <<<"$err" | wc -l)" -eq 1 ] || fail "the place is said more than once: $err"
}

c14_missing_down_file_is_named() {
  new_database wording
  psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
  echo 'CREATE TABLE m (id int);' >"$p/db/migrations/20250101000000_add_m.up.sql"
  expect_exit 0 "$CONFITURE" migrate up --project-dir "$p" --database-url "$db_url"
  expect_exit 8 "$CONFITURE" migrate down --project-dir "$p" --database-url "$db_url" --dry-run
  contains "$err" "ROLLBACK_600"
  contains "$err" "db/migrations/20250101000000_add_m.down.sql does not exist"
  lacks "$err" "for 20250101000000_add_m.down.sql"
}

c14_diff_syntax_error_hint_fits_diff() {
  mkdir -p "$work/bad"
  echo 'CREATE TABLE broken (;' >"$work/bad/a.sql"
  CONFITURE_DATABASE_URL="$admin" expect_exit 4 "$CONFITURE" diff "$p/db/schema" "$work/bad" --project-dir "$p"
  contains "$err" "SCHEMA_200"
  lacks "$err" "build again"
  # A message that does not start with its place keeps the --> line.
  contains "$err" "  --> "
}

behaviour c14_config_error_names_its_place_once
behaviour c14_missing_down_file_is_named
behaviour c14_diff_syntax_error_hint_fits_diff
finish
