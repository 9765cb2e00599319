#!/usr/bin/env bash
# Sets everything up and runs the main job on the bundled example: builds the database of
# db-examples/basic on the project's embedded PostgreSQL, then shows what is in it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target confiture
confiture="$PWD/build/release/src/confiture"
cd db-examples/basic
"$confiture" build --env local
"$confiture" status --env local
url="$("$confiture" server url --env local)"
echo
echo "Tables, views and functions in the built database ($url):"
psql "$url" -X -q -c '\dt' -c '\dv' -c '\df public.*'
psql "$url" -X -q -c 'SELECT * FROM published_posts'
echo "Stop the server with: (cd db-examples/basic && $confiture server stop)"
