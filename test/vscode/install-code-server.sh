#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3's workbench) into an ignored cache folder for the
# real-VS-Code tests and the demo. Its install scripts download binaries from GitHub, which these
# machines cannot reach, so they are skipped and the native modules are rebuilt from source.
# Needs the apt packages libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep.
set -euo pipefail

version=4.100.3
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${DESCENT_LAB_CODE_SERVER_DIR:-$root/.vscode-test/code-server-$version}
entry=$cache/node_modules/code-server/out/node/entry.js
marker=$cache/.installed

if [[ -f $marker && -f $entry ]]; then
  echo "$entry"
  exit 0
fi

log() { echo "install-code-server: $*" >&2; }
for tool in rg pkg-config; do
  command -v "$tool" >/dev/null || { log "missing '$tool'; install the apt packages listed in this script"; exit 1; }
done

mkdir -p "$cache"
cd "$cache"
[[ -f package.json ]] || echo '{"name":"code-server-cache","private":true}' >package.json

log "installing code-server@$version into $cache"
npm install --no-audit --no-fund --ignore-scripts "code-server@$version" >&2

cd node_modules/code-server/lib/vscode
log "installing VS Code's own dependencies"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2

# @vscode/ripgrep's install script downloads rg from GitHub; Debian's rg does the same job.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg

# node-pty's optional compile_commands step fails and makes this exit non-zero, while the .node
# files it needs are built; the check below is what decides.
log "rebuilding native modules"
npm rebuild node-pty @vscode/spdlog kerberos native-watchdog @vscode/deviceid @parcel/watcher >&2 || true
# @parcel/watcher ships its binary in an optional registry package, so only the others are checked.
for module in node-pty @vscode/spdlog kerberos native-watchdog @vscode/deviceid; do
  if ! find "node_modules/$module" -name '*.node' -path '*Release*' | grep -q .; then
    log "native module $module was not built"
    exit 1
  fi
done
ln -sfn node_modules node_modules.asar

(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2)

cd "$cache"
npm rebuild argon2 >&2

touch "$marker"
echo "$entry"
