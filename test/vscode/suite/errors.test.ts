import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

import type { DescentLabTestApi } from '../../../src/extension';
import { ParseError, parseFunction } from '../../../src/engine/index';
import { normaliseSource } from '../../../src/engine/source';
import {
  activateExtension,
  closeAllEditors,
  commandId,
  descentLabDiagnostics,
  openWithSelection,
  runAndWaitForResult,
  selectionOf,
  waitFor,
} from './helpers';

/** Returns the ParseError the engine raises for `text` after normalisation, the oracle for the editor range. */
function expectedError(text: string): ParseError {
  try {
    parseFunction(normaliseSource(text).text);
  } catch (error) {
    if (error instanceof ParseError) {
      return error;
    }
    throw error;
  }
  throw new Error(`${JSON.stringify(text)} parsed without an error`);
}

function lastNotification(api: DescentLabTestApi): { severity: string; message: string } | undefined {
  return api.notifications().at(-1);
}

describe('parse errors', () => {
  let api: DescentLabTestApi;

  before(async () => {
    api = await activateExtension();
  });

  after(closeAllEditors);

  it('puts a diagnostic on the failing characters', async () => {
    const editor = await openWithSelection('malformed: (x + * 2\n', '(x + * 2');
    const expected = expectedError('(x + * 2');

    await vscode.commands.executeCommand(commandId);

    const diagnostics = descentLabDiagnostics(editor.document.uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    // 'malformed: ' is 11 characters and the parser points at offset 5 of the selection: column 17.
    assert.equal(diagnostics[0].message, `${expected.description} (at line 1, column 17).`);
    assert.equal(
      editor.document.offsetAt(diagnostics[0].range.start),
      'malformed: '.length + expected.offset,
    );
    assert.equal(
      editor.document.getText(diagnostics[0].range),
      '(x + * 2'.slice(expected.offset, expected.offset + expected.length),
    );
  });

  it('shows an error notification', () => {
    const expected = expectedError('(x + * 2');

    assert.deepEqual(lastNotification(api), {
      severity: 'error',
      message: `Descent Lab: ${expected.description} (at line 1, column 17).`,
    });
  });

  it('clears the diagnostic on the next run', async () => {
    const editor = await openWithSelection('broken: 2 * / x\nfine: x^2 + 1\n', '2 * / x');
    await vscode.commands.executeCommand(commandId);
    assert.equal(descentLabDiagnostics(editor.document.uri).length, 1);

    editor.selection = selectionOf(editor.document, 'x^2 + 1');
    await runAndWaitForResult(api);

    assert.equal(descentLabDiagnostics(editor.document.uri).length, 0);
  });

  it('clears the diagnostic on an edit', async () => {
    const editor = await openWithSelection('(x + * 2', '(x + * 2');
    await vscode.commands.executeCommand(commandId);
    assert.equal(descentLabDiagnostics(editor.document.uri).length, 1);

    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), ' '));

    await waitFor(() => descentLabDiagnostics(editor.document.uri).length === 0, 'the diagnostic to clear');
  });

  it('maps the range through CRLF and indentation', async () => {
    const block = '\t\tx^2 +\r\n\t\t\t(y + * 2)\r\n';
    const editor = await openWithSelection(`text\r\n${block}`, block);
    const expected = expectedError(block);
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);

    await vscode.commands.executeCommand(commandId);

    // The normalised text is 'x^2 +\n\t(y + * 2)': one line per document line after the first,
    // with the two common tabs removed from each.
    const normalised = 'x^2 +\n\t(y + * 2)';
    const lineInBlock = normalised.slice(0, expected.offset).split('\n').length - 1;
    const columnInBlock = expected.offset - (normalised.lastIndexOf('\n', expected.offset - 1) + 1);
    const diagnostics = descentLabDiagnostics(editor.document.uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].range.start.line, 1 + lineInBlock);
    assert.equal(diagnostics[0].range.start.character, 2 + columnInBlock);
    assert.equal(
      editor.document.getText(diagnostics[0].range),
      normalised.slice(expected.offset, expected.offset + expected.length),
    );
  });
});

describe('selections', () => {
  let api: DescentLabTestApi;

  before(async () => {
    api = await activateExtension();
  });

  after(closeAllEditors);

  it('asks for a selection when it is empty', async () => {
    const editor = await openWithSelection('x^2', 'x^2');
    editor.selection = new vscode.Selection(0, 1, 0, 1);

    await vscode.commands.executeCommand(commandId);

    const notification = lastNotification(api);
    assert.equal(notification?.severity, 'info');
    assert.match(notification?.message ?? '', /^Descent Lab: select the text of a function/);
  });

  it('asks for a selection when it is only whitespace', async () => {
    const editor = await openWithSelection('x^2\n   \n', '   ');
    assert.equal(editor.selection.isEmpty, false);

    await vscode.commands.executeCommand(commandId);

    assert.match(lastNotification(api)?.message ?? '', /^Descent Lab: select the text of a function/);
  });

  it('uses the primary of several selections', async () => {
    const editor = await openWithSelection('first: x^2 + 1\nsecond: -x^2 + 4*x\n', 'x^2 + 1');
    editor.selections = [editor.selection, selectionOf(editor.document, '-x^2 + 4*x')];

    await runAndWaitForResult(api);

    assert.equal(api.panelState()?.fn.source, 'x^2 + 1');
    const info = api.notifications().find((entry) => entry.message.includes('primary selection only'));
    assert.deepEqual(info, {
      severity: 'info',
      message: 'Descent Lab: minimizing the primary selection only; 1 other selection was ignored.',
    });
  });

  it('runs an indented CRLF block', async () => {
    const block = '    (1-x)^2 +\r\n      100*(y-x^2)^2\r\n\r\n';
    await openWithSelection(`Rosenbrock:\r\n${block}`, block);

    await runAndWaitForResult(api);

    assert.equal(api.panelState()?.fn.source, '(1-x)^2 +\n  100*(y-x^2)^2');
    assert.deepEqual(api.panelState()?.fn.parameters, ['x', 'y']);
  });
});
