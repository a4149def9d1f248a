#!/bin/sh
# Installs the system packages the build and the tests need, when they are missing.
#
# Each requirement is checked by what it provides - a command on PATH, or a C header that pkg-config
# or the include directories know - not by asking dpkg, so a system without dpkg is checked as well
# and never passes by default. Missing packages are installed with apt-get (through sudo when not
# root); without apt-get, one line names what is missing and the script fails.
#
# --bench-peers (what `make bench` runs) also installs the benchmark's peers, sfeed (sfeed_curses) and
# newsboat, best effort: without apt-get, root or password-less sudo, or the network, it says so in one
# line and succeeds, and the benchmark skips them with a note. Nothing else (`make test`, CI) asks for them.
set -eu

bench_peers=no
for argument in "$@"; do
  case "$argument" in
    --bench-peers) bench_peers=yes ;;
    *)
      echo "usage: scripts/setup.sh [--bench-peers]" >&2
      exit 2
      ;;
  esac
done

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

install_requirements() {
  check
  [ -n "$packages" ] || return 0

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
}

# The benchmark's peers: never fails, so a machine that cannot install them still benchmarks the rest.
install_bench_peers() {
  peers=""
  have_command sfeed_curses || peers="$peers${peers:+ }sfeed"
  have_command newsboat || peers="$peers${peers:+ }newsboat"
  [ -n "$peers" ] || return 0
  skipped="setup: not installing the benchmark peers ($peers)"
  if ! have_command apt-get; then
    echo "$skipped: no apt-get; make bench skips them" >&2
    return 0
  fi
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    # -n: a password prompt would hang an unattended run; no answer is the same as no sudo here.
    if ! have_command sudo || ! sudo -n true 2>/dev/null; then
      echo "$skipped: needs root or password-less sudo; make bench skips them" >&2
      return 0
    fi
    sudo="sudo -n"
  fi
  echo "setup: installing the benchmark peers $peers" >&2
  # shellcheck disable=SC2086 # one word per package
  if ! $sudo apt-get update -qq >/dev/null 2>&1 ||
    ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $peers >/dev/null 2>&1; then
    echo "$skipped: apt-get failed (no network?); make bench skips them" >&2
  fi
  return 0
}

install_requirements
if [ "$bench_peers" = yes ]; then install_bench_peers; fi
