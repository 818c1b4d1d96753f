// Launches Debian's Chromium through playwright-core. Playwright gives every launch a fresh
// temporary profile; the flags keep the browser from reaching any host but the local code-server.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.DESCENT_LAB_CHROMIUM ?? '/usr/bin/chromium';

const openBrowsers = new Set<Browser>();

export async function launchChromium(): Promise<Browser> {
  // Chromium keeps its crash-report database under XDG_CONFIG_HOME whatever the profile is, so it
  // gets a temporary one that goes when the browser closes.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-lab-chromium-'));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // The sandbox cannot start as root, which is how these tests run in CI.
    chromiumSandbox: false,
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...process.env, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home },
  });
  openBrowsers.add(browser);
  browser.on('disconnected', () => {
    openBrowsers.delete(browser);
    fs.rmSync(home, { recursive: true, force: true });
  });
  return browser;
}

/** Closes every browser still open; for exit and signal handlers. */
export async function closeAllBrowsers(): Promise<void> {
  await Promise.all([...openBrowsers].map((browser) => browser.close().catch(() => undefined)));
}
