import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { History } from '../../src/engine/history';

function record(cap: number, iterations: number) {
  const history = new History(cap);
  for (let k = 0; k <= iterations; k++) {
    history.record(k, [k], k, 0);
  }
  return history.finish(iterations, [iterations], iterations, 0);
}

describe('run history', () => {
  it('keeps every iterate below the cap', () => {
    assert.deepEqual(
      record(100, 10).map((point) => point.iteration),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
  });

  it('thins evenly beyond the cap and keeps the first and last', () => {
    const points = record(100, 100_003);
    assert.ok(points.length <= 100, `${points.length} points`);
    assert.ok(points.length >= 50, `${points.length} points`);
    assert.equal(points[0].iteration, 0);
    assert.equal(points[points.length - 1].iteration, 100_003);
    const gaps = new Set(points.slice(1, -1).map((point, i) => point.iteration - points[i].iteration));
    assert.equal(gaps.size, 1, `uneven gaps ${[...gaps]}`);
  });
});
