# M2 and property 10: no user input ends in INTERNAL_001 ("please report"). Each input below once
# did, or goes through the same kind of path (a name too long for a file, an empty path, a file
# confiture wrote and the user edited); each gets its own code and names what is wrong.
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1

"$CONFITURE" init "$work/p" >/dev/null
cd "$work/p"
long="$(printf 'a%.0s' $(seq 300))"
deep="$(printf 'b/%.0s' $(seq 3000))"

# no_internal CODE EXIT CMD...: CMD fails with EXIT and CODE, and not as an internal error.
no_internal() {
  local code="$1" want="$2"; shift 2
  expect_exit "$want" "$@"
  lacks "$out$err" "INTERNAL_001"
  lacks "$out$err" "please report"
  contains "$out$err" "$code"
}

m2_no_input_is_an_internal_error() {
  no_internal MIGR_116 5 "$CONFITURE" migrate generate "$long"
  contains "$err" "at most 231"
  [ -z "$(ls db/migrations | grep "$long" || true)" ] || fail "nothing may be written for a name that does not fit"
  no_internal CONFIG_012 5 "$CONFITURE" init ""
  contains "$err" "empty string"
  no_internal CONFIG_012 5 "$CONFITURE" build --project-dir ""
  contains "$err" "--project-dir is an empty string"
  no_internal CONFIG_012 5 "$CONFITURE" status -c ""
  no_internal CONFIG_012 5 "$CONFITURE" server start --project-dir ""
  no_internal CONFIG_014 5 "$CONFITURE" migrate status --project-dir "$deep"
  contains "$err" "File name too long"
  no_internal CONFIG_004 5 "$CONFITURE" diff "$long" db/schema
  no_internal CONFIG_004 5 "$CONFITURE" migrate preflight --against "$long"
  no_internal CONFIG_004 5 "$CONFITURE" build --env "$long"
  no_internal CONFIG_004 5 "$CONFITURE" sync --from "$long" --to local

  # db/.confiture_version.json is confiture's own file; one edited into another shape is ignored
  # like a broken one, not a crash.
  echo '{"env": 5, "schema_hash": []}' >db/.confiture_version.json
  expect_exit 3 "$CONFITURE" status --env local
  lacks "$out$err" "INTERNAL_001"
  contains "$out" "Server:       unreachable"
}

behaviour m2_no_input_is_an_internal_error
finish
