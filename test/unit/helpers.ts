// Shared helpers for the engine tests: run descent on a function and search its history.

import {
  minimize,
  parseFunction,
  type DescentOptions,
  type DescentResult,
  type HistoryPoint,
} from '../../src/engine/index';

export interface RunOptions extends Partial<DescentOptions> {
  x0: number[];
  learningRate: number;
}

/** Parses `text` and runs gradient descent with a history large enough to keep every iterate. */
export function descend(text: string, options: RunOptions): DescentResult {
  const parsed = parseFunction(text);
  return minimize(parsed.objective, {
    maxIterations: 1000,
    gtol: 1e-6,
    historyCap: 1_000_000,
    ...options,
  });
}

/** Finds the first kept iterate that satisfies `predicate`, or undefined. */
export function firstWhere(
  history: HistoryPoint[],
  predicate: (point: HistoryPoint) => boolean,
): HistoryPoint | undefined {
  return history.find(predicate);
}

/** Finds the first iteration at which max |xᵢ - targetᵢ| < tolerance. */
export function firstWithin(
  history: HistoryPoint[],
  target: number[],
  tolerance: number,
): number | undefined {
  return firstWhere(history, (point) => point.x.every((value, i) => Math.abs(value - target[i]) < tolerance))
    ?.iteration;
}

export function at(history: HistoryPoint[], iteration: number): HistoryPoint {
  const point = history.find((candidate) => candidate.iteration === iteration);
  if (point === undefined) {
    throw new Error(
      `Iteration ${iteration} is not in the history (last kept: ${history[history.length - 1]?.iteration}).`,
    );
  }
  return point;
}

/** True when every iterate, f value and gradient norm in the history is finite. */
export function isFiniteHistory(history: HistoryPoint[]): boolean {
  return history.every(
    (point) =>
      Number.isFinite(point.f) && Number.isFinite(point.gradientNorm) && point.x.every(Number.isFinite),
  );
}

export function evaluate(text: string, x: number[]): number {
  return parseFunction(text).objective.value(x);
}

export function derivative(text: string, x: number[]): number[] {
  const parsed = parseFunction(text);
  const gradient = new Float64Array(parsed.parameters.length);
  parsed.objective.valueAndGradient(x, gradient);
  return Array.from(gradient);
}
