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

describe('diverging only when the iterates escape', () => {
  // Each row: function, start point. α sweeps 1e-4 to 10 on a log grid.
  const functions: [string, number[]][] = [
    ['(1-x)^2 + 100*(y-x^2)^2', [0, 0]],
    ['(1-x)^2 + 100*(y-x^2)^2', [-1.2, 1]],
    ['x^2 + 100*sin(x)', [0]],
    ['x^4 - 2x^3 + 1', [2]],
    ['x^2 + 10*y^2', [1, 1]],
    ['sin(x) + 0.1*x^2', [1]],
    ['log(1 + x^2) + y^2', [3, 1]],
    ['x^2 + 10*sin(3*x)', [0.3]],
    ['x^2 + 20*cos(x)', [0.3]],
    ['0.5*x^2 + 5*sin(2*x)', [0.3]],
    ['x^2 + 100*sin(x)', [0.3]],
    ['(x^2 - 1)^2', [0.5]],
  ];
  const learningRates = [
    ...Array.from({ length: 21 }, (_unused, i) => 10 ** (-4 + i / 4)),
    ...Array.from({ length: 19 }, (_unused, i) => 0.1 + 0.05 * i),
  ];

  for (const [text, x0] of functions) {
    it(`${text} from (${x0.join(', ')})`, () => {
      for (const learningRate of learningRates) {
        const early = descend(text, { x0, learningRate, maxIterations: 3000 });
        if (early.verdict !== 'diverging') {
          continue;
        }
        // The same run continued: a divergence travels far beyond the start's scale, while the
        // bounded cycles and chaos that α above a local 2/L also produces stay near it.
        const long = descend(text, { x0, learningRate, maxIterations: 20_000, stopEarly: false });
        const farthest = Math.max(...long.history.map((point) => Math.max(...point.x.map(Math.abs))));
        const scale = 1 + Math.max(...x0.map(Math.abs));
        assert.ok(
          farthest > 1000 * scale,
          `α = ${learningRate}: called diverging, but |x| stays below ${farthest}`,
        );
      }
    });
  }

  // Each row: function, start point, α; each is bounded, so a cycle or chaos, not divergence.
  const bounded: [string, number[], number][] = [
    ['(1-x)^2 + 100*(y-x^2)^2', [0, 0], 0.005],
    ['(1-x)^2 + 100*(y-x^2)^2', [0, 0], 0.009],
    ['(1-x)^2 + 100*(y-x^2)^2', [0, 0], 0.00234],
    ['x^2 + 100*sin(x)', [0], 0.1],
  ];
  for (const [text, x0, learningRate] of bounded) {
    it(`calls ${text} at α = ${learningRate} oscillating`, () => {
      assert.equal(descend(text, { x0, learningRate, maxIterations: 3000 }).verdict, 'oscillating');
    });
  }
});

describe('explanations of special cases', () => {
  it('blames a cycle on abs() on the kink', () => {
    const result = descend('abs(x)', { x0: [1.05], learningRate: 0.1 });
    assert.equal(result.verdict, 'oscillating');
    assert.ok(result.explanation.includes('kink where abs(x) is 0'), result.explanation);
  });

  it('says an overflow without parameters cannot be fixed by the start point', () => {
    const result = descend('exp(1000)*x^2', { x0: [1], learningRate: 0.1 });
    assert.equal(result.verdict, 'non-finite');
    assert.ok(result.explanation.includes('whatever the parameters are'), result.explanation);
  });

  it('tells a finite f with an infinite gradient apart', () => {
    const result = descend('sqrt(x)', { x0: [0], learningRate: 0.1 });
    assert.ok(result.explanation.startsWith('f = 0 is finite'), result.explanation);
  });

  it('does not classify a point far from any stationary point', () => {
    const result = descend('ln(x)', { x0: [1e6], learningRate: 0.1 });
    assert.ok(!result.explanation.includes('maximum'), result.explanation);
  });

  it('notes a flat stationary point', () => {
    const result = descend('x^4 - 2x^3 + 1', { x0: [0], learningRate: 0.1 });
    assert.ok(result.explanation.includes('flat inflection point'), result.explanation);
  });

  it('never reports convergence at the iteration limit', () => {
    const result = descend('x^2', { x0: [10], learningRate: 0.05, maxIterations: 300, gtol: 0 });
    assert.notEqual(result.verdict, 'converged');
  });

  it('calls a steady fall far from the start unbounded', () => {
    assert.equal(descend('x^2 + y', { x0: [0, 0], learningRate: 0.1 }).verdict, 'unbounded');
  });
});
