import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatTickLabels, logAxisBounds, logTickValues } from '../../src/webview/charts/axisTicks';

describe('logAxisBounds', () => {
  const cases: { name: string; data: [number, number]; expected: { min: number; max: number } }[] = [
    { name: 'less than a decade', data: [0.24, 1], expected: { min: 0.1, max: 1 } },
    // The minimum of a converged Rosenbrock run from (0, 0) at α = 7e-4, where Chart.js's own ticks start at 0.
    { name: 'converged Rosenbrock', data: [1.1299803843757146e-26, 1], expected: { min: 1e-26, max: 1 } },
    { name: 'exact powers of ten', data: [1e-6, 1e3], expected: { min: 1e-6, max: 1e3 } },
    { name: 'one value', data: [5, 5], expected: { min: 1, max: 10 } },
    { name: 'one power of ten', data: [100, 100], expected: { min: 100, max: 1000 } },
    { name: 'no data', data: [NaN, NaN], expected: { min: 1, max: 10 } },
    { name: 'zero minimum', data: [0, 10], expected: { min: 1, max: 10 } },
    { name: 'largest doubles', data: [1e300, Number.MAX_VALUE], expected: { min: 1e300, max: 1e308 } },
    { name: 'subnormal minimum', data: [Number.MIN_VALUE, 1], expected: { min: 1e-323, max: 1 } },
  ];
  for (const { name, data, expected } of cases) {
    it(`snaps ${name} to decades`, () => {
      assert.deepEqual(logAxisBounds(...data), expected);
    });
  }

  it('contains values just below a power of ten', () => {
    const below = 1e-26 * (1 - Number.EPSILON);
    assert.ok(logAxisBounds(below, 1).min <= below);
  });
});

describe('logTickValues', () => {
  const cases: { name: string; range: [number, number]; expected: number[] }[] = [
    { name: 'one decade', range: [0.1, 1], expected: [0.1, 0.2, 0.5, 1] },
    { name: 'two decades', range: [1, 100], expected: [1, 2, 5, 10, 20, 50, 100] },
    { name: 'seven decades', range: [1e-6, 10], expected: [1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10] },
    // 26 decades at a step of ⌈26 / 7⌉ = 4, on multiples of 4 so that the gaps are equal.
    { name: '26 decades', range: [1e-26, 1], expected: [1e-24, 1e-20, 1e-16, 1e-12, 1e-8, 1e-4, 1] },
  ];
  for (const { name, range, expected } of cases) {
    it(`places ticks over ${name}`, () => {
      assert.deepEqual(logTickValues(...range), expected);
    });
  }

  it('keeps at most eight ticks over 600 decades', () => {
    assert.ok(logTickValues(1e-300, 1e300).length <= 8);
  });
});

describe('formatTickLabels', () => {
  const cases: { name: string; values: number[]; expected: string[] }[] = [
    { name: 'small counts', values: [0, 200, 400, 1000], expected: ['0', '200', '400', '1000'] },
    { name: 'ten thousands', values: [0, 20000, 40000], expected: ['0', '20000', '40000'] },
    {
      name: 'an axis reaching 1e5',
      values: [0, 50000, 100000, 150000],
      expected: ['0', '5e4', '1e5', '1.5e5'],
    },
    {
      name: 'floating-point noise',
      values: [0.1, 0.2, 0.30000000000000004],
      expected: ['0.1', '0.2', '0.3'],
    },
    { name: 'negative values', values: [-1.5, 0, 1.5], expected: ['\u22121.5', '0', '1.5'] },
    {
      name: 'tiny log ticks',
      values: [1e-24, 1e-4, 1],
      expected: ['1e\u221224', '1e\u22124', '1e0'],
    },
    {
      name: 'log ticks within 1e-3 to 1e5',
      values: [0.1, 0.2, 0.5, 1],
      expected: ['0.1', '0.2', '0.5', '1'],
    },
  ];
  for (const { name, values, expected } of cases) {
    it(`labels ${name} in one style`, () => {
      assert.deepEqual(formatTickLabels(values), expected);
    });
  }
});
