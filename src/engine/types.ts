// Shapes shared by the optimizer, the command-line interface, the host and the webview.

/** One outcome class of a run; the host, CLI and panel all show exactly one of these. */
export type Verdict = 'converged' | 'slow' | 'oscillating' | 'diverging' | 'unbounded' | 'non-finite';

/** Settings of one gradient-descent run. */
export interface DescentOptions {
  /** Learning rate α; 0 is valid and evaluates without moving. */
  learningRate: number;
  /** Start point x₀, one entry per parameter. */
  x0: readonly number[];
  /** Maximum number of updates; 0 evaluates f and ∇f at x₀ only. */
  maxIterations: number;
  /** Convergence threshold on the largest gradient component, ‖∇f‖∞ ≤ gtol. */
  gtol: number;
  /** Maximum number of history points kept; longer runs are thinned evenly. */
  historyCap?: number;
  /**
   * Stop as soon as divergence, unbounded descent or a cycle is recognised (default true). With
   * false the run goes on to the limit, or until an iterate nears float64 overflow, and keeps the
   * first verdict. Tests use it to compare whole trajectories.
   */
  stopEarly?: boolean;
}

/** One recorded iterate. `iteration` is the number of updates that produced it (x₀ is 0). */
export interface HistoryPoint {
  iteration: number;
  x: number[];
  f: number;
  gradientNorm: number;
}

/**
 * Result of a run, shaped like scipy.optimize's OptimizeResult plus our verdict. `status`: 0 gtol
 * reached, 1 iteration limit, 2 no progress possible in floating point, 3 stopped early by the
 * verdict (divergence, unbounded descent, cycle), 4 non-finite value, 5 cancelled.
 */
export interface DescentResult {
  x: number[];
  fun: number;
  jac: number[];
  nit: number;
  nfev: number;
  njev: number;
  success: boolean;
  status: number;
  message: string;
  verdict: Verdict;
  explanation: string;
  /** Period of the cycle when the verdict is `oscillating` and a period was found. */
  period?: number;
  /** Parameters that oscillate, when only some of them do. */
  oscillatingParameters?: string[];
  /** Largest Hessian eigenvalue L at x₀ when it is positive, and the stability limit 2/L. */
  curvatureAtStart?: number;
  stabilityLimit?: number;
  /** The iteration at which the verdict became evident. */
  verdictIteration: number;
  /** Estimated iterations still needed when the verdict is `slow`. */
  moreIterationsNeeded?: number;
  parameters: string[];
  learningRate: number;
  history: HistoryPoint[];
}
