# `confiture build` against careless and hostile input (issue 12, properties 6, 7 and 11):
# -o never overwrites a source, discovery ends and counts each file once, a killed build is not
# committed, --recreate says whom it disconnected, a version file that cannot be written is
# found before anything is dropped, and two builds of one database do not run at once.
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1
admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"

# A project whose local environment names a database of its own on the test server.
# Sets $p, $db_url and $db_name.
project() {
  p="$work/$1"
  new_database "$1"
  mkdir -p "$p/db/schema" "$p/db/environments" "$p/db/migrations"
  printf 'database_url: "%s"\n' "$db_url" >"$p/db/environments/local.yaml"
  printf 'CREATE TABLE a (id int);\n' >"$p/db/schema/10_a.sql"
}

psql_at() { psql "$1" -X -A -t -q -v ON_ERROR_STOP=1 -c "$2"; }

d5_output_refuses_sources() {
  project d5
  cd "$p"
  printf 'CREATE TABLE m (id int);\n' >db/migrations/20260101000000_m.up.sql
  mkdir -p db/seeds && printf 'INSERT INTO a VALUES (1);\n' >db/seeds/s.sql
  local before
  before="$(cat db/schema/10_a.sql)"
  for target in db/schema/10_a.sql db/generated/../schema/10_a.sql "$p/db/schema/new.sql" \
    db/migrations/20260101000000_m.up.sql db/seeds/s.sql; do
    expect_exit 7 "$CONFITURE" build --env local --no-apply -o "$target"
    contains "$err" "SCHEMA_210"
    contains "$err" "$(basename "$target")"
  done
  contains "$err" "inside db/seeds"
  [ "$(cat db/schema/10_a.sql)" = "$before" ] || fail "-o changed a DDL source"
  [ ! -e db/schema/new.sql ] || fail "-o wrote into the include directory"
  # A symbolic link does not get around it.
  ln -s db/schema schema_link
  expect_exit 7 "$CONFITURE" build --env local --no-apply -o schema_link/10_a.sql
  contains "$err" "include directory db/schema"
  ln -s db/schema/10_a.sql file_link.sql
  expect_exit 7 "$CONFITURE" build --env local --no-apply -o file_link.sql
  [ "$(cat db/schema/10_a.sql)" = "$before" ] || fail "-o wrote through a link"
  # An existing file confiture did not write is not replaced; its own output is.
  printf 'my notes\n' >notes.sql
  expect_exit 7 "$CONFITURE" build --env local --no-apply -o notes.sql
  contains "$err" "was not written by \`confiture build\`"
  [ "$(cat notes.sql)" = "my notes" ] || fail "-o replaced a file it did not write"
  expect_exit 0 "$CONFITURE" build --env local --no-apply -o out/schema.sql
  expect_exit 0 "$CONFITURE" build --env local --no-apply -o out/schema.sql
  : >empty.sql
  expect_exit 0 "$CONFITURE" build --env local --no-apply -o empty.sql
  grep -q "CREATE TABLE a" empty.sql || fail "an empty -o file should be written"
}

w1_symlink_loops_terminate() {
  project w1
  cd "$p"
  mkdir -p db/schema/10_tables db/schema/20_views
  printf 'CREATE TABLE t (id int);\n' >db/schema/10_tables/t.sql
  printf 'CREATE VIEW v AS SELECT id FROM t;\n' >db/schema/20_views/v.sql
  ln -s .. db/schema/10_tables/loop
  ln -s ../../schema db/schema/20_views/loop2
  # The same file through a second name is built once.
  ln -s 10_a.sql db/schema/30_again.sql
  expect_exit 0 timeout 60 "$CONFITURE" build --env local
  contains "$out" "Built 3 files"
  contains "$err" "db/schema/10_tables/loop: a symbolic link to db/schema, which is already read"
  contains "$err" "db/schema/20_views/loop2"
  [ "$(psql_at "$db_url" "SELECT count(*) FROM pg_class WHERE relname IN ('a', 't', 'v')")" = 3 ] ||
    fail "the build should hold a, t and v"
}

w7_dangling_symlink_warns() {
  project w7
  cd "$p"
  ln -s /nonexistent/x.sql db/schema/dangling.sql
  ln -s self.sql db/schema/self.sql
  expect_exit 0 "$CONFITURE" build --env local --no-apply
  contains "$out" "Built 1 files"
  contains "$err" "db/schema/dangling.sql: a symbolic link to /nonexistent/x.sql, which does not exist"
  contains "$err" "db/schema/self.sql: a symbolic link that leads back to itself"
  expect_exit 0 "$CONFITURE" build --env local --no-apply --format json
  contains "$out" "dangling.sql"
}

w15_killed_build_not_committed() {
  project w15
  cd "$p"
  printf 'SELECT pg_sleep(3);\n' >db/schema/20_sleep.sql
  printf 'CREATE TABLE b (id int);\n' >db/schema/30_b.sql
  "$CONFITURE" build --env local >/dev/null 2>&1 &
  local pid=$!
  sleep 1.5
  kill -TERM "$pid"
  wait "$pid" || true
  sleep 4
  local exists
  exists="$(psql_at "$admin" "SELECT count(*) FROM pg_database WHERE datname = '$db_name'")"
  if [ "$exists" = 1 ]; then
    [ "$(psql_at "$db_url" "SELECT count(*) FROM pg_class WHERE relname IN ('a', 'b', 'tb_confiture_build')")" = 0 ] ||
      fail "a killed build was committed: $(psql_at "$db_url" "SELECT string_agg(relname, ',') FROM pg_class WHERE relname IN ('a', 'b', 'tb_confiture_build')")"
  fi
}

w16_recreate_names_ended_sessions() {
  project w16
  cd "$p"
  expect_exit 0 "$CONFITURE" build --env local
  psql "$db_url" -X -q -c "SELECT pg_sleep(20)" >/dev/null 2>&1 &
  local other=$!
  cleanups+=("kill $other")
  other_sleeping() {
    [ "$(psql_at "$admin" "SELECT count(*) FROM pg_stat_activity WHERE datname = '$db_name' AND query LIKE '%pg_sleep(20)%' AND pid <> pg_backend_pid()")" = 1 ]
  }
  wait_until 30 "the other session to run pg_sleep(20)" other_sleeping
  expect_exit 0 "$CONFITURE" build --env local --recreate --yes --force
  contains "$err" "--recreate ended 1 other session(s) connected to"
  wait "$other" || true
  expect_exit 0 "$CONFITURE" build --env local --recreate --yes --force
  lacks "$err" "other session"
}

m4_version_file_unwritable_checked_first() {
  project m4
  cd "$p"
  expect_exit 0 "$CONFITURE" build --env local
  psql_at "$db_url" "INSERT INTO a VALUES (42)"
  rm -f db/.confiture_version.json
  mkdir db/.confiture_version.json
  expect_exit 4 "$CONFITURE" build --env local --recreate --yes --force
  contains "$err" "SCHEMA_207"
  contains "$err" ".confiture_version.json: it is a directory"
  contains "$err" "nothing was changed"
  [ "$(psql_at "$db_url" "SELECT count(*) FROM a")" = 1 ] ||
    fail "the database was rebuilt although the build failed"
  rmdir db/.confiture_version.json
}

m5_concurrent_builds_serialised() {
  project m5
  cd "$p"
  expect_exit 0 "$CONFITURE" build --env local
  # Another build holds the build lock of this database: the second one says so.
  psql "$admin" -X -q -c "SELECT pg_advisory_lock(1128677937, hashtext('$db_name'))" \
    -c "SELECT pg_sleep(20)" >/dev/null 2>&1 &
  local holder=$!
  cleanups+=("kill $holder")
  lock_held() {
    [ "$(psql_at "$admin" "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 1128677937")" = 1 ]
  }
  wait_until 30 "the holder to take the build lock" lock_held
  expect_exit 6 "$CONFITURE" build --env local --recreate --yes --force
  contains "$err" "LOCK_1301"
  contains "$err" "another \`confiture build\` of"
  kill "$holder"
  wait "$holder" || true
  # Three at once: each builds or is told another build runs; none trips over a dropped database.
  local pids=() i rc
  for i in 1 2 3; do
    "$CONFITURE" build --env local --recreate --yes --force >"$work/m5.$i.out" 2>&1 &
    pids+=($!)
  done
  for i in 0 1 2; do
    set +e
    wait "${pids[$i]}"
    rc=$?
    set -e
    [ "$rc" = 0 ] || [ "$rc" = 6 ] || fail "concurrent build exit $rc: $(cat "$work/m5.$((i + 1)).out")"
    lacks "$(cat "$work/m5.$((i + 1)).out")" "CONN_1700"
  done
  [ "$(psql_at "$db_url" "SELECT count(*) FROM tb_confiture_build")" -ge 1 ] || fail "no build recorded"
}

behaviour d5_output_refuses_sources
behaviour w1_symlink_loops_terminate
behaviour w7_dangling_symlink_warns
behaviour w15_killed_build_not_committed
behaviour w16_recreate_names_ended_sessions
behaviour m4_version_file_unwritable_checked_first
behaviour m5_concurrent_builds_serialised
finish
