// Entry point of the extension host side: registers the command, the panel serializer and the
// output channel. The engine, the protocol and the webview never import `vscode`; only this file
// and src/host do.

import * as vscode from 'vscode';

import type { RunView } from './protocol';
import { minimizeCommandId, minimizeSelection } from './host/command';
import { ParseDiagnostics } from './host/diagnostics';
import { Notifier } from './host/notifier';
import { PanelManager, panelViewType } from './host/panel';
import { PanelSerializer } from './host/restore';
import type { DescentLabTestApi } from './host/testApi';

export type { DescentLabTestApi } from './host/testApi';

export function activate(context: vscode.ExtensionContext): DescentLabTestApi {
  const log = vscode.window.createOutputChannel('Descent Lab', { log: true });
  const panels = new PanelManager(context.extensionUri, log);
  const diagnostics = new ParseDiagnostics();
  const notifier = new Notifier();

  let lastRun: RunView | undefined;
  context.subscriptions.push(
    log,
    panels,
    diagnostics,
    panels.onDidPostMessage((message) => {
      // The first run of a panel arrives inside the `state` sent in reply to the webview's `ready`.
      if (message.type === 'result') {
        lastRun = message.run;
      } else if (message.type === 'state' && message.state.run !== undefined) {
        lastRun = message.state.run;
      }
    }),
    vscode.commands.registerCommand(minimizeCommandId, () => {
      // An unexpected error gets a readable notification and a log line with its stack, instead of
      // VS Code's generic "command resulted in an error" dialog.
      try {
        minimizeSelection({ panels, diagnostics, notifier, log });
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        log.error('Minimize This Function failed:', error);
        notifier.error(
          `could not minimize the selection: ${detail}. The output channel "Descent Lab" has details.`,
        );
      }
    }),
    vscode.window.registerWebviewPanelSerializer(panelViewType, new PanelSerializer(panels, log)),
  );

  return {
    lastRun: () => lastRun,
    panelState: () => panels.state(),
    notifications: () => notifier.history(),
    onDidPostMessage: panels.onDidPostMessage,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
