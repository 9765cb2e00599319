# --version, --help on every command, usage errors and the JSON error envelope.
source "$(dirname "$0")/lib.sh"

version_help_and_usage_errors() {
  expect_exit 0 "$CONFITURE" --version
  contains "$out" "confiture 0."
  for cmd in init build status server "server start" "server stop" "server status" "server url"; do
    # shellcheck disable=SC2086
    expect_exit 0 "$CONFITURE" $cmd --help
    contains "$out" "--help"
  done
  expect_exit 5 "$CONFITURE" build --no-such-flag
  contains "$err" "CONFIG_012"
}
behaviour version_help_and_usage_errors

mkdir -p "$work/p/db/schema"
json_mode_error_envelope() {
  expect_exit 5 "$CONFITURE" build --project-dir "$work/p" --env nowhere --format json
  contains "$out" '"ok": false'
  contains "$out" '"code": "CONFIG_004"'
  contains "$out" '"exit_code": 5'
  [ -z "$err" ] || fail "json mode must keep stderr free of the error, got: $err"
}
behaviour json_mode_error_envelope

# A password in a DSN never shows up, whatever fails.
password_never_shows() {
  echo 'CREATE TABLE t (id int);' > "$work/p/db/schema/t.sql"
  expect_exit 3 "$CONFITURE" build --project-dir "$work/p" \
    --database-url "postgresql://app:s3cr3t-pw@127.0.0.1:1/app?connect_timeout=2"
  lacks "$out$err" "s3cr3t-pw"
  contains "$err" "CONN_1700"
}
behaviour password_never_shows
finish
