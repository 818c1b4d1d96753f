// Loss f against iteration, on a linear or a log y axis.

import type { RunView } from '../../protocol';
import type { ThemeColours } from '../theme';
import { baseOptions, Chart, themedScale, type XY } from './chartSetup';
import { buildLossSeries } from './lossSeries';

// Markers make a short run readable, but on long runs they would hide the line.
const maxPointsWithMarkers = 60;

export class LossChart {
  private readonly chart: Chart<'scatter', XY[]>;
  private theme: ThemeColours;
  private run: RunView | undefined;
  private logScale = false;
  private axisTitle = 'f';

  constructor(canvas: HTMLCanvasElement, theme: ThemeColours) {
    this.theme = theme;
    this.chart = new Chart<'scatter', XY[]>(canvas, {
      type: 'scatter',
      data: { datasets: [{ label: 'f', data: [], showLine: true }] },
      options: this.buildOptions(),
    });
    this.styleDataset();
  }

  /** Replaces the data with the run's losses and redraws. */
  show(run: RunView | undefined): void {
    this.run = run;
    this.updateData();
    this.chart.update('none');
  }

  setLogScale(logScale: boolean): void {
    this.logScale = logScale;
    this.updateData();
    this.chart.options = this.buildOptions();
    this.chart.update('none');
  }

  setTheme(theme: ThemeColours): void {
    this.theme = theme;
    this.styleDataset();
    this.chart.options = this.buildOptions();
    this.chart.update('none');
  }

  destroy(): void {
    this.chart.destroy();
  }

  private updateData(): void {
    const dataset = this.chart.data.datasets[0];
    if (dataset === undefined) {
      return;
    }

    const series = buildLossSeries(this.run?.iterations ?? [], this.run?.losses ?? [], this.logScale);
    dataset.data = series.points;
    dataset.pointRadius = series.points.length <= maxPointsWithMarkers ? 2 : 0;

    // The title changes between "f − min f" and "f" only when the data crosses zero.
    if (series.title !== this.axisTitle) {
      this.axisTitle = series.title;
      this.chart.options = this.buildOptions();
    }
  }

  private styleDataset(): void {
    const dataset = this.chart.data.datasets[0];
    if (dataset === undefined) {
      return;
    }
    dataset.borderColor = this.theme.primary;
    dataset.backgroundColor = this.theme.primary;
    dataset.borderWidth = this.theme.lineWidth;
  }

  private buildOptions(): Chart<'scatter'>['options'] {
    const options = baseOptions(this.theme);
    options.normalized = true;
    // Iterations start at 0, so a run of 0 iterations shows 0 to 1 and not −1 to 1.
    const iterationAxis = themedScale(this.theme, 'iteration');
    iterationAxis.min = 0;
    options.scales = {
      x: iterationAxis,
      y: themedScale(this.theme, this.axisTitle, this.logScale ? 'logarithmic' : 'linear'),
    };
    return options;
  }
}
