# Discovery's warnings (issue 12, property 7; W1/W7 of the reliability audit) come from every
# command that discovers the DDL files, not only from `build`: a dangling symbolic link in
# db/schema/ is named on stderr by build, diff (a DDL directory side), status (its hash, and its
# proof against db/schema/), migrate generate --auto-detect and migrate preflight.
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1

p="$work/project"
new_database links
mkdir -p "$p/db/schema" "$p/db/environments" "$p/db/migrations"
printf 'database_url: "%s"\n' "$db_url" >"$p/db/environments/local.yaml"
printf 'CREATE TABLE a (id int);\n' >"$p/db/schema/10_a.sql"
ln -s /nonexistent/gone.sql "$p/db/schema/gone.sql"
cd "$p"
warning="db/schema/gone.sql: a symbolic link to /nonexistent/gone.sql, which does not exist"

dangling_link_named_by_build() {
  expect_exit 0 "$CONFITURE" build --env local
  contains "$err" "$warning"
}

dangling_link_named_by_diff() {
  expect_exit 0 "$CONFITURE" diff local db/schema
  contains "$err" "$warning"
  expect_exit 0 "$CONFITURE" diff db/schema local --format json
  contains "$err" "$warning"
}

dangling_link_named_by_status() {
  expect_exit 0 "$CONFITURE" status --env local
  contains "$out" "Source:       1 files"
  contains "$err" "$warning"
  # The DDL changed since the build: status proves the state on a scratch copy of db/schema/,
  # which discovers the files again (the warning is shown once).
  printf -- '-- a comment\n' >>db/schema/10_a.sql
  expect_exit 0 "$CONFITURE" status --env local
  contains "$out" "in step with db/schema/"
  contains "$err" "$warning"
  [ "$(grep -c 'gone.sql' <<<"$err")" = 1 ] || fail "the warning should show once: $err"
}

dangling_link_named_by_generate_auto_detect() {
  expect_exit 0 "$CONFITURE" migrate generate same_as_live --auto-detect --against local
  contains "$err" "$warning"
}

dangling_link_named_by_preflight() {
  expect_exit 0 "$CONFITURE" migrate preflight --against local
  contains "$err" "$warning"
}

behaviour dangling_link_named_by_build
behaviour dangling_link_named_by_diff
behaviour dangling_link_named_by_status
behaviour dangling_link_named_by_generate_auto_detect
behaviour dangling_link_named_by_preflight
finish
