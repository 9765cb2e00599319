# A failing statement is shown in its own file and line, as text and as JSON.
source "$(dirname "$0")/lib.sh"
new_database errors
p="$work/p"
mkdir -p "$p/db/schema"
printf 'CREATE TABLE a (id int);\n' > "$p/db/schema/10_a.sql"
printf -- '-- views\nCREATE VIEW v AS\n  SELECT nope FROM a;\n' > "$p/db/schema/20_v.sql"

export NO_COLOR=1
failing_statement_named_by_file_and_line() {
  expect_exit 4 "$CONFITURE" build --project-dir "$p" --database-url "$db_url"
  contains "$err" "error[SCHEMA_208]"
  contains "$err" "--> db/schema/20_v.sql:3:10"
  contains "$err" 'column "nope" does not exist'
}
behaviour failing_statement_named_by_file_and_line

json_names_file_and_line() {
  expect_exit 4 "$CONFITURE" build --project-dir "$p" --database-url "$db_url" --format json
  contains "$out" '"file": "db/schema/20_v.sql"'
  contains "$out" '"line": 3'
}
behaviour json_names_file_and_line

fixed_file_builds_then_nothing_to_do() {
  printf 'CREATE VIEW v AS SELECT id FROM a;\n' > "$p/db/schema/20_v.sql"
  expect_exit 0 "$CONFITURE" build --project-dir "$p" --database-url "$db_url" --format json
  contains "$out" '"apply": "applied"'
  expect_exit 0 "$CONFITURE" build --project-dir "$p" --database-url "$db_url"
  contains "$out" "nothing to do"
}
behaviour fixed_file_builds_then_nothing_to_do
finish
