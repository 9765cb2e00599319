#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: `bash scripts/test.sh [dev|asan|release]`.
# ctest starts one throwaway PostgreSQL for the run and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
bash scripts/setup.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
ctest --preset "$preset"
