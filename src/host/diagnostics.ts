// Parse errors as editor diagnostics, so that the squiggle sits on the characters that failed.

import * as vscode from 'vscode';

export class ParseDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('descentLab');
  private readonly listeners: vscode.Disposable[];

  constructor() {
    // A diagnostic describes the text as it was when the command ran; any edit may invalidate it.
    this.listeners = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) {
          this.collection.delete(event.document.uri);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)),
    ];
  }

  /** Replaces every diagnostic with one error at `range` of `document`. */
  show(document: vscode.TextDocument, range: vscode.Range, message: string): void {
    const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'Descent Lab';

    this.collection.clear();
    this.collection.set(document.uri, [diagnostic]);
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
    for (const listener of this.listeners) {
      listener.dispose();
    }
  }
}
