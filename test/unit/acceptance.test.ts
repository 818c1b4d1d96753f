// The plain-math acceptance cases C01–C10. Expected values were computed independently of this
// engine (by hand, from the closed-form recurrences quoted beside them, or with reference
// implementations) and are copied here as the assertions.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { estimateCurvature, parseFunction } from '../../src/engine/index';
import { at, derivative, descend, evaluate, firstWhere, firstWithin, isFiniteHistory } from './helpers';

function close(actual: number, expected: number, tolerance: number, label = ''): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${label} expected ${expected} ± ${tolerance}, got ${actual}`,
  );
}

function distanceTo(point: number[], target: number[]): number {
  return Math.hypot(...point.map((value, i) => value - target[i]));
}

describe('C01 double negation in the derivative', () => {
  it('differentiates every spelling of 1 + 2x to +2', () => {
    for (const text of ['1 - -2*x', '1 - (-2)*x', '1 - (-2 * x)', '-((-2)*x) - 1']) {
      assert.deepEqual(derivative(text, [0.7]), [2], text);
    }
  });

  it('has f′(0) = 4 and f′(1) = 12', () => {
    // f = (1 + 2x)², f′ = 4(1 + 2x)
    assert.deepEqual(derivative('(1 - -2*x)^2', [0]), [4]);
    assert.deepEqual(derivative('(1 - -2*x)^2', [1]), [12]);
  });

  it('descends along x ← 0.6x - 0.2 to -0.5 by iteration 28', () => {
    const result = descend('(1 - -2*x)^2', { x0: [1], learningRate: 0.05, maxIterations: 200 });
    close(at(result.history, 1).x[0], 0.4, 1e-15, 'x1');
    for (let k = 1; k < 10; k++) {
      close(at(result.history, k + 1).x[0], 0.6 * at(result.history, k).x[0] - 0.2, 1e-12, `x${k + 1}`);
    }
    assert.equal(firstWithin(result.history, [-0.5], 1e-6), 28);
    assert.equal(result.verdict, 'converged');
    close(result.fun, 0, 1e-10, 'f');
  });

  it('keeps iteration 28 under other limits', () => {
    const longer = descend('(1 - -2*x)^2', { x0: [1], learningRate: 0.05, maxIterations: 5000 });
    assert.equal(firstWithin(longer.history, [-0.5], 1e-6), 28);
    const shorter = descend('(1 - -2*x)^2', { x0: [1], learningRate: 0.05, maxIterations: 27 });
    assert.notEqual(shorter.verdict, 'converged');
  });

  it('reports the linear 1 - -2*x as unbounded', () => {
    assert.equal(
      descend('1 - -2*x', { x0: [1], learningRate: 0.05, maxIterations: 200 }).verdict,
      'unbounded',
    );
  });
});

describe('C02 unary minus versus power', () => {
  it('reads -x^2 + 4x as concave and follows x ← 1.2x - 0.4', () => {
    const result = descend('-x^2 + 4*x', { x0: [0], learningRate: 0.1, maxIterations: 50, stopEarly: false });
    const expected = [0, -0.4, -0.88, -1.456, -2.1472];
    expected.forEach((value, k) => close(at(result.history, k).x[0], value, 1e-12, `x${k}`));
    close(at(result.history, 30).x[0], -472.7526, 1e-4, 'x30');
    close(at(result.history, 30).f, -2.25e5, 0.01e5, 'f30');
    for (let k = 1; k < result.history.length; k++) {
      assert.ok(result.history[k].f < result.history[k - 1].f, `f rises at iteration ${k}`);
    }
  });

  for (const learningRate of [0.1, 0.01]) {
    it(`reports -x^2 + 4x as unbounded at α = ${learningRate}`, () => {
      const result = descend('-x^2 + 4*x', { x0: [0], learningRate, maxIterations: 50 });
      assert.equal(result.verdict, 'unbounded');
      assert.ok(!result.explanation.includes('Converged'), result.explanation);
    });
  }

  it('minimizes the control (-x)^2 + 4x at -2 by iteration 66', () => {
    const result = descend('(-x)^2 + 4*x', { x0: [0], learningRate: 0.1 });
    assert.equal(firstWithin(result.history, [-2], 1e-6), 66);
    assert.equal(result.verdict, 'converged');
    close(result.fun, -4, 1e-10, 'f');
  });

  it('evaluates (-x)^0 at 1 as 1', () => {
    assert.equal(evaluate('(-x)^0', [1]), 1);
  });
});

describe('C03 negative exponents and power associativity', () => {
  it('descends x^2 + x^-2 from 2 to 1 by iteration 31', () => {
    const result = descend('x^2 + x^-2', { x0: [2], learningRate: 0.05 });
    [2, 1.8125, 1.648044, 1.505581].forEach((value, k) =>
      close(at(result.history, k).x[0], value, 1e-6, `x${k}`),
    );
    assert.equal(firstWithin(result.history, [1], 1e-6), 31);
    assert.equal(result.verdict, 'converged');
  });

  it('overshoots once from 0.5, reaching 1 by iteration 27', () => {
    const result = descend('x^2 + x^-2', { x0: [0.5], learningRate: 0.05 });
    [0.5, 1.25, 1.1762].forEach((value, k) => close(at(result.history, k).x[0], value, 1e-4, `x${k}`));
    assert.equal(firstWithin(result.history, [1], 1e-6), 27);
  });

  it('reports x^2 + x^-2 at 0 as undefined at the start', () => {
    const result = descend('x^2 + x^-2', { x0: [0], learningRate: 0.05 });
    assert.equal(result.verdict, 'non-finite');
    assert.ok(result.explanation.includes('division by zero'), result.explanation);
    assert.equal(result.history.length, 0);
  });

  it('evaluates x^-2*y at (2, 3) as 0.75', () => {
    assert.equal(evaluate('x^-2*y', [2, 3]), 0.75);
  });

  it('minimizes x^2 + x/-2 at 0.25 by iteration 61', () => {
    const result = descend('x^2 + x/-2', { x0: [1], learningRate: 0.1 });
    assert.equal(firstWithin(result.history, [0.25], 1e-6), 61);
    close(result.fun, -0.0625, 1e-10, 'f');
  });

  it('evaluates 2^3^2 as 512', () => {
    assert.equal(evaluate('2^3^2', []), 512);
    assert.equal(evaluate('2**3**2', []), 512);
  });
});

describe('C04 implicit multiplication', () => {
  // Each row: input, minimizer, minimum, first iteration within 1e-6 (GD from 0 at α = 0.1).
  const rows: [string, number, number, number][] = [
    ['2x^2 - 4x + 1', 1, -1, 28],
    ['(x-1)(x-3)+4', 2, 3, 66],
    ['x(x-2)', 1, -1, 62],
  ];
  for (const [text, minimizer, minimum, iteration] of rows) {
    it(`minimizes ${text} at ${minimizer} by iteration ${iteration}`, () => {
      const result = descend(text, { x0: [0], learningRate: 0.1 });
      assert.equal(firstWithin(result.history, [minimizer], 1e-6), iteration);
      close(result.fun, minimum, 1e-10, 'f');
      assert.equal(result.verdict, 'converged');
    });
  }
});

describe('C05 trigonometric power notation', () => {
  for (const text of ['sin(x)^2', 'sin^2(x)']) {
    it(`reads ${text} as (sin x)² and converges to π by iteration 67`, () => {
      const result = descend(text, { x0: [2], learningRate: 0.1, maxIterations: 200 });
      [2, 2.07568, 2.16035, 2.25278].forEach((value, k) =>
        close(at(result.history, k).x[0], value, 1e-5, `x${k}`),
      );
      assert.equal(firstWithin(result.history, [Math.PI], 1e-6), 67);
      assert.equal(result.verdict, 'converged');
    });
  }
});

describe('C06 x² at five learning rates', () => {
  it('converges at α = 0.2 by iteration 32', () => {
    const result = descend('x^2', { x0: [10], learningRate: 0.2 });
    close(at(result.history, 10).x[0], 0.060466, 1e-6, 'x10');
    assert.equal(firstWhere(result.history, (p) => Math.abs(p.x[0]) < 1e-6)?.iteration, 32);
    assert.equal(result.verdict, 'converged');
  });

  it('is slow at α = 0.05 below 153 iterations', () => {
    const result = descend('x^2', { x0: [10], learningRate: 0.05, maxIterations: 150 });
    close(at(result.history, 10).x[0], 3.486784, 1e-6, 'x10');
    assert.equal(result.verdict, 'slow');
    assert.ok((result.moreIterationsNeeded ?? 0) > 0, `estimate ${result.moreIterationsNeeded}`);
    const full = descend('x^2', { x0: [10], learningRate: 0.05 });
    assert.equal(firstWhere(full.history, (p) => Math.abs(p.x[0]) < 1e-6)?.iteration, 153);
  });

  it('oscillates with period 2 at α = 1', () => {
    const result = descend('x^2', { x0: [10], learningRate: 1 });
    assert.deepEqual(
      result.history.slice(0, 3).map((p) => p.x[0]),
      [10, -10, 10],
    );
    assert.ok(result.history.every((p) => p.f === 100));
    assert.equal(result.verdict, 'oscillating');
    assert.equal(result.period, 2);
  });

  it('diverges at α = 1.1 within a few iterations, x10 = 61.917364', () => {
    const result = descend('x^2', { x0: [10], learningRate: 1.1 });
    assert.equal(result.verdict, 'diverging');
    assert.ok(result.verdictIteration <= 4, `reported at ${result.verdictIteration}`);
    assert.ok(isFiniteHistory(result.history));

    const long = descend('x^2', { x0: [10], learningRate: 1.1, maxIterations: 3000, stopEarly: false });
    close(at(long.history, 10).x[0], 61.917364, 1e-6, 'x10');
    close(at(long.history, 10).f, 3833.76, 0.01, 'f10');
    assert.equal(long.verdict, 'diverging');
    assert.ok(isFiniteHistory(long.history), 'Infinity or NaN reached the history');
  });

  it('reaches the minimum in one step at α = 0.5', () => {
    const result = descend('x^2', { x0: [10], learningRate: 0.5 });
    assert.equal(at(result.history, 1).x[0], 0);
    assert.equal(result.nit, 1);
    assert.equal(result.verdict, 'converged');
  });
});

describe('C07 anisotropic bowl', () => {
  it('converges at α = 0.04, slowly along x, by iteration 166', () => {
    const result = descend('x^2 + 10*y^2', { x0: [1, 1], learningRate: 0.04, maxIterations: 300 });
    const expected = [
      [0.92, 0.2],
      [0.8464, 0.04],
      [0.778688, 0.008],
    ];
    expected.forEach((point, k) =>
      point.forEach((value, i) => close(at(result.history, k + 1).x[i], value, 1e-12)),
    );
    assert.equal(firstWithin(result.history, [0, 0], 1e-6), 166);
    assert.equal(result.verdict, 'converged');
  });

  it('oscillates in y with period 2 at α = 0.1', () => {
    const result = descend('x^2 + 10*y^2', { x0: [1, 1], learningRate: 0.1, maxIterations: 300 });
    assert.equal(result.verdict, 'oscillating');
    assert.equal(result.period, 2);
    assert.deepEqual(result.oscillatingParameters, ['y']);
    assert.ok(result.explanation.includes('in y'), result.explanation);
  });

  it('diverges at α = 0.11 although x converges', () => {
    const result = descend('x^2 + 10*y^2', { x0: [1, 1], learningRate: 0.11, maxIterations: 300 });
    assert.equal(result.verdict, 'diverging');

    const long = descend('x^2 + 10*y^2', {
      x0: [1, 1],
      learningRate: 0.11,
      maxIterations: 300,
      stopEarly: false,
    });
    close(Math.abs(at(long.history, 50).x[1]), 9100.44, 0.01, '|y50|');
    close(Math.abs(at(long.history, 100).x[1]), 8.28e7, 0.01e7, '|y100|');
  });
});

describe('C08 quartic with overflow in Python', () => {
  it('converges at α = 0.1 through 1.2, 1.373, 1.469, 1.496', () => {
    const result = descend('x^4 - 2x^3 + 1', { x0: [2], learningRate: 0.1, maxIterations: 100 });
    [2, 1.2, 1.373, 1.469, 1.496, 1.5].forEach((value, k) =>
      close(at(result.history, k).x[0], value, 1e-3, `x${k}`),
    );
    // The reference stops "at iteration 7 (x = 1.4999995)" counting its loop from 0, so that point
    // is the one after 8 updates; the same shift holds for α = 0.2 below.
    close(at(result.history, 8).x[0], 1.4999995, 1e-7, 'x8');
    assert.equal(result.verdict, 'converged');
    close(result.fun, -0.6875, 1e-10, 'f');
  });

  it('converges at α = 0.2 with a damped oscillation', () => {
    const result = descend('x^4 - 2x^3 + 1', { x0: [2], learningRate: 0.2, maxIterations: 100 });
    [2, 0.4, 0.5408, 0.7652, 1.109, 1.494].forEach((value, k) =>
      close(at(result.history, k).x[0], value, 1e-3, `x${k}`),
    );
    close(at(result.history, 38).x[0], 1.5000038, 1e-7, 'x38');
    assert.equal(result.verdict, 'converged');
    assert.ok(result.explanation.includes('to and fro'), result.explanation);
  });

  // Each row: α, first iterates, where the growth must be reported by.
  const diverging: [number, number[]][] = [
    [0.4, [2, -1.2, 5.021, -137]],
    [0.5, [2, -2, 26, -3.31e4]],
  ];
  for (const [learningRate, iterates] of diverging) {
    it(`diverges at α = ${learningRate} and says so by iteration 4`, () => {
      const result = descend('x^4 - 2x^3 + 1', { x0: [2], learningRate, maxIterations: 100 });
      iterates.forEach((value, k) =>
        close(at(result.history, k).x[0], value, Math.abs(value) * 1e-3, `x${k}`),
      );
      assert.equal(result.verdict, 'diverging');
      assert.ok(result.verdictIteration <= 4, `reported at ${result.verdictIteration}`);
      assert.ok(isFiniteHistory(result.history));
    });
  }
});

describe('C09 Rosenbrock', () => {
  const rosenbrock = '(1-x)^2 + 100*(y-x^2)^2';
  const start = [-1.2, 1];

  it('has f = 24.2 and ∇f = (-215.6, -88) at the start', () => {
    close(evaluate(rosenbrock, start), 24.2, 1e-12);
    const gradient = derivative(rosenbrock, start);
    close(gradient[0], -215.6, 1e-10);
    close(gradient[1], -88, 1e-10);
  });

  it('has Hessian eigenvalues 1001.6 and 0.3994 at (1, 1)', () => {
    // [[802, -400], [-400, 200]]: λ = 501 ± √(301² + 400²)
    const curvature = estimateCurvature(parseFunction(rosenbrock).objective, [1, 1]);
    close(curvature?.largest ?? NaN, 1001.6, 0.05);
    close(curvature?.smallest ?? NaN, 0.3994, 1e-4);
  });

  it('converges slowly at α = 0.001', () => {
    const result = descend(rosenbrock, { x0: start, learningRate: 0.001, maxIterations: 40_000, gtol: 0 });
    close(at(result.history, 1).x[0], -0.9844, 1e-4);
    close(at(result.history, 1).x[1], 1.088, 1e-4);
    close(at(result.history, 1).f, 5.3529, 1e-4);
    close(at(result.history, 1000).f, 0.4535, 1e-4);
    close(at(result.history, 10_000).f, 5.85e-5, 0.01e-5);
    const within = (tolerance: number) =>
      firstWhere(result.history, (p) => distanceTo(p.x, [1, 1]) < tolerance)?.iteration;
    assert.equal(within(1e-2), 11_329);
    assert.equal(within(1e-4), 22_845);
    assert.equal(within(1e-6), 34_374);
    assert.equal(
      descend(rosenbrock, { x0: start, learningRate: 0.001, maxIterations: 200_000 }).verdict,
      'converged',
    );
  });

  it('converges at α = 0.0019', () => {
    const result = descend(rosenbrock, { x0: start, learningRate: 0.0019, maxIterations: 200_000, gtol: 0 });
    assert.ok(distanceTo(at(result.history, 39_400).x, [1, 1]) < 1e-12);
    assert.equal(result.verdict, 'converged');
  });

  it('ends in a 2-cycle next to the minimum at α = 0.002', () => {
    const result = descend(rosenbrock, { x0: start, learningRate: 0.002, maxIterations: 200_000 });
    const closest = Math.min(...result.history.map((p) => distanceTo(p.x, [1, 1])));
    assert.ok(closest < 1e-5, `closest approach ${closest}`);
    assert.equal(result.verdict, 'oscillating');
    assert.equal(result.period, 2);
    const last = result.history.slice(-2).map((p) => p.x);
    const cycle = [
      [0.997584, 0.998709],
      [1.000415, 0.997295],
    ];
    for (const point of cycle) {
      assert.ok(
        last.some((x) => distanceTo(x, point) < 1e-6),
        `(${point}) is not in the final cycle ${JSON.stringify(last)}`,
      );
    }
    close(result.fun, 1.25e-3, 0.01e-3, 'f');
  });

  it('rises and falls, then cycles at α = 0.003', () => {
    const result = descend(rosenbrock, { x0: start, learningRate: 0.003, maxIterations: 200_000 });
    [94.18, 54.14, 118.31].forEach((value, k) =>
      close(at(result.history, k + 1).f, value, 0.01, `f${k + 1}`),
    );
    assert.equal(result.verdict, 'oscillating');
    const last = result.history.slice(-2).map((p) => p.x);
    for (const point of [
      [0.785956, 0.566872],
      [0.739277, 0.597384],
    ]) {
      assert.ok(
        last.some((x) => distanceTo(x, point) < 1e-6),
        `(${point}) is not in ${JSON.stringify(last)}`,
      );
    }
  });

  it('diverges at α = 0.01 by iteration 3 without Infinity', () => {
    const result = descend(rosenbrock, { x0: start, learningRate: 0.01, maxIterations: 200_000 });
    close(at(result.history, 1).x[0], 0.956, 1e-3);
    close(at(result.history, 1).x[1], 1.88, 1e-3);
    close(at(result.history, 2).f, 47037, 1);
    close(at(result.history, 3).f, 2.5e12, 0.05e12);
    assert.equal(result.verdict, 'diverging');
    assert.ok(result.verdictIteration <= 3, `reported at ${result.verdictIteration}`);
    assert.ok(isFiniteHistory(result.history));
  });
});

describe('C10 saddles and unbounded functions', () => {
  it('does not call the saddle at (0, 0) a minimum', () => {
    const result = descend('x^4 + x^2*y^2 - y^2 + y^4 + 6', { x0: [0, 0], learningRate: 0.01 });
    assert.ok(result.explanation.includes('not a minimum'), result.explanation);
    assert.ok(!/minimum found/i.test(result.explanation));
  });

  it('finds the minimum 5.75 from (5, 5)', () => {
    const result = descend('x^4 + x^2*y^2 - y^2 + y^4 + 6', {
      x0: [5, 5],
      learningRate: 0.01,
      maxIterations: 5000,
    });
    assert.equal(result.verdict, 'converged');
    close(result.fun, 5.75, 1e-8, 'f');
    close(result.x[1], -0.707107, 1e-5, 'y');
  });

  it('calls the limit of x² - y² from (1, 0) a saddle', () => {
    const result = descend('x^2 - y^2', { x0: [1, 0], learningRate: 0.1 });
    close(at(result.history, 5).x[0], 0.8 ** 5, 1e-15, 'x5');
    assert.ok(result.history.every((p) => p.x[1] === 0));
    assert.ok(result.explanation.includes('saddle'), result.explanation);
  });

  it('reports x² - y² from (1, 1e-6) as unbounded', () => {
    const result = descend('x^2 - y^2', { x0: [1, 1e-6], learningRate: 0.1, maxIterations: 1000 });
    assert.equal(result.verdict, 'unbounded');

    const long = descend('x^2 - y^2', {
      x0: [1, 1e-6],
      learningRate: 0.1,
      maxIterations: 100,
      stopEarly: false,
    });
    const gradient34 = Math.hypot(2 * at(long.history, 34).x[0], 2 * at(long.history, 34).x[1]);
    close(gradient34, 0.0014, 0.0001, '‖∇f‖ at 34');
    assert.equal(firstWhere(long.history, (p) => Math.abs(p.x[1]) > 1)?.iteration, 76);
    close(at(long.history, 100).f, -6859, 1, 'f100');
  });

  // Each row: α, iterations until |x| > 1e6.
  const escapes: [number, number][] = [
    [0.1, 11],
    [0.01, 62],
    [0.001, 559],
  ];
  for (const [learningRate, iterations] of escapes) {
    it(`reports -x³/3 + x as unbounded at α = ${learningRate}`, () => {
      const result = descend('-x^3/3 + x', { x0: [2], learningRate, maxIterations: 5000 });
      assert.equal(result.verdict, 'unbounded');
      assert.ok(result.explanation.includes('a smaller α only slows'), result.explanation);
      const long = descend('-x^3/3 + x', { x0: [2], learningRate, maxIterations: 5000, stopEarly: false });
      assert.equal(firstWhere(long.history, (p) => Math.abs(p.x[0]) > 1e6)?.iteration, iterations);
      assert.ok(isFiniteHistory(long.history));
    });
  }

  it('calls the minimum of x³ - 3x at 1 local', () => {
    const result = descend('x^3 - 3*x', { x0: [2], learningRate: 0.1 });
    assert.equal(firstWithin(result.history, [1], 1e-6), 14);
    close(result.fun, -2, 1e-10, 'f');
    assert.ok(result.explanation.includes('at best a local minimum'), result.explanation);
  });

  it('reports x³ - 3x from -1.5 as unbounded', () => {
    const result = descend('x^3 - 3*x', { x0: [-1.5], learningRate: 0.1 });
    assert.equal(result.verdict, 'unbounded');
    const long = descend('x^3 - 3*x', { x0: [-1.5], learningRate: 0.1, stopEarly: false });
    assert.equal(firstWhere(long.history, (p) => Math.abs(p.x[0]) > 1e6)?.iteration, 8);
  });
});
