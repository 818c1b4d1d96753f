import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildLossSeries } from '../../src/webview/charts/lossSeries';

describe('buildLossSeries', () => {
  it('plots f as it is on a linear axis', () => {
    const series = buildLossSeries([0, 1, 2], [4, -1, 2], false);
    assert.deepEqual(series.points, [
      { x: 0, y: 4 },
      { x: 1, y: -1 },
      { x: 2, y: 2 },
    ]);
    assert.equal(series.title, 'f');
  });

  it('turns non-finite losses into gaps', () => {
    const series = buildLossSeries([0, 1, 2], [1, null, Infinity], false);
    assert.deepEqual(
      series.points.map((point) => point.y),
      [1, NaN, NaN],
    );
  });

  it('plots positive f unshifted on a log axis', () => {
    const series = buildLossSeries([0, 1], [10, 0.1], true);
    assert.deepEqual(series.points, [
      { x: 0, y: 10 },
      { x: 1, y: 0.1 },
    ]);
    assert.equal(series.shift, undefined);
    assert.equal(series.title, 'f (log scale)');
  });

  it('shifts by min f when some f is not positive', () => {
    // f − min f with min f = −2: 3 − (−2) = 5, 0 − (−2) = 2, and the minimum itself (0) is left out.
    const series = buildLossSeries([0, 1, 2], [3, 0, -2], true);
    assert.deepEqual(series.points, [
      { x: 0, y: 5 },
      { x: 1, y: 2 },
    ]);
    assert.equal(series.shift, -2);
    assert.equal(series.title, 'f \u2212 min f (log scale)');
  });

  it('shifts when the minimum is exactly zero', () => {
    const series = buildLossSeries([0, 1], [1, 0], true);
    assert.deepEqual(series.points, [{ x: 0, y: 1 }]);
    assert.equal(series.shift, 0);
  });
});
