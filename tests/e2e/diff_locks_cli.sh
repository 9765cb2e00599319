# Every statement confiture diff prints names the strongest lock it takes (issue 12, property 4),
# in each format: a foreign key added to existing tables takes SHARE ROW EXCLUSIVE on both, its
# VALIDATE SHARE UPDATE EXCLUSIVE on the table only.
source "$(dirname "$0")/lib.sh"
admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
export CONFITURE_DATABASE_URL="$admin"

mkdir -p "$work/v1" "$work/v2"
cat >"$work/v1/schema.sql" <<'SQL'
CREATE TABLE authors (id bigint PRIMARY KEY);
CREATE TABLE books (id bigint PRIMARY KEY, author_id bigint);
SQL
cat >"$work/v2/schema.sql" <<'SQL'
CREATE TABLE authors (id bigint PRIMARY KEY);
CREATE TABLE books (id bigint PRIMARY KEY, author_id bigint REFERENCES authors (id));
CREATE VIEW book_authors AS SELECT author_id FROM books;
SQL

pretty_names_each_lock() {
  expect_exit 0 "$CONFITURE" diff "$work/v1" "$work/v2"
  contains "$out" "lock: SHARE ROW EXCLUSIVE on public.authors, public.books"
  contains "$out" "lock: SHARE UPDATE EXCLUSIVE on public.books"
  contains "$out" "lock: ACCESS SHARE on what it reads"
}

sql_names_each_lock() {
  expect_exit 0 "$CONFITURE" diff "$work/v1" "$work/v2" --format sql
  contains "$out" "-- Lock: SHARE ROW EXCLUSIVE on public.authors, public.books"
  contains "$out" "-- Lock: SHARE UPDATE EXCLUSIVE on public.books"
}

json_names_each_lock() {
  expect_exit 0 "$CONFITURE" diff "$work/v1" "$work/v2" --format json
  contains "$out" '"mode": "SHARE ROW EXCLUSIVE"'
  contains "$out" '"relations": ['
  contains "$out" '"assumed": false'
}

behaviour pretty_names_each_lock
behaviour sql_names_each_lock
behaviour json_names_each_lock
finish
