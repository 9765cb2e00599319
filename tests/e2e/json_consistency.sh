# --format json says the truth (C8): a status that could not reach its database is a failure
# ("ok": false, the error envelope, exit 3), and docs/sync.md shows the document sync prints.
# Text reports name no environment that does not exist (C9).
source "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?the source tree}"
export NO_COLOR=1
nowhere="postgresql://nobody@127.0.0.1:1/x?connect_timeout=2"
p="$work/p"
mkdir -p "$p/db/schema" "$p/db/migrations"
echo 'CREATE TABLE t (id int);' >"$p/db/schema/t.sql"

c8_unreachable_status_is_a_failure() {
  local cmd
  for cmd in "migrate status" "status"; do
    # shellcheck disable=SC2086
    expect_exit 3 "$CONFITURE" $cmd --project-dir "$p" --database-url "$nowhere" --format json
    python3 -c 'import json,sys; json.loads(sys.argv[1])' "$out" || fail "$cmd: not one JSON document: $out"
    contains "$out" '"ok": false'
    contains "$out" '"code": "CONN_1700"'
    contains "$out" '"exit_code": 3'
    contains "$out" '"reachable": false'
    lacks "$out" '"ok": true'
  done
}

c9_no_environment_is_not_called_local() {
  expect_exit 3 "$CONFITURE" migrate status --project-dir "$p" --database-url "$nowhere"
  lacks "$out" "Environment:  local"
  contains "$out" "Environment:  none"
  expect_exit 3 "$CONFITURE" status --project-dir "$p" --database-url "$nowhere"
  lacks "$out" "Environment:  local"
  expect_exit 3 "$CONFITURE" migrate status --project-dir "$p" --database-url "$nowhere" -f json
  contains "$out" '"environment": null'
}

c8_sync_json_matches_docs() {
  local admin src dst src_name dst_name
  admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
  new_database json_src; src="$db_url"; src_name="$db_name"
  new_database json_dst; dst="$db_url"; dst_name="$db_name"
  psql "$admin" -X -q -c "CREATE DATABASE \"$src_name\"" -c "CREATE DATABASE \"$dst_name\""
  psql "$src" -X -q -c 'CREATE TABLE a (id int PRIMARY KEY)' -c 'INSERT INTO a VALUES (1)'
  psql "$dst" -X -q -c 'CREATE TABLE a (id int PRIMARY KEY)'
  expect_exit 0 "$CONFITURE" sync --from "$src" --to "$dst" --project-dir "$p" --dry-run -f json
  # The keys of the example in docs/sync.md, at each level, are the keys sync prints.
  python3 - "$out" "$SOURCE_DIR/docs/sync.md" <<'EOF' || fail "docs/sync.md's JSON example differs from sync's: $out"
import json, re, sys
printed = json.loads(sys.argv[1])
doc = open(sys.argv[2]).read()
example = json.loads(re.search(r'```json\n(\{"ok": true.*?)```', doc, re.S).group(1))
assert set(example) == set(printed), (sorted(example), sorted(printed))
assert set(example["tables"][0]) == set(printed["tables"][0]), (example["tables"][0], printed["tables"][0])
EOF
}

behaviour c8_unreachable_status_is_a_failure
behaviour c9_no_environment_is_not_called_local
behaviour c8_sync_json_matches_docs
finish
