// Runs the mocha suite inside code-server's extension host. The page opens with a payload that
// names this repository as the extension under development and the compiled suite as its tests.
// When the suite finishes, the workbench calls window.codeAutomationExit with its exit code.

import * as fs from 'node:fs';
import * as path from 'node:path';

import { launchChromium } from './browser';
import { suiteIndex } from './build';
import { repoRoot, samplesFolder, startCodeServer } from './codeServer';

export interface SuiteOutcome {
  exitCode: number;
  report: string;
}

export async function runIntegrationSuite(
  entry: string,
  artifactsDir: string,
  timeoutMs: number,
): Promise<SuiteOutcome> {
  const reportFile = path.join(artifactsDir, 'suite-report.txt');
  fs.rmSync(reportFile, { force: true });

  const server = await startCodeServer(entry, {
    name: 'suite',
    folder: samplesFolder,
    env: { DESCENT_LAB_SUITE_REPORT: reportFile },
    logFile: path.join(artifactsDir, 'code-server-suite.log'),
  });
  const browser = await launchChromium();
  const consoleLines: string[] = [];

  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));

    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.goto(suiteUrl(server.port));

    const code = await Promise.race([exitCode, timeout(timeoutMs)]);
    if (code === 'timeout') {
      await page.screenshot({ path: path.join(artifactsDir, 'suite-timeout.png') });
      throw new Error(
        `the integration suite did not finish within ${timeoutMs / 1000} s; see ${path.relative(repoRoot, artifactsDir)}/suite-console.log`,
      );
    }
    return { exitCode: code, report: readReport(reportFile) };
  } finally {
    fs.writeFileSync(path.join(artifactsDir, 'suite-console.log'), `${consoleLines.join('\n')}\n`);
    await browser.close();
    await server.stop();
  }
}

function suiteUrl(port: number): string {
  const remote = `vscode-remote://127.0.0.1:${port}`;
  const payload = [
    ['extensionDevelopmentPath', `${remote}${repoRoot}`],
    ['extensionTestsPath', `${remote}${suiteIndex}`],
  ];
  return (
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(samplesFolder)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`
  );
}

function readReport(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(the suite wrote no report)\n';
}

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}
