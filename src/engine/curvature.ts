// Curvature estimates from Hessian-vector products: the largest and smallest Hessian eigenvalue by
// power iteration. L, the largest eigenvalue, gives gradient descent's stability limit α < 2/L
// for a quadratic model of f (Nocedal & Wright, Numerical Optimization, 2nd ed., section 3.3).

import type { Objective } from './objective';

export interface CurvatureEstimate {
  /** Largest eigenvalue of ∇²f(x). */
  largest: number;
  /** Smallest eigenvalue of ∇²f(x); negative means f curves down in some direction. */
  smallest: number;
}

const maxIterations = 200;
const relativeTolerance = 1e-7;

/** Estimates the extreme eigenvalues of ∇²f(x); undefined when the products are not finite. */
export function estimateCurvature(objective: Objective, x: ArrayLike<number>): CurvatureEstimate | undefined {
  const n = objective.dimension;
  if (n === 0) {
    return undefined;
  }
  const product = (v: Float64Array, out: Float64Array) => objective.hessianVectorProduct(x, v, out);

  // Power iteration on H alone stalls when ±λ share the top magnitude (x² - y²). Shifting by a
  // bound ρ ≥ |λ| makes H + ρI and ρI - H positive semidefinite, so each converges to one end.
  const radius = spectralRadiusBound(n, product);
  if (radius === undefined) {
    return undefined;
  }
  if (radius === 0) {
    return { largest: 0, smallest: 0 };
  }
  const top = powerIteration(n, product, 1, radius);
  const bottom = powerIteration(n, product, -1, radius);
  if (top === undefined || bottom === undefined) {
    return undefined;
  }
  return { largest: top - radius, smallest: radius - bottom };
}

/** Estimates an upper bound on max |λ|: the largest ‖Hv‖ seen over a few power steps, with a margin. */
function spectralRadiusBound(
  n: number,
  product: (v: Float64Array, out: Float64Array) => void,
): number | undefined {
  let v: Float64Array = startVector(n);
  let w: Float64Array = new Float64Array(n);
  let largest = 0;

  for (let iteration = 0; iteration < 12; iteration++) {
    product(v, w);
    const norm = normalize(w);
    if (!Number.isFinite(norm)) {
      return undefined;
    }
    if (norm === 0) {
      break;
    }
    largest = Math.max(largest, norm);
    [v, w] = [w, v];
  }
  return 1.5 * largest;
}

/** Power iteration on scale·H + shift·I; returns its dominant eigenvalue (Rayleigh quotient). */
function powerIteration(
  n: number,
  product: (v: Float64Array, out: Float64Array) => void,
  scale: number,
  shift: number,
): number | undefined {
  let v: Float64Array = startVector(n);
  let w: Float64Array = new Float64Array(n);
  let estimate = NaN;

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    product(v, w);
    for (let i = 0; i < n; i++) {
      w[i] = scale * w[i] + shift * v[i];
    }
    const rayleigh = dot(v, w);
    if (!Number.isFinite(rayleigh)) {
      return undefined;
    }
    const settled = Math.abs(rayleigh - estimate) <= relativeTolerance * Math.abs(rayleigh);
    estimate = rayleigh;
    if (normalize(w) === 0 || settled) {
      break;
    }
    [v, w] = [w, v];
  }
  return estimate;
}

/** Builds a unit start vector with unequal entries, so that it is unlikely to miss an eigenvector. */
function startVector(n: number): Float64Array {
  const v = Float64Array.from({ length: n }, (_unused, i) => 1 + i / (n + 1));
  normalize(v);
  return v;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    sum += a[i] * b[i];
  }
  return sum;
}

function normalize(v: Float64Array): number {
  const norm = Math.sqrt(dot(v, v));
  if (norm > 0) {
    for (let i = 0; i < v.length; i++) {
      v[i] /= norm;
    }
  }
  return norm;
}
