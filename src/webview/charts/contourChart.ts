// Two parameters: contour lines of f under the path of iterates. The contours are drawn by a small
// plugin before the datasets, so the path stays on top.

import type { FunctionView, RunView } from '../../protocol';
import { withAlpha, type ThemeColours } from '../theme';
import {
  baseOptions,
  Chart,
  drawInChartArea,
  finiteOrNaN,
  styleEndpoints,
  themedScale,
  type XY,
} from './chartSetup';
import {
  chooseContourLevels,
  computeContourLines,
  type ContourLine,
  type GridLandscape,
} from './contourLines';
import type { IterateChart } from './iterateChart';

const contourLevelCount = 12;
const maxPointsWithMarkers = 200;

export class ContourChart implements IterateChart {
  private readonly chart: Chart<'scatter', XY[]>;
  private theme: ThemeColours;
  private readonly parameters: readonly string[];
  private lines: ContourLine[] = [];
  private gridKey = '';
  /** The sampled rectangle, which the axes show exactly so that the contours fill the plot. */
  private bounds: GridLandscape | undefined;

  constructor(canvas: HTMLCanvasElement, theme: ThemeColours, fn: FunctionView) {
    this.theme = theme;
    this.parameters = fn.parameters;
    this.chart = new Chart<'scatter', XY[]>(canvas, {
      type: 'scatter',
      data: {
        datasets: [
          { label: 'path', data: [], showLine: true },
          { label: 'start', data: [], pointRadius: 4 },
          { label: 'end', data: [], pointRadius: 4 },
        ],
      },
      options: this.buildOptions(),
      plugins: [
        {
          id: 'contourLines',
          beforeDatasetsDraw: (chart) => this.drawContours(chart),
        },
      ],
    });
    this.styleDatasets();
  }

  show(run: RunView | undefined): void {
    const [pathSet, startSet, endSet] = this.chart.data.datasets;
    if (pathSet === undefined || startSet === undefined || endSet === undefined) {
      return;
    }

    const path = (run?.iterates ?? []).map((point) => ({
      x: finiteOrNaN(point[0]),
      y: finiteOrNaN(point[1]),
    }));
    pathSet.data = path;
    pathSet.pointRadius = path.length <= maxPointsWithMarkers ? 2 : 0;
    startSet.data = path.slice(0, 1);
    endSet.data = path.length > 1 ? path.slice(-1) : [];

    const grid = run?.landscape?.kind === 'grid' ? run.landscape : undefined;
    this.updateContours(grid);
    this.bounds = grid;
    this.fitScales();
    this.chart.update('none');
  }

  setTheme(theme: ThemeColours): void {
    this.theme = theme;
    this.styleDatasets();
    this.chart.options = this.buildOptions();
    this.fitScales();
    this.chart.update('none');
  }

  destroy(): void {
    this.chart.destroy();
  }

  // The grid usually stays the same while only the learning rate changes, so contours are cached.
  private updateContours(grid: GridLandscape | undefined): void {
    const key = grid === undefined ? '' : gridFingerprint(grid);
    if (key === this.gridKey) {
      return;
    }

    this.gridKey = key;
    this.lines =
      grid === undefined
        ? []
        : computeContourLines(grid, chooseContourLevels(grid.values, contourLevelCount));
  }

  private fitScales(): void {
    const { x, y } = this.chart.options.scales ?? {};
    if (x === undefined || y === undefined) {
      return;
    }
    x.min = this.bounds?.xMin;
    x.max = this.bounds?.xMax;
    y.min = this.bounds?.yMin;
    y.max = this.bounds?.yMax;

    // The bounds are not round numbers, so they get no tick labels of their own.
    if (x.ticks !== undefined && y.ticks !== undefined) {
      x.ticks.includeBounds = false;
      y.ticks.includeBounds = false;
    }
  }

  private drawContours(chart: Chart): void {
    const xScale = chart.scales.x;
    const yScale = chart.scales.y;
    if (xScale === undefined || yScale === undefined || this.lines.length === 0) {
      return;
    }

    drawInChartArea(chart, (context) => {
      context.lineWidth = this.theme.highContrast ? 1.5 : 1;
      for (const line of this.lines) {
        // Low levels, near the minimum, are drawn strongest.
        context.strokeStyle = withAlpha(this.theme.primary, 0.85 - 0.55 * line.rank);
        context.beginPath();
        tracePath(
          context,
          line.path,
          (x) => xScale.getPixelForValue(x),
          (y) => yScale.getPixelForValue(y),
        );
        context.stroke();
      }
    });
  }

  private styleDatasets(): void {
    const [pathSet, startSet, endSet] = this.chart.data.datasets;
    if (pathSet === undefined || startSet === undefined || endSet === undefined) {
      return;
    }
    pathSet.borderColor = this.theme.path;
    pathSet.backgroundColor = this.theme.path;
    pathSet.borderWidth = this.theme.lineWidth;
    styleEndpoints(startSet, endSet, this.theme);
  }

  private buildOptions(): Chart<'scatter'>['options'] {
    const options = baseOptions(this.theme);
    options.scales = {
      x: themedScale(this.theme, this.parameters[0] ?? 'x'),
      y: themedScale(this.theme, this.parameters[1] ?? 'y'),
    };
    return options;
  }
}

function tracePath(
  context: CanvasRenderingContext2D,
  path: Float64Array,
  toPixelX: (x: number) => number,
  toPixelY: (y: number) => number,
): void {
  let penDown = false;
  for (let k = 0; k + 1 < path.length; k += 2) {
    const x = path[k] as number;
    const y = path[k + 1] as number;
    if (Number.isNaN(x)) {
      penDown = false;
      continue;
    }

    if (penDown) {
      context.lineTo(toPixelX(x), toPixelY(y));
    } else {
      context.moveTo(toPixelX(x), toPixelY(y));
      penDown = true;
    }
  }
}

// Bounds, size and a checksum of the samples, which tell two grids of one session apart.
function gridFingerprint(grid: GridLandscape): string {
  let checksum = 0;
  grid.values.forEach((value, index) => {
    if (value !== null && Number.isFinite(value)) {
      checksum += value * ((index % 7) + 1);
    }
  });
  return [grid.xMin, grid.xMax, grid.yMin, grid.yMax, grid.width, grid.height, checksum].join(',');
}
