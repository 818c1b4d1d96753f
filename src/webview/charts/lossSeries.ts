// The points of the loss chart, for a linear or a logarithmic y axis. Pure, for Node tests.

export interface LossSeries {
  points: { x: number; y: number }[];
  /** Axis title, which names the shift when there is one. */
  title: string;
  /** min f over the kept points when the log view plots f − min f, else undefined. */
  shift: number | undefined;
}

/**
 * Builds the loss points against iteration. Non-finite losses become NaN, which the chart shows as
 * gaps. A log axis cannot show f ≤ 0, so when any kept f is ≤ 0 the log view plots f − min f and
 * leaves out the points where that difference is 0, the minimum itself among them.
 */
export function buildLossSeries(
  iterations: readonly number[],
  losses: readonly (number | null)[],
  logScale: boolean,
): LossSeries {
  const finite = (value: number | null | undefined): value is number =>
    typeof value === 'number' && Number.isFinite(value);

  if (!logScale) {
    const points = iterations.map((iteration, k) => {
      const loss = losses[k];
      return { x: iteration, y: finite(loss) ? loss : NaN };
    });
    return { points, title: 'f', shift: undefined };
  }

  let minimum = Infinity;
  for (const loss of losses) {
    if (finite(loss) && loss < minimum) {
      minimum = loss;
    }
  }
  const shift = minimum <= 0 ? minimum : undefined;

  const points: { x: number; y: number }[] = [];
  iterations.forEach((iteration, k) => {
    const loss = losses[k];
    if (!finite(loss)) {
      points.push({ x: iteration, y: NaN });
      return;
    }

    const value = shift === undefined ? loss : loss - shift;
    if (value > 0) {
      points.push({ x: iteration, y: value });
    }
  });

  const title = shift === undefined ? 'f (log scale)' : 'f \u2212 min f (log scale)';
  return { points, title, shift };
}
