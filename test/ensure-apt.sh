#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet: with apt-get as root,
# with sudo when it needs no password, and otherwise prints the command to run and fails.
set -euo pipefail

missing=()
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
((${#missing[@]} > 0)) || exit 0

log() { echo "ensure-apt: $*" >&2; }
if [[ $(id -u) -eq 0 ]]; then
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
elif sudo -n true 2>/dev/null; then
  log "installing Debian packages with sudo: ${missing[*]}"
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "missing Debian packages: ${missing[*]}"
  log "install them with: sudo apt-get install -y ${missing[*]}"
  exit 1
fi
