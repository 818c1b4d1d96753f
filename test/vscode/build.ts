// Builds what the real-VS-Code tests load: the extension bundles (esbuild.mjs) and the mocha suite,
// bundled to CommonJS in out/test/vscode/suite with `vscode` and `mocha` left to the extension host
// and the repository's node_modules.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

import { repoRoot } from './codeServer';

export const suiteOutDir = path.join(repoRoot, 'out/test/vscode/suite');
export const suiteIndex = path.join(suiteOutDir, 'index.js');

export function buildExtension(): void {
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`node esbuild.mjs failed with exit code ${result.status}`);
  }
}

export async function buildSuite(): Promise<void> {
  const suiteDir = path.join(repoRoot, 'test/vscode/suite');
  const entryPoints = fs
    .readdirSync(suiteDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => path.join(suiteDir, name));

  fs.rmSync(suiteOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: suiteOutDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}
