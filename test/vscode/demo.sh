#!/usr/bin/env bash
# `npm run demo`: opens the samples folder in VS Code with Descent Lab loaded from this checkout.
# With a desktop `code` on PATH it starts that; otherwise it serves code-server 4.100.3 on
# 127.0.0.1:$DESCENT_LAB_PORT (8080 by default) until Ctrl+C. Installs what is missing first.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
port=${DESCENT_LAB_PORT:-8080}
cd "$root"

log() { echo "demo: $*" >&2; }

if [[ ! -d node_modules ]]; then
  log "installing npm dependencies"
  npm install --no-audit --no-fund
fi

# Only code-server needs these, to build its native modules and for search.
need_code_server=true
command -v code >/dev/null && need_code_server=false
if $need_code_server; then
  bash test/ensure-apt.sh libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep
fi

log "building"
node esbuild.mjs

if ! $need_code_server; then
  log "opening desktop VS Code; close its window to end the demo"
  exec code --wait --extensionDevelopmentPath="$root" "$root/samples"
fi

entry=$(bash test/vscode/install-code-server.sh | tail -n 1)

# Every folder code-server writes to stays under .vscode-test/demo, so the demo leaves the home
# directory alone and keeps its settings and open editors between runs.
demo=$root/.vscode-test/demo
mkdir -p "$demo/extensions" "$demo/user-data/User" "$demo/xdg-config" "$demo/xdg-data" "$demo/xdg-cache"
node --import tsx test/vscode/extensionCopy.ts "$demo/extensions" >/dev/null
settings=$demo/user-data/User/settings.json
if [[ ! -f $settings ]]; then
  cat >"$settings" <<'JSON'
{
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "workbench.tips.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "git.openRepositoryInParentFolders": "never"
}
JSON
fi
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" >"$demo/config.yaml"

# setsid gives code-server its own process group, so that stopping the demo also stops the
# extension host and the other processes it starts.
# EXTENSIONS_GALLERY='{}' turns the marketplace (open-vsx.org by default) off.
XDG_CONFIG_HOME=$demo/xdg-config XDG_DATA_HOME=$demo/xdg-data XDG_CACHE_HOME=$demo/xdg-cache EXTENSIONS_GALLERY='{}' \
  setsid node "$entry" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry \
  --disable-update-check --disable-workspace-trust --user-data-dir "$demo/user-data" \
  --extensions-dir "$demo/extensions" --config "$demo/config.yaml" "$root/samples" \
  >"$demo/code-server.log" 2>&1 &
server=$!

stop() {
  trap - INT TERM EXIT
  kill -TERM -- "-$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap stop INT TERM EXIT

for _ in $(seq 1 120); do
  if ! kill -0 "$server" 2>/dev/null; then
    log "code-server exited; its log is $demo/code-server.log"
    tail -n 20 "$demo/code-server.log" >&2
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    break
  fi
  sleep 0.5
done

echo
echo "Descent Lab demo: open http://127.0.0.1:$port/?folder=$root/samples"
echo "Open rosenbrock.md, select the function line, right-click it and choose Minimize This Function."
echo "Press Ctrl+C to stop."
wait "$server"
