import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  chooseContourLevels,
  computeContourLines,
  type GridLandscape,
} from '../../src/webview/charts/contourLines';

/** Samples f on a width × height grid over [xMin, xMax] × [yMin, yMax], row-major as the protocol lays it out. */
function sampleGrid(
  f: (x: number, y: number) => number,
  bounds: { xMin: number; xMax: number; yMin: number; yMax: number },
  width: number,
  height: number,
): GridLandscape {
  const values: (number | null)[] = [];
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const x = bounds.xMin + (i * (bounds.xMax - bounds.xMin)) / (width - 1);
      const y = bounds.yMin + (j * (bounds.yMax - bounds.yMin)) / (height - 1);
      const value = f(x, y);
      values.push(Number.isFinite(value) ? value : null);
    }
  }
  return { kind: 'grid', ...bounds, width, height, values };
}

function points(path: Float64Array): [number, number][] {
  const result: [number, number][] = [];
  for (let k = 0; k + 1 < path.length; k += 2) {
    if (!Number.isNaN(path[k])) {
      result.push([path[k] as number, path[k + 1] as number]);
    }
  }
  return result;
}

describe('chooseContourLevels', () => {
  it('returns increasing levels strictly inside the range', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const levels = chooseContourLevels(values, 10);
    assert.equal(levels.length, 10);
    assert.ok(levels.every((level, i) => i === 0 || level > (levels[i - 1] as number)));
    assert.ok((levels[0] as number) > 0);
    assert.ok((levels[levels.length - 1] as number) < 999);
  });

  it('crowds levels toward the minimum', () => {
    // Quantiles at (k / 11)² of 0..999: the first is at 999 · (1/11)² ≈ 8.26, the last at 999 · (10/11)² ≈ 825.6.
    const levels = chooseContourLevels(
      Array.from({ length: 1000 }, (_, i) => i),
      10,
    );
    assert.ok(Math.abs((levels[0] as number) - 8.256) < 0.01);
    assert.ok(Math.abs((levels[9] as number) - 825.6) < 0.1);
  });

  it('ignores null and non-finite samples', () => {
    const levels = chooseContourLevels([null, Infinity, NaN, 1, 2, 3, 4, 5], 3);
    assert.ok(levels.every((level) => level > 1 && level < 5));
  });

  it('returns no levels for a constant function', () => {
    assert.deepEqual(chooseContourLevels([2, 2, 2, 2], 5), []);
  });
});

describe('computeContourLines', () => {
  const bounds = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };

  it('puts circle contours at the right radius in data units', () => {
    // f = x² + y², so the level-1 line is the unit circle.
    const grid = sampleGrid((x, y) => x * x + y * y, bounds, 81, 81);
    const [line] = computeContourLines(grid, [1]);
    assert.ok(line !== undefined);

    const radii = points(line.path).map(([x, y]) => Math.hypot(x, y));
    assert.ok(radii.length > 20);
    // Linear interpolation between samples 0.05 apart cuts the circle's chords by at most about 0.0013.
    assert.ok(radii.every((radius) => Math.abs(radius - 1) < 0.005));
  });

  it('maps an off-centre contour into data coordinates', () => {
    // f = (x − 1)² + (y + 0.5)², whose level-0.25 line is the circle of radius 0.5 around (1, −0.5).
    const grid = sampleGrid((x, y) => (x - 1) ** 2 + (y + 0.5) ** 2, bounds, 81, 81);
    const [line] = computeContourLines(grid, [0.25]);
    assert.ok(line !== undefined);

    const distances = points(line.path).map(([x, y]) => Math.hypot(x - 1, y + 0.5));
    assert.ok(distances.every((distance) => Math.abs(distance - 0.5) < 0.005));
  });

  it('drops the segments along the grid border', () => {
    // f = x: the level-0 region is the right half, whose ring runs along the border on three sides.
    const grid = sampleGrid((x) => x, bounds, 21, 21);
    const [line] = computeContourLines(grid, [0.1]);
    assert.ok(line !== undefined);

    const xs = points(line.path).map(([x]) => x);
    assert.ok(xs.every((x) => Math.abs(x - 0.1) < 1e-9));
  });

  it('ranks levels from 0 to 1', () => {
    const grid = sampleGrid((x, y) => x * x + y * y, bounds, 21, 21);
    const ranks = computeContourLines(grid, [0.5, 1, 2]).map((line) => line.rank);
    assert.deepEqual(ranks, [0, 0.5, 1]);
  });

  it('returns nothing for a grid too small to contour', () => {
    const grid: GridLandscape = { kind: 'grid', ...bounds, width: 1, height: 1, values: [0] };
    assert.deepEqual(computeContourLines(grid, [1]), []);
  });
});
