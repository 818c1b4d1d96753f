// Uses the extension as a person would. It is installed like a packaged extension, a line is
// selected and run from the context menu, the panel is read and its α slider moved, the window is
// reloaded, and a malformed selection must show an error notification and a squiggle. Screenshots
// go to test/artifacts.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';

import { ParseError, parseFunction } from '../../src/engine/index';
import { launchChromium } from './browser';
import { installExtensionCopy } from './extensionCopy';
import { repoRoot, samplesFolder, startCodeServer } from './codeServer';

const rosenbrock = '(1-x)^2 + 100*(y-x^2)^2';
const malformed = '(x + * 2';
const verdicts = ['converged', 'slow', 'oscillating', 'diverging', 'unbounded', 'non-finite'];

export async function runUserTest(entry: string, artifactsDir: string): Promise<void> {
  const server = await startCodeServer(entry, {
    name: 'user',
    folder: samplesFolder,
    prepareExtensions: installExtensionCopy,
    logFile: path.join(artifactsDir, 'code-server-user.log'),
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  const shot = (name: string) => page.screenshot({ path: path.join(artifactsDir, `user-${name}.png`) });

  try {
    await page.goto(`${server.url}?folder=${encodeURIComponent(samplesFolder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    await selectLine(page, 'rosenbrock.md', rosenbrock);
    await shot('1-selection');
    await runFromContextMenu(page, rosenbrock);

    const panel = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    const firstVerdict = await waitForVerdict(panel);
    await expectChartDrawn(panel);
    await shot('2-panel');

    const firstSummary = await panel.locator('.summary').innerText();
    await moveLearningRateSlider(panel, 1 / 3);
    await waitForChangedSummary(panel, firstSummary);
    const secondVerdict = await waitForVerdict(panel);
    await expectChartDrawn(panel);
    console.log(
      `user test: Rosenbrock verdict ${firstVerdict} at the configured α, ${secondVerdict} after the slider`,
    );
    await shot('3-slider');
    // The README's screenshot is a tracked file, so a test run replaces it only when asked to.
    if (process.env.DESCENT_LAB_UPDATE_SCREENSHOT === '1') {
      await page.screenshot({ path: path.join(repoRoot, 'docs/screenshot.png') });
    }

    await expectRestoredAfterReload(page, await panel.locator('#learning-rate').inputValue());
    await shot('4-restored');

    await selectLine(page, 'functions.md', malformed);
    await runFromContextMenu(page, malformed);
    await expectParseErrorShown(page);
    // The toast slides in; a moment later the screenshot shows it fully.
    await page.waitForTimeout(600);
    await shot('5-parse-error');
  } catch (error) {
    await shot('failure').catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Opens `fileName` from the explorer and selects the line whose text is exactly `text`. */
async function selectLine(page: Page, fileName: string, text: string): Promise<void> {
  const lines = fs.readFileSync(path.join(samplesFolder, fileName), 'utf8').split('\n');
  const lineNumber = lines.indexOf(text) + 1;
  assert.ok(lineNumber > 0, `${fileName} has no line ${text}`);

  await page.getByRole('treeitem', { name: fileName }).click();
  const tab = page.locator('.tabs-container .tab.active', { hasText: fileName });
  await tab.waitFor();
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').click();

  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(String(lineNumber));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');

  // The status bar reads "Ln 10, Col 24 (23 selected)" when exactly that line is selected.
  const status = page.locator('[id="status.editor.selection"]');
  await assertEventually(
    async () =>
      (await status.innerText()).includes(
        `Ln ${lineNumber}, Col ${text.length + 1} (${text.length} selected)`,
      ),
    `the status bar to show ${text.length} characters selected on line ${lineNumber}`,
  );
}

/** Right-clicks the middle of the selected text and picks the command from the context menu. */
async function runFromContextMenu(page: Page, text: string): Promise<void> {
  const line = page
    .locator('.editor-group-container.active .view-lines .view-line', { hasText: text })
    .first();
  const box = await line.locator('span').first().boundingBox();
  assert.ok(box, `the line ${text} is not visible`);

  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
  // VS Code ignores clicks on a menu in the first 100 ms after it opens.
  await page.waitForTimeout(300);
  await page.getByRole('menuitem', { name: 'Minimize This Function' }).click();
}

async function waitForVerdict(panel: FrameLocator): Promise<string> {
  const badge = panel.locator('.verdict .badge');
  // textContent, because innerText applies the badge's CSS text-transform.
  const verdict = async () => ((await badge.textContent()) ?? '').trim();
  await assertEventually(
    async () => verdicts.includes(await verdict()),
    'the panel to show a verdict',
    60_000,
  );
  return verdict();
}

async function waitForChangedSummary(panel: FrameLocator, previous: string): Promise<void> {
  const summary = panel.locator('.summary');
  await assertEventually(async () => {
    const current = await summary.innerText();
    return current !== '' && current !== previous;
  }, 'the run summary to change after the slider moved');
}

/** Checks that the loss chart's canvas has painted pixels, so Chart.js drew something. */
async function expectChartDrawn(panel: FrameLocator): Promise<void> {
  const canvas = panel.locator('canvas[aria-label="Loss f by iteration"]');
  await canvas.waitFor();
  const painted = await canvas.evaluate((element) => {
    const chart = element as HTMLCanvasElement;
    const context = chart.getContext('2d');
    if (context === null || chart.width === 0 || chart.height === 0) {
      return 0;
    }
    const pixels = context.getImageData(0, 0, chart.width, chart.height).data;
    let count = 0;
    for (let index = 3; index < pixels.length; index += 4) {
      if (pixels[index] > 0) {
        count += 1;
      }
    }
    return count;
  });
  assert.ok(painted > 500, `the loss chart has only ${painted} painted pixels`);
}

/** Clicks the α slider's track at `fraction` of its width, as a person would. */
async function moveLearningRateSlider(panel: FrameLocator, fraction: number): Promise<void> {
  const slider = panel.getByRole('slider', { name: /Learning rate/ });
  const before = await slider.inputValue();
  const box = await slider.boundingBox();
  assert.ok(box, 'the learning-rate slider is not visible');

  await slider.click({ position: { x: box.width * fraction, y: box.height / 2 } });
  assert.notEqual(await slider.inputValue(), before, 'the slider did not move');
}

/**
 * Reloads the window with the Developer: Reload Window command, because it saves the editor layout
 * first and a browser reload may cut that save short. The panel serializer must then restore the
 * panel with the α it had.
 */
async function expectRestoredAfterReload(page: Page, learningRate: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type('Developer: Reload Window');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor();
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.keyboard.press('Enter')]);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.tabs-container .tab', { hasText: 'Descent Lab:' }).waitFor({ timeout: 60_000 });

  const panel = page.frameLocator('iframe.webview').frameLocator('#active-frame');
  await waitForVerdict(panel);
  assert.equal(await panel.locator('#learning-rate').inputValue(), learningRate);
  await expectChartDrawn(panel);
}

async function expectParseErrorShown(page: Page): Promise<void> {
  // The notification gives the engine's description and the position in the document.
  const expected = `Descent Lab: ${parseErrorMessage(malformed)} (at line`;
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Descent Lab:' });
  await toast.first().waitFor({ timeout: 15_000 });
  assert.ok((await toast.first().innerText()).includes(expected), `no notification reads ${expected}`);

  const squiggle = page.locator('.editor-group-container.active .monaco-editor .squiggly-error');
  await squiggle.first().waitFor({ state: 'attached', timeout: 15_000 });
}

/** The engine's description of the error in `text`, which the notification must repeat. */
function parseErrorMessage(text: string): string {
  try {
    parseFunction(text);
  } catch (error) {
    if (error instanceof ParseError) {
      return error.description;
    }
    throw error;
  }
  throw new Error(`${text} parsed without an error`);
}

async function assertEventually(
  check: () => Promise<boolean>,
  description: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
