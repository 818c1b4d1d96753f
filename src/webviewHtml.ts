// The HTML page of the panel's webview. Pure (no `vscode` import), so tests can serve the same page
// from a local HTTP server. The page contains an empty #app, and src/webview/main.ts builds the rest.

export interface WebviewHtmlOptions {
  /** `webview.cspSource`: the origin the script, stylesheet, fonts and images load from. */
  cspSource: string;
  /** Nonce, fresh for every load. Only a script carrying it may run. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title?: string;
}

/**
 * Renders the page. The content security policy allows no inline style or script, so every style is
 * in the stylesheet. Chart.js sets canvas sizes through the CSSOM, which the policy does not cover.
 */
export function renderWebviewHtml(options: WebviewHtmlOptions): string {
  const { cspSource, nonce } = options;
  const policy = [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title ?? 'Descent Lab')}</title>
</head>
<body>
<main id="app" class="app"></main>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}

/** Returns a fresh nonce: 16 random bytes from the Web Crypto API, base64-encoded. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
