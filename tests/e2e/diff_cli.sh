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
expect_exit 7 "$CONFITURE" diff "$work/v1" "$work/v2"
contains "$err" "DIFFER_404"
contains "$err" "drops column public.customers.legacy"

# Accepted, as SQL: renames first, the index built concurrently, the no-transaction directive.
expect_exit 0 "$CONFITURE" diff "$work/v1" "$work/v2" --allow-hazards DELETES_DATA --format sql
[[ "$(head -1 <<<"$out")" == "-- confiture:no-transaction" ]] || fail "no directive: $out"
contains "$out" 'ALTER TABLE "public"."clients" RENAME TO "customers";'
contains "$out" 'RENAME COLUMN "name" TO "full_name";'
contains "$out" "CREATE INDEX CONCURRENTLY customers_email"
contains "$out" "SET lock_timeout = '3s';"
lacks "$out" 'DROP TABLE'

# JSON: one document with every statement and its hazards.
expect_exit 0 "$CONFITURE" diff "$work/v1" "$work/v2" --allow-hazards all --format json
contains "$out" '"DELETES_DATA"'
contains "$out" '"transactional": false'

# An unknown hazard is a usage error.
expect_exit 5 "$CONFITURE" diff "$work/v1" "$work/v2" --allow-hazards DELETES_EVERYTHING

# Live databases: --exit-code says whether they differ; the same schema diffs empty.
new_database one; one="$db_url"; psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
new_database two; two="$db_url"; psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
psql "$one" -X -q -v ON_ERROR_STOP=1 -f "$work/v1/schema.sql"
psql "$two" -X -q -v ON_ERROR_STOP=1 -f "$work/v1/schema.sql"
expect_exit 0 "$CONFITURE" diff "$one" "$two" --exit-code
contains "$out" "No differences."
psql "$two" -X -q -c "ALTER TABLE clients ADD COLUMN note text"
expect_exit 1 "$CONFITURE" diff "$one" "$two" --exit-code --format sql
contains "$out" 'ALTER TABLE "public"."clients" ADD COLUMN "note" text;'
lacks "$out$err" "password"

# Objects the differ does not model stop it, by name, unless allowed.
psql "$two" -X -q -c "CREATE RULE no_delete AS ON DELETE TO clients DO INSTEAD NOTHING"
expect_exit 4 "$CONFITURE" diff "$one" "$two"
contains "$err" "DIFFER_403"
contains "$err" "no_delete"
expect_exit 0 "$CONFITURE" diff "$one" "$two" --allow-unsupported --format sql
contains "$out" 'ADD COLUMN "note" text'

# A syntax error in a DDL side names its file and line.
printf 'CREATE TABLE ok (id int);\nCREATE TABLE broken (id int,);\n' >"$work/bad.sql"
expect_exit 4 "$CONFITURE" diff "$work/v1" "$work/bad.sql"
contains "$err" "bad.sql:2"

# migrate generate --auto-detect against a live database, then preflight against it.
"$CONFITURE" init "$work/project" >/dev/null
cd "$work/project"
rm -f db/migrations/*
new_database live; live="$db_url"; psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
find db/schema -name '*.sql' | sort | xargs cat | psql "$live" -X -q -v ON_ERROR_STOP=1 -f -
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

# A ledger the environment names (migration.tracking_table) belongs to the database, not to its
# schema: diff leaves it out like tb_confiture, once the project says so.
new_database ledgered; ledgered="$db_url"; psql "$admin" -X -q -c "CREATE DATABASE \"$db_name\""
find db/schema -name '*.sql' | sort | xargs cat | psql "$ledgered" -X -q -v ON_ERROR_STOP=1 -f -
psql "$ledgered" -X -q -c "CREATE TABLE app_ledger (version text PRIMARY KEY)"
expect_exit 7 "$CONFITURE" diff "$ledgered" db/schema --exit-code
contains "$err" "app_ledger"
printf 'migration:\n  tracking_table: app_ledger\n' >>db/environments/local.yaml
expect_exit 0 "$CONFITURE" diff "$ledgered" db/schema --exit-code
echo "ok"
