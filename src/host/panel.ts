// The one Descent Lab panel. Each new function re-targets the open panel rather than opening
// another, so that runs can be compared in one place. A PanelSession runs the descent behind it.

import * as vscode from 'vscode';

import type { Objective } from '../engine/index';
import type { FunctionView, PanelState, RunSettings, ToWebview } from '../protocol';
import { PanelSession } from '../session';
import { createNonce, renderWebviewHtml } from '../webviewHtml';
import { excerpt, logExcerptLength } from './text';

export const panelViewType = 'descentLab.panel';

/** Number of characters of the function shown in the panel's title. */
const titleExcerptLength = 30;

/** Content of the panel: a parsed function and the settings of its first run. */
export interface PanelTarget {
  fn: FunctionView;
  objective: Objective;
  settings: RunSettings;
}

export class PanelManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private session: PanelSession | undefined;
  /** True from new HTML until its `ready`, so that late messages from the previous page are dropped. */
  private awaitingReady = false;
  private panelListeners: vscode.Disposable[] = [];
  private readonly postEmitter = new vscode.EventEmitter<ToWebview>();

  /** Fires with every message the host posts to the webview. */
  readonly onDidPostMessage = this.postEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Shows `target`, in the open panel when there is one, otherwise in a new panel beside the editor. */
  show(target: PanelTarget): void {
    if (this.panel !== undefined) {
      this.retarget(this.panel, target);
      this.panel.reveal(undefined, true);
      return;
    }

    const panel = vscode.window.createWebviewPanel(
      panelViewType,
      panelTitle(target.fn),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      this.webviewOptions(),
    );
    this.adopt(panel, target);
  }

  /** Takes over a panel that VS Code restored after a reload. */
  restore(panel: vscode.WebviewPanel, target: PanelTarget): void {
    const previous = this.panel;
    this.detach();
    if (previous !== undefined && previous !== panel) {
      previous.dispose();
    }

    panel.webview.options = this.webviewOptions();
    this.adopt(panel, target);
  }

  /** State of the current session, or undefined when no panel is open. */
  state(): PanelState | undefined {
    return this.session?.state;
  }

  dispose(): void {
    const panel = this.panel;
    this.detach();
    panel?.dispose();
    this.postEmitter.dispose();
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      retainContextWhenHidden: false,
    };
  }

  private adopt(panel: vscode.WebviewPanel, target: PanelTarget): void {
    this.panel = panel;
    this.panelListeners = [
      panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.detach();
        }
      }),
    ];
    this.retarget(panel, target);
  }

  private retarget(panel: vscode.WebviewPanel, target: PanelTarget): void {
    this.session?.dispose();
    const session = new PanelSession({
      fn: target.fn,
      objective: target.objective,
      settings: target.settings,
      post: (message) => this.post(panel, session, message),
      log: (line) => this.log.info(line),
    });
    this.session = session;
    this.awaitingReady = true;

    // New HTML reloads the webview, which then sends `ready` and receives the new session's state.
    panel.title = panelTitle(target.fn);
    panel.webview.html = this.renderHtml(panel.webview, panel.title);
  }

  // A `run` from the page that showed the previous function could otherwise start a run of the new
  // function with the old settings.
  private receive(data: unknown): void {
    const isReady =
      typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'ready';
    if (this.awaitingReady && !isReady) {
      this.log.info('Ignored a message from the previous panel page while the new one loads.');
      return;
    }
    this.awaitingReady = false;
    this.session?.receive(data);
  }

  private post(panel: vscode.WebviewPanel, session: PanelSession, message: ToWebview): void {
    if (session !== this.session) {
      return;
    }
    this.logPosted(session, message);
    this.postEmitter.fire(message);

    panel.webview.postMessage(message).then(undefined, (error: unknown) => {
      this.log.error(`Posting ${message.type} to the panel failed: ${String(error)}`);
    });
  }

  // The session logs finished runs itself; a failed run reaches the host only as a message.
  private logPosted(session: PanelSession, message: ToWebview): void {
    if (message.type === 'runError') {
      const fn = excerpt(session.state.fn.source, logExcerptLength);
      this.log.error(`Run of ${fn} failed (request ${message.requestId}): ${message.message}`);
    }
  }

  private renderHtml(webview: vscode.Webview, title: string): string {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    return renderWebviewHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'build', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css')).toString(),
      title,
    });
  }

  private detach(): void {
    this.session?.dispose();
    this.session = undefined;
    this.panel = undefined;
    for (const listener of this.panelListeners) {
      listener.dispose();
    }
    this.panelListeners = [];
  }
}

function panelTitle(fn: FunctionView): string {
  return `Descent Lab: ${excerpt(fn.source, titleExcerptLength)}`;
}
