// Samples f around the iterates for the iterate chart: a curve in one dimension and a grid for
// contour lines in two. Non-finite samples become null so that no NaN or Infinity is drawn.

import type { Objective } from './engine/index';
import type { Landscape } from './protocol';

const curveSamples = 240;
const gridSize = 64;
/** Margin added on each side of the iterates' range, as a fraction of that range. */
const margin = 0.2;

export function sampleLandscape(objective: Objective, iterates: readonly number[][]): Landscape | undefined {
  if (objective.dimension === 1) {
    return sampleCurve(objective, iterates);
  }
  if (objective.dimension === 2) {
    return sampleGrid(objective, iterates);
  }
  return undefined;
}

function sampleCurve(objective: Objective, iterates: readonly number[][]): Landscape {
  const [low, high] = paddedRange(iterates.map((x) => x[0]));
  const xs: number[] = [];
  const fs: (number | null)[] = [];
  const point = new Float64Array(1);

  for (let i = 0; i < curveSamples; i++) {
    point[0] = low + ((high - low) * i) / (curveSamples - 1);
    xs.push(point[0]);
    fs.push(finiteOrNull(objective.value(point)));
  }
  return { kind: 'curve', xs, fs };
}

function sampleGrid(objective: Objective, iterates: readonly number[][]): Landscape {
  const [xMin, xMax] = paddedRange(iterates.map((x) => x[0]));
  const [yMin, yMax] = paddedRange(iterates.map((x) => x[1]));
  const values: (number | null)[] = [];
  const point = new Float64Array(2);

  for (let j = 0; j < gridSize; j++) {
    point[1] = yMin + ((yMax - yMin) * j) / (gridSize - 1);
    for (let i = 0; i < gridSize; i++) {
      point[0] = xMin + ((xMax - xMin) * i) / (gridSize - 1);
      values.push(finiteOrNull(objective.value(point)));
    }
  }
  return { kind: 'grid', xMin, xMax, yMin, yMax, width: gridSize, height: gridSize, values };
}

/** Returns the range of the values widened by the margin; a single value gets a range of ±1 around it. */
function paddedRange(values: number[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const span = high - low;
  if (!(span > 1e-9 * (1 + Math.abs(high)))) {
    const half = Math.max(1, Math.abs(high) * 0.1);
    return [low - half, high + half];
  }
  return [low - margin * span, high + margin * span];
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
