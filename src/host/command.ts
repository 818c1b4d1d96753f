// The `descentLab.minimize` command: parse the primary selection and show it in the panel, or put
// the parse error on the characters that caused it.

import * as path from 'node:path';
import * as vscode from 'vscode';

import { ParseError, parseFunction } from '../engine/index';
import { normaliseSource, type NormalisedSource } from '../engine/source';
import type { FunctionView } from '../protocol';
import type { ParseDiagnostics } from './diagnostics';
import type { Notifier } from './notifier';
import type { PanelManager } from './panel';
import { readRunSettings } from './settings';
import { excerpt, logExcerptLength } from './text';

export const minimizeCommandId = 'descentLab.minimize';

/**
 * Maximum selection length, in characters. Functions worth charting fit on a few lines, and a
 * whole file selected by accident would otherwise be parsed and rejected at length.
 */
const maxSelectionLength = 10_000;

export interface CommandContext {
  panels: PanelManager;
  diagnostics: ParseDiagnostics;
  notifier: Notifier;
  log: vscode.LogOutputChannel;
}

/** Runs the command on the active editor's primary selection. */
export function minimizeSelection(context: CommandContext): void {
  context.diagnostics.clear();

  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    context.notifier.info(
      'open a file and select the function to minimize, such as (1-x)^2 + 100*(y-x^2)^2.',
    );
    return;
  }

  // Joining several selections could build a function the user never wrote, so only the primary one is used.
  const ignored = editor.selections.length - 1;
  if (ignored > 0) {
    const others = ignored === 1 ? '1 other selection was' : `${ignored} other selections were`;
    context.notifier.info(`minimizing the primary selection only; ${others} ignored.`);
  }

  const document = editor.document;
  const selection = editor.selection;
  const original = document.getText(selection);
  if (original.length > maxSelectionLength) {
    context.notifier.error(
      `the selection has ${original.length} characters, more than the ${maxSelectionLength} accepted. Select only the function.`,
    );
    return;
  }

  const source = normaliseSource(original);
  if (source.text.length === 0) {
    context.notifier.info('select the text of a function first, such as (1-x)^2 + 100*(y-x^2)^2.');
    return;
  }

  minimizeSource(context, document, selection, source);
}

function minimizeSource(
  context: CommandContext,
  document: vscode.TextDocument,
  selection: vscode.Selection,
  source: NormalisedSource,
): void {
  let parsed;
  try {
    parsed = parseFunction(source.text);
  } catch (error) {
    if (!(error instanceof ParseError)) {
      throw error;
    }
    reportParseError(context, document, selection, source, error);
    return;
  }

  const fn: FunctionView = {
    source: source.text,
    display: parsed.display,
    parameters: parsed.parameters,
    origin: `${path.posix.basename(document.uri.path)}:${selection.start.line + 1}`,
  };
  if (parsed.derivative !== undefined) {
    fn.derivative = parsed.derivative;
  }

  const settings = readRunSettings(document.uri, parsed.parameters.length, context.log);
  context.log.info(`Minimizing ${excerpt(source.text, logExcerptLength)} from ${fn.origin}.`);
  context.panels.show({ fn, objective: parsed.objective, settings });
}

function reportParseError(
  context: CommandContext,
  document: vscode.TextDocument,
  selection: vscode.Selection,
  source: NormalisedSource,
  error: ParseError,
): void {
  const selectionStart = document.offsetAt(selection.start);
  const start = document.positionAt(selectionStart + source.toOriginalOffset(error.offset));
  const end = document.positionAt(selectionStart + source.toOriginalOffset(error.offset + error.length));

  // The parser counts lines within the selection; the user reads positions in the document.
  const message = `${error.description} (at line ${start.line + 1}, column ${start.character + 1}).`;
  context.diagnostics.show(document, new vscode.Range(start, end), message);
  context.notifier.error(message);
  context.log.warn(`Parse error in ${excerpt(source.text, logExcerptLength)}: ${message}`);
}
