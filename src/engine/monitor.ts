// Watches a run iteration by iteration and recognises, as early as they are evident, the outcomes
// that should stop it: divergence, unbounded descent and a cycle. Thresholds are heuristics chosen
// on the classic cases (x² at α ≥ 1, Rosenbrock near its stability limit, cubics, -x² + 4x).

import type { Verdict } from './types';

export interface Detection {
  verdict: Extract<Verdict, 'diverging' | 'unbounded' | 'oscillating'>;
  period?: number;
  /** Indices of the parameters that move in the cycle. */
  oscillating?: number[];
}

const maxPeriod = 8;
/** Relative distance under which x_k and x_(k-p) count as the same point of a cycle. */
const cycleTolerance = 1e-9;
/** Steps shorter than this, relative to |x|, are floating-point jitter, not oscillation. */
const jitterTolerance = 1e-8;
/** Window of recent iterations kept for the end-of-run analysis. */
export const tailLength = 64;

export class RunMonitor {
  readonly f0: number;
  private readonly x0Scale: number;
  private readonly x0: Float64Array;
  private readonly ring: Float64Array;
  private readonly n: number;
  private count = 0;
  private previousF: number;
  private previousStep = NaN;
  private increases = 0;
  /** The last iteration at which f did not fall; a cycle must have one in every period. */
  private lastNonDecrease = 0;
  /** Consecutive updates whose rise of f above f(x₀) was at least a hundred times the previous one. */
  private explosiveGrowth = 0;
  private previousGap = 0;
  private decreases = 0;
  private stepGrowth = 0;
  private readonly cycleStreak = new Int32Array(maxPeriod + 1);
  private hasStreak = false;
  private readonly tailF = new Float64Array(tailLength);
  private readonly tailGradient = new Float64Array(tailLength);
  private previousDirection: Float64Array;
  /** Iterations whose step reversed the direction of the one before: overshoot past a minimum. */
  reversals = 0;

  /**
   * @param constantHessian f is quadratic, so an instability seen once cannot fade further on.
   */
  constructor(
    x0: ArrayLike<number>,
    f0: number,
    gradientNorm: number,
    private readonly constantHessian = false,
  ) {
    this.n = x0.length;
    this.x0 = Float64Array.from(x0);
    this.x0Scale = 1 + maxAbs(this.x0);
    this.f0 = f0;
    this.previousF = f0;
    this.ring = new Float64Array((maxPeriod + 1) * this.n);
    this.previousDirection = new Float64Array(this.n);
    this.store(0, x0, f0, gradientNorm);
  }

  /** Records iteration k (k ≥ 1) and returns a detection when the run should stop. */
  observe(
    k: number,
    x: Float64Array,
    previous: Float64Array,
    f: number,
    gradientNorm: number,
  ): Detection | undefined {
    const step = this.stepLength(x, previous);
    this.trackTrends(f, step);
    this.store(k, x, f, gradientNorm);
    return this.detectDivergence(x, f) ?? this.detectUnbounded(x, f) ?? this.detectCycle(k, x, step);
  }

  /** True when the last update increased f: the sign of the trend when a value overflows. */
  get lastIncreased(): boolean {
    return this.increases > 0;
  }

  /** f values and ‖∇f‖∞ of the most recent iterations, oldest first. */
  tail(): { f: number[]; gradientNorm: number[] } {
    const kept = Math.min(this.count, tailLength);
    const f: number[] = [];
    const gradientNorm: number[] = [];
    for (let j = this.count - kept; j < this.count; j++) {
      f.push(this.tailF[j % tailLength]);
      gradientNorm.push(this.tailGradient[j % tailLength]);
    }
    return { f, gradientNorm };
  }

  /** Returns the smallest p ≤ 8 with x_k ≈ x_(k-p) to a relative `tolerance`, for the end-of-run report. */
  approximatePeriod(k: number, tolerance: number): number | undefined {
    for (let p = 2; p <= Math.min(maxPeriod, k); p++) {
      if (this.distanceBack(k, p) <= tolerance * this.scaleAt(k)) {
        return p;
      }
    }
    return undefined;
  }

  /** Returns the mean of the last p iterates, which is the centre of a cycle of period p. */
  cycleCentre(k: number, p: number): Float64Array {
    const centre = new Float64Array(this.n);
    for (let back = 0; back < p; back++) {
      const offset = ((k - back) % (maxPeriod + 1)) * this.n;
      for (let i = 0; i < this.n; i++) {
        centre[i] += this.ring[offset + i] / p;
      }
    }
    return centre;
  }

  private trackTrends(f: number, step: number): void {
    if (f > this.previousF) {
      this.increases++;
      this.decreases = 0;
      this.lastNonDecrease = this.count;
    } else if (f < this.previousF) {
      this.decreases++;
      this.increases = 0;
    } else {
      this.increases = 0;
      this.decreases = 0;
      this.lastNonDecrease = this.count;
    }
    const gap = f - this.f0;
    const floor = 0.01 * (1 + Math.abs(this.f0));
    this.explosiveGrowth =
      this.previousGap > floor && gap >= 100 * this.previousGap ? this.explosiveGrowth + 1 : 0;
    this.previousGap = gap;
    this.stepGrowth = step > this.previousStep ? this.stepGrowth + 1 : 0;
    this.previousF = f;
    this.previousStep = step;
  }

  /**
   * Detects divergence: f rose above f(x₀) on the last three updates, and one of three signs shows
   * that the growth will not fade. Either f is quadratic, so its curvature is the same everywhere,
   * and the steps grow. Or the rise above f(x₀) grew a hundredfold twice in a row while x moved a
   * hundred start scales away. Or f rose twenty times in a row with growing steps while x moved a
   * hundred start scales away and f passed f(x₀) by ten thousand times its scale. Elsewhere α above the local
   * 2/L can raise f for a while and then settle into a cycle or bounded chaos, as on Rosenbrock's
   * function from (0, 0) at α = 0.00234 or on x² + 10 sin 3x at α = 0.2.
   */
  private detectDivergence(x: Float64Array, f: number): Detection | undefined {
    if (!(f > this.f0) || this.increases < 3) {
      return undefined;
    }
    const scale = 1 + Math.abs(this.f0);
    const far = this.distanceFromStart(x) > 100 * this.x0Scale;
    const quadratic = this.constantHessian && this.stepGrowth >= 2;
    const explosive = this.explosiveGrowth >= 2 && far;
    const sustained = this.increases >= 20 && this.stepGrowth >= 20 && far && f - this.f0 > 1e4 * scale;
    return quadratic || explosive || sustained ? { verdict: 'diverging' } : undefined;
  }

  /**
   * Unbounded: f fell on each of the last eight updates while every step was longer than the one
   * before and x has moved far (ten times the start's scale). Convergent descent shortens its steps.
   */
  private detectUnbounded(x: Float64Array, f: number): Detection | undefined {
    if (this.decreases < 8 || this.stepGrowth < 8 || f >= this.f0) {
      return undefined;
    }
    return this.distanceFromStart(x) > 10 * this.x0Scale ? { verdict: 'unbounded' } : undefined;
  }

  /** Largest coordinate distance from x₀, in the units of x. */
  distanceFromStart(x: ArrayLike<number>): number {
    let distance = 0;
    for (let i = 0; i < this.n; i++) {
      distance = Math.max(distance, Math.abs(x[i] - this.x0[i]));
    }
    return distance;
  }

  /** The start point's scale, 1 + max |x₀ᵢ|, against which distances count as far. */
  get startScale(): number {
    return this.x0Scale;
  }

  /** Detects a cycle: x_k ≈ x_(k-p) for 2p consecutive iterations while the steps exceed jitter. */
  private detectCycle(k: number, x: Float64Array, step: number): Detection | undefined {
    // f returns to its value once per period, so while f has fallen steadily for longer than the
    // longest period there is no cycle, and the distance checks can be skipped.
    if (this.count - this.lastNonDecrease > maxPeriod + 1) {
      if (this.hasStreak) {
        this.cycleStreak.fill(0);
        this.hasStreak = false;
      }
      return undefined;
    }
    const scale = 1 + maxAbs(x);
    const moving = step > jitterTolerance * scale;

    for (let p = 2; p <= maxPeriod; p++) {
      const repeats = p <= k && this.distanceBack(k, p) <= cycleTolerance * scale;
      this.cycleStreak[p] = repeats && moving ? this.cycleStreak[p] + 1 : 0;
      this.hasStreak ||= this.cycleStreak[p] > 0;
    }
    for (let p = 2; p <= maxPeriod; p++) {
      if (this.cycleStreak[p] >= Math.max(2 * p, 6)) {
        return { verdict: 'oscillating', period: p, oscillating: this.movingIndices(k, p) };
      }
    }
    return undefined;
  }

  /** Parameters that change within one period of the cycle. */
  private movingIndices(k: number, p: number): number[] {
    const indices: number[] = [];
    for (let i = 0; i < this.n; i++) {
      let low = Infinity;
      let high = -Infinity;
      for (let back = 0; back < p; back++) {
        const value = this.ring[((k - back) % (maxPeriod + 1)) * this.n + i];
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
      if (high - low > jitterTolerance * (1 + Math.abs(high))) {
        indices.push(i);
      }
    }
    return indices;
  }

  private store(k: number, x: ArrayLike<number>, f: number, gradientNorm: number): void {
    const offset = (k % (maxPeriod + 1)) * this.n;
    for (let i = 0; i < this.n; i++) {
      this.ring[offset + i] = x[i];
    }
    this.tailF[this.count % tailLength] = f;
    this.tailGradient[this.count % tailLength] = gradientNorm;
    this.count++;
  }

  private stepLength(x: Float64Array, previous: Float64Array): number {
    let squared = 0;
    let dotWithPrevious = 0;
    for (let i = 0; i < this.n; i++) {
      const delta = x[i] - previous[i];
      squared += delta * delta;
      dotWithPrevious += delta * this.previousDirection[i];
      this.previousDirection[i] = delta;
    }
    if (dotWithPrevious < 0) {
      this.reversals++;
    }
    return Math.sqrt(squared);
  }

  private distanceBack(k: number, p: number): number {
    const now = (k % (maxPeriod + 1)) * this.n;
    const then = ((k - p) % (maxPeriod + 1)) * this.n;
    let distance = 0;
    for (let i = 0; i < this.n; i++) {
      distance = Math.max(distance, Math.abs(this.ring[now + i] - this.ring[then + i]));
    }
    return distance;
  }

  private scaleAt(k: number): number {
    const offset = (k % (maxPeriod + 1)) * this.n;
    let scale = 0;
    for (let i = 0; i < this.n; i++) {
      scale = Math.max(scale, Math.abs(this.ring[offset + i]));
    }
    return 1 + scale;
  }
}

function maxAbs(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    largest = Math.max(largest, Math.abs(values[i]));
  }
  return largest;
}
