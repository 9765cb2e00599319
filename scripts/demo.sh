#!/usr/bin/env bash
# Sets everything up and runs the main job on the bundled example: builds the database of
# db-examples/basic on the project's embedded PostgreSQL (the build records its migrations: the
# DDL already holds them), rolls the last one back and forward, then syncs its data into a staging database
# with the personal data anonymised, and shows both.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target confiture
confiture="$PWD/build/release/src/confiture"
cd db-examples/basic
# --recreate: an earlier run may have built the example from older DDL; it is only this demo's
# own database on the embedded server.
"$confiture" build --env local --recreate --yes
"$confiture" status --env local
"$confiture" migrate down --env local --yes
"$confiture" migrate up --env local
"$confiture" migrate status --env local
url="$("$confiture" server url --env local)"
echo
echo "Tables, views and functions in the built database ($url):"
psql "$url" -X -q -c '\dt' -c '\dv' -c '\df public.*'
psql "$url" -X -q -c 'SELECT * FROM published_posts'

# Staging: the same schema, filled from local with emails, names and free text rewritten.
"$confiture" build --env staging --recreate --yes
CONFITURE_ANON_KEY=demo-key-not-secret "$confiture" sync --from local --to staging --yes
staging="$("$confiture" server url --env staging)"
echo
echo "Users in local, then in staging after the anonymised sync:"
psql "$url" -X -q -c 'SELECT id, email, display_name FROM users ORDER BY id'
psql "$staging" -X -q -c 'SELECT id, email, display_name FROM users ORDER BY id'
echo "Stop the server with: (cd db-examples/basic && $confiture server stop)"
