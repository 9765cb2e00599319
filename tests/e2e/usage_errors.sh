# Property 10 and the CLI confusions: usage errors name the word that did not parse and offer the
# closest real one (B5); the short flags of SPEC §6 (C6); one set of --format values (C7); no
# option that does nothing (C13); -q keeps warnings quiet (C13); help texts say what the command
# does (C12, C17).
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1

b5_unknown_words_are_named() {
  expect_exit 5 "$CONFITURE" buidl
  contains "$err" "error[CONFIG_012]: unknown command 'buidl' (did you mean 'build'?)"
  expect_exit 5 "$CONFITURE" stauts --env local
  contains "$err" "unknown command 'stauts' (did you mean 'status'?)"
  expect_exit 5 "$CONFITURE" lint
  contains "$err" "unknown command 'lint'"
  lacks "$err" "did you mean"
  contains "$err" "init, build, status, server, migrate, sync, diff"

  expect_exit 5 "$CONFITURE" migrate new foo
  contains "$err" "unknown subcommand 'new' for \`confiture migrate\` (did you mean 'generate'?)"
  expect_exit 5 "$CONFITURE" migrate stauts
  contains "$err" "(did you mean 'status'?)"
  expect_exit 5 "$CONFITURE" server restart
  contains "$err" "unknown subcommand 'restart' for \`confiture server\` (did you mean 'start'?)"

  expect_exit 5 "$CONFITURE" build --enf local
  contains "$err" "unknown option '--enf' for \`confiture build\` (did you mean '--env'?)"
  expect_exit 5 "$CONFITURE" migrate up --dryrun
  contains "$err" "unknown option '--dryrun' for \`confiture migrate up\` (did you mean '--dry-run'?)"
  expect_exit 5 "$CONFITURE" sync --from a --to b --exlude x
  contains "$err" "unknown option '--exlude' for \`confiture sync\` (did you mean '--exclude'?)"
  expect_exit 5 "$CONFITURE" build -Z
  contains "$err" "unknown option '-Z' for \`confiture build\`"
  # An option's value is not mistaken for the unknown word.
  expect_exit 5 "$CONFITURE" build --env buidl --enf x
  contains "$err" "unknown option '--enf'"
  # An option before the command.
  expect_exit 5 "$CONFITURE" --env local build
  contains "$err" "unknown option '--env' for \`confiture\`"

  expect_exit 5 "$CONFITURE"
  contains "$err" "\`confiture\` needs a command: init, build"
  expect_exit 5 "$CONFITURE" migrate
  contains "$err" "\`confiture migrate\` needs a subcommand: up, down"
  expect_exit 5 "$CONFITURE" build local
  contains "$err" "unexpected argument 'local' for \`confiture build\`"
  contains "$err" "--env local"
  # A flag takes no value: the word after it is not a stray argument (a bad --steps is named).
  expect_exit 5 "$CONFITURE" migrate down --steps 0 --yes --project-dir "$work"
  contains "$err" "--steps must be at least 1"
  lacks "$err" "unexpected argument"
  # CLI11's own checks keep their text, with the command named.
  expect_exit 5 "$CONFITURE" migrate baseline
  contains "$err" "confiture migrate baseline: --through is required"
  # A script that asked for JSON gets JSON, even when the parse failed before --format.
  expect_exit 5 "$CONFITURE" buidl --format json
  contains "$out" '"ok": false'
  contains "$out" "unknown command 'buidl'"
  [ -z "$err" ] || fail "json mode keeps stderr free, got: $err"

  expect_exit 0 "$CONFITURE" help migrate up
  contains "$out" "Apply the pending migrations"
  expect_exit 5 "$CONFITURE" help migrate new
  contains "$err" "unknown subcommand 'new'"
}

c6_short_flags() {
  expect_exit 0 "$CONFITURE" -V
  contains "$out" "confiture 0."
  mkdir -p "$work/p/db/schema"
  echo 'CREATE TABLE t (id int);' >"$work/p/db/schema/t.sql"
  expect_exit 5 "$CONFITURE" build --project-dir "$work/p" -e nowhere
  contains "$err" "CONFIG_004"
  expect_exit 5 "$CONFITURE" build --project-dir "$work/p" -e nowhere -f json
  contains "$out" '"code": "CONFIG_004"'
  expect_exit 3 "$CONFITURE" status --project-dir "$work/p" -d "postgresql://nobody@127.0.0.1:1/x?connect_timeout=2" -f json
  contains "$out" '127.0.0.1'
  for sub in "migrate down:-n,--steps" "migrate baseline:-t,--through" "migrate up:-t,--target" \
    "build:-y,--yes" "sync:-y,--yes" "diff:-f,--format" "diff:-e,--env" "status:-d,--database-url"; do
    # shellcheck disable=SC2086
    expect_exit 0 "$CONFITURE" help ${sub%%:*}
    contains "$out" "${sub#*:}"
  done
}

c7_format_values() {
  mkdir -p "$work/p/db/schema"
  echo 'CREATE TABLE t (id int);' >"$work/p/db/schema/t.sql"
  expect_exit 0 "$CONFITURE" build --project-dir "$work/p" --no-apply --format pretty
  contains "$out" "Built 1 file"
  expect_exit 0 "$CONFITURE" build --project-dir "$work/p" --no-apply -f text
  contains "$out" "Built 1 file"
  CONFITURE_DATABASE_URL="$("$TEST_SERVER" url "$TEST_SERVER_DIR")" \
    expect_exit 0 "$CONFITURE" diff "$work/p/db/schema" "$work/p/db/schema/t.sql" --format text
  contains "$out" "No differences"
}

c13_no_silent_options() {
  expect_exit 5 "$CONFITURE" migrate baseline --through 1 --lock-retries 9
  contains "$err" "unknown option '--lock-retries' for \`confiture migrate baseline\`"
  expect_exit 5 "$CONFITURE" migrate verify --statement-lock-timeout 1
  contains "$err" "unknown option '--statement-lock-timeout'"
  expect_exit 5 "$CONFITURE" server status --database-url postgresql://nobody@nowhere/x
  contains "$err" "unknown option '--database-url' for \`confiture server status\`"
  # -q: only errors, so no warning either.
  mkdir -p "$work/q/db/schema" "$work/q/db/environments"
  echo 'CREATE TABLE t (id int);' >"$work/q/db/schema/t.sql"
  printf 'database_url: postgresql://nobody@127.0.0.1:1/x\nbuidl: {}\n' >"$work/q/db/environments/w.yaml"
  expect_exit 0 "$CONFITURE" build --project-dir "$work/q" --env w --no-apply
  contains "$err" "warning:"
  expect_exit 0 "$CONFITURE" build --project-dir "$work/q" --env w --no-apply -q
  [ -z "$out$err" ] || fail "-q must print nothing on success, got: $out$err"
}

c12_c17_help_says_what_it_does() {
  expect_exit 0 "$CONFITURE" server --help
  contains "$out" "on the embedded server"
  expect_exit 0 "$CONFITURE" diff --help
  contains "$out" "Not a side of the diff"
  "$CONFITURE" init "$work/s" >/dev/null
  DATABASE_URL=postgresql://app@db.example/app \
    expect_exit 5 "$CONFITURE" server url --env production --project-dir "$work/s"
  contains "$err" "CONFIG_008"
  contains "$err" "prints the URLs of the embedded server's databases only"
}

behaviour b5_unknown_words_are_named
behaviour c6_short_flags
behaviour c7_format_values
behaviour c13_no_silent_options
behaviour c12_c17_help_says_what_it_does
finish
