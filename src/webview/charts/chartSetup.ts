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
  Ticks,
  Tooltip,
  type ChartOptions,
  type Scale,
  type ScaleOptionsByType,
} from 'chart.js';
import { formatNumber } from '../format';
import type { ThemeColours } from '../theme';

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
    scale.ticks.callback =
      type === 'logarithmic'
        ? (value) => formatDecade(Number(value))
        : function (value, index, ticks) {
            return formatLinearTick.call(this, Number(value), index, ticks);
          };
  }
  return scale;
}

// Chart.js writes 3e12 as 3,000,000,000,000, so such labels switch to exponent form.
function formatLinearTick(this: Scale, value: number, index: number, ticks: { value: number }[]): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || (magnitude > 0 && magnitude < 1e-3)) {
    return formatNumber(value, 3);
  }
  return Ticks.formatters.numeric.call(this, value, index, ticks);
}

// Chart.js puts log ticks at every 1…9 × 10^k, and only powers of ten get a label, such as 1e−6 or 0.01.
function formatDecade(value: number): string {
  const exponent = Math.round(Math.log10(value));
  return Math.abs(value / 10 ** exponent - 1) < 1e-9 ? formatNumber(value, 1) : '';
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
