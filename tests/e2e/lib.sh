# Shared by the e2e scripts: a temp dir removed on exit, assertions that say what failed, wait
# loops that fail on their deadline, and behaviours: `behaviour FUNCTION` runs one in a subshell,
# so that a failed assertion ends that behaviour alone, and `finish` (the script's last line)
# names every behaviour that failed and exits 1 if any did.
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

# wait_until SECONDS WHAT CMD...: runs CMD every 50 ms until it succeeds; fails naming WHAT when
# SECONDS pass first.
wait_until() {
  local seconds="$1" what="$2" deadline
  shift 2
  deadline=$((SECONDS + seconds))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "gave up after ${seconds}s waiting for $what"
    sleep 0.05
  done
}

# A new database name on the shared test server, dropped on exit; sets $db_url and $db_name.
new_database() {
  local admin name
  admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
  name="e2e_$(basename "$work" | tr -dc 'a-zA-Z0-9' | tr 'A-Z' 'a-z')_$1"
  db_url="${admin/\/postgres\?//$name?}"
  db_name="$name"
  cleanups+=("psql '$admin' -X -q -c 'DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)'")
}

passed_behaviours=()
failed_behaviours=()

# behaviour FUNCTION [ARGS...]: runs FUNCTION in a subshell with its own cleanups (run when it
# ends) and its own working directory; what it sets is not seen by later behaviours.
behaviour() {
  local name="$*" rc
  set +e
  (
    cleanups=()
    trap on_exit EXIT
    set -e
    "$@"
  )
  rc=$?
  set -e
  if [ "$rc" -eq 0 ]; then
    passed_behaviours+=("$name")
  else
    # Without a FAIL line above, a command failed outside an assertion (set -e).
    echo "--- behaviour failed: $name (exit $rc)" >&2
    failed_behaviours+=("$name")
  fi
}

# finish: the last line of a script that runs behaviours.
finish() {
  local script="${0##*/}"
  if [ "${#failed_behaviours[@]}" -gt 0 ]; then
    echo "e2e ${script%.sh}: ${#failed_behaviours[@]} of $((${#failed_behaviours[@]} + ${#passed_behaviours[@]})) behaviours failed:" >&2
    printf '  %s\n' "${failed_behaviours[@]}" >&2
    exit 1
  fi
  echo "e2e ${script%.sh}: ok (${#passed_behaviours[@]} behaviours)"
}
