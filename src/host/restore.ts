// Restores the panel after VS Code reloads the window, from the state the webview saved.

import * as vscode from 'vscode';

import { ParseError, parseFunction } from '../engine/index';
import { checkRunSettings, type FunctionView, type RunSettings } from '../protocol';
import type { PanelManager, PanelTarget } from './panel';
import { readRunSettings } from './settings';

export class PanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(
    private readonly panels: PanelManager,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const target = this.targetFromState(state);
    if (typeof target === 'string') {
      this.log.warn(`Closing the restored Descent Lab panel: ${target}`);
      panel.dispose();
      return;
    }
    this.panels.restore(panel, target);
  }

  /** Re-parses the saved function and checks its settings; returns a problem description on failure. */
  private targetFromState(state: unknown): PanelTarget | string {
    if (!isRecord(state) || !isRecord(state.fn) || typeof state.fn.source !== 'string') {
      return 'the saved state has no function source.';
    }
    const savedFn = state.fn;
    const source = state.fn.source as string;

    let parsed;
    try {
      parsed = parseFunction(source);
    } catch (error) {
      if (error instanceof ParseError) {
        return `the saved function no longer parses: ${error.message}`;
      }
      throw error;
    }

    const fn: FunctionView = { source, display: parsed.display, parameters: parsed.parameters };
    if (parsed.derivative !== undefined) {
      fn.derivative = parsed.derivative;
    }
    if (typeof savedFn.origin === 'string') {
      fn.origin = savedFn.origin;
    }
    return {
      fn,
      objective: parsed.objective,
      settings: this.savedSettings(state.settings, fn.parameters.length),
    };
  }

  private savedSettings(saved: unknown, dimension: number): RunSettings {
    const problem = checkRunSettings(saved, dimension);
    if (problem === undefined) {
      const settings = saved as RunSettings;
      return { ...settings, x0: [...settings.x0] };
    }
    this.log.warn(`The restored panel's saved settings are invalid (${problem}); using the configured ones.`);
    return readRunSettings(undefined, dimension, this.log);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
