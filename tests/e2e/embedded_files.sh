# A checkout cannot aim the embedded server at files outside the project (issue 12, property 6):
# .confiture/ files are never followed through links or taken over, a data-location naming
# another place is refused, and nothing confiture did not create is chowned or chmodded.
# Run as root (CI) this also checks that no file changes owner.
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1

owner_mode() { stat -c '%U:%G %a' "$1"; }

# A fresh project; sets $p and registers a server stop for it.
fresh_project() {
  p="$work/$1"
  "$CONFITURE" init "$p" >/dev/null
  cleanups=("'$CONFITURE' server stop --project-dir '$p'" "${cleanups[@]}")
  mkdir -p "$p/.confiture"
}

s1_symlinked_state_files_refused() {
  local victim="$work/victim"
  printf 'SECRET\n' >"$victim"
  chmod 600 "$victim"
  local before
  before="$(owner_mode "$victim")"
  local file
  for file in server.log server.lock data-location; do
    fresh_project "s1_$file"
    ln -s "$victim" "$p/.confiture/$file"
    expect_exit 3 "$CONFITURE" server start --project-dir "$p"
    contains "$err" "SERVER_1805"
    contains "$err" ".confiture/$file is a symbolic link: refusing to follow it"
    [ "$(owner_mode "$victim")" = "$before" ] || fail "$file: the link's target changed owner"
    [ "$(cat "$victim")" = "SECRET" ] || fail "$file: the link's target was written"
  done
  # A hard link is not ours either.
  fresh_project s1_hard
  ln "$victim" "$p/.confiture/server.log"
  expect_exit 3 "$CONFITURE" server start --project-dir "$p"
  contains "$err" "not a plain file"
  [ "$(owner_mode "$victim")" = "$before" ] || fail "hard link: the file changed owner"
  [ "$(cat "$victim")" = "SECRET" ] || fail "hard link: the file was written"
  # .confiture/ itself as a link elsewhere.
  p="$work/s1_dir"
  "$CONFITURE" init "$p" >/dev/null
  mkdir "$work/elsewhere"
  ln -s "$work/elsewhere" "$p/.confiture"
  expect_exit 3 "$CONFITURE" server start --project-dir "$p"
  contains "$err" ".confiture is a symbolic link"
  [ -z "$(ls -A "$work/elsewhere")" ] || fail "files were made behind the .confiture link"
}

s2_foreign_data_location_refused() {
  local victim="$work/victimdir"
  mkdir -p "$victim"
  chmod 755 "$victim"
  printf 'keep\n' >"$victim/file.txt"
  local before
  before="$(owner_mode "$victim")"
  fresh_project s2
  printf '%s\n' "$victim" >"$p/.confiture/data-location"
  expect_exit 3 "$CONFITURE" server start --project-dir "$p"
  contains "$err" "SERVER_1805"
  contains "$err" "data-location names $victim, which is not where confiture keeps"
  [ "$(owner_mode "$victim")" = "$before" ] || fail "the named directory changed owner or mode"
  [ ! -e "$victim/pgdata" ] || fail "initdb ran in the named directory"
  [ "$(cat "$victim/file.txt")" = keep ] || fail "the named directory's file changed"
  # Any command that reaches the server refuses it the same way.
  expect_exit 3 "$CONFITURE" build --project-dir "$p" --env local
  contains "$err" "SERVER_1805"
  expect_exit 3 "$CONFITURE" server status --project-dir "$p"
  contains "$err" "SERVER_1805"
}

s2_existing_directory_not_taken_over() {
  [ "$(id -u)" = 0 ] || return 0  # only root could hand a directory to postgres
  fresh_project s2_socket
  # The socket directory, made beforehand by root (not by confiture): refused, not chowned.
  local hash
  hash="$(printf '%s' "$p" | sha256sum | cut -c1-12)"
  local socket="/tmp/confiture-$hash"
  mkdir -m 755 "$socket"
  cleanups+=("rmdir '$socket'")
  expect_exit 3 "$CONFITURE" server start --project-dir "$p"
  contains "$err" "SERVER_1805"
  contains "$err" "$socket already exists"
  [ "$(owner_mode "$socket")" = "root:root 755" ] || fail "the socket directory was taken over"
}

s1_symlinked_state_files_refused
s2_foreign_data_location_refused
s2_existing_directory_not_taken_over
echo "e2e embedded_files: ok"
