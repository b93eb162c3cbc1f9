#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang in BUILD_DIR (configuring it the first
# time) and runs each for SECONDS on its corpus: what earlier runs found (BUILD_DIR/corpus),
# plus seeds made from the test fixtures. Prints executions per target; exits 1 when a target
# crashed, leaked, ran out of memory or hung, leaving the input under BUILD_DIR/artifacts.
#
#   tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS [TARGET...]    e.g. ... build-fuzz 600 semver
#
# The test suite runs it for 10 s a target (CTest test `fuzz`). Replay one input:
# BUILD_DIR/fuzz_NAME FILE.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 BUILD_DIR SECONDS [TARGET...]" >&2
    exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$1"
build="$(cd "$1" && pwd)"
seconds="$2"
shift 2
cxx="${STEVEDORE_FUZZ_CXX:-clang++-14}"

if ! command -v "$cxx" >/dev/null; then
    echo "$0: $cxx not found; install clang-14 and libclang-rt-14-dev" \
        "(installer/install-deps.sh --test)" >&2
    exit 1
fi
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
fi
cmake --build "$build"

# Seeds: files as they are, and seed lists with one input a line.
seeds="$build/seeds"
rm -rf "$seeds"
split_lines() { # LIST_FILE DIR
    mkdir -p "$2"
    local n=0 line
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        printf '%s' "$line" >"$2/$n"
    done <"$1"
}
mkdir -p "$seeds/manifest" "$seeds/helmindex" "$seeds/ocijson" "$seeds/prometheus" \
    "$seeds/yamleditor"
cp -r "$root/tests/fixtures/kargo/." "$root/resources/demo/." "$seeds/manifest/"
cp "$root/tests/engine/data/helm/"* "$seeds/helmindex/"
cp "$here/seeds/ocijson/"* "$seeds/ocijson/"
cp "$here/seeds/prometheus/"* "$seeds/prometheus/"
split_lines "$here/seeds/semver.txt" "$seeds/semver"
split_lines "$here/seeds/expression.txt" "$seeds/expression"
split_lines "$here/seeds/ociheaders.txt" "$seeds/ociheaders"
# The yaml-update golden files as `UPDATES NUL YAML`, and other YAML to edit as it is.
for updates in "$root/tests/engine/data/yamleditor/"*.updates; do
    name="$(basename "$updates" .updates)"
    { cat "$updates"; printf '\0'; cat "${updates%.updates}.input.yaml"; } \
        >"$seeds/yamleditor/$name"
done
for input in "$root/tests/engine/data/"{kustomize,helmchart}/*.input.yaml; do
    cp "$input" "$seeds/yamleditor/$(basename "$(dirname "$input")")-$(basename "$input")"
done

if [ $# -eq 0 ]; then
    set -- $(cd "$build" && ls fuzz_* | sed -n 's/^fuzz_\([a-z0-9]*\)$/\1/p')
fi

# A hard RSS limit makes AddressSanitizer stop at once and libFuzzer save the input; libFuzzer's
# own limit would first print a heap profile, which takes minutes at gigabytes.
export ASAN_OPTIONS="hard_rss_limit_mb=2048:allocator_may_return_null=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
mkdir -p "$build/artifacts" "$build/logs"
failed=0
for target in "$@"; do
    binary="$build/fuzz_$target"
    corpus="$build/corpus/$target"
    log="$build/logs/$target.log"
    mkdir -p "$corpus"
    seedDirs=()
    [ -d "$seeds/$target" ] && seedDirs+=("$seeds/$target")
    status=0
    timeout -s KILL "$((seconds + 120))" "$binary" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=0 -malloc_limit_mb=1024 -print_final_stats=1 \
        -artifact_prefix="$build/artifacts/$target-" "$corpus" "${seedDirs[@]}" \
        >"$log" 2>&1 || status=$?
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
    files="$(find "$corpus" -type f | wc -l)"
    if [ "$status" -eq 0 ]; then
        printf '%-12s %10s executions in %s s, corpus %s inputs\n' "$target" "${runs:-?}" \
            "$seconds" "$files"
    else
        failed=1
        printf '%-12s FAILED (exit %s) after %s executions; log: %s\n' "$target" "$status" \
            "${runs:-?}" "$log"
        grep -E '^(==[0-9]+==|SUMMARY|.*Test unit written|    #[0-9]+ )' "$log" | head -40 || true
    fi
done
exit "$failed"
