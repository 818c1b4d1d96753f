import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DescentRun, parseFunction } from '../../src/engine/index';
import { descend, isFiniteHistory } from './helpers';

describe('verdicts beyond the acceptance cases', () => {
  it('stops at the edge of the sqrt domain', () => {
    // f = sqrt(x) + x² has f′ > 0 for x > 0, so a large step crosses 0 into the negative reals.
    const result = descend('sqrt(x) + x^2', { x0: [1], learningRate: 1 });
    assert.equal(result.verdict, 'non-finite');
    assert.ok(result.explanation.includes('square root of a negative number'), result.explanation);
    assert.ok(isFiniteHistory(result.history));
    assert.equal(result.x[0], 1);
  });

  it('reports log at 0 as undefined at the start', () => {
    const result = descend('log(x)^2', { x0: [0], learningRate: 0.1 });
    assert.equal(result.verdict, 'non-finite');
    assert.ok(result.explanation.includes('logarithm'), result.explanation);
  });

  it('treats α = 0 as a run that cannot move', () => {
    const result = descend('x^2', { x0: [3], learningRate: 0 });
    assert.equal(result.verdict, 'slow');
    assert.ok(result.explanation.includes('α = 0'), result.explanation);
    assert.equal(result.nit, 0);
  });

  it('converges to float64 precision when gtol is 0', () => {
    const result = descend('(x-3)^2', { x0: [0], learningRate: 0.1, gtol: 0, maxIterations: 100_000 });
    assert.equal(result.verdict, 'converged');
    assert.ok(result.nit < 100_000);
    assert.ok(Math.abs(result.x[0] - 3) < 1e-14, String(result.x[0]));
  });

  it('names the stability limit 2/L in a diverging explanation', () => {
    const result = descend('5*x^2', { x0: [1], learningRate: 0.3 });
    assert.equal(result.verdict, 'diverging');
    assert.equal(result.stabilityLimit, 0.2);
    assert.ok(result.explanation.includes('2/L ≈ 0.2'), result.explanation);
  });

  it('calls a maximum reached from its top a maximum', () => {
    const result = descend('-x^2', { x0: [0], learningRate: 0.1 });
    assert.ok(result.explanation.includes('maximum'), result.explanation);
  });

  it('stops at the next slice after cancel', () => {
    const objective = parseFunction('x^2 + y^2').objective;
    const run = new DescentRun(objective, {
      learningRate: 1e-9,
      x0: [1, 1],
      maxIterations: 10_000_000,
      gtol: 0,
    });
    assert.equal(run.advance(10), false);
    run.cancel();
    assert.equal(run.advance(10), true);
    assert.equal(run.result().status, 5);
  });

  it('rejects a start point of the wrong length', () => {
    assert.throws(() => descend('x^2 + y^2', { x0: [1], learningRate: 0.1 }), /2 parameters \(x, y\)/);
  });
});
