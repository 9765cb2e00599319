#!/usr/bin/env bash
# Installs every Debian 12 package Confiture needs to build, test and run (idempotent; works as
# root or as a user with sudo). The PostgreSQL server is installed, never started: Confiture
# runs its own private clusters (see docs/embedded-server.md).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libpqxx-dev libpq-dev libcli11-dev libyaml-cpp-dev nlohmann-json3-dev libssl-dev
  libpg-query-dev libprotobuf-c-dev libfmt-dev catch2
  postgresql postgresql-client
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
# The distribution cluster it creates stays down: Confiture never uses it.
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
echo "setup: done"
