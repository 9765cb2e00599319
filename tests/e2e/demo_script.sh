# The README's first command, `bash scripts/demo.sh`, keeps working: its steps after the build
# of the binary are run here, word for word, with the binary under test on a copy of the
# bundled example (it once failed when `migrate down` started to need --yes without a terminal).
source "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?the source tree}"

mkdir -p "$work/db-examples"
cp -r "$SOURCE_DIR/db-examples/basic" "$work/db-examples/basic"
rm -rf "$work/db-examples/basic/.confiture" "$work/db-examples/basic/db/generated"
cleanups=("(cd '$work/db-examples/basic' && '$CONFITURE' server stop)" "${cleanups[@]}")

sed -n '/^cd db-examples\/basic$/,$p' "$SOURCE_DIR/scripts/demo.sh" >"$work/demo-steps.sh"
[ -s "$work/demo-steps.sh" ] || fail "scripts/demo.sh has no 'cd db-examples/basic' line to start from"

demo_steps_run_word_for_word() {
  cd "$work"
  confiture="$CONFITURE"
  expect_exit 0 bash -c "set -euo pipefail; confiture='$confiture'; source '$work/demo-steps.sh'" </dev/null
  contains "$out" "Users in local, then in staging after the anonymised sync:"
  contains "$err$out" "Rolled back 1 migration"
}
behaviour demo_steps_run_word_for_word
finish
