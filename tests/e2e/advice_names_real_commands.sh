# B6 and property 12: every piece of advice that names a confiture command (hints and notes in
# src/, the docs, the README) names a command that exists, with options it really takes. Each
# `confiture WORDS...` is followed through `confiture help` word by word; its flags must be in
# that command's --help.
source "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?the source tree}"

commands='init|build|status|server|migrate|sync|diff|help'
{
  # Backquoted in messages, comments and docs: `confiture migrate baseline --through V`.
  grep -rhoE '`confiture [^`]*`' "$SOURCE_DIR/src" "$SOURCE_DIR/README.md" "$SOURCE_DIR/docs" |
    tr -d '`'
  # Unquoted in hints: "(run confiture build)", "run confiture init".
  grep -rhoE "confiture ($commands)( [^\"\`();,:]*)?" "$SOURCE_DIR/src" --include='*.cpp'
  # Shell lines in the docs: "confiture build --env local   # comment", "$(confiture server url)".
  grep -rhoE "(^|\\\$\\()confiture ($commands)[^#)]*" "$SOURCE_DIR/README.md" "$SOURCE_DIR/docs"
} | sed -E 's/^\$\(//; s/[[:space:]]+$//' | sort -u >"$work/advice"

[ "$(wc -l <"$work/advice")" -gt 30 ] || fail "found too few pieces of advice: $(cat "$work/advice")"

# advice_names_a_real_command ADVICE: each word a subcommand, each flag one it takes.
advice_names_a_real_command() {
  local advice="$1" words path word help_text flag
  read -r -a words <<<"${advice#confiture }"
  path=()
  for word in "${words[@]}"; do
    word="${word%[:.,;]}"
    word="${word//\{\}/}"  # a fmt placeholder glued to a word: `migrate baseline{} --through`
    [[ "$word" =~ ^[a-z][a-z-]*$ ]] || break
    if "$CONFITURE" help "${path[@]}" "$word" >/dev/null 2>&1; then
      path+=("$word")
      continue
    fi
    # Not a subcommand: fine when the command has none (the word is an argument).
    if "$CONFITURE" help "${path[@]}" | grep -q '^Subcommands:'; then
      fail "advice names a command that does not exist: '$advice' ('$word' is no subcommand of 'confiture ${path[*]}')"
    fi
    break
  done
  help_text="$("$CONFITURE" help "${path[@]}")"
  for flag in $(grep -oE -- '(^|[[:space:]\[|])--?[a-zA-Z][a-zA-Z-]*' <<<"$advice" | tr -d ' [|'); do
    [[ "$help_text" == *"$flag"* ]] ||
      fail "advice '$advice' gives $flag, which 'confiture ${path[*]}' does not take"
  done
}
while IFS= read -r advice; do
  behaviour advice_names_a_real_command "$advice"
done <"$work/advice"

# The note on a large table used to name `migrate schema-to-schema`, which does not exist (yet).
no_advice_names_schema_to_schema() {
  expect_exit 5 "$CONFITURE" migrate schema-to-schema
  contains "$err" "unknown subcommand 'schema-to-schema'"
  lacks "$(grep -rh 'schema-to-schema' "$SOURCE_DIR/src" "$SOURCE_DIR/docs" "$SOURCE_DIR/README.md" || true)" "confiture"
}
behaviour no_advice_names_schema_to_schema
finish
