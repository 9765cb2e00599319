# sync's safety on the real binary, against servers set up as a user's would be:
# - d1: the same database reached through another role, one that cannot see the source role's
#   sessions in pg_stat_activity, over TCP and over the socket (a private cluster with a TCP
#   listener on 127.0.0.1 and scram-sha-256 passwords, since the test server has neither);
# - w6: more jobs than the server has connections: refused with nothing emptied;
# - d4: a --where the source refuses, or one that would escape its parentheses: SYNC_309, exit 5,
#   the target untouched and no checkpoint; a trailing `-- comment` works;
# - w2: --resume and --incremental with another anonymization key: ANON_1404, nothing written.
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1
q() { psql "$1" -X -q -A -t -v ON_ERROR_STOP=1 -c "$2"; }
p="$work/p"
mkdir -p "$p"

# --- A private cluster: postgres runs as `postgres` when we are root (initdb refuses root).
bindir="$(pg_config --bindir)"
as_owner=()
[ "$(id -u)" -eq 0 ] && as_owner=(runuser -u postgres --)
cluster="$work/cluster"
mkdir -p "$cluster"
[ "$(id -u)" -eq 0 ] && chown postgres: "$cluster"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"${as_owner[@]}" "$bindir/initdb" -D "$cluster/data" -U postgres --auth-local=trust \
  --auth-host=scram-sha-256 --no-sync --no-instructions -E UTF8 --locale=C >"$work/initdb.log" 2>&1 \
  || fail "initdb: $(cat "$work/initdb.log")"
printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\nmax_connections = 20\nfsync = off\n" \
  "$port" "$cluster" | "${as_owner[@]}" tee -a "$cluster/data/postgresql.conf" >/dev/null
"${as_owner[@]}" "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/log" -w -t 60 start >/dev/null \
  || fail "pg_ctl start: $(cat "$cluster/log")"
cleanups=("${as_owner[*]} '$bindir/pg_ctl' -D '$cluster/data' -m immediate -w stop" "${cleanups[@]}")
socket_url() { echo "postgresql:///$1?host=$cluster&port=$port&user=${2:-postgres}"; }
tcp_url() { echo "postgresql://$2:$3@127.0.0.1:$port/$1"; }
super="$(socket_url postgres)"

q "$super" "CREATE ROLE app LOGIN PASSWORD 's3cr3t-XYZ'" >/dev/null
q "$super" "CREATE DATABASE same1 OWNER app" >/dev/null
q "$super" "CREATE DATABASE other1 OWNER app" >/dev/null
for db in same1 other1; do
  q "$(tcp_url $db app s3cr3t-XYZ)" "CREATE TABLE precious (id int PRIMARY KEY, v text)" >/dev/null
done
q "$(tcp_url same1 app s3cr3t-XYZ)" \
  "INSERT INTO precious SELECT g, 'r' || g FROM generate_series(1, 1000) g" >/dev/null

d1_same_database_through_another_role() {
  # The premise: app does not see the superuser's sessions' details.
  [ "$(q "$(tcp_url same1 app s3cr3t-XYZ)" \
    "SELECT count(backend_start) FROM pg_stat_activity WHERE usename = 'postgres'")" = 0 ] \
    || fail "app sees the superuser's sessions: the test proves nothing"
  local to
  for to in "$(tcp_url same1 app s3cr3t-XYZ)" "$(socket_url same1 app)"; do
    expect_exit 7 "$CONFITURE" sync --from "$(socket_url same1)" --to "$to" --yes --project-dir "$p"
    contains "$err" "SAFETY_1902"
    lacks "$out$err" "s3cr3t-XYZ"
    [ "$(q "$(socket_url same1)" 'SELECT count(*) FROM precious')" = 1000 ] \
      || fail "the source lost rows syncing into itself through $to"
  done
  # The other way round, and both sides as app over TCP.
  expect_exit 7 "$CONFITURE" sync --from "$(tcp_url same1 app s3cr3t-XYZ)" --to "$(socket_url same1)" \
    --yes --project-dir "$p"
  contains "$err" "SAFETY_1902"
  expect_exit 7 "$CONFITURE" sync --from "$(tcp_url same1 app s3cr3t-XYZ)" \
    --to "$(tcp_url same1 app s3cr3t-XYZ)?application_name=x" --yes --project-dir "$p"
  contains "$err" "SAFETY_1902"
  [ "$(q "$(socket_url same1)" 'SELECT count(*) FROM precious')" = 1000 ] || fail "rows lost"
  # Another database of the same cluster is not the same database.
  expect_exit 0 "$CONFITURE" sync --from "$(socket_url same1)" --to "$(tcp_url other1 app s3cr3t-XYZ)" \
    --yes --project-dir "$p"
  [ "$(q "$(socket_url other1)" 'SELECT count(*) FROM precious')" = 1000 ] || fail "no copy"
}

w6_too_many_jobs_empties_nothing() {
  # max_connections = 20: 16 jobs need 17 sessions on each side of one server, 34 in all.
  local db ddl=""
  for i in $(seq 1 16); do ddl+="CREATE TABLE t$i (id int PRIMARY KEY);"; done
  for db in pj_src pj_dst; do
    q "$super" "CREATE DATABASE $db" >/dev/null
    q "$(socket_url $db)" "$ddl" >/dev/null
  done
  for i in $(seq 1 16); do
    q "$(socket_url pj_src)" "INSERT INTO t$i SELECT generate_series(1, 10)" >/dev/null
    q "$(socket_url pj_dst)" "INSERT INTO t$i VALUES (-1)" >/dev/null
  done
  expect_exit 3 "$CONFITURE" sync --from "$(socket_url pj_src)" --to "$(socket_url pj_dst)" --yes \
    -j 16 --project-dir "$p"
  contains "$err" "CONN_1700"
  contains "$err" "nothing was changed"
  for i in $(seq 1 16); do
    [ "$(q "$(socket_url pj_dst)" "SELECT count(*) FROM t$i")" = 1 ] || fail "t$i was emptied"
  done
  [ -z "$(ls -A "$p/.confiture/sync" 2>/dev/null)" ] || fail "a checkpoint was left"
  expect_exit 0 "$CONFITURE" sync --from "$(socket_url pj_src)" --to "$(socket_url pj_dst)" --yes \
    -j 4 --project-dir "$p"
  [ "$(q "$(socket_url pj_dst)" "SELECT count(*) FROM t16")" = 10 ] || fail "no copy with -j 4"
}

d4_bad_where_leaves_target_untouched() {
  local db
  for db in ws_src ws_dst; do
    q "$super" "CREATE DATABASE $db" >/dev/null
    q "$(socket_url $db)" "CREATE TABLE customers (id int PRIMARY KEY, country text);
      CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));
      CREATE TABLE x (id int PRIMARY KEY)" >/dev/null
  done
  q "$(socket_url ws_src)" "INSERT INTO customers SELECT g, CASE WHEN g % 2 = 0 THEN 'FR' ELSE 'DE' END
      FROM generate_series(1, 100) g;
    INSERT INTO orders SELECT g, 1 + g % 100 FROM generate_series(1, 500) g;
    INSERT INTO x SELECT generate_series(1, 10)" >/dev/null
  ws() { "$CONFITURE" sync --from "$(socket_url ws_src)" --to "$(socket_url ws_dst)" --yes \
           --project-dir "$p" "$@"; }
  expect_exit 0 ws
  local where
  for where in "customers=contry = 'FR'" "customers=country = 'FR' AND" "customers=(country = 'FR'" \
               "customers=false) OR (true" "customers=true) UNION SELECT 1, 'x' --" \
               "customers=1=1; DROP TABLE x; --" "customers=" "customers=-- only a comment" \
               "orders=customer_id IN (SELECT id FROM nowhere)"; do
    expect_exit 5 ws --where "$where"
    contains "$err" "SYNC_309"
    [ "$(q "$(socket_url ws_dst)" 'SELECT count(*) FROM customers') $(q "$(socket_url ws_dst)" \
      'SELECT count(*) FROM orders') $(q "$(socket_url ws_dst)" 'SELECT count(*) FROM x')" \
      = "100 500 10" ] || fail "--where '$where' changed the target"
    [ -z "$(ls -A "$p/.confiture/sync" 2>/dev/null)" ] || fail "--where '$where' left a checkpoint"
  done
  expect_exit 5 ws --where "customers=contry = 'FR'"
  contains "$err" "--where public.customers"
  contains "$err" 'column "contry" does not exist'
  expect_exit 5 ws --where "customers=false) OR (true" --dry-run
  contains "$err" "SYNC_309"
  # A trailing comment stays a comment; the subset is what the condition says.
  expect_exit 0 ws --where "customers=country = 'FR' -- French customers only"
  [ "$(q "$(socket_url ws_dst)" "SELECT count(*) FROM customers WHERE country <> 'FR'")" = 0 ] \
    || fail "the subset let other customers through"
  [ "$(q "$(socket_url ws_dst)" 'SELECT count(*) FROM orders')" = 250 ] || fail "orders not closed"
}

w2_resume_with_another_key_refused() {
  local db
  for db in pk_src pk_dst; do
    q "$super" "CREATE DATABASE $db" >/dev/null
    q "$(socket_url $db)" "CREATE TABLE a1 (id int PRIMARY KEY, email text);
      CREATE TABLE b2 (id int PRIMARY KEY, a1_email text, n int)" >/dev/null
  done
  q "$(socket_url pk_src)" "INSERT INTO a1 VALUES (1, 'x@corp.example'), (2, 'y@corp.example');
    INSERT INTO b2 VALUES (1, 'x@corp.example', 0), (2, 'y@corp.example', 0)" >/dev/null
  q "$(socket_url pk_dst)" "ALTER TABLE b2 ADD CHECK (n > 0)" >/dev/null
  pk() { "$CONFITURE" sync --from "$(socket_url pk_src)" --to "$(socket_url pk_dst)" --yes \
           --project-dir "$p" --jobs 1 --anonymize a1.email:email,b2.a1_email:email "$@"; }
  export CONFITURE_ANON_KEY=keyA-0123456789; expect_exit 3 pk
  contains "$err" "SYNC_303"
  q "$(socket_url pk_dst)" "ALTER TABLE b2 DROP CONSTRAINT b2_n_check" >/dev/null
  local before
  before="$(q "$(socket_url pk_dst)" "SELECT string_agg(email, ',' ORDER BY id) FROM a1")"
  export CONFITURE_ANON_KEY=keyB-0123456789; expect_exit 5 pk --resume
  contains "$err" "ANON_1404"
  lacks "$err" "keyB-0123456789"
  [ "$(q "$(socket_url pk_dst)" 'SELECT count(*) FROM b2')" = 0 ] || fail "resume wrote b2"
  [ "$(q "$(socket_url pk_dst)" "SELECT string_agg(email, ',' ORDER BY id) FROM a1")" = "$before" ] \
    || fail "resume changed a1"
  ! grep -rq "keyA-0123456789" "$p/.confiture/sync" || fail "a key was written to disk"
  export CONFITURE_ANON_KEY=keyA-0123456789; expect_exit 0 pk --resume
  [ "$(q "$(socket_url pk_dst)" 'SELECT bool_and(a1.email = b2.a1_email) FROM a1 JOIN b2 USING (id)')" = t ] \
    || fail "the join on the anonymised column broke"
  # --incremental continues the rows of the last sync: another key is refused as well.
  q "$(socket_url pk_src)" "INSERT INTO a1 VALUES (3, 'z@corp.example')" >/dev/null
  export CONFITURE_ANON_KEY=keyB-0123456789; expect_exit 5 pk --incremental
  contains "$err" "ANON_1404"
  [ "$(q "$(socket_url pk_dst)" 'SELECT count(*) FROM a1')" = 2 ] || fail "incremental wrote"
  export CONFITURE_ANON_KEY=keyA-0123456789; expect_exit 0 pk --incremental
  [ "$(q "$(socket_url pk_dst)" 'SELECT count(*) FROM a1')" = 3 ] || fail "incremental copied nothing"
}

# ONLY="d4_..." runs some of them (each sets up its own databases).
for test in ${ONLY:-d1_same_database_through_another_role w6_too_many_jobs_empties_nothing \
                   d4_bad_where_leaves_target_untouched w2_resume_with_another_key_refused}; do
  behaviour "$test"
done
finish
