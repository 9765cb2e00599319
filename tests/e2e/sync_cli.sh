# sync on the real binary: a run killed with -9 in the middle of a table resumes where it
# stopped; confirmation, protected environments, dry runs, profiles and JSON as a user sees them.
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1
export CONFITURE_ANON_KEY=e2e-key
admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
new_database sync_src; src="$db_url"; src_name="$db_name"
new_database sync_dst; dst="$db_url"; dst_name="$db_name"
psql "$admin" -X -q -c "CREATE DATABASE \"$src_name\"" -c "CREATE DATABASE \"$dst_name\""
schema='CREATE TABLE small (id int PRIMARY KEY, email text);
CREATE TABLE big (id int PRIMARY KEY, small_id int REFERENCES small (id), payload text);'
psql "$src" -X -q -v ON_ERROR_STOP=1 -c "$schema" \
  -c "INSERT INTO small SELECT g, 'u' || g || '@corp.example' FROM generate_series(1, 100) g" \
  -c "INSERT INTO big SELECT g, 1 + g % 100, repeat('x', 50) FROM generate_series(1, 20000) g"
psql "$dst" -X -q -v ON_ERROR_STOP=1 -c "$schema"
q() { psql "$1" -X -q -A -t -c "$2"; }
p="$work/p"
mkdir -p "$p/db/environments"
s() { "$CONFITURE" sync --from "$src" --to "$dst" --project-dir "$p" "$@"; }

# No TTY and no --yes: refused, nothing written.
sync_without_yes_is_refused() {
  psql "$dst" -X -q -c "INSERT INTO small VALUES (999, 'local')"
  expect_exit 7 s </dev/null
  contains "$err" "SAFETY_1901"
  [ "$(q "$dst" 'SELECT count(*) FROM small')" = 1 ] || fail "refused sync changed the target"
}
behaviour sync_without_yes_is_refused

# Dry run: the plan, nothing written.
dry_run_writes_nothing() {
  expect_exit 0 s --dry-run --anonymize small.email
  contains "$out" "Dry run"
  contains "$out" "email: email"
  [ "$(q "$dst" 'SELECT count(*) FROM small')" = 1 ] || fail "dry run changed the target"
}
behaviour dry_run_writes_nothing

# --strict from the command line: the unlabelled email column stops it.
strict_stops_on_unlabelled_column() {
  expect_exit 7 s --yes --strict
  contains "$err" "ANON_1402"
  contains "$err" "public.small.email"
}
behaviour strict_stops_on_unlabelled_column

# A protected target environment is refused even when named explicitly.
protected_target_is_refused() {
  printf 'database_url: "%s"\nprotected: true\n' "$dst" > "$p/db/environments/prod.yaml"
  expect_exit 7 "$CONFITURE" sync --from "$src" --to prod --project-dir "$p" --yes
  contains "$err" "SAFETY_1900"
}
behaviour protected_target_is_refused

# Passwords never show, even when the connection fails.
passwords_never_show() {
  expect_exit 3 "$CONFITURE" sync --from "$src" --project-dir "$p" --yes \
    --to "postgresql://app:s3cr3t-pw@127.0.0.1:1/app?connect_timeout=2"
  lacks "$out$err" "s3cr3t-pw"
}
behaviour passwords_never_show

# Interrupt in the middle of `big`: the target stalls 5 seconds at its row 5000.
psql "$dst" -X -q -v ON_ERROR_STOP=1 -c "
CREATE FUNCTION stall() RETURNS trigger LANGUAGE plpgsql AS
  \$\$BEGIN IF NEW.id = 5000 THEN PERFORM pg_sleep(5); END IF; RETURN NEW; END\$\$;
CREATE TRIGGER stall BEFORE INSERT ON big FOR EACH ROW EXECUTE FUNCTION stall();"
checkpoint="$p/.confiture/sync"
finished() { sed -n '/"finished"/,/]/{p;/]/q}' "$checkpoint"/*.json 2>/dev/null; }
start_sync() {
  "$CONFITURE" sync --from "$src" --to "$dst" --project-dir "$p" --yes --jobs 1 \
    >"$work/run.out" 2>&1 &
  pid=$!
  cleanups+=("kill -9 $pid")
  local active=0 deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ] && kill -0 "$pid" 2>/dev/null; do
    active="$(q "$dst" "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY \"public\".\"big\"%' AND state = 'active'")"
    if [ "$active" = 1 ] && finished | grep -q '"public.small"'; then return; fi
    sleep 0.05
  done
  fail "never saw the copy of big running (active=$active, finished: $(finished)): $(cat "$work/run.out")"
}

# Ctrl-C: the current table is rolled back, exit 1, the checkpoint stays for --resume.
ctrl_c_rolls_back_the_current_table() {
  start_sync
  kill -INT "$pid" || fail "the sync ended before Ctrl-C: $(cat "$work/run.out")"
  set +e; wait "$pid"; code=$?; set -e
  [ "$code" = 1 ] || fail "Ctrl-C gave exit $code: $(cat "$work/run.out")"
  contains "$(cat "$work/run.out")" "SYNC_307"
  contains "$(cat "$work/run.out")" "--resume"
  [ "$(q "$dst" 'SELECT count(*) FROM big')" = 0 ] || fail "the interrupted table kept rows"
}
behaviour ctrl_c_rolls_back_the_current_table

# kill -9: the same, without a chance to clean up.
kill_9_keeps_the_checkpoint() {
  start_sync
  kill -9 "$pid" || fail "the sync ended before kill -9: $(cat "$work/run.out")"
  wait "$pid" 2>/dev/null || true
  finished | grep -q '"public.small"' || fail "checkpoint lacks the finished table"
  if finished | grep -q '"public.big"'; then fail "big recorded as finished"; fi
  [ "$(q "$dst" 'SELECT count(*) FROM big')" = 0 ] || fail "the killed table kept rows"
  [ "$(q "$dst" 'SELECT count(*) FROM small')" = 100 ] || fail "the finished table was lost"
}
behaviour kill_9_keeps_the_checkpoint

psql "$dst" -X -q -c "DROP TRIGGER stall ON big"

resume_finishes_the_copy() {
  expect_exit 0 s --yes --resume --format json
  contains "$out" '"status": "resumed"'
  contains "$out" '"rows": 20000'
  [ "$(q "$dst" 'SELECT count(*) FROM big')" = 20000 ] || fail "resume did not copy big"
  [ -z "$(ls -A "$checkpoint")" ] || fail "checkpoint left after a finished sync"
  expect_exit 5 s --yes --resume
  contains "$err" "SYNC_306"
}
behaviour resume_finishes_the_copy

# The project's db/sync/anonymization.yaml applies by default.
project_profile_applies_by_default() {
  mkdir -p "$p/db/sync"
  printf 'small:\n  - column: email\n    strategy: email\n' > "$p/db/sync/anonymization.yaml"
  expect_exit 0 s --yes --format json
  contains "$out" '"email: email"'
  [ "$(q "$dst" "SELECT count(*) FROM small WHERE email LIKE '%corp.example'")" = 0 ] \
    || fail "the profile's rule was not applied"
}
behaviour project_profile_applies_by_default
finish
