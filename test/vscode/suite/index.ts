// Mocha entry point that VS Code's extension host loads as `extensionTestsPath`, in code-server and
// in desktop VS Code alike. The spec reporter's lines go to the extension host console and, because
// that console does not always reach the test runner, also to the file named by
// DESCENT_LAB_SUITE_REPORT.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const reportPath = process.env.DESCENT_LAB_SUITE_REPORT;
  const lines: string[] = [];
  const consoleLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    lines.push(format(...args));
    consoleLog(...args);
  };

  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  const testFiles = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of testFiles) {
    mocha.addFile(path.join(__dirname, name));
  }

  try {
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    if (failures > 0) {
      throw new Error(`${failures} of the Descent Lab integration tests failed.`);
    }
  } finally {
    Mocha.reporters.Base.consoleLog = consoleLog;
    if (reportPath !== undefined && reportPath !== '') {
      fs.writeFileSync(reportPath, `${lines.join('\n')}\n`);
    }
  }
}
