# confiture diff and migrate generate --auto-detect / preflight, as a user runs them: DDL
# directories and live databases, formats, the DELETES_DATA gate, --exit-code, renames,
# unsupported objects, and the migration pair written from the diff.
source "$(dirname "$0")/lib.sh"
admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
export CONFITURE_DATABASE_URL="$admin"

mkdir -p "$work/v1" "$work/v2"
cat >"$work/v1/schema.sql" <<'SQL'
CREATE TABLE clients (id bigint PRIMARY KEY, name text, legacy text);
CREATE VIEW client_names AS SELECT name FROM clients;
SQL
cat >"$work/v2/schema.sql" <<'SQL'
CREATE TABLE customers ( -- confiture:renamed-from clients
    id bigint PRIMARY KEY,
    full_name text, -- confiture:renamed-from name
    email text
);
CREATE VIEW client_names AS SELECT full_name FROM customers;
CREATE INDEX customers_email ON customers (email);
SQL

# A dropped column is refused without --allow-hazards, naming it.
dropped_column_is_refused() {
  expect_exit 7 "$CONFITURE" diff "$work/v1" "$work/v2"
  contains "$err" "DIFFER_404"
  contains "$err" "drops column public.customers.legacy"
}
behaviour dropped_column_is_refused

# Accepted, as SQL: renames first, the index built concurrently, the no-transaction directive.
accepted_as_sql_with_renames_first() {
  expect_exit 0 "$CONFITURE" diff "$work/v1" "$work/v2" --allow-hazards DELETES_DATA --format sql
  [[ "$(head -1 <<<"$out")" == "-- confiture:no-transaction" ]] || fail "no directive: $out"
  contains "$out" 'ALTER TABLE "public"."clients" RENAME TO "customers";'
  contains "$out" 'RENAME COLUMN "name" TO "full_name";'
  contains "$out" "CREATE INDEX CONCURRENTLY customers_email"
  contains "$out" "SET lock_timeout = '3s';"
  lacks "$out" 'DROP TABLE'
}
behaviour accepted_as_sql_with_renames_first

# JSON: one document with every statement and its hazards.
json_lists_statements_and_hazards() {
  expect_exit 0 "$CONFITURE" diff "$work/v1" "$work/v2" --allow-hazards all --format json
  contains "$out" '"DELETES_DATA"'
  contains "$out" '"transactional": false'
}
behaviour json_lists_statements_and_hazards

# An unknown hazard is a usage error.
unknown_hazard_is_a_usage_error() {
  expect_exit 5 "$CONFITURE" diff "$work/v1" "$work/v2" --allow-hazards DELETES_EVERYTHING
}
behaviour unknown_hazard_is_a_usage_error

# Live databases: --exit-code says whether they differ; the same schema diffs empty.
new_database one; one="$db_url"; psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
new_database two; two="$db_url"; psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
psql "$one" -X -q -v ON_ERROR_STOP=1 -f "$work/v1/schema.sql"
psql "$two" -X -q -v ON_ERROR_STOP=1 -f "$work/v1/schema.sql"
live_databases_exit_code() {
  expect_exit 0 "$CONFITURE" diff "$one" "$two" --exit-code
  contains "$out" "No differences."
  psql "$two" -X -q -c "ALTER TABLE clients ADD COLUMN note text"
  expect_exit 1 "$CONFITURE" diff "$one" "$two" --exit-code --format sql
  contains "$out" 'ALTER TABLE "public"."clients" ADD COLUMN "note" text;'
  lacks "$out$err" "password"
}
behaviour live_databases_exit_code

# Objects the differ does not model stop it, by name, unless allowed.
unsupported_objects_stop_it() {
  psql "$two" -X -q -c "CREATE RULE no_delete AS ON DELETE TO clients DO INSTEAD NOTHING"
  expect_exit 4 "$CONFITURE" diff "$one" "$two"
  contains "$err" "DIFFER_403"
  contains "$err" "no_delete"
  expect_exit 0 "$CONFITURE" diff "$one" "$two" --allow-unsupported --format sql
  contains "$out" 'ADD COLUMN "note" text'
}
behaviour unsupported_objects_stop_it

# A syntax error in a DDL side names its file and line.
syntax_error_names_file_and_line() {
  printf 'CREATE TABLE ok (id int);\nCREATE TABLE broken (id int,);\n' >"$work/bad.sql"
  expect_exit 4 "$CONFITURE" diff "$work/v1" "$work/bad.sql"
  contains "$err" "bad.sql:2"
}
behaviour syntax_error_names_file_and_line

# migrate generate --auto-detect against a live database, then preflight against it.
"$CONFITURE" init "$work/project" >/dev/null
cd "$work/project"
rm -f db/migrations/*
new_database live; live="$db_url"; psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
find db/schema -name '*.sql' | sort | xargs cat | psql "$live" -X -q -v ON_ERROR_STOP=1 -f -
generate_and_preflight_against_live() {
  expect_exit 0 "$CONFITURE" migrate generate nothing_yet --auto-detect --against "$live"
  contains "$out" "No changes"
  [ -z "$(ls db/migrations)" ] || fail "a migration was written for no change"
  echo "CREATE INDEX posts_title ON posts (title);" >>db/schema/10_tables/02_posts.sql
  expect_exit 0 "$CONFITURE" migrate generate index_titles --auto-detect --against "$live"
  up="$(ls db/migrations/*_index_titles.up.sql)"
  down="$(ls db/migrations/*_index_titles.down.sql)"
  [[ "$(head -1 "$up")" == "-- confiture:no-transaction" ]] || fail "$(cat "$up")"
  grep -q "CREATE INDEX CONCURRENTLY posts_title" "$up" || fail "$(cat "$up")"
  grep -q 'DROP INDEX CONCURRENTLY "public"."posts_title"' "$down" || fail "$(cat "$down")"
  # The pending migration brings the database to db/schema/: safe. A DDL change without its
  # migration is drift, listed.
  expect_exit 0 "$CONFITURE" migrate preflight --against "$live"
  contains "$out" "1 pending migration(s)"
  contains "$out" "Safe to deploy"
  "$CONFITURE" migrate up --database-url "$live" >/dev/null
  echo "ALTER TABLE posts ADD COLUMN summary text;" >>db/schema/10_tables/02_posts.sql
  expect_exit 1 "$CONFITURE" migrate preflight --against "$live"
  contains "$out" "0 pending migration(s)"
  contains "$out" 'ADD COLUMN "summary" text'
}
behaviour generate_and_preflight_against_live

# A ledger the environment names (migration.tracking_table) belongs to the database, not to its
# schema: diff leaves it out like tb_confiture, once the project says so.
tracking_table_is_left_out() {
  new_database ledgered; ledgered="$db_url"; psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
  find db/schema -name '*.sql' | sort | xargs cat | psql "$ledgered" -X -q -v ON_ERROR_STOP=1 -f -
  psql "$ledgered" -X -q -c "CREATE TABLE app_ledger (version text PRIMARY KEY)"
  expect_exit 1 "$CONFITURE" diff "$ledgered" db/schema --exit-code
  contains "$out$err" "app_ledger"
  printf 'migration:\n  tracking_table: app_ledger\n' >>db/environments/local.yaml
  expect_exit 0 "$CONFITURE" diff "$ledgered" db/schema --exit-code
}
behaviour tracking_table_is_left_out

# W13: --exit-code is a drift check: drift that the plan would undo by dropping a column still
# exits 1 (not DIFFER_404's 7), with the DELETES_DATA statements named on stderr.
w13_exit_code_reports_drift_that_deletes_data() {
  expect_exit 1 "$CONFITURE" diff "$work/v1" "$work/v2" --exit-code -q
  expect_exit 1 "$CONFITURE" diff "$work/v1" "$work/v2" --exit-code --format sql
  contains "$err" "DELETES_DATA: drops column public.customers.legacy"
  contains "$out" 'DROP COLUMN "legacy"'
  # Without --exit-code the gate still refuses.
  expect_exit 7 "$CONFITURE" diff "$work/v1" "$work/v2" -q
}
behaviour w13_exit_code_reports_drift_that_deletes_data

# C5: migrate generate --auto-detect refuses DELETES_DATA as diff does, writes nothing, and
# suggests the rename annotation when a column goes and one of the same type comes.
c5_generate_refuses_deletes_data_and_suggests_rename() {
  new_database renames; local db="$db_url"; psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
  find db/schema -name '*.sql' | sort | xargs cat | psql "$db" -X -q -v ON_ERROR_STOP=1 -f -
  sed -i 's/^    body TEXT NOT NULL/    content TEXT NOT NULL/' db/schema/10_tables/02_posts.sql
  local before; before="$(ls db/migrations | wc -l)"
  expect_exit 7 "$CONFITURE" migrate generate rename_body --auto-detect --against "$db"
  contains "$err" "DIFFER_404"
  contains "$err" "drops column public.posts.body"
  contains "$err" "-- confiture:renamed-from body"
  [ "$(ls db/migrations | wc -l)" = "$before" ] || fail "a migration was written: $(ls db/migrations)"
  expect_exit 0 "$CONFITURE" migrate generate rename_body --auto-detect --against "$db" \
    --allow-hazards DELETES_DATA
  contains "$out" "hazard: DELETES_DATA"
  rm -f db/migrations/*_rename_body.*
  sed -i "s/^    content TEXT NOT NULL DEFAULT '',/    content TEXT NOT NULL DEFAULT '', -- confiture:renamed-from body/" \
    db/schema/10_tables/02_posts.sql
  expect_exit 0 "$CONFITURE" migrate generate rename_body --auto-detect --against "$db"
  contains "$(cat db/migrations/*_rename_body.up.sql)" 'RENAME COLUMN "body" TO "content"'
  rm -f db/migrations/*_rename_body.*
}
behaviour c5_generate_refuses_deletes_data_and_suggests_rename

# D2/B1: a generated narrowing, applied by migrate up, fails on a value that does not fit
# instead of cutting it.
d2_generated_narrowing_fails_instead_of_truncating() {
  new_database narrow; local db="$db_url"; psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
  find db/schema -name '*.sql' | sort | xargs cat | psql "$db" -X -q -v ON_ERROR_STOP=1 -f -
  psql "$db" -X -q -v ON_ERROR_STOP=1 \
    -c "INSERT INTO users (email, display_name) VALUES ('a@example.com', 'Administrator')"
  local latest; latest="$(ls db/migrations/*.up.sql | sort | tail -1)"
  latest="$(basename "$latest")"
  "$CONFITURE" migrate baseline --database-url "$db" --through "${latest%%_*}" >/dev/null
  sed -i 's/display_name TEXT/display_name VARCHAR(3)/I' db/schema/10_tables/01_users.sql
  expect_exit 0 "$CONFITURE" migrate generate shrink_name --auto-detect --against "$db"
  local up; up="$(cat db/migrations/*_shrink_name.up.sql)"
  lacks "$up" "::character varying(3)"
  contains "$up" "VALIDATION_MAY_FAIL"
  expect_exit 3 "$CONFITURE" migrate up --database-url "$db"
  contains "$err" "holds a value longer than 3 characters"
  [[ "$(psql "$db" -X -A -t -c "SELECT display_name FROM users")" == "Administrator" ]] ||
    fail "display_name was changed"
  rm -f db/migrations/*_shrink_name.*
  sed -i 's/display_name VARCHAR(3)/display_name TEXT/' db/schema/10_tables/01_users.sql
}
behaviour d2_generated_narrowing_fails_instead_of_truncating
finish
