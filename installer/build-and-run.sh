#!/usr/bin/env bash
# Installs what is missing, builds Stevedore, and starts the desktop app. Without a path it
# opens the most recent pipeline, or on first start the built-in demo pipeline.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STEVEDORE_BUILD_DIR:-$root/build}"

"$root/installer/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target stevedore stevedorectl
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "Built $build/app/gui/stevedore, but there is no display to show it on." >&2
    echo "stevedorectl works without one: $build/app/cli/stevedorectl --help" >&2
    exit 1
fi
exec "$build/app/gui/stevedore" "$@"
