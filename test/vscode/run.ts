// `npm run test:vscode`: tests the extension in a real VS Code workbench (code-server 4.100.3, with
// VS Code 1.100.3) driven by Debian's Chromium. Part (a) runs the mocha suite inside the extension
// host; part (b) installs the built extension like a user and clicks through it with Playwright.
// Each part gets its own code-server with fresh temporary folders, stopped at the end even on
// failure or Ctrl+C. Screenshots go to test/artifacts; DESCENT_LAB_UPDATE_SCREENSHOT=1 also
// replaces the README's docs/screenshot.png.

import * as fs from 'node:fs';
import * as path from 'node:path';

import { closeAllBrowsers } from './browser';
import { buildExtension, buildSuite } from './build';
import { ensureCodeServer, repoRoot, stopAllCodeServers } from './codeServer';
import { runIntegrationSuite } from './integration';
import { runUserTest } from './userTest';

const artifactsDir = path.join(repoRoot, 'test/artifacts');
const suiteTimeoutMs = Number(process.env.DESCENT_LAB_SUITE_TIMEOUT_MS ?? 5 * 60_000);

interface PartResult {
  name: string;
  passed: boolean;
  seconds: number;
  detail: string;
}

async function runPart(name: string, part: () => Promise<string>): Promise<PartResult> {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  try {
    const detail = await part();
    return { name, passed: true, seconds: (Date.now() - started) / 1000, detail };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    console.error(`${name} failed: ${detail}`);
    return { name, passed: false, seconds: (Date.now() - started) / 1000, detail };
  }
}

async function main(): Promise<number> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const entry = ensureCodeServer();
  buildExtension();
  await buildSuite();

  const results: PartResult[] = [];
  results.push(
    await runPart('integration suite in the extension host', async () => {
      const outcome = await runIntegrationSuite(entry, artifactsDir, suiteTimeoutMs);
      process.stdout.write(outcome.report);
      if (outcome.exitCode !== 0) {
        throw new Error(`the suite exited with code ${outcome.exitCode}`);
      }
      return 'all tests passed';
    }),
  );
  results.push(
    await runPart('user-level test in Chromium', async () => {
      await runUserTest(entry, artifactsDir);
      return 'menu, panel, slider and parse error checked';
    }),
  );

  console.log('\n=== summary ===');
  for (const result of results) {
    console.log(
      `${result.passed ? 'PASS' : 'FAIL'}  ${result.name} (${result.seconds.toFixed(1)} s): ${result.detail}`,
    );
  }
  console.log(`Screenshots and logs: ${path.relative(repoRoot, artifactsDir)}/`);
  return results.every((result) => result.passed) ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping Chromium and code-server`);
    void Promise.all([closeAllBrowsers(), stopAllCodeServers()]).finally(() => process.exit(130));
  });
}

main().then(
  async (code) => {
    await Promise.all([closeAllBrowsers(), stopAllCodeServers()]);
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await Promise.all([closeAllBrowsers(), stopAllCodeServers()]);
    process.exit(1);
  },
);
