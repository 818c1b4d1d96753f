// Turns how a run ended into its verdict, scipy-style status and message, and one plain sentence
// that names α and, where it is known, the stability limit 2/L.

import type { CurvatureEstimate } from './curvature';
import type { Detection } from './monitor';
import type { Objective } from './objective';
import { isUnboundedBelow } from './polynomial';
import type { DescentOptions, DescentResult } from './types';

export type Outcome =
  | { kind: 'converged' }
  | { kind: 'no-progress' }
  | { kind: 'limit' }
  | { kind: 'cancelled' }
  | { kind: 'affine'; gradient: number[] }
  | { kind: 'detected'; detection: Detection; overflowed?: boolean }
  | { kind: 'non-finite-start'; detail: string | undefined }
  | { kind: 'left-domain'; detail: string | undefined; next: number[] };

export interface RunFacts {
  objective: Objective;
  options: DescentOptions;
  x: number[];
  f: number;
  gradientNorm: number;
  /** ‖∇f(x₀)‖∞, the scale against which a gradient counts as vanished. */
  startGradientNorm: number;
  /** f(x₀). */
  f0: number;
  iteration: number;
  startCurvature: CurvatureEstimate | undefined;
  finalCurvature: CurvatureEstimate | undefined;
  reversals: number;
  tail: { f: number[]; gradientNorm: number[] } | undefined;
}

type Explanation = Pick<
  DescentResult,
  | 'verdict'
  | 'explanation'
  | 'message'
  | 'status'
  | 'success'
  | 'period'
  | 'oscillatingParameters'
  | 'moreIterationsNeeded'
>;

export function explain(outcome: Outcome, facts: RunFacts): Explanation {
  switch (outcome.kind) {
    case 'converged':
      return converged(facts);
    case 'no-progress':
      return noProgress(facts);
    case 'limit':
      return atLimit(facts);
    case 'cancelled':
      return { ...atLimit(facts), status: 5, message: 'Cancelled.', success: false };
    case 'affine':
      return affine(outcome.gradient);
    case 'detected':
      return detected(outcome.detection, facts, outcome.overflowed ?? false);
    case 'non-finite-start':
      return nonFiniteStart(outcome.detail, facts);
    case 'left-domain':
      return leftDomain(outcome.detail, outcome.next, facts);
  }
}

function converged(facts: RunFacts): Explanation {
  const { iteration, options } = facts;
  if (facts.objective.dimension === 0) {
    return {
      verdict: 'converged',
      explanation: `f has no parameters, so there is nothing to minimize: f = ${num(facts.f)} everywhere.`,
      message: 'Optimization terminated successfully.',
      status: 0,
      success: true,
    };
  }
  const iterations = iteration === 1 ? '1 iteration' : `${iteration} iterations`;
  let sentence =
    `Converged in ${iterations}: ‖∇f‖∞ = ${num(facts.gradientNorm)} ≤ gtol = ${num(options.gtol)} ` +
    `at ${point(facts)}, f = ${num(facts.f)}.`;
  sentence += overshootNote(facts) + stationaryNote(facts) + localMinimumNote(facts);
  return {
    verdict: 'converged',
    explanation: sentence,
    message: 'Optimization terminated successfully.',
    status: 0,
    success: true,
  };
}

/** Damped oscillation: most steps reversed direction, because α was between 1/L and 2/L. */
function overshootNote(facts: RunFacts): string {
  if (facts.iteration < 4 || facts.reversals < facts.iteration / 2) {
    return '';
  }
  const curvature = facts.finalCurvature?.largest;
  const limits =
    curvature !== undefined && curvature > 0
      ? ` (1/L ≈ ${num(1 / curvature)}, 2/L ≈ ${num(2 / curvature)})`
      : '';
  return ` The iterates overshot and jumped to and fro around the minimum while converging: α = ${num(facts.options.learningRate)} is between 1/L and 2/L${limits}.`;
}

/** Notes that a polynomial that is unbounded below has at best local minima. */
function localMinimumNote(facts: RunFacts): string {
  const kind = stationaryKind(facts);
  if (kind === 'negative' || kind === 'flat') {
    return '';
  }
  const reason = polynomialUnboundedReason(facts);
  return reason === undefined
    ? ''
    : ` f has no global minimum: ${reason}, so f is unbounded below and this point is at best a local minimum.`;
}

/** States why a polynomial f is unbounded below; undefined when f is not a polynomial or is bounded. */
function polynomialUnboundedReason(facts: RunFacts): string | undefined {
  const coefficients = facts.objective.polynomial;
  if (coefficients === undefined || !isUnboundedBelow([...coefficients])) {
    return undefined;
  }
  const degree = coefficients.length - 1;
  const name = facts.objective.parameters[0];
  if (degree % 2 === 1) {
    return `f is a polynomial of odd degree ${degree}, which falls to -∞ as ${name} → ${coefficients[degree] > 0 ? '-∞' : '+∞'}`;
  }
  return `f is a polynomial whose leading term ${num(coefficients[degree])}·${name}^${degree} is negative`;
}

/**
 * Classifies the end point by the Hessian there. The quadratic model's stationary point lies about
 * ‖∇f‖/|λ| away; when that is far, as for ln x at x = 10⁶, the point is not near any stationary
 * point, so its curvature cannot classify one.
 */
function stationaryKind(facts: RunFacts): 'minimum' | 'negative' | 'flat' | 'unknown' {
  const curvature = facts.finalCurvature;
  if (curvature === undefined) {
    return 'unknown';
  }
  const magnitude = Math.max(Math.abs(curvature.largest), Math.abs(curvature.smallest));
  const startMagnitude = Math.max(
    Math.abs(facts.startCurvature?.largest ?? 0),
    Math.abs(facts.startCurvature?.smallest ?? 0),
  );
  const scale = 1 + Math.max(...facts.x.map(Math.abs));
  if (magnitude <= 1e-12 * Math.max(1, startMagnitude)) {
    return 'flat';
  }
  if (facts.gradientNorm / magnitude > 1e-3 * scale) {
    return 'unknown';
  }
  return curvature.smallest < -1e-8 * magnitude ? 'negative' : 'minimum';
}

/** Notes when a point with a vanishing gradient is not a minimum, or may not be one. */
function stationaryNote(facts: RunFacts): string {
  const kind = stationaryKind(facts);
  const curvature = facts.finalCurvature;
  const constant = facts.objective.constantGradient;
  if (constant !== undefined && constant.every((component) => component === 0)) {
    return ' f does not depend on its parameters, so every point is a minimum.';
  }
  if (kind === 'unknown' && curvature !== undefined && facts.gradientNorm > 0) {
    return ' The quadratic model puts the nearest stationary point far away, so f is only flat here: this is not a minimum.';
  }
  if (kind === 'flat' && facts.objective.kinks.length > 0) {
    // Where f is piecewise linear its second derivative is 0, which cannot classify the kink.
    return '';
  }
  if (kind === 'flat') {
    return (
      ' The curvature nearly vanishes there, so this may be a flat inflection point or a degenerate ' +
      'saddle rather than a minimum (x³ at 0 is one).'
    );
  }
  if (kind !== 'negative' || curvature === undefined) {
    return '';
  }
  if (facts.objective.dimension === 1) {
    return ` But f″ = ${num(curvature.smallest)} < 0 there, so this stationary point is a maximum, not a minimum.`;
  }
  const scale = Math.max(Math.abs(curvature.largest), Math.abs(curvature.smallest));
  const what = curvature.largest > 1e-8 * scale ? 'a saddle point' : 'a saddle point or a maximum';
  return ` But the Hessian there has the negative eigenvalue ${num(curvature.smallest)}, so this stationary point is not a minimum: it is ${what}.`;
}

/**
 * Tells whether the gradient fell below 1e-8 of its starting size: vanished to float64 precision,
 * even when gtol is stricter, as gtol = 0 always is.
 */
function hasVanishedGradient(facts: RunFacts): boolean {
  return facts.gradientNorm <= 1e-8 * facts.startGradientNorm;
}

function convergedToPrecision(facts: RunFacts, status: number, message: string): Explanation {
  return {
    verdict: 'converged',
    explanation:
      `Converged to float64 precision in ${facts.iteration} iterations at ${point(facts)}, f = ${num(facts.f)}: ` +
      `‖∇f‖∞ fell from ${num(facts.startGradientNorm)} to ${num(facts.gradientNorm)}, although not to gtol = ${num(facts.options.gtol)}.` +
      stationaryNote(facts),
    message,
    status,
    success: true,
  };
}

function noProgress(facts: RunFacts): Explanation {
  const alpha = facts.options.learningRate;
  const status = 2;
  if (alpha > 0 && hasVanishedGradient(facts)) {
    return convergedToPrecision(facts, status, 'No further progress is possible in floating point.');
  }
  if (alpha === 0) {
    return {
      verdict: 'slow',
      explanation: `α = 0, so gradient descent cannot move from x₀; ‖∇f‖∞ = ${num(facts.gradientNorm)} there. Raise α to start descending.`,
      message: 'The learning rate is 0.',
      status,
      success: false,
    };
  }
  return {
    verdict: 'slow',
    explanation:
      `Stopped after ${facts.iteration} iterations because α·∇f is below the spacing of float64 numbers ` +
      `at ${point(facts)}, so x no longer changes, while ‖∇f‖∞ = ${num(facts.gradientNorm)} > gtol. Raise α.`,
    message: 'No further progress is possible in floating point.',
    status,
    success: false,
  };
}

function atLimit(facts: RunFacts): Explanation {
  const { options, iteration } = facts;
  if (options.maxIterations === 0) {
    return {
      verdict: 'slow',
      explanation: `No iterations were run (the limit is 0): at x₀, f = ${num(facts.f)} and ‖∇f‖∞ = ${num(facts.gradientNorm)}.`,
      message: 'Maximum number of iterations has been exceeded.',
      status: 1,
      success: false,
    };
  }

  const tail = facts.tail;
  if (tail !== undefined && isRisingTail(tail.f) && facts.f > facts.f0) {
    return divergingAtLimit(facts);
  }
  if (tail !== undefined && isOscillatingTail(tail.f)) {
    return oscillatingAtLimit(facts);
  }
  // Only while GD is still speeding up: x³ from 1 creeps towards its flat point at 0 instead.
  const polynomialReason = polynomialUnboundedReason(facts);
  const speedingUp =
    tail !== undefined && tail.gradientNorm[tail.gradientNorm.length - 1] >= tail.gradientNorm[0];
  if (polynomialReason !== undefined && speedingUp) {
    return unboundedPolynomial(facts, polynomialReason);
  }
  if (tail !== undefined && isSteadyFall(tail, facts)) {
    return unboundedAtLimit(facts);
  }
  const estimate = tail === undefined ? undefined : iterationsStillNeeded(tail.gradientNorm, options.gtol);
  const more =
    estimate === undefined ? '' : ` At the current rate about ${estimate} more iterations would reach gtol.`;
  return {
    verdict: 'slow',
    explanation:
      `Reached the limit of ${iteration} iterations while f was still falling (f = ${num(facts.f)}, ‖∇f‖∞ = ${num(facts.gradientNorm)}).` +
      more +
      slowAdvice(facts),
    message: 'Maximum number of iterations has been exceeded.',
    status: 1,
    success: false,
    ...(estimate === undefined ? {} : { moreIterationsNeeded: estimate }),
  };
}

function unboundedPolynomial(facts: RunFacts, reason: string): Explanation {
  return {
    verdict: 'unbounded',
    explanation:
      `f has no minimum to converge to: ${reason}. After ${facts.iteration} iterations f = ${num(facts.f)} at ` +
      `${point(facts)} and still falling; a smaller α only slows the fall.`,
    message: 'The function is unbounded below.',
    status: 1,
    success: false,
  };
}

/** f rose on at least 90% of the last iterations. */
function isRisingTail(f: number[]): boolean {
  let increases = 0;
  for (let i = 1; i < f.length; i++) {
    if (f[i] > f[i - 1]) {
      increases++;
    }
  }
  return f.length >= 8 && increases >= 0.9 * (f.length - 1);
}

/**
 * f fell on every one of the last iterations while ‖∇f‖∞ did not shrink and x travelled ten start
 * scales away: the signature of a slope with no bottom, such as x² + y along y.
 */
function isSteadyFall(tail: { f: number[]; gradientNorm: number[] }, facts: RunFacts): boolean {
  const falling = tail.f.every((value, i) => i === 0 || value < tail.f[i - 1]);
  const gradients = tail.gradientNorm;
  const notShrinking = gradients[gradients.length - 1] >= 0.5 * gradients[0];
  const x0 = facts.options.x0;
  const scale = 1 + Math.max(0, ...x0.map(Math.abs));
  const distance = Math.max(0, ...facts.x.map((value, i) => Math.abs(value - x0[i])));
  return tail.f.length >= 8 && falling && notShrinking && distance > 10 * scale;
}

function divergingAtLimit(facts: RunFacts): Explanation {
  const limit = stabilityLimit(facts.startCurvature);
  const advice =
    limit === undefined ? 'reduce α' : `choose α below the stability limit 2/L ≈ ${num(limit)} at x₀`;
  return {
    verdict: 'diverging',
    explanation:
      `Diverging slowly: f rose on almost every one of the last iterations, to ${num(facts.f)} after ` +
      `${facts.iteration} iterations, above its start value ${num(facts.f0)}. α = ${num(facts.options.learningRate)} is too large; ${advice}.`,
    message: 'Maximum number of iterations has been exceeded.',
    status: 1,
    success: false,
  };
}

function unboundedAtLimit(facts: RunFacts): Explanation {
  return {
    verdict: 'unbounded',
    explanation:
      `f kept falling at a steady rate while ‖∇f‖∞ stayed near ${num(facts.gradientNorm)} and x travelled far from x₀ ` +
      `(f = ${num(facts.f)} at ${point(facts)} after ${facts.iteration} iterations). f appears to be unbounded below ` +
      `along this path; a smaller α only slows the fall.`,
    message: 'Maximum number of iterations has been exceeded.',
    status: 1,
    success: false,
  };
}

function slowAdvice(facts: RunFacts): string {
  const limit = stabilityLimit(facts.startCurvature);
  if (limit === undefined || facts.options.learningRate >= limit / 4) {
    return ' Raise the iteration limit, or α if the run stays stable.';
  }
  return ` α = ${num(facts.options.learningRate)} is small next to the stability limit 2/L ≈ ${num(limit)} at x₀; a larger α converges faster.`;
}

/** Tells whether the loss went up on at least a quarter of the last iterations: no steady descent. */
function isOscillatingTail(f: number[]): boolean {
  let increases = 0;
  for (let i = 1; i < f.length; i++) {
    if (f[i] > f[i - 1]) {
      increases++;
    }
  }
  return f.length >= 8 && increases >= (f.length - 1) / 4;
}

function oscillatingAtLimit(facts: RunFacts): Explanation {
  const limit = stabilityLimit(facts.finalCurvature);
  return {
    verdict: 'oscillating',
    explanation:
      `The iterates jumped to and fro without settling for ${facts.iteration} iterations: f rose and fell ` +
      `instead of falling steadily. ${kinkNote(facts) ?? alphaAgainstLimit(facts, limit, 'at the final point')}`,
    message: 'Maximum number of iterations has been exceeded.',
    status: 1,
    success: false,
  };
}

/** Iterations needed for ‖∇f‖∞ to reach gtol at the geometric rate seen over the tail. */
function iterationsStillNeeded(gradientNorms: number[], gtol: number): number | undefined {
  const first = gradientNorms[0];
  const last = gradientNorms[gradientNorms.length - 1];
  const span = gradientNorms.length - 1;
  if (span < 4 || !(first > 0) || !(last > 0) || !(gtol > 0)) {
    return undefined;
  }
  const rate = Math.pow(last / first, 1 / span);
  if (!(rate < 1)) {
    return undefined;
  }
  const needed = Math.ceil(Math.log(gtol / last) / Math.log(rate));
  return needed > 0 && Number.isFinite(needed) ? needed : undefined;
}

function affine(gradient: number[]): Explanation {
  return {
    verdict: 'unbounded',
    explanation:
      `f is linear: its gradient is the constant (${gradient.map(num).join(', ')}), so f has no minimum and ` +
      `falls without bound along -∇f. Every α descends forever; a smaller α only slows the fall.`,
    message: 'The function is unbounded below.',
    status: 3,
    success: false,
  };
}

function detected(detection: Detection, facts: RunFacts, overflowed: boolean): Explanation {
  switch (detection.verdict) {
    case 'diverging':
      return diverging(facts, overflowed);
    case 'unbounded':
      return unbounded(facts);
    case 'oscillating':
      return oscillating(detection, facts);
  }
}

function diverging(facts: RunFacts, overflowed: boolean): Explanation {
  const alpha = facts.options.learningRate;
  const limit = stabilityLimit(facts.startCurvature);
  const growth = overflowed
    ? 'the next step would overflow float64'
    : `f grew on each of the last iterations to ${num(facts.f)}`;
  let advice = `α = ${num(alpha)} is too large here; reduce it.`;
  if (limit !== undefined && alpha > limit) {
    advice = `α = ${num(alpha)} is above the stability limit 2/L ≈ ${num(limit)} (L ≈ ${num(2 / limit)} is the largest curvature at x₀); choose α below ${num(limit)}.`;
  } else if (limit !== undefined) {
    advice = `α = ${num(alpha)} is below 2/L ≈ ${num(limit)} at x₀, but the curvature along the path is larger; reduce α.`;
  }
  return {
    verdict: 'diverging',
    explanation: `Diverging after ${facts.iteration} iterations: the steps keep growing and ${growth}. ${advice}`,
    message: 'Stopped: the iterates diverge.',
    status: 3,
    success: false,
  };
}

function unbounded(facts: RunFacts): Explanation {
  const reason = polynomialUnboundedReason(facts);
  const why =
    reason === undefined
      ? 'f appears to be unbounded below along this path'
      : `${reason}, so f is unbounded below`;
  return {
    verdict: 'unbounded',
    explanation:
      `f keeps falling without bound: f = ${num(facts.f)} at ${point(facts)} after ${facts.iteration} iterations, ` +
      `and every step was longer than the one before. Here ${why}; a smaller α only slows the fall.`,
    message: 'Stopped: the function appears to be unbounded below.',
    status: 3,
    success: false,
  };
}

function oscillating(detection: Detection, facts: RunFacts): Explanation {
  const names = facts.objective.parameters;
  const moving = detection.oscillating ?? [];
  const partial = moving.length > 0 && moving.length < names.length;
  const where = partial ? ` in ${moving.map((i) => names[i]).join(', ')}` : '';
  const period = detection.period;
  const limit = stabilityLimit(facts.finalCurvature);
  return {
    verdict: 'oscillating',
    explanation:
      `Oscillating${where} with period ${period}: the iterates repeat every ${period} iterations without converging ` +
      `(f ≈ ${num(facts.f)}). ${kinkNote(facts) ?? alphaAgainstLimit(facts, limit, 'at the centre of the cycle')}`,
    message: 'Stopped: the iterates cycle.',
    status: 3,
    success: false,
    ...(period === undefined ? {} : { period }),
    ...(partial ? { oscillatingParameters: moving.map((i) => names[i]) } : {}),
  };
}

/** Explains a cycle by a kink of f, where the gradient jumps and a fixed step cannot settle. */
function kinkNote(facts: RunFacts): string | undefined {
  const kinks = facts.objective.kinks;
  if (kinks.length === 0) {
    return undefined;
  }
  const shown = kinks.slice(0, 2).join(' and ');
  return (
    `f has a kink where ${shown} is 0: the gradient jumps there, so gradient descent with a fixed α ` +
    `keeps stepping across it, and a smaller α only shrinks the jumps.`
  );
}

/**
 * Compares α with 2/L where the iterates ended. A period-2 cycle settles where α equals the local
 * limit, so the advice uses the smaller of that limit and the one at x₀.
 */
function alphaAgainstLimit(facts: RunFacts, limit: number | undefined, where: string): string {
  const alpha = facts.options.learningRate;
  if (limit === undefined) {
    return `α = ${num(alpha)} is too large for the curvature ${where}; reduce it.`;
  }
  let relation = 'is close to';
  if (Math.abs(alpha - limit) <= 1e-3 * limit) {
    relation = 'is at';
  } else if (alpha > limit) {
    relation = 'is above';
  }
  const start = stabilityLimit(facts.startCurvature);
  const safer = start === undefined ? limit : Math.min(start, limit);
  // When both limits are above α, the one that matters is at the minimum, which the run never reached.
  const suggestion =
    safer < alpha ? `choose α below ${num(safer)}` : `try a smaller α, such as ${num(alpha / 2)}`;
  return `α = ${num(alpha)} ${relation} the stability limit 2/L ≈ ${num(limit)} ${where}, so the steps keep overshooting; ${suggestion}.`;
}

function nonFiniteStart(detail: string | undefined, facts: RunFacts): Explanation {
  const reason = detail === undefined ? 'f or ∇f is not finite there' : detail;
  const what = Number.isFinite(facts.f)
    ? `f = ${num(facts.f)} is finite at the start point ${point(facts)} but its gradient is not`
    : `f is undefined at the start point ${point(facts)}`;
  const advice = reason.includes('whatever the parameters are')
    ? 'Rewrite f so that it stays finite.'
    : 'Choose another start point.';
  return {
    verdict: 'non-finite',
    explanation: `${what}: ${reason}. ${advice}`,
    message: 'f or its gradient is not finite at the start point.',
    status: 4,
    success: false,
  };
}

function leftDomain(detail: string | undefined, next: number[], facts: RunFacts): Explanation {
  const reason = detail === undefined ? 'f or ∇f is not finite there' : detail;
  return {
    verdict: 'non-finite',
    explanation:
      `The step after iteration ${facts.iteration} left the domain of f, to x = (${next.map(num).join(', ')}): ${reason}. ` +
      `Stopped at the last finite point ${point(facts)}; a smaller α or another start point may stay inside.`,
    message: 'Stopped: f or its gradient is not finite at the next iterate.',
    status: 4,
    success: false,
  };
}

function stabilityLimit(curvature: CurvatureEstimate | undefined): number | undefined {
  return curvature !== undefined && curvature.largest > 0 ? 2 / curvature.largest : undefined;
}

function point(facts: RunFacts): string {
  const names = facts.objective.parameters;
  if (names.length === 1) {
    return `${names[0]} = ${num(facts.x[0])}`;
  }
  return `(${names.join(', ')}) = (${facts.x.map(num).join(', ')})`;
}

/** Seven significant digits, enough to compare with printed references. */
export function num(value: number): string {
  if (value === 0 || !Number.isFinite(value)) {
    return String(value);
  }
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e7) {
    return String(Number(value.toPrecision(7)));
  }
  return value.toExponential(3);
}
