#!/usr/bin/env bash
# Builds the Debian package of a configured and built build folder (cpack -G DEB), unpacks it
# into a scratch root (dpkg-deb -x), and checks what a user would get from
# `apt install ./stevedore_*.deb`: the files are there, that stevedorectl runs and says its
# version, that stevedore starts under a real X server (Xvfb) with its German translation, and
# that desktop-file-validate and appstreamcli accept the desktop and AppStream files.
#
#   package-test.sh BUILD_DIR SCRATCH_DIR VERSION PIPELINE_DIR
set -euo pipefail

if [ $# -ne 4 ]; then
    echo "usage: $0 BUILD_DIR SCRATCH_DIR VERSION PIPELINE_DIR" >&2
    exit 2
fi
build="$1"
scratch="$2"
version="$3"
pipeline="$4"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
need() {
    command -v "$1" >/dev/null ||
        fail "$1 is needed (package $2): run installer/install-deps.sh --test"
}
need cpack cmake
need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
need file file
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need Xvfb xvfb
need xwininfo x11-utils

rm -rf "$scratch"
mkdir -p "$scratch/out" "$scratch/root"

echo "== cpack -G DEB"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1 ||
    { cat "$scratch/cpack.log" >&2; fail "cpack failed"; }
debs=("$scratch/out"/stevedore_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one stevedore_*.deb in $scratch/out"
deb="${debs[0]}"
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
[ "$(dpkg-deb -f "$deb" Package)" = stevedore ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version is not $version"
depends="$(dpkg-deb -f "$deb" Depends)"
for dependency in libqt6sql6-sqlite libqt6svg6 libqt6widgets6 libgit2; do
    grep -q "$dependency" <<<"$depends" || fail "Depends lacks $dependency: $depends"
done

if command -v apt-get >/dev/null; then
    # What `apt install ./stevedore_*.deb` would do, without doing it: every dependency can be
    # installed from the distribution.
    echo "== apt-get install --simulate"
    apt-get install --simulate --no-install-recommends "$deb" >"$scratch/apt.log" 2>&1 ||
        { cat "$scratch/apt.log" >&2; fail "apt cannot install $(basename "$deb")"; }
    grep -q '^Inst stevedore ' "$scratch/apt.log" || fail "apt would not install stevedore"
fi

echo "== dpkg-deb -x"
dpkg-deb -x "$deb" "$scratch/root"
root="$scratch/root"
share="$root/usr/share"
for path in usr/bin/stevedore usr/bin/stevedorectl \
    usr/share/applications/org.stevedore.Stevedore.desktop \
    usr/share/metainfo/org.stevedore.Stevedore.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/org.stevedore.Stevedore.svg \
    usr/share/man/man1/stevedorectl.1.gz; do
    [ -s "$root/$path" ] || fail "$path is missing from the package"
done
for size in 16 22 24 32 48 64 128 256 512; do
    png="$share/icons/hicolor/${size}x${size}/apps/org.stevedore.Stevedore.png"
    [ -s "$png" ] || fail "no ${size}x${size} PNG icon"
    file "$png" | grep -q "PNG image data, $size x $size," || fail "$(file "$png")"
done
for program in stevedore stevedorectl; do
    file "$root/usr/bin/$program" | grep -q 'ELF.*, stripped' || fail "$program is not stripped"
done
zcat "$share/man/man1/stevedorectl.1.gz" | grep -q '^\.TH STEVEDORECTL "1"' ||
    fail "the man page has no .TH line"
zcat "$share/man/man1/stevedorectl.1.gz" | grep -q 'validate' ||
    fail "the man page does not list the commands"

echo "== desktop-file-validate, appstreamcli validate"
desktop-file-validate "$share/applications/org.stevedore.Stevedore.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate --no-net "$share/metainfo/org.stevedore.Stevedore.metainfo.xml" ||
    fail "appstreamcli validate"

# The programs run with a home, settings and state of their own, never the user's.
home="$scratch/home"
mkdir -p "$home/runtime"
chmod 700 "$home/runtime"
export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
    XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/runtime" STEVEDORE_STATE_DIR="$home/state"
unset DISPLAY WAYLAND_DISPLAY

echo "== stevedorectl --version"
out="$("$root/usr/bin/stevedorectl" --version)"
[ "$out" = "stevedorectl $version" ] || fail "stevedorectl --version said: $out"
# The real manifests have real mistakes, so validate exits 1; it must still read them all.
out="$("$root/usr/bin/stevedorectl" validate "$pipeline" 2>&1 || true)"
grep -q '3 stage(s)' <<<"$out" || fail "stevedorectl validate $pipeline said: $out"

echo "== stevedore --help in German (translations are compiled in)"
out="$(LC_ALL=de_DE.UTF-8 LANGUAGE=de QT_QPA_PLATFORM=offscreen "$root/usr/bin/stevedore" --help)"
grep -q 'Kontinuierliche Promotion' <<<"$out" || fail "no German help text: $out"

echo "== stevedore under Xvfb"
xvfb_pid=""
app_pid=""
cleanup() {
    # Only the processes this script started, by PID.
    local pid
    for pid in $app_pid $xvfb_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT
# -displayfd: Xvfb picks a free display itself and says which, so tests running at the same
# time cannot collide.
exec 3>"$scratch/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$scratch/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 100); do
    [ -s "$scratch/display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start: $(cat "$scratch/xvfb.log")"
    sleep 0.1
done
[ -s "$scratch/display" ] || fail "Xvfb did not report its display"
export DISPLAY=":$(head -n1 "$scratch/display")"
QT_QPA_PLATFORM=xcb "$root/usr/bin/stevedore" --offline --layout-report "$scratch/layout.json" \
    "$pipeline" >"$scratch/stevedore.log" 2>&1 &
app_pid=$!
for _ in $(seq 300); do
    [ -s "$scratch/layout.json" ] && break
    kill -0 "$app_pid" 2>/dev/null ||
        fail "stevedore exited: $(cat "$scratch/stevedore.log")"
    sleep 0.1
done
[ -s "$scratch/layout.json" ] || fail "stevedore did not draw $pipeline within 30 s"
grep -q '"kind": *"Stage"' "$scratch/layout.json" || fail "no stage drawn: $(cat "$scratch/layout.json")"
xwininfo -root -tree | grep -q 'Stevedore' || fail "no Stevedore window on $DISPLAY"
kill -0 "$app_pid" 2>/dev/null || fail "stevedore exited after drawing"
echo "PASS: $(basename "$deb") installs and runs"
