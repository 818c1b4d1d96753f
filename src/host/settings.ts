// Reads the `descentLab.*` settings that a new run starts with. The schema in package.json shows
// its bounds in the settings editor but does not stop a hand-edited settings.json, so values are
// checked and clamped here to the same bounds the panel enforces.

import * as vscode from 'vscode';

import { settingsBounds, type RunSettings } from '../protocol';

type NumericSetting = 'learningRate' | 'maxIterations' | 'gtol';

/** Used only when package.json declares no default, which would be a packaging mistake. */
const fallbackDefaults: Record<NumericSetting, number> = {
  learningRate: 0.1,
  maxIterations: 1000,
  gtol: 1e-6,
};

/** Returns the run settings for a function of `dimension` parameters, starting at the origin. */
export function readRunSettings(
  scope: vscode.Uri | undefined,
  dimension: number,
  log: vscode.LogOutputChannel,
): RunSettings {
  const configuration = vscode.workspace.getConfiguration('descentLab', scope);
  const learningRate = readNumber(configuration, 'learningRate', log);
  const maxIterations = Math.round(readNumber(configuration, 'maxIterations', log));
  const gtol = readNumber(configuration, 'gtol', log);

  return { learningRate, maxIterations, gtol, x0: new Array<number>(dimension).fill(0) };
}

function readNumber(
  configuration: vscode.WorkspaceConfiguration,
  key: NumericSetting,
  log: vscode.LogOutputChannel,
): number {
  const bounds = settingsBounds[key];
  const declaredDefault = configuration.inspect<unknown>(key)?.defaultValue;
  const fallback = typeof declaredDefault === 'number' ? declaredDefault : fallbackDefaults[key];
  const value = configuration.get<unknown>(key);

  if (typeof value !== 'number' || !Number.isFinite(value)) {
    log.warn(`Setting descentLab.${key} is ${JSON.stringify(value)}, not a number; using ${fallback}.`);
    return fallback;
  }

  const clamped = Math.min(Math.max(value, bounds.min), bounds.max);
  if (clamped !== value) {
    log.warn(
      `Setting descentLab.${key} = ${value} is outside [${bounds.min}, ${bounds.max}]; using ${clamped}.`,
    );
  }
  return clamped;
}
