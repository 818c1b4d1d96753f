// Every message between the extension host and the panel's webview. The webview sends `ready` once
// it has loaded, and the host replies with `state`, the full state to draw. After that the webview
// sends `run` whenever a control changes and the host replies with `result` or `runError`.

import type { Verdict } from './engine/types';

/** Controls that define one run; the panel owns them and sends them with every `run`. */
export interface RunSettings {
  learningRate: number;
  x0: number[];
  maxIterations: number;
  gtol: number;
}

/** The function being minimized, as the host parsed it. */
export interface FunctionView {
  /** Selected text after line-ending and indentation normalisation. */
  source: string;
  /** The parsed function, pretty-printed, so that precedence is visible. */
  display: string;
  parameters: string[];
  /** f′ pretty-printed, for functions of one parameter only. */
  derivative?: string;
  /** The file and line the text came from, such as `rosenbrock.md:3`. */
  origin?: string;
}

/** The function sampled around the path, for the iterate chart's background. */
export type Landscape =
  | { kind: 'curve'; xs: number[]; fs: (number | null)[] }
  | {
      kind: 'grid';
      xMin: number;
      xMax: number;
      yMin: number;
      yMax: number;
      /** Number of samples along x and along y. */
      width: number;
      height: number;
      /** Row-major samples, `values[j * width + i]` at x = xMin + i·dx, y = yMin + j·dy; null where f is not finite. */
      values: (number | null)[];
    };

/** A finished run, laid out for the charts. History arrays are parallel, one entry per kept iterate. */
export interface RunView {
  verdict: Verdict;
  explanation: string;
  message: string;
  success: boolean;
  x: number[];
  fun: number;
  gradientNormFinal: number;
  nit: number;
  period?: number;
  stabilityLimit?: number;
  learningRate: number;
  iterations: number[];
  losses: number[];
  gradientNorms: number[];
  /** iterates[k] is the point at iterations[k]. */
  iterates: number[][];
  /** f′ at each kept iterate, for tangent lines in one dimension. */
  slopes?: number[];
  landscape?: Landscape;
  elapsedMs: number;
}

/** Display choices that only the webview uses; it keeps them with setState across reloads. */
export interface PanelView {
  logScale: boolean;
}

/** The whole state the webview draws; also what it stores with setState. */
export interface PanelState {
  fn: FunctionView;
  settings: RunSettings;
  run?: RunView;
  /** Sequence number of the run request that produced `run`. */
  requestId?: number;
  /** Set by the webview only; the host passes it through when it restores a panel. */
  view?: PanelView;
}

export interface ReadyMessage {
  type: 'ready';
}

export interface RunRequestMessage {
  type: 'run';
  requestId: number;
  settings: RunSettings;
}

export type FromWebview = ReadyMessage | RunRequestMessage;

export interface StateMessage {
  type: 'state';
  state: PanelState;
}

export interface ResultMessage {
  type: 'result';
  requestId: number;
  settings: RunSettings;
  run: RunView;
}

export interface RunErrorMessage {
  type: 'runError';
  requestId: number;
  message: string;
}

export type ToWebview = StateMessage | ResultMessage | RunErrorMessage;

/** Bounds the panel's controls enforce and the host re-checks. */
export const settingsBounds = {
  learningRate: { min: 0, max: 10, sliderMin: 1e-5 },
  maxIterations: { min: 0, max: 10_000_000 },
  gtol: { min: 0, max: 1 },
  /** Largest |x₀| component accepted, so that the first evaluation stays finite for polynomials. */
  startPoint: { maxAbs: 1e6 },
} as const;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function inRange(value: unknown, min: number, max: number): value is number {
  return isFiniteNumber(value) && value >= min && value <= max;
}

/** Checks untrusted run settings; returns a description of the first problem, or undefined. */
export function checkRunSettings(value: unknown, dimension: number): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return 'settings must be an object';
  }
  const settings = value as Record<string, unknown>;
  const bounds = settingsBounds;

  if (!inRange(settings.learningRate, bounds.learningRate.min, bounds.learningRate.max)) {
    return `learningRate must be a number from ${bounds.learningRate.min} to ${bounds.learningRate.max}`;
  }
  if (!inRange(settings.maxIterations, bounds.maxIterations.min, bounds.maxIterations.max)) {
    return `maxIterations must be a number from ${bounds.maxIterations.min} to ${bounds.maxIterations.max}`;
  }
  if (!Number.isInteger(settings.maxIterations)) {
    return 'maxIterations must be a whole number';
  }
  if (!inRange(settings.gtol, bounds.gtol.min, bounds.gtol.max)) {
    return `gtol must be a number from ${bounds.gtol.min} to ${bounds.gtol.max}`;
  }

  const x0 = settings.x0;
  if (!Array.isArray(x0) || x0.length !== dimension) {
    return `x0 must be an array of ${dimension} numbers`;
  }
  const maxAbs = bounds.startPoint.maxAbs;
  // An indexed loop, because every() skips the holes of a sparse array.
  for (let i = 0; i < x0.length; i++) {
    if (!inRange(x0[i], -maxAbs, maxAbs)) {
      return `x0[${i}] must be a number from ${-maxAbs} to ${maxAbs}`;
    }
  }
  return undefined;
}

/**
 * Validates a message from the webview. Returns the typed message, or a string that describes what is
 * wrong, so that the host can log it and ignore the message.
 */
export function parseFromWebview(data: unknown, dimension: number): FromWebview | string {
  if (typeof data !== 'object' || data === null) {
    return 'message is not an object';
  }
  const message = data as Record<string, unknown>;

  if (message.type === 'ready') {
    return { type: 'ready' };
  }
  if (message.type !== 'run') {
    const type =
      typeof message.type === 'string' ? JSON.stringify(message.type.slice(0, 40)) : typeof message.type;
    return `unknown message type ${type}`;
  }
  if (!Number.isSafeInteger(message.requestId) || (message.requestId as number) < 0) {
    return 'run.requestId must be a non-negative whole number';
  }

  const problem = checkRunSettings(message.settings, dimension);
  if (problem !== undefined) {
    return `run.settings: ${problem}`;
  }
  const settings = message.settings as RunSettings;
  return {
    type: 'run',
    requestId: message.requestId as number,
    settings: {
      learningRate: settings.learningRate,
      x0: [...settings.x0],
      maxIterations: settings.maxIterations,
      gtol: settings.gtol,
    },
  };
}
