#!/usr/bin/env bash
# Installs what building Stevedore needs on Debian 12 (or a newer Debian/Ubuntu), and with
# --test also what its test suite needs: an X server for the GUI tests and the services the
# integration tests start. Idempotent: only packages that are missing are installed.
set -euo pipefail

want_tests=0
for arg in "$@"; do
    case "$arg" in
        --test) want_tests=1 ;;
        -h|--help) echo "usage: $0 [--test]"; exit 0 ;;
        *) echo "$0: unknown option $arg" >&2; exit 2 ;;
    esac
done

build_packages=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libgl1-mesa-dev
    qtkeychain-qt6-dev libgit2-dev libyaml-cpp-dev libyaml-dev libgraphviz-dev help2man
)
test_packages=(
    xvfb xauth xdotool imagemagick x11-utils openssl python3 openssh-client
    docker-registry skopeo apache2-utils prometheus prometheus-pushgateway
    lighttpd lighttpd-mod-openssl openssh-server gnome-keyring dbus python3-jwt
    clang-14 libclang-rt-14-dev dpkg-dev file desktop-file-utils appstream
)

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null; then
    sudo=(sudo)
else
    echo "$0: run as root or install sudo" >&2
    exit 1
fi

is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

packages=("${build_packages[@]}")
[ "$want_tests" -eq 1 ] && packages+=("${test_packages[@]}")

missing=()
for package in "${packages[@]}"; do
    is_installed "$package" || missing+=("$package")
done

updated=0
apt_update() {
    if [ "$updated" -eq 0 ]; then
        "${sudo[@]}" apt-get update -qq
        updated=1
    fi
}

# The Qt 6 build of KSyntaxHighlighting is used when the distribution has it (Debian 13,
# Ubuntu 24.04 and later); Debian 12 only has the Qt 5 build, and Stevedore's own highlighter
# is used there.
if ! is_installed libkf6syntaxhighlighting-dev; then
    if ! apt-cache show libkf6syntaxhighlighting-dev >/dev/null 2>&1 && [ ${#missing[@]} -gt 0 ]; then
        apt_update
    fi
    if apt-cache show libkf6syntaxhighlighting-dev >/dev/null 2>&1; then
        missing+=(libkf6syntaxhighlighting-dev)
    fi
fi

if [ ${#missing[@]} -eq 0 ]; then
    [ "$want_tests" -eq 1 ] && what="build and test" || what="build"
    echo "All $what dependencies are installed."
    exit 0
fi
echo "Installing: ${missing[*]}"
apt_update
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
