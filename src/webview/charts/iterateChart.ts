// The chart of iterates, which depends on the number of parameters: the curve f(x) for one, contour
// lines for two, and one trace per parameter for three or more.

import type { FunctionView, RunView } from '../../protocol';
import type { ThemeColours } from '../theme';
import { ContourChart } from './contourChart';
import { CurveChart } from './curveChart';
import { TraceChart } from './traceChart';

export interface IterateChart {
  /** Replaces the data with the run's iterates and redraws. */
  show(run: RunView | undefined): void;
  setTheme(theme: ThemeColours): void;
  destroy(): void;
}

/** Creates the iterate chart that suits the function's number of parameters. */
export function createIterateChart(
  canvas: HTMLCanvasElement,
  theme: ThemeColours,
  fn: FunctionView,
): IterateChart {
  switch (fn.parameters.length) {
    case 1:
      return new CurveChart(canvas, theme, fn);
    case 2:
      return new ContourChart(canvas, theme, fn);
    default:
      return new TraceChart(canvas, theme, fn);
  }
}

/** Caption above the iterate chart for the function's number of parameters. */
export function iterateChartCaption(parameterCount: number): string {
  switch (parameterCount) {
    case 1:
      return 'Iterates on f';
    case 2:
      return 'Path over contours of f';
    default:
      return 'Parameters and \u2016\u2207f\u2016 by iteration';
  }
}
