// Chart.js registration and the options every chart in the panel shares. Only the pieces the panel
// uses are registered, so esbuild leaves the rest of Chart.js out of the bundle.

import {
  Chart,
  Legend,
  LinearScale,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartOptions,
  type ScaleOptionsByType,
} from 'chart.js';
import type { ThemeColours } from '../theme';
import { formatTickLabels, logAxisBounds, logTickValues } from './axisTicks';

Chart.register(ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

export { Chart };

/** A data point in Chart.js's internal format; NaN in `y` leaves a gap. */
export interface XY {
  x: number;
  y: number;
}

export type ScaleKind = 'linear' | 'logarithmic';

type CartesianScale = Partial<ScaleOptionsByType<'linear' | 'logarithmic'>>;

/** Options for an axis titled `title`, coloured from the theme. */
export function themedScale(theme: ThemeColours, title: string, type: ScaleKind = 'linear'): CartesianScale {
  const font = { family: theme.fontFamily, size: Math.max(10, theme.fontSize - 2) };
  const scale = {
    type,
    title: { display: true, text: title, color: theme.mutedForeground, font },
    grid: { color: theme.grid, lineWidth: theme.highContrast ? 1 : 0.5 },
    border: { color: theme.grid },
    ticks: { color: theme.mutedForeground, font, maxTicksLimit: 8 },
  } as CartesianScale;

  if (scale.ticks !== undefined) {
    scale.ticks.callback = (_value, index, ticks) =>
      formatTickLabels(ticks.map((tick) => tick.value))[index] ?? '';
  }
  if (type === 'logarithmic') {
    // Whole decades and the panel's own ticks, because Chart.js's log ticks can start at 0 (see axisTicks.ts).
    scale.bounds = 'data';
    scale.afterDataLimits = (axis) => {
      const bounds = logAxisBounds(axis.min, axis.max);
      axis.min = bounds.min;
      axis.max = bounds.max;
    };
    scale.afterBuildTicks = (axis) => {
      axis.ticks = logTickValues(axis.min, axis.max).map((value) => ({ value }));
    };
  }
  return scale;
}

/**
 * Options shared by all charts. Animation is off and `parsing: false` makes Chart.js use the {x, y}
 * arrays as they are, which keeps a redraw of ten thousand points within a few milliseconds.
 */
export function baseOptions(theme: ThemeColours): ChartOptions<'scatter'> {
  const font = { family: theme.fontFamily, size: Math.max(10, theme.fontSize - 2) };
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    interaction: { mode: 'nearest', intersect: false },
    layout: { padding: 4 },
    plugins: {
      legend: { display: false, labels: { color: theme.foreground, font, boxWidth: 12, boxHeight: 2 } },
      tooltip: {
        backgroundColor: theme.background,
        titleColor: theme.foreground,
        bodyColor: theme.foreground,
        borderColor: theme.grid,
        borderWidth: 1,
        titleFont: font,
        bodyFont: font,
      },
    },
  };
}

/** Draws `draw` clipped to the chart area, for plugins that paint data-space shapes. */
export function drawInChartArea(chart: Chart, draw: (context: CanvasRenderingContext2D) => void): void {
  const area = chart.chartArea;
  const context = chart.ctx;
  context.save();
  context.beginPath();
  context.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
  context.clip();
  draw(context);
  context.restore();
}

/** Returns the value, or NaN when it is missing or not finite, so that the chart leaves a gap. */
export function finiteOrNaN(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : NaN;
}

/** Picks up to `count` indices spread evenly over 0..length−1, always including both ends. */
export function spreadIndices(length: number, count: number): number[] {
  if (length <= count) {
    return Array.from({ length }, (_, index) => index);
  }
  const indices: number[] = [];
  for (let j = 0; j < count; j++) {
    indices.push(Math.round((j * (length - 1)) / (count - 1)));
  }
  return indices;
}

/** Colours the start and end markers of a path the same way in every iterate chart. */
export function styleEndpoints(
  startSet: { backgroundColor?: unknown; borderColor?: unknown },
  endSet: { backgroundColor?: unknown; borderColor?: unknown },
  theme: ThemeColours,
): void {
  startSet.backgroundColor = theme.start;
  startSet.borderColor = theme.start;
  endSet.backgroundColor = theme.end;
  endSet.borderColor = theme.end;
}
