import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createNonce, renderWebviewHtml } from '../../src/webviewHtml';

const options = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/build/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
};

function contentSecurityPolicy(html: string): string {
  const match = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/);
  assert.ok(match, 'the page has a CSP meta tag');
  return match[1] ?? '';
}

describe('renderWebviewHtml', () => {
  it('sets the content security policy', () => {
    const policy = contentSecurityPolicy(renderWebviewHtml(options));
    assert.equal(
      policy,
      "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net data:; " +
        'style-src https://file+.vscode-resource.vscode-cdn.net; ' +
        "script-src 'nonce-abc123'; font-src https://file+.vscode-resource.vscode-cdn.net",
    );
  });

  it('never allows inline code', () => {
    assert.doesNotMatch(renderWebviewHtml(options), /unsafe-inline|unsafe-eval/);
  });

  it('has no inline style or event handler', () => {
    assert.doesNotMatch(renderWebviewHtml(options), /<style|style=|\son[a-z]+=/i);
  });

  it('loads the script with the nonce', () => {
    assert.match(
      renderWebviewHtml(options),
      /<script nonce="abc123" src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/build\/webview\.js"><\/script>/,
    );
  });

  it('links the stylesheet', () => {
    assert.match(renderWebviewHtml(options), /<link rel="stylesheet" href="[^"]*\/media\/panel\.css">/);
  });

  it('escapes the title', () => {
    const html = renderWebviewHtml({ ...options, title: 'x < 1 & "y"' });
    assert.match(html, /<title>x &lt; 1 &amp; &quot;y&quot;<\/title>/);
  });

  it('has an empty #app for the script to fill', () => {
    assert.match(renderWebviewHtml(options), /<main id="app" class="app"><\/main>/);
  });
});

describe('createNonce', () => {
  it('returns 16 random bytes in base64', () => {
    assert.match(createNonce(), /^[A-Za-z0-9+/]{22}==$/);
  });

  it('differs on every call', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
  });
});
