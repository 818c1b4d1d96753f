// Shared steps for the integration tests: activate the extension, open text, select it, run the
// command and wait for the panel's first result.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

import type { DescentLabTestApi } from '../../../src/extension';
import type { RunView } from '../../../src/protocol';

export const extensionId = 'descent-lab.descent-lab';
export const commandId = 'descentLab.minimize';

/** Long enough for a cold webview to load in headless Chromium on a busy two-core machine. */
const resultTimeoutMs = 45_000;

export async function activateExtension(): Promise<DescentLabTestApi> {
  const extension = vscode.extensions.getExtension<DescentLabTestApi>(extensionId);
  assert.ok(extension, `extension ${extensionId} is not installed`);
  return extension.activate();
}

export function samplesFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests expect the samples folder to be open');
  return folder.uri;
}

/** Opens an untitled document with `content` and selects `selected`, its first occurrence. */
export async function openWithSelection(content: string, selected: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content, language: 'plaintext' });
  const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  editor.selection = selectionOf(document, selected);
  return editor;
}

export function selectionOf(document: vscode.TextDocument, selected: string): vscode.Selection {
  const start = document.getText().indexOf(selected);
  assert.ok(start >= 0, `${JSON.stringify(selected)} is not in the document`);
  return new vscode.Selection(document.positionAt(start), document.positionAt(start + selected.length));
}

/**
 * Runs the command and resolves with the next run the host posts to the panel, either as a
 * `result` or inside the `state` sent in reply to the webview's `ready`. Rejects on `runError`.
 */
export async function runAndWaitForResult(api: DescentLabTestApi): Promise<RunView> {
  const posted = nextRun(api);
  await vscode.commands.executeCommand(commandId);
  return posted;
}

function nextRun(api: DescentLabTestApi): Promise<RunView> {
  return new Promise((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      subscription.dispose();
      settle();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new Error(`no run reached the panel within ${resultTimeoutMs} ms`)));
    }, resultTimeoutMs);

    const subscription = api.onDidPostMessage((message) => {
      if (message.type === 'result') {
        finish(() => resolve(message.run));
      } else if (message.type === 'state' && message.state.run !== undefined) {
        const run = message.state.run;
        finish(() => resolve(run));
      } else if (message.type === 'runError') {
        finish(() => reject(new Error(`the run failed: ${message.message}`)));
      }
    });
  });
}

export function descentLabTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('descentLab.panel'),
    );
}

export function descentLabDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Descent Lab');
}

/** Polls `condition` every 50 ms until it is true or `timeoutMs` passes. */
export async function waitFor(
  condition: () => boolean,
  description: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Closes every editor without save prompts, reverting untitled documents the tests typed into. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
