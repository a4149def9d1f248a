#!/bin/sh
# Installs the system packages the build and the tests need, when they are missing.
# Uses apt-get (with sudo when not root); does nothing when everything is already there.
set -eu

missing=""
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in libncurses-dev libyaml-dev liblz4-dev tmux pkg-config; do
  if command -v dpkg-query >/dev/null 2>&1; then
    have_pkg "$pkg" || missing="$missing $pkg"
  fi
done
[ -n "$missing" ] || exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: missing packages:$missing; install them with your system's package manager" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: need root or sudo to install:$missing" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup: installing$missing" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
