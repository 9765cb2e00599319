# Scratch databases (confiture_diff_<random>) are never left behind (issue 12, property 11): an
# interrupted diff, migrate generate --auto-detect or migrate preflight drops its own, each one
# carries a mark, and a later run drops the stale marked ones, never an unmarked database.
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1
admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
export CONFITURE_DATABASE_URL="$admin"

psql_at() { psql "$1" -X -A -t -q -v ON_ERROR_STOP=1 -c "$2"; }
# Scratch databases whose mark names process $1.
scratch_of() {
  psql_at "$admin" "SELECT count(*) FROM pg_database WHERE datname LIKE 'confiture\_diff\_%' AND shobj_description(oid, 'pg_database') LIKE 'confiture scratch database, pid $1 host %'"
}

# Runs "$@" in the background, sends signal $sig once it has a scratch database, and checks that
# the database is gone when the process has ended.
interrupt_during_scratch() {
  local sig="$1"; shift
  "$@" >"$work/bg.out" 2>&1 &
  local pid=$!
  cleanups+=("kill -9 $pid")
  local seen=0
  for _ in $(seq 100); do
    if [ "$(scratch_of "$pid")" -ge 1 ]; then seen=1; break; fi
    sleep 0.1
  done
  [ "$seen" = 1 ] || fail "no marked scratch database appeared for: $* ($(cat "$work/bg.out"))"
  sleep 0.3  # the DDL is being loaded: pg_sleep runs
  kill "-$sig" "$pid"
  local rc=0
  wait "$pid" || rc=$?
  [ "$rc" -ne 0 ] || fail "the interrupted command exited 0: $*"
  [ "$(scratch_of "$pid")" = 0 ] || fail "$* left its scratch database behind after SIG$sig"
}

mkdir -p "$work/slow" "$work/fast"
printf 'CREATE TABLE t (id int);\nSELECT pg_sleep(15);\n' >"$work/slow/schema.sql"
printf 'CREATE TABLE t (id int);\n' >"$work/fast/schema.sql"

w14_interrupted_diff_drops_scratch() {
  interrupt_during_scratch TERM "$CONFITURE" diff "$work/fast" "$work/slow"
  interrupt_during_scratch INT "$CONFITURE" diff "$work/fast" "$work/slow"
}

w14_interrupted_generate_and_preflight_drop_scratch() {
  "$CONFITURE" init "$work/project" >/dev/null
  cd "$work/project"
  rm -f db/migrations/*
  new_database live
  psql_at "$admin" "CREATE DATABASE \"$db_name\""
  printf 'SELECT pg_sleep(15);\n' >db/schema/99_slow.sql
  interrupt_during_scratch TERM "$CONFITURE" migrate generate slow --auto-detect --against "$db_url"
  [ -z "$(ls db/migrations)" ] || fail "an interrupted generate wrote a migration"
  interrupt_during_scratch TERM "$CONFITURE" migrate preflight --against "$db_url"
  cd "$work"
}

w14_stale_scratch_dropped() {
  local host now dead live_pid
  host="$(hostname)"
  now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  dead=99999999  # above any pid_max: no such process
  sleep 300 &
  live_pid=$!
  cleanups+=("kill $live_pid")
  local names=(confiture_diff_e2e0dead00000001 confiture_diff_e2e0none00000002
    confiture_diff_e2e0live00000003 confiture_diff_e2e0old000000004
    confiture_diff_e2e0away00000005)
  local n
  for n in "${names[@]}"; do
    psql_at "$admin" "DROP DATABASE IF EXISTS $n"
    psql_at "$admin" "CREATE DATABASE $n"
    cleanups+=("psql '$admin' -X -q -c 'DROP DATABASE IF EXISTS $n'")
  done
  psql_at "$admin" "COMMENT ON DATABASE ${names[0]} IS 'confiture scratch database, pid $dead host $host, created $now'"
  psql_at "$admin" "COMMENT ON DATABASE ${names[2]} IS 'confiture scratch database, pid $live_pid host $host, created $now'"
  psql_at "$admin" "COMMENT ON DATABASE ${names[3]} IS 'confiture scratch database, pid 1 host elsewhere.example, created 2020-01-01T00:00:00Z'"
  psql_at "$admin" "COMMENT ON DATABASE ${names[4]} IS 'confiture scratch database, pid $dead host elsewhere.example, created $now'"
  expect_exit 0 "$CONFITURE" diff "$work/fast" "$work/fast"
  left() { psql_at "$admin" "SELECT count(*) FROM pg_database WHERE datname = '$1'"; }
  [ "$(left "${names[0]}")" = 0 ] || fail "a stale scratch database (dead pid) was kept"
  [ "$(left "${names[3]}")" = 0 ] || fail "a scratch database older than a day was kept"
  [ "$(left "${names[1]}")" = 1 ] || fail "a database without the scratch mark was dropped"
  [ "$(left "${names[2]}")" = 1 ] || fail "the scratch database of a running process was dropped"
  [ "$(left "${names[4]}")" = 1 ] || fail "a recent scratch database of another host was dropped"
}

behaviour w14_interrupted_diff_drops_scratch
behaviour w14_interrupted_generate_and_preflight_drop_scratch
behaviour w14_stale_scratch_dropped
finish
