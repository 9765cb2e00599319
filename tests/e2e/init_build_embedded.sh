# The newcomer's path: init a project, build it on the embedded server (started on demand),
# check status, rebuild is a no-op, init refuses to overwrite.
source "$(dirname "$0")/lib.sh"
p="$work/my app"
export NO_COLOR=1
expect_exit 0 "$CONFITURE" init "$p"
contains "$out" "db/environments/local.yaml"
cleanups=("'$CONFITURE' server stop --project-dir '$p'" "${cleanups[@]}")

cd "$p"
expect_exit 3 "$CONFITURE" status
contains "$out" "Server:       unreachable"
expect_exit 0 "$CONFITURE" build --env local
contains "$out" "on the embedded server (created)"
expect_exit 0 "$CONFITURE" status --env local
contains "$out" "up to date"
expect_exit 0 "$CONFITURE" build --env local
contains "$out" "nothing to do"

expect_exit 0 "$CONFITURE" server url --env local
url="$out"
contains "$url" "my_app_local"
[ "$(psql "$url" -X -A -t -c 'SELECT count(*) FROM published_posts')" = 1 ] ||
  fail "the development seeds should publish one post"

echo "-- changed" >> db/environments/local.yaml
expect_exit 5 "$CONFITURE" init "$p"
contains "$err" "CONFIG_013"
contains "$err" "db/environments/local.yaml"

expect_exit 0 "$CONFITURE" server stop
expect_exit 1 "$CONFITURE" server status
contains "$out" "stopped"
echo "e2e init_build_embedded: ok"
