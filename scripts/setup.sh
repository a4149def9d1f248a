#!/bin/sh
# Installs the system packages the build and the tests need, when they are missing.
#
# Each requirement is checked by what it provides - a command on PATH, or a C header that pkg-config
# or the include directories know - not by asking dpkg, so a system without dpkg is checked as well
# and never passes by default. Missing packages are installed with apt-get (through sudo when not
# root); without apt-get, one line names what is missing and the script fails.
set -eu

have_command() { command -v "$1" >/dev/null 2>&1; }

# have_header PKG-CONFIG-MODULE HEADER
have_header() {
  if have_command pkg-config && pkg-config --exists "$1" 2>/dev/null; then return 0; fi
  for directory in /usr/include /usr/local/include; do
    [ -f "$directory/$2" ] && return 0
  done
  return 1
}

# Sets $packages (to install) and $described ("package (what is missing)", comma-separated) from the
# requirements not met; plain shell only, so it works even when sed or tr are missing too.
check() {
  packages=""
  described=""
  need() {  # need PACKAGE WHAT
    packages="$packages${packages:+ }$1"
    described="$described${described:+, }$1 ($2)"
  }
  have_header ncursesw ncursesw/curses.h || need libncurses-dev "ncursesw/curses.h"
  have_header yaml-0.1 yaml.h || need libyaml-dev "yaml.h"
  have_header sqlite3 sqlite3.h || need libsqlite3-dev "sqlite3.h"
  have_header liblz4 lz4.h || need liblz4-dev "lz4.h"
  have_command pkg-config || need pkg-config "the pkg-config command"
  have_command tmux || need tmux "the tmux command"
  # The benchmark smoke that `make test` runs generates its corpus with a Python script.
  have_command python3 || need python3 "the python3 command"
}

check
[ -n "$packages" ] || exit 0

if ! have_command apt-get; then
  echo "setup: missing $described; install them with your system's package manager" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  have_command sudo || { echo "setup: missing $described; need root or sudo to install them" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup: installing $packages" >&2
$sudo apt-get update -qq
# shellcheck disable=SC2086 # one word per package
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null

check
if [ -n "$packages" ]; then
  echo "setup: still missing after apt-get install: $described" >&2
  exit 1
fi
