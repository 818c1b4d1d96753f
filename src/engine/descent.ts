// Gradient descent with a fixed learning rate, x ← x - α∇f(x), run in slices so that a caller can
// interleave it with other work and cancel it. Stop rules: ‖∇f‖∞ ≤ gtol, no progress possible in
// floating point, the iteration limit, or an outcome the monitor recognises early.

import { estimateCurvature, type CurvatureEstimate } from './curvature';
import { explain, type Outcome } from './explain';
import { History } from './history';
import { RunMonitor } from './monitor';
import type { Objective } from './objective';
import type { DescentOptions, DescentResult } from './types';

/** scipy-style status codes; see DescentResult. */
export const Status = {
  converged: 0,
  iterationLimit: 1,
  noProgress: 2,
  stoppedByVerdict: 3,
  nonFinite: 4,
  cancelled: 5,
} as const;

/** Beyond this magnitude an iterate is treated as escaping to infinity, before float64 overflows. */
const escapeMagnitude = 1e150;

export class DescentRun {
  private x: Float64Array;
  /** x - α∇f(x), computed with f(x) and ∇f(x): the candidate for the next iterate. */
  private next: Float64Array;
  /** The step from the candidate, filled while the candidate is evaluated. */
  private nextAfter: Float64Array;
  private gradient: Float64Array;
  private nextGradient: Float64Array;
  private f: number;
  /** ‖∇f‖∞ at x, kept in step with `gradient`. */
  private gradientNorm: number;
  private iteration = 0;
  private evaluations = 1;
  private readonly history: History;
  private readonly monitor: RunMonitor | undefined;
  private outcome: Outcome | undefined;
  /** The first early outcome, kept while a run with stopEarly = false goes on. */
  private early: { outcome: Outcome; iteration: number } | undefined;
  private readonly startCurvature: CurvatureEstimate | undefined;
  private readonly startGradientNorm: number = NaN;

  constructor(
    private readonly objective: Objective,
    private readonly options: DescentOptions,
  ) {
    checkOptions(objective, options);
    const n = objective.dimension;
    this.x = Float64Array.from(options.x0);
    this.next = new Float64Array(n);
    this.nextAfter = new Float64Array(n);
    this.gradient = new Float64Array(n);
    this.nextGradient = new Float64Array(n);
    this.history = new History(options.historyCap);

    this.f = objective.descentStep(this.x, options.learningRate, this.gradient, this.next);
    this.gradientNorm = maxAbs(this.gradient);
    if (!isFinitePoint(this.f, this.gradient)) {
      this.outcome = { kind: 'non-finite-start', detail: objective.describeNonFinite(this.x) };
      return;
    }
    this.startGradientNorm = maxAbs(this.gradient);
    this.history.record(0, this.x, this.f, this.startGradientNorm);
    this.startCurvature = estimateCurvature(objective, this.x);
    this.monitor = new RunMonitor(this.x, this.f, this.startGradientNorm, objective.hasConstantHessian());
    this.checkAffine();
  }

  get done(): boolean {
    return this.outcome !== undefined;
  }

  /** Runs at most `budget` more iterations; returns true once the run has finished. */
  advance(budget: number): boolean {
    const end = Math.min(this.options.maxIterations, this.iteration + budget);
    while (this.outcome === undefined && this.iteration < end) {
      this.outcome = this.step();
    }
    if (this.outcome === undefined && this.iteration >= this.options.maxIterations) {
      this.outcome = this.atLimit();
    }
    return this.outcome !== undefined;
  }

  cancel(): void {
    this.outcome ??= { kind: 'cancelled' };
  }

  result(): DescentResult {
    if (this.outcome === undefined) {
      throw new Error('The run has not finished: call advance() until it returns true.');
    }
    const gradientNorm = maxAbs(this.gradient);
    // A start point outside the domain has no finite point to record.
    const history =
      this.outcome.kind === 'non-finite-start'
        ? []
        : this.history.finish(this.iteration, this.x, this.f, gradientNorm);
    const finalCurvature = this.needsFinalCurvature()
      ? estimateCurvature(this.objective, this.curvaturePoint())
      : undefined;

    const explanation = explain(this.outcome, {
      objective: this.objective,
      options: this.options,
      x: Array.from(this.x),
      f: this.f,
      gradientNorm,
      iteration: this.iteration,
      startCurvature: this.startCurvature,
      finalCurvature,
      startGradientNorm: this.startGradientNorm,
      f0: this.monitor?.f0 ?? this.f,
      reversals: this.monitor?.reversals ?? 0,
      tail: this.monitor?.tail(),
    });

    return {
      x: Array.from(this.x),
      fun: this.f,
      jac: Array.from(this.gradient),
      nit: this.iteration,
      nfev: this.evaluations,
      njev: this.evaluations,
      parameters: [...this.objective.parameters],
      learningRate: this.options.learningRate,
      history,
      verdictIteration: this.early?.iteration ?? this.iteration,
      ...explanation,
      ...positiveCurvature(this.startCurvature),
    };
  }

  /** One update; returns an outcome when the run should stop before or after it. */
  private step(): Outcome | undefined {
    if (this.gradientNorm <= this.options.gtol) {
      return { kind: 'converged' };
    }

    let moved = false;
    for (let i = 0; i < this.x.length; i++) {
      moved ||= this.next[i] !== this.x[i];
    }
    if (!moved) {
      return { kind: 'no-progress' };
    }

    const alpha = this.options.learningRate;
    const fNext = this.objective.descentStep(this.next, alpha, this.nextGradient, this.nextAfter);
    this.evaluations++;
    if (!isFinitePoint(fNext, this.nextGradient) || maxAbs(this.next) > escapeMagnitude) {
      return this.leftFiniteRange(fNext);
    }

    this.accept(fNext);
    return this.monitorOutcome();
  }

  /** Makes the candidate the iterate; the old iterate's buffer is reused for the next step. */
  private accept(fNext: number): void {
    const previous = this.x;
    this.x = this.next;
    this.next = this.nextAfter;
    this.nextAfter = previous;
    const previousGradient = this.gradient;
    this.gradient = this.nextGradient;
    this.nextGradient = previousGradient;

    this.f = fNext;
    this.gradientNorm = maxAbs(this.gradient);
    this.iteration++;
    this.history.record(this.iteration, this.x, this.f, this.gradientNorm);
  }

  private monitorOutcome(): Outcome | undefined {
    // nextAfter contains the previous iterate until the next evaluation overwrites it.
    const detection = this.monitor?.observe(
      this.iteration,
      this.x,
      this.nextAfter,
      this.f,
      this.gradientNorm,
    );
    if (detection === undefined) {
      return this.gradientNorm <= this.options.gtol
        ? (this.early?.outcome ?? { kind: 'converged' })
        : undefined;
    }
    if (this.options.stopEarly ?? true) {
      return { kind: 'detected', detection };
    }
    this.early ??= { outcome: { kind: 'detected', detection }, iteration: this.iteration };
    return undefined;
  }

  /**
   * Classifies a next iterate that overflowed or left f's domain; it is not recorded, so no Infinity or NaN
   * reaches the history. Escaping to infinity is divergence when f was rising and unbounded
   * descent when it was falling; anything else left the domain.
   */
  private leftFiniteRange(fNext: number): Outcome {
    const escaped = maxAbs(this.next) > escapeMagnitude || !Number.isFinite(maxAbs(this.next));
    const overflowed = fNext === Infinity || fNext === -Infinity || escaped;
    if (overflowed && this.early !== undefined) {
      return this.early.outcome;
    }
    if (overflowed && (escaped || this.iteration > 0)) {
      const rising = this.monitor?.lastIncreased ?? fNext > this.f;
      return {
        kind: 'detected',
        detection: { verdict: rising ? 'diverging' : 'unbounded' },
        overflowed: true,
      };
    }
    return {
      kind: 'left-domain',
      detail: this.objective.describeNonFinite(this.next),
      next: Array.from(this.next),
    };
  }

  private atLimit(): Outcome {
    if (this.early !== undefined) {
      return this.early.outcome;
    }
    if (this.gradientNorm <= this.options.gtol) {
      return { kind: 'converged' };
    }
    return { kind: 'limit' };
  }

  /** Ends the run at once when f is affine: a constant nonzero gradient means no minimum for any α. */
  private checkAffine(): void {
    const constant = this.objective.constantGradient;
    if (constant !== undefined && constant.some((component) => component !== 0)) {
      this.outcome = { kind: 'affine', gradient: [...constant] };
    }
  }

  /** Returns where the final curvature is judged: the centre of a cycle, else the last iterate. */
  private curvaturePoint(): ArrayLike<number> {
    const outcome = this.outcome;
    const period = outcome?.kind === 'detected' ? outcome.detection.period : undefined;
    if (period === undefined || this.monitor === undefined) {
      return this.x;
    }
    return this.monitor.cycleCentre(this.iteration, period);
  }

  private needsFinalCurvature(): boolean {
    const kind = this.outcome?.kind;
    return kind === 'converged' || kind === 'detected' || kind === 'limit' || kind === 'no-progress';
  }
}

/** Runs gradient descent to the end in one call. */
export function minimize(objective: Objective, options: DescentOptions): DescentResult {
  const run = new DescentRun(objective, options);
  while (!run.advance(1 << 20)) {
    // Each call runs up to about a million iterations; the loop only ends the run.
  }
  return run.result();
}

function checkOptions(objective: Objective, options: DescentOptions): void {
  const { learningRate, maxIterations, gtol, x0 } = options;
  if (!(learningRate >= 0) || !Number.isFinite(learningRate)) {
    throw new RangeError(`The learning rate must be a finite number ≥ 0, not ${learningRate}.`);
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new RangeError(`The iteration limit must be a whole number ≥ 0, not ${maxIterations}.`);
  }
  if (!(gtol >= 0)) {
    throw new RangeError(`gtol must be a number ≥ 0, not ${gtol}.`);
  }
  if (x0.length !== objective.dimension) {
    const names = objective.parameters.join(', ');
    throw new RangeError(
      `The start point has ${x0.length} values but f has ${objective.dimension} parameters (${names}).`,
    );
  }
  if (!x0.every(Number.isFinite)) {
    throw new RangeError(`Every start-point value must be a finite number: [${x0.join(', ')}].`);
  }
}

function positiveCurvature(curvature: CurvatureEstimate | undefined): Partial<DescentResult> {
  if (curvature === undefined || !(curvature.largest > 0)) {
    return {};
  }
  return { curvatureAtStart: curvature.largest, stabilityLimit: 2 / curvature.largest };
}

function isFinitePoint(f: number, gradient: Float64Array): boolean {
  if (!Number.isFinite(f)) {
    return false;
  }
  for (let i = 0; i < gradient.length; i++) {
    if (!Number.isFinite(gradient[i])) {
      return false;
    }
  }
  return true;
}

export function maxAbs(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const magnitude = Math.abs(values[i]);
    // NaN must win, so that a NaN component is never mistaken for a small one.
    if (!(magnitude <= largest)) {
      largest = magnitude;
    }
  }
  return largest;
}
