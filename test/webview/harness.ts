// Serves the panel's webview page from 127.0.0.1 and opens it in headless Chromium with a stand-in for
// VS Code's webview API: postMessage goes to a host callback in this Node process, whose replies are
// delivered with window.postMessage, as VS Code does.

import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import type { FromWebview, PanelState, ToWebview } from '../../src/protocol';
import { createNonce, renderWebviewHtml } from '../../src/webviewHtml';
import type { HarnessTheme } from './themes';

export const repositoryRoot = path.resolve(__dirname, '..', '..');
export const artifactsDir = path.join(repositoryRoot, 'test', 'artifacts');
const bundlePath = path.join(repositoryRoot, 'media', 'build', 'webview.js');
const stylePath = path.join(repositoryRoot, 'media', 'panel.css');

/** Builds media/build/webview.js with esbuild.mjs, so the test loads the bundle the extension ships. */
export async function buildWebviewBundle(): Promise<void> {
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--only=webview'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`Building the webview bundle failed:\n${build.stderr}`);
  }
}

export interface AssetServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves the page at / and the bundle and stylesheet under /media, all from one 127.0.0.1 origin. */
export async function startAssetServer(): Promise<AssetServer> {
  const server: Server = createServer((request, response) => {
    void serve(request.url ?? '/', origin).then(
      ({ status, type, body }) => {
        response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end(String(error));
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function serve(
  url: string,
  origin: string,
): Promise<{ status: number; type: string; body: string | Buffer }> {
  const pathname = new URL(url, origin).pathname;
  if (pathname === '/') {
    const html = renderWebviewHtml({
      cspSource: origin,
      nonce: createNonce(),
      scriptUri: `${origin}/media/build/webview.js`,
      styleUri: `${origin}/media/panel.css`,
      title: 'Descent Lab test',
    });
    return { status: 200, type: 'text/html; charset=utf-8', body: html };
  }
  if (pathname === '/media/build/webview.js') {
    return { status: 200, type: 'text/javascript; charset=utf-8', body: await readFile(bundlePath) };
  }
  if (pathname === '/media/build/webview.js.map') {
    return { status: 200, type: 'application/json', body: await readFile(`${bundlePath}.map`) };
  }
  if (pathname === '/media/panel.css') {
    return { status: 200, type: 'text/css; charset=utf-8', body: await readFile(stylePath) };
  }
  if (pathname === '/favicon.ico') {
    // Chromium requests a favicon, which a VS Code webview never does. An empty reply avoids a 404 in the console.
    return { status: 204, type: 'image/x-icon', body: '' };
  }
  return { status: 404, type: 'text/plain', body: 'not found' };
}

/**
 * Launches Debian's Chromium headless. Playwright passes a fresh temporary --user-data-dir itself and
 * rejects one in `args`.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Receives each message the webview posts; `post` delivers a reply to the page. */
export type HostHandler = (message: unknown, post: (message: ToWebview) => void) => void;

export interface PanelPage {
  context: BrowserContext;
  page: Page;
  /** Every message the webview posted, in order, as recorded in the page when it posted them. */
  posted(): Promise<FromWebview[]>;
  consoleMessages: { type: string; text: string }[];
  pageErrors: string[];
  /** Delivers a message to the page as the host would. */
  deliver(message: ToWebview): Promise<void>;
  setTheme(theme: HarnessTheme): Promise<void>;
  /** CSP violations the page reported through `securitypolicyviolation` events. */
  cspViolations(): Promise<string[]>;
  /** Every state passed to vscode.setState, oldest first. */
  savedStates(): Promise<PanelState[]>;
  close(): Promise<void>;
}

export interface OpenPanelOptions {
  origin: string;
  theme: HarnessTheme;
  host: HostHandler;
  /** What vscode.getState returns on load, as after the panel was hidden and shown. */
  savedState?: PanelState;
  viewport?: { width: number; height: number };
}

// Runs in the page before its scripts: records CSP violations, applies the theme's variables and
// <body> class as VS Code does, and defines acquireVsCodeApi.
function installPageStubs(setup: { theme: HarnessTheme; savedState: PanelState | null }): void {
  const page = window as unknown as Record<string, unknown>;
  const violations: string[] = [];
  const savedStates: unknown[] = [];
  const posted: unknown[] = [];
  page.__cspViolations = violations;
  page.__savedStates = savedStates;
  page.__posted = posted;

  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(
      `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
    );
  });

  let bodyClass = setup.theme.bodyClass;
  const applyTheme = (theme: { bodyClass: string; variables: Record<string, string> }): void => {
    for (const [name, value] of Object.entries(theme.variables)) {
      document.documentElement.style.setProperty(name, value);
    }
    bodyClass = theme.bodyClass;
    if (document.body !== null) {
      document.body.className = bodyClass;
    }
  };
  page.__applyTheme = applyTheme;

  // The init script may run before <html> and <body> exist; apply the theme as the parser creates them.
  let variablesSet = false;
  const applyWhenReady = (observer?: MutationObserver): void => {
    if (!variablesSet && document.documentElement !== null) {
      applyTheme(setup.theme);
      variablesSet = true;
    }
    if (document.body !== null) {
      document.body.className = bodyClass;
      observer?.disconnect();
    }
  };
  applyWhenReady();
  if (document.body === null) {
    new MutationObserver((_, observer) => applyWhenReady(observer)).observe(document, {
      childList: true,
      subtree: true,
    });
  }

  let state: unknown = setup.savedState ?? undefined;
  let acquired = false;
  page.acquireVsCodeApi = () => {
    if (acquired) {
      throw new Error('acquireVsCodeApi may be called only once');
    }
    acquired = true;
    return {
      postMessage: (message: unknown) => {
        posted.push(message);
        void (page.__hostReceive as (message: unknown) => Promise<void>)(message);
      },
      getState: () => state,
      setState: (next: unknown) => {
        state = next;
        savedStates.push(next);
        return next;
      },
    };
  };
}

/** Opens the panel page in a fresh browser context wired to `options.host`. */
export async function openPanel(browser: Browser, options: OpenPanelOptions): Promise<PanelPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1200, height: 860 } });
  const page = await context.newPage();
  const consoleMessages: { type: string; text: string }[] = [];
  const pageErrors: string[] = [];
  let closed = false;

  page.on('console', (message) => consoleMessages.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  const deliver = async (message: ToWebview): Promise<void> => {
    if (closed) {
      return;
    }
    // VS Code sends webview messages as JSON, which turns NaN and ±Infinity into null. A JSON string
    // is also much faster to pass to page.evaluate than a large object.
    await page.evaluate((json) => {
      const data: unknown = JSON.parse(json);
      (window as unknown as { __deliveredAt: number }).__deliveredAt = performance.now();
      window.postMessage(data, '*');
    }, JSON.stringify(message));
  };
  const post = (message: ToWebview): void => {
    deliver(message).catch((error: unknown) => {
      if (!closed) {
        pageErrors.push(`delivering ${message.type} failed: ${String(error)}`);
      }
    });
  };

  await page.exposeFunction('__hostReceive', (message: unknown) => options.host(message, post));
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in calls to a
  // `__name` helper. Functions serialized into the page need that helper there too.
  await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await page.addInitScript(installPageStubs, {
    theme: options.theme,
    savedState: options.savedState ?? null,
  });
  await page.goto(`${options.origin}/`);

  return {
    context,
    page,
    posted: () => page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted),
    consoleMessages,
    pageErrors,
    deliver,
    setTheme: (theme) =>
      page.evaluate(
        (next) => (window as unknown as { __applyTheme(t: HarnessTheme): void }).__applyTheme(next),
        theme,
      ),
    cspViolations: () =>
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    savedStates: () =>
      page.evaluate(() => (window as unknown as { __savedStates: PanelState[] }).__savedStates),
    close: async () => {
      closed = true;
      await context.close();
    },
  };
}

/** Waits until the panel shows the result for `requestId` or a newer one. */
export async function waitForDrawn(page: Page, requestId: number): Promise<void> {
  await page.waitForFunction(
    (id) => Number(document.getElementById('app')?.dataset.drawnRequestId ?? -1) >= id,
    requestId,
    { timeout: 10_000 },
  );
}

export interface CanvasInk {
  width: number;
  height: number;
  /** Pixels with any opacity; Chart.js leaves the canvas background transparent. */
  painted: number;
  /** Painted pixels within a small distance of each given colour, in the order given. */
  near: number[];
}

/**
 * Counts painted pixels of the canvas matched by `selector`, and those within `tolerance` (the sum of
 * the absolute RGB differences) of each of `colours` (#rrggbb).
 */
export async function measureCanvasInk(
  page: Page,
  selector: string,
  colours: string[] = [],
  tolerance = 60,
): Promise<CanvasInk> {
  return page.evaluate(
    ({ selector, colours, tolerance }) => {
      const canvas = document.querySelector(selector);
      if (!(canvas instanceof HTMLCanvasElement)) {
        throw new Error(`no canvas matches ${selector}`);
      }
      // Reading a copy keeps Chromium from warning about repeated getImageData calls on the chart's canvas.
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d', { willReadFrequently: true });
      if (context === null) {
        throw new Error('a scratch canvas has no 2d context');
      }
      context.drawImage(canvas, 0, 0);

      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const targets = colours.map((hex) =>
        [1, 3, 5].map((offset) => parseInt(hex.slice(offset, offset + 2), 16)),
      );
      const near = targets.map(() => 0);
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) < 128) {
          continue;
        }
        painted += 1;
        targets.forEach((target, t) => {
          const distance =
            Math.abs((data[i] ?? 0) - (target[0] ?? 0)) +
            Math.abs((data[i + 1] ?? 0) - (target[1] ?? 0)) +
            Math.abs((data[i + 2] ?? 0) - (target[2] ?? 0));
          if (distance < tolerance) {
            near[t] = (near[t] ?? 0) + 1;
          }
        });
      }
      return { width: canvas.width, height: canvas.height, painted, near };
    },
    { selector, colours, tolerance },
  );
}

/**
 * Returns the leftmost and rightmost pixel columns of the canvas matched by `selector` that are within
 * `tolerance` of `colour` (#rrggbb), as fractions of the canvas width, or undefined when none are.
 */
export async function measureInkExtent(
  page: Page,
  selector: string,
  colour: string,
  tolerance = 60,
): Promise<{ left: number; right: number } | undefined> {
  return page.evaluate(
    ({ selector, colour, tolerance }) => {
      const canvas = document.querySelector(selector);
      if (!(canvas instanceof HTMLCanvasElement)) {
        throw new Error(`no canvas matches ${selector}`);
      }
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d', { willReadFrequently: true });
      if (context === null) {
        throw new Error('a scratch canvas has no 2d context');
      }
      context.drawImage(canvas, 0, 0);

      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const target = [1, 3, 5].map((offset) => parseInt(colour.slice(offset, offset + 2), 16));
      let left = Infinity;
      let right = -Infinity;
      for (let i = 0; i < data.length; i += 4) {
        const distance =
          Math.abs((data[i] ?? 0) - (target[0] ?? 0)) +
          Math.abs((data[i + 1] ?? 0) - (target[1] ?? 0)) +
          Math.abs((data[i + 2] ?? 0) - (target[2] ?? 0));
        if ((data[i + 3] ?? 0) >= 128 && distance < tolerance) {
          const column = (i / 4) % canvas.width;
          left = Math.min(left, column);
          right = Math.max(right, column);
        }
      }
      return Number.isFinite(left) ? { left: left / canvas.width, right: right / canvas.width } : undefined;
    },
    { selector, colour, tolerance },
  );
}
