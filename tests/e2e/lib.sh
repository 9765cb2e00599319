# Shared by the e2e scripts: a temp dir removed on exit, and assertions that say what failed.
set -euo pipefail
: "${CONFITURE:?path to the confiture binary}"
work="$(mktemp -d /tmp/confiture-e2e-XXXXXX)"
chmod 755 "$work"
cleanups=("rm -rf '$work'")
on_exit() { local c; for c in "${cleanups[@]}"; do eval "$c" >/dev/null 2>&1 || true; done; }
trap on_exit EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_exit CODE CMD...: runs CMD, keeps stdout in $out and stderr in $err.
expect_exit() {
  local want="$1"; shift
  set +e
  "$@" >"$work/.out" 2>"$work/.err"
  local got=$?
  set -e
  out="$(cat "$work/.out")"
  err="$(cat "$work/.err")"
  [ "$got" -eq "$want" ] || fail "expected exit $want, got $got from: $*
--- stdout
$out
--- stderr
$err"
}

contains() { [[ "$1" == *"$2"* ]] || fail "expected to find '$2' in:
$1"; }
lacks() { [[ "$1" != *"$2"* ]] || fail "did not expect '$2' in:
$1"; }

# A new database name on the shared test server, dropped on exit; sets $db_url and $db_name.
new_database() {
  local admin name
  admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
  name="e2e_$(basename "$work" | tr -dc 'a-zA-Z0-9' | tr 'A-Z' 'a-z')_$1"
  db_url="${admin/\/postgres\?//$name?}"
  db_name="$name"
  cleanups+=("psql '$admin' -X -q -c 'DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)'")
}
