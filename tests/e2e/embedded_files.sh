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

s1_sync_checkpoint_dir_link_refused() {
  local admin
  admin="$("$TEST_SERVER" url "$TEST_SERVER_DIR")"
  new_database s1src; local src="$db_url" src_name="$db_name"
  new_database s1dst; local dst="$db_url" dst_name="$db_name"
  psql "$admin" -X -q -c "CREATE DATABASE \"$src_name\"" -c "CREATE DATABASE \"$dst_name\""
  psql "$src" -X -q -c "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (2), (3)"
  psql "$dst" -X -q -c "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (9)"
  p="$work/s1_sync"
  mkdir -p "$p/.confiture" "$work/elsewhere_sync"
  ln -s "$work/elsewhere_sync" "$p/.confiture/sync"
  cd "$p"
  expect_exit 3 "$CONFITURE" sync --from "$src" --to "$dst" --yes
  contains "$err" "SERVER_1805"
  contains "$err" ".confiture/sync is not a directory"
  [ -z "$(ls -A "$work/elsewhere_sync")" ] || fail "a checkpoint was written behind the link"
  [ "$(psql "$dst" -X -A -t -c 'SELECT count(*) FROM t')" = 1 ] || fail "the target was changed"
  cd "$work"
}

s2_checkout_cluster_refused() {
  # A "cluster" that came with the checkout (directories get the umask's mode, not 0700).
  fresh_project s2_cluster
  mkdir -m 755 "$p/.confiture/pgdata"
  printf '15\n' >"$p/.confiture/pgdata/PG_VERSION"
  printf "archive_command = 'touch $work/ran'\n" >"$p/.confiture/pgdata/confiture.conf"
  expect_exit 3 "$CONFITURE" server start --project-dir "$p"
  contains "$err" "SERVER_1805"
  contains "$err" ".confiture/pgdata is not a private directory"
  [ ! -e "$work/ran" ] || fail "a checkout's cluster was started"
}

behaviour s1_symlinked_state_files_refused
behaviour s1_sync_checkpoint_dir_link_refused
behaviour s2_checkout_cluster_refused
behaviour s2_foreign_data_location_refused
behaviour s2_existing_directory_not_taken_over
finish
