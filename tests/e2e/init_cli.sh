# `confiture init` and the directory it is given: the "Next:" hint can be pasted into a shell
# whatever the name (M9), an existing project gets no sample files mixed into it (C10), an empty
# name is a usage error (M2).
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1

# The hint's command line, run by a shell with `confiture build` replaced by `pwd`.
run_hint() {
  local line
  line="$(grep -A1 'Next:\|then:$' <<<"$out" | tail -1)"
  line="${line/confiture build --env local/pwd}"
  (cd "$work" && bash -c "$line")
}

m9_init_hint_is_shell_quoted() {
  local name
  for name in "we'ird; name" 'sp ace' '$(touch pwned)' '-dash' 'a"b\c'; do
    # init takes DIR relative to the current directory; `--` lets '-dash' be a name.
    (cd "$work" && "$CONFITURE" init -- "$name" >"$work/.out" 2>&1) || fail "init '$name' failed: $(cat "$work/.out")"
    out="$(cat "$work/.out")"
    [ "$(run_hint)" = "$work/$name" ] || fail "the hint for '$name' does not lead there: $out"
    [ ! -e "$work/pwned" ] || fail "the hint for '$name' ran a command"
  done
  # The current directory: nothing to cd into.
  mkdir "$work/here"
  (cd "$work/here" && "$CONFITURE" init >"$work/.out") || fail "init . failed"
  out="$(cat "$work/.out")"
  contains "$out" "Next:"
  lacks "$out" "cd "
}

c10_init_keeps_samples_out_of_an_existing_project() {
  local p="$work/existing"
  mkdir -p "$p/db/schema/tables"
  echo 'CREATE TABLE mine (id int);' >"$p/db/schema/tables/mine.sql"
  expect_exit 5 "$CONFITURE" init "$p"
  contains "$err" "CONFIG_013"
  contains "$err" "db/schema/tables/mine.sql"
  contains "$err" "--bare"
  [ ! -e "$p/db/environments" ] || fail "a refused init must write nothing"

  expect_exit 0 "$CONFITURE" init "$p" --bare
  contains "$out" "db/environments/local.yaml"
  lacks "$out" "users.sql"
  [ ! -e "$p/db/schema/10_tables" ] || fail "--bare must not write the sample schema"
  [ ! -e "$p/db/seeds" ] || fail "--bare must not write seeds"
  [ -d "$p/db/migrations" ] || fail "--bare makes db/migrations/"
  [ -z "$(ls "$p/db/migrations")" ] || fail "--bare must not write the sample migrations"
  grep -q 'db/seeds' "$p/db/environments/local.yaml" && fail "--bare's local.yaml names no seeds"
  expect_exit 0 "$CONFITURE" build --project-dir "$p" --env local --no-apply
  contains "$out" "Built 1 file"

  local q="$work/existing2"
  mkdir -p "$q/db/migrations"
  echo 'SELECT 1;' >"$q/db/migrations/20250101000000_mine.up.sql"
  expect_exit 5 "$CONFITURE" init "$q"
  contains "$err" "db/migrations/20250101000000_mine.up.sql"
  expect_exit 0 "$CONFITURE" init "$q" --force
  contains "$out" "db/schema/10_tables/01_users.sql"

  # A project init made itself is no "existing project": init again keeps it as it is.
  expect_exit 0 "$CONFITURE" init "$work/fresh"
  expect_exit 0 "$CONFITURE" init "$work/fresh"
}

m2_init_empty_name() {
  expect_exit 5 "$CONFITURE" init ""
  contains "$err" "CONFIG_012"
  lacks "$err" "INTERNAL_001"
}

behaviour m9_init_hint_is_shell_quoted
behaviour c10_init_keeps_samples_out_of_an_existing_project
behaviour m2_init_empty_name
finish
