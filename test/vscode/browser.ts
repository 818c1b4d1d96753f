// Launches Debian's Chromium through playwright-core. Playwright gives every launch a fresh
// temporary profile; the flags keep the browser from reaching any host but the local code-server.

import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.DESCENT_LAB_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
  });
}
