#!/usr/bin/env bash
# Installs what the tests need and is missing: Debian packages (Chromium, ripgrep and
# the headers that code-server's native modules build against), npm packages, and code-server.
# Safe to run again: each step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "setup: $*" >&2; }

# Chromium drives the webview and VS Code tests; the rest build code-server's native modules.
bash test/ensure-apt.sh chromium ripgrep pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev

# npm ci when node_modules is missing or older than the lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund
fi

bash test/vscode/install-code-server.sh >/dev/null
