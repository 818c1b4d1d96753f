#!/usr/bin/env bash
# The test command behind `npm test`: installs what is missing, then type-checks, lints, builds
# and runs the unit tests, the Chromium webview test and both real-VS-Code tests.
set -euo pipefail
cd "$(dirname "$0")/.."

bash test/setup.sh
npm run typecheck
npm run lint
npm run build
npm run test:unit
npm run test:webview
npm run test:vscode
