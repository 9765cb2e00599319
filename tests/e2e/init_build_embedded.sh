# The newcomer's path: init a project, build it on the embedded server (started on demand),
# check status, rebuild is a no-op, the sample migrations the DDL already holds were recorded by
# the build, roll them back and forward again, init refuses to overwrite.
source "$(dirname "$0")/lib.sh"
p="$work/my app"
export NO_COLOR=1
expect_exit 0 "$CONFITURE" init "$p"
contains "$out" "db/environments/local.yaml"
cleanups=("'$CONFITURE' server stop --project-dir '$p'" "${cleanups[@]}")

cd "$p"
build_on_demand_then_up_to_date() {
  expect_exit 3 "$CONFITURE" status
  contains "$out" "Server:       unreachable"
  expect_exit 0 "$CONFITURE" build --env local
  contains "$out" "on the embedded server (created)"
  contains "$out" "Recorded 3 migration(s) as applied in tb_confiture"
  expect_exit 0 "$CONFITURE" status --env local
  contains "$out" "up to date"
  lacks "$out" "migrate baseline"
  expect_exit 0 "$CONFITURE" build --env local
  contains "$out" "nothing to do"
}
behaviour build_on_demand_then_up_to_date

development_seeds_applied() {
  expect_exit 0 "$CONFITURE" server url --env local
  url="$out"
  contains "$url" "my_app_local"
  [ "$(psql "$url" -X -A -t -c 'SELECT count(*) FROM published_posts')" = 1 ] ||
    fail "the development seeds should publish one post"
}
behaviour development_seeds_applied

migrations_down_and_up_again() {
  local url
  url="$("$CONFITURE" server url --env local)"
  expect_exit 0 "$CONFITURE" migrate status --env local
  expect_exit 0 "$CONFITURE" migrate baseline --env local --through 20260112090000
  contains "$out" "Nothing to record"
  expect_exit 0 "$CONFITURE" migrate status --env local
  contains "$out" "Up to date"
  expect_exit 0 "$CONFITURE" migrate down --env local --steps 2 --yes
  contains "$out" "Rolled back 2 migration(s)"
  [ "$(psql "$url" -X -A -t -c "SELECT count(*) FROM pg_attribute WHERE attname = 'bio'")" = 0 ] ||
    fail "down should have dropped users.bio"
  expect_exit 1 "$CONFITURE" migrate status --env local
  expect_exit 1 "$CONFITURE" status --env local
  contains "$out" "Migrations:   1 applied (0 since the build), 2 pending"
  expect_exit 0 "$CONFITURE" migrate up --env local
  contains "$out" "Applied 2 migration(s)"
  [ "$(psql "$url" -X -A -t -c "SELECT count(*) FROM pg_indexes WHERE indexname = 'posts_published_at_idx'")" = 1 ] ||
    fail "up should have built posts_published_at_idx"
}
behaviour migrations_down_and_up_again

init_refuses_to_overwrite() {
  echo "-- changed" >> db/environments/local.yaml
  expect_exit 5 "$CONFITURE" init "$p"
  contains "$err" "CONFIG_013"
  contains "$err" "db/environments/local.yaml"
}
behaviour init_refuses_to_overwrite

server_stops() {
  expect_exit 0 "$CONFITURE" server stop
  expect_exit 1 "$CONFITURE" server status
  contains "$out" "stopped"
}
behaviour server_stops
finish
