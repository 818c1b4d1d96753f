// One parameter: the curve f(x) with the iterates on it and short tangent lines at some of them.

import type { FunctionView, RunView } from '../../protocol';
import type { ThemeColours } from '../theme';
import {
  baseOptions,
  Chart,
  drawInChartArea,
  finiteOrNaN,
  spreadIndices,
  styleEndpoints,
  themedScale,
  type XY,
} from './chartSetup';
import type { IterateChart } from './iterateChart';

const maxTangents = 20;
/** Half the length of a tangent line, in CSS pixels. */
const tangentHalfLength = 28;
const maxPointsWithMarkers = 200;

interface Tangent {
  x: number;
  f: number;
  slope: number;
}

export class CurveChart implements IterateChart {
  private readonly chart: Chart<'scatter', XY[]>;
  private theme: ThemeColours;
  private readonly parameter: string;
  private tangents: Tangent[] = [];

  constructor(canvas: HTMLCanvasElement, theme: ThemeColours, fn: FunctionView) {
    this.theme = theme;
    this.parameter = fn.parameters[0] ?? 'x';
    this.chart = new Chart<'scatter', XY[]>(canvas, {
      type: 'scatter',
      data: {
        datasets: [
          { label: 'f', data: [], showLine: true, pointRadius: 0 },
          { label: 'iterates', data: [], showLine: true },
          { label: 'start', data: [], pointRadius: 4 },
          { label: 'end', data: [], pointRadius: 4 },
        ],
      },
      options: this.buildOptions(),
      plugins: [{ id: 'tangentLines', afterDatasetsDraw: (chart) => this.drawTangents(chart) }],
    });
    this.styleDatasets();
  }

  show(run: RunView | undefined): void {
    const [curveSet, iterateSet, startSet, endSet] = this.chart.data.datasets;
    if (
      curveSet === undefined ||
      iterateSet === undefined ||
      startSet === undefined ||
      endSet === undefined
    ) {
      return;
    }

    const landscape = run?.landscape;
    curveSet.data =
      landscape?.kind === 'curve' ? landscape.xs.map((x, i) => ({ x, y: finiteOrNaN(landscape.fs[i]) })) : [];

    const iterates = (run?.iterates ?? []).map((point, k) => ({
      x: finiteOrNaN(point[0]),
      y: finiteOrNaN(run?.losses[k]),
    }));
    iterateSet.data = iterates;
    iterateSet.pointRadius = iterates.length <= maxPointsWithMarkers ? 2.5 : 0;
    startSet.data = iterates.slice(0, 1);
    endSet.data = iterates.length > 1 ? iterates.slice(-1) : [];

    this.tangents = collectTangents(iterates, run?.slopes);
    this.chart.update('none');
  }

  setTheme(theme: ThemeColours): void {
    this.theme = theme;
    this.styleDatasets();
    this.chart.options = this.buildOptions();
    this.chart.update('none');
  }

  destroy(): void {
    this.chart.destroy();
  }

  // The tangent direction is worked out in pixels, so every line has the same length on screen
  // however steep the slope is in data units.
  private drawTangents(chart: Chart): void {
    const xScale = chart.scales.x;
    const yScale = chart.scales.y;
    if (xScale === undefined || yScale === undefined || this.tangents.length === 0) {
      return;
    }

    drawInChartArea(chart, (context) => {
      context.strokeStyle = this.theme.tangent;
      context.lineWidth = this.theme.lineWidth;
      context.beginPath();
      for (const tangent of this.tangents) {
        const centreX = xScale.getPixelForValue(tangent.x);
        const centreY = yScale.getPixelForValue(tangent.f);
        const pixelsPerX = xScale.getPixelForValue(tangent.x + 1) - centreX;
        const pixelsPerY = yScale.getPixelForValue(tangent.f + 1) - centreY;

        const directionX = pixelsPerX;
        const directionY = pixelsPerY * tangent.slope;
        const length = Math.hypot(directionX, directionY);
        if (!Number.isFinite(length) || length === 0) {
          continue;
        }

        const scale = tangentHalfLength / length;
        context.moveTo(centreX - directionX * scale, centreY - directionY * scale);
        context.lineTo(centreX + directionX * scale, centreY + directionY * scale);
      }
      context.stroke();
    });
  }

  private styleDatasets(): void {
    const [curveSet, iterateSet, startSet, endSet] = this.chart.data.datasets;
    if (
      curveSet === undefined ||
      iterateSet === undefined ||
      startSet === undefined ||
      endSet === undefined
    ) {
      return;
    }
    curveSet.borderColor = this.theme.primary;
    curveSet.backgroundColor = this.theme.primary;
    curveSet.borderWidth = this.theme.lineWidth;
    iterateSet.borderColor = this.theme.path;
    iterateSet.backgroundColor = this.theme.path;
    iterateSet.borderWidth = this.theme.highContrast ? 1.5 : 0.75;
    styleEndpoints(startSet, endSet, this.theme);
  }

  private buildOptions(): Chart<'scatter'>['options'] {
    const options = baseOptions(this.theme);
    options.scales = {
      x: themedScale(this.theme, this.parameter),
      y: themedScale(this.theme, `f(${this.parameter})`),
    };
    return options;
  }
}

function collectTangents(iterates: readonly XY[], slopes: readonly number[] | undefined): Tangent[] {
  if (slopes === undefined) {
    return [];
  }

  const tangents: Tangent[] = [];
  for (const k of spreadIndices(iterates.length, maxTangents)) {
    const point = iterates[k];
    const slope = slopes[k];
    if (point !== undefined && slope !== undefined && Number.isFinite(point.x + point.y + slope)) {
      tangents.push({ x: point.x, f: point.y, slope });
    }
  }
  return tangents;
}
