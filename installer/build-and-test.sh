#!/usr/bin/env bash
# Installs what is missing (the test services too), builds Stevedore with its tests, and runs
# the whole test suite. The integration tests start and stop the services they need themselves.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STEVEDORE_BUILD_DIR:-$root/build}"

"$root/installer/install-deps.sh" --test
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTEVEDORE_BUILD_TESTS=ON
cmake --build "$build"
cd "$build"
ctest --output-on-failure --timeout 600 -j "$(nproc)"
