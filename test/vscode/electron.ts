// `npm run test:electron`: the same mocha suite as test:vscode, in desktop VS Code through
// @vscode/test-electron. It downloads VS Code on first use, so it needs a machine that can reach
// the VS Code download site. The CI machines cannot, so CI runs test:vscode (code-server) and never
// this script. DESCENT_LAB_VSCODE_VERSION sets the version; the default 1.100.3 is the workbench
// that code-server 4.100.3 ships.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

import { buildExtension, buildSuite, suiteIndex } from './build';
import { repoRoot, samplesFolder } from './codeServer';

async function main(): Promise<void> {
  buildExtension();
  await buildSuite();

  const artifactsDir = path.join(repoRoot, 'test/artifacts');
  fs.mkdirSync(artifactsDir, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-lab-electron-'));
  fs.mkdirSync(path.join(userDataDir, 'User'));
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false }),
  );

  try {
    await runTests({
      version: process.env.DESCENT_LAB_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteIndex,
      extensionTestsEnv: { DESCENT_LAB_SUITE_REPORT: path.join(artifactsDir, 'electron-suite-report.txt') },
      launchArgs: [
        samplesFolder,
        '--disable-extensions',
        '--disable-workspace-trust',
        `--user-data-dir=${userDataDir}`,
      ],
    });
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
