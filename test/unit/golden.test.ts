// Gradient descent against golden trajectories: torch.optim.SGD runs of the same functions, from
// the same start points and learning rates, recorded in float64 by test/fixtures/generate.py.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { minimize, parseFunction, Status, type DescentResult, type HistoryPoint } from '../../src/engine';
import type { Objective } from '../../src/engine/objective';

interface TorchIterate {
  iteration: number;
  x: number[];
  f: number;
  gradientNorm: number;
}

interface TorchTrajectory {
  math: string;
  parameters: string[];
  x0: number[];
  learningRate: number;
  iterations: number;
  iterates: TorchIterate[];
  /** The local minimizer that scipy.optimize.minimize(method='BFGS', gtol=1e-10) reached from x0. */
  minimizer: { x: number[]; f: number; gradientNorm: number };
}

const fixturePath = path.join(__dirname, '..', 'fixtures', 'torch-descent.json');
const trajectories = (JSON.parse(readFileSync(fixturePath, 'utf8')) as { trajectories: TorchTrajectory[] })
  .trajectories;

/** Both sides compute x ← x - α∇f(x) in float64, so only rounding inside ∇f may differ. */
const relativeTolerance = 1e-9;

interface Run {
  objective: Objective;
  result: DescentResult;
  /** Our history by iteration, which contains every iterate because historyCap exceeds the run length. */
  ours: Map<number, HistoryPoint>;
}

function runLikeTorch(trajectory: TorchTrajectory): Run {
  const { objective } = parseFunction(trajectory.math);
  const result = minimize(objective, {
    learningRate: trajectory.learningRate,
    x0: trajectory.x0,
    maxIterations: trajectory.iterations,
    // gtol 0 and stopEarly false make our run follow SGD until the gradient is exactly zero.
    gtol: 0,
    historyCap: trajectory.iterations + 2,
    stopEarly: false,
  });
  return { objective, result, ours: new Map(result.history.map((point) => [point.iteration, point])) };
}

function label(trajectory: TorchTrajectory): string {
  return `${trajectory.math} from (${trajectory.x0.join(', ')}) at α = ${trajectory.learningRate}`;
}

/** Pairs each torch iterate with ours; torch iterates after the end of our run are left out. */
function sharedIterates(
  trajectory: TorchTrajectory,
  run: Run,
): { torch: TorchIterate; ours: HistoryPoint }[] {
  const pairs: { torch: TorchIterate; ours: HistoryPoint }[] = [];
  for (const torch of trajectory.iterates) {
    const ours = run.ours.get(torch.iteration);
    if (ours !== undefined) {
      pairs.push({ torch, ours });
    }
  }
  return pairs;
}

function relativeDeviation(ours: number, expected: number): number {
  const difference = Math.abs(ours - expected);
  return difference === 0 ? 0 : difference / Math.abs(expected);
}

/** |ours - expected| in units of the allowed error, so that a value ≤ 1 passes. */
function scaledDeviation(ours: number, expected: number, allowed: number): number {
  const difference = Math.abs(ours - expected);
  return difference === 0 ? 0 : difference / allowed;
}

/** Largest deviation over the iterates, and where it happened, for the assertion message. */
interface Worst {
  deviation: number;
  iteration: number;
  ours: number;
  expected: number;
}

function worstOf(current: Worst, candidate: Worst): Worst {
  return candidate.deviation > current.deviation ? candidate : current;
}

function describeWorst(worst: Worst): string {
  return `max deviation ${worst.deviation.toExponential(3)} at iteration ${worst.iteration}: ours ${worst.ours}, torch ${worst.expected}`;
}

/**
 * Estimates how much a difference Δx between our iterate and torch's changes f and ‖∇f‖∞. Near a
 * minimum f and ∇f are close to 0, so an iterate that differs in the last bit changes them by a
 * large relative amount. To first order the change is ∇f·Δx in f and H·Δx in ∇f, and the tolerance
 * adds twice that propagated change to the relative tolerance.
 */
function propagated(objective: Objective, ours: number[], torch: number[]): { f: number; gradient: number } {
  const n = ours.length;
  const gradient = new Float64Array(n);
  const hessianTimesStep = new Float64Array(n);
  const step = ours.map((value, i) => value - torch[i]);
  objective.valueAndGradient(ours, gradient);
  objective.hessianVectorProduct(ours, step, hessianTimesStep);

  let f = 0;
  let gradientChange = 0;
  for (let i = 0; i < n; i++) {
    f += Math.abs(gradient[i] * step[i]);
    gradientChange = Math.max(gradientChange, Math.abs(hessianTimesStep[i]));
  }
  return { f: 2 * f, gradient: 2 * gradientChange };
}

describe('gradient descent against torch.optim.SGD', () => {
  for (const trajectory of trajectories) {
    describe(label(trajectory), () => {
      const run = runLikeTorch(trajectory);
      const pairs = sharedIterates(trajectory, run);

      it('parameters match the fixture order', () => {
        assert.deepEqual(run.result.parameters, trajectory.parameters);
      });

      it('every iterate matches torch', () => {
        let worst: Worst = { deviation: 0, iteration: 0, ours: 0, expected: 0 };
        for (const { torch, ours } of pairs) {
          torch.x.forEach((expected, i) => {
            const candidate = {
              deviation: relativeDeviation(ours.x[i], expected),
              iteration: torch.iteration,
              ours: ours.x[i],
              expected,
            };
            worst = worstOf(worst, candidate);
          });
        }
        assert.ok(worst.deviation <= relativeTolerance, describeWorst(worst));
      });

      it('every loss matches torch', () => {
        let worst: Worst = { deviation: 0, iteration: 0, ours: 0, expected: 0 };
        for (const { torch, ours } of pairs) {
          const allowed =
            relativeTolerance * Math.abs(torch.f) + propagated(run.objective, ours.x, torch.x).f;
          const deviation = scaledDeviation(ours.f, torch.f, allowed);
          worst = worstOf(worst, { deviation, iteration: torch.iteration, ours: ours.f, expected: torch.f });
        }
        assert.ok(worst.deviation <= 1, `${describeWorst(worst)} (in units of the allowed error)`);
      });

      it('every gradient norm matches torch', () => {
        let worst: Worst = { deviation: 0, iteration: 0, ours: 0, expected: 0 };
        for (const { torch, ours } of pairs) {
          const allowed =
            relativeTolerance * torch.gradientNorm + propagated(run.objective, ours.x, torch.x).gradient;
          const deviation = scaledDeviation(ours.gradientNorm, torch.gradientNorm, allowed);
          worst = worstOf(worst, {
            deviation,
            iteration: torch.iteration,
            ours: ours.gradientNorm,
            expected: torch.gradientNorm,
          });
        }
        assert.ok(worst.deviation <= 1, `${describeWorst(worst)} (in units of the allowed error)`);
      });

      it('runs as long as torch unless it reaches a zero gradient', () => {
        if (run.result.nit < trajectory.iterations) {
          assert.equal(run.result.status, Status.converged, run.result.message);
          assert.deepEqual(run.result.jac, new Array<number>(trajectory.parameters.length).fill(0));
        } else {
          assert.equal(run.result.nit, trajectory.iterations);
        }
      });

      it('torch stays at our final iterate after our run stops', () => {
        // With ∇f(x) exactly 0, SGD's update x - α·0 leaves x unchanged for good.
        const later = trajectory.iterates.filter((iterate) => iterate.iteration > run.result.nit);
        for (const iterate of later) {
          assert.deepEqual(iterate.x, run.result.x, `torch iteration ${iterate.iteration}`);
        }
      });
    });
  }
});

describe('gradient descent against the BFGS minimizer', () => {
  // A run that stops at ‖∇f‖∞ ≤ gtol is within about √n·gtol/λmin of the minimizer. The smallest
  // Hessian eigenvalue λmin at these minimizers is Rosenbrock's, 0.399 from [[802, -400], [-400, 200]].
  const gtol = 1e-10;
  const distanceTolerance = 1e-8;

  for (const trajectory of uniqueFunctions(trajectories)) {
    it(`${label(trajectory)} reaches scipy's minimizer`, () => {
      const { objective } = parseFunction(trajectory.math);
      const result = minimize(objective, {
        learningRate: trajectory.learningRate,
        x0: trajectory.x0,
        maxIterations: 1_000_000,
        gtol,
      });

      const distance = Math.max(...result.x.map((value, i) => Math.abs(value - trajectory.minimizer.x[i])));
      assert.ok(
        distance <= distanceTolerance,
        `ours [${result.x.join(', ')}], scipy [${trajectory.minimizer.x.join(', ')}]`,
      );
    });
  }
});

/** Keeps one trajectory per function and start point, because the BFGS minimizer depends only on those. */
function uniqueFunctions(all: TorchTrajectory[]): TorchTrajectory[] {
  const seen = new Set<string>();
  return all.filter((trajectory) => {
    const key = `${trajectory.math} ${trajectory.x0.join(',')}`;
    const isNew = !seen.has(key);
    seen.add(key);
    return isNew;
  });
}
