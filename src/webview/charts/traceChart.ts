// Three or more parameters: one trace per parameter against iteration, and ‖∇f‖ on a log axis.

import type { FunctionView, RunView } from '../../protocol';
import type { ThemeColours } from '../theme';
import { baseOptions, Chart, finiteOrNaN, themedScale, type XY } from './chartSetup';
import type { IterateChart } from './iterateChart';

const gradientLabel = '\u2016\u2207f\u2016';

export class TraceChart implements IterateChart {
  private readonly chart: Chart<'scatter', XY[]>;
  private theme: ThemeColours;
  private readonly parameters: readonly string[];

  constructor(canvas: HTMLCanvasElement, theme: ThemeColours, fn: FunctionView) {
    this.theme = theme;
    this.parameters = fn.parameters;
    const parameterSets = fn.parameters.map((name) => ({
      label: name,
      data: [] as XY[],
      showLine: true,
      pointRadius: 0,
      yAxisID: 'y',
    }));
    const gradientSet = {
      label: gradientLabel,
      data: [] as XY[],
      showLine: true,
      pointRadius: 0,
      yAxisID: 'y1',
    };

    this.chart = new Chart<'scatter', XY[]>(canvas, {
      type: 'scatter',
      data: { datasets: [...parameterSets, gradientSet] },
      options: this.buildOptions(),
    });
    this.styleDatasets();
  }

  show(run: RunView | undefined): void {
    const iterations = run?.iterations ?? [];
    const datasets = this.chart.data.datasets;

    this.parameters.forEach((_, p) => {
      const dataset = datasets[p];
      if (dataset !== undefined) {
        dataset.data = iterations.map((iteration, k) => ({
          x: iteration,
          y: finiteOrNaN(run?.iterates[k]?.[p]),
        }));
      }
    });

    // A log axis has no place for ‖∇f‖ = 0, which an exact minimum can reach, so such points are left out.
    const gradientSet = datasets[this.parameters.length];
    if (gradientSet !== undefined) {
      const norms = run?.gradientNorms ?? [];
      gradientSet.data = iterations
        .map((iteration, k) => ({ x: iteration, y: finiteOrNaN(norms[k]) }))
        .filter((point) => !(point.y <= 0));
    }
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

  private styleDatasets(): void {
    const datasets = this.chart.data.datasets;
    datasets.forEach((dataset, index) => {
      const isGradient = index === this.parameters.length;
      const colour = isGradient
        ? this.theme.mutedForeground
        : (this.theme.series[index % this.theme.series.length] ?? this.theme.primary);
      dataset.borderColor = colour;
      dataset.backgroundColor = colour;
      dataset.borderWidth = this.theme.lineWidth;
      dataset.borderDash = isGradient ? [4, 3] : [];
    });
  }

  private buildOptions(): Chart<'scatter'>['options'] {
    const options = baseOptions(this.theme);
    options.normalized = true;
    const legend = options.plugins?.legend;
    if (legend !== undefined) {
      legend.display = true;
      legend.position = 'top';
    }

    const gradientAxis = themedScale(this.theme, `${gradientLabel} (log scale)`, 'logarithmic');
    gradientAxis.position = 'right';
    if (gradientAxis.grid !== undefined) {
      gradientAxis.grid.drawOnChartArea = false;
    }
    // Iterations start at 0, so a run of 0 iterations shows 0 to 1 and not −1 to 1.
    const iterationAxis = themedScale(this.theme, 'iteration');
    iterationAxis.min = 0;
    options.scales = {
      x: iterationAxis,
      y: themedScale(this.theme, 'parameter value'),
      y1: gradientAxis,
    };
    return options;
  }
}
