// The panel's header: the function as parsed, its parameters and derivative, where it came from, the
// verdict with its explanation, a one-line summary of the run, and a status line while a run is in
// progress.

import type { FunctionView, RunView } from '../protocol';
import { element } from './dom';
import { formatCount, formatMilliseconds, formatNumber, formatPoint } from './format';

export class Header {
  private readonly formula = element('code', 'formula');
  private readonly derivative = element('div', 'derivative');
  private readonly details = element('div', 'details');
  private readonly badge = element('span', 'badge');
  private readonly explanation = element('span', 'explanation');
  private readonly summary = element('div', 'summary');
  private readonly runStatus = element('div', 'run-status', { role: 'status', 'aria-live': 'polite' });
  private shownFunction: FunctionView | undefined;
  private readonly verdict = element('div', 'verdict', { role: 'status', 'aria-live': 'polite' }, [
    this.badge,
    this.explanation,
  ]);

  constructor(container: HTMLElement) {
    container.append(
      element('div', 'function', {}, [this.formula]),
      this.derivative,
      this.details,
      this.verdict,
      this.summary,
      this.runStatus,
    );
    this.runStatus.hidden = true;
  }

  showFunction(fn: FunctionView): void {
    // Results reuse the state's FunctionView object, so an unchanged function is skipped cheaply.
    if (fn === this.shownFunction) {
      return;
    }
    this.shownFunction = fn;

    const parameterList = fn.parameters.join(', ');
    this.formula.textContent = `f(${parameterList}) = ${fn.display}`;

    this.derivative.hidden = fn.derivative === undefined;
    this.derivative.textContent =
      fn.derivative === undefined ? '' : `f\u2032(${parameterList}) = ${fn.derivative}`;

    const parts = [`${fn.parameters.length === 1 ? 'parameter' : 'parameters'}: ${parameterList}`];
    if (fn.origin !== undefined) {
      parts.push(`from ${fn.origin}`);
    }
    this.details.textContent = parts.join(' \u00b7 ');
  }

  showRun(run: RunView | undefined): void {
    if (run === undefined) {
      this.setVerdict('running', 'Running gradient descent\u2026');
      this.summary.textContent = '';
      return;
    }

    this.setVerdict(run.verdict, run.explanation);
    this.summary.textContent = summarize(run);
    this.summary.title = run.message;
  }

  showError(message: string): void {
    this.setVerdict('error', message);
  }

  /**
   * Shows that a run with the given learning rate is in progress, or hides the status line when
   * `learningRate` is undefined. The stylesheet dims the verdict and summary while it is shown.
   */
  showRunning(learningRate: number | undefined): void {
    const running = learningRate !== undefined;
    this.runStatus.hidden = !running;
    this.runStatus.textContent = running ? `Running\u2026 \u03b1 = ${String(learningRate)}` : '';
    this.verdict.classList.toggle('busy', running);
    this.summary.classList.toggle('busy', running);
  }

  // The stylesheet colours the badge and the box's edge by data-verdict.
  private setVerdict(verdict: string, text: string): void {
    if (this.verdict.dataset.verdict !== verdict) {
      this.verdict.dataset.verdict = verdict;
      this.badge.textContent = verdict;
    }
    if (this.explanation.textContent !== text) {
      this.explanation.textContent = text;
    }
  }
}

// RunView arrives as JSON, so fun, gradientNormFinal, entries of x and stabilityLimit are null where
// the engine produced NaN or ±Infinity. formatNumber shows those as not finite.
function summarize(run: RunView): string {
  const parts = [
    `${formatCount(run.nit)} ${run.nit === 1 ? 'iteration' : 'iterations'}`,
    `f = ${formatNumber(run.fun)}`,
    `x = ${formatPoint(run.x)}`,
    `\u2016\u2207f\u2016 = ${formatNumber(run.gradientNormFinal)}`,
  ];
  if (run.period !== undefined) {
    parts.push(`period ${run.period}`);
  }
  if (run.stabilityLimit !== undefined) {
    parts.push(`2/L = ${formatNumber(run.stabilityLimit)}`);
  }
  parts.push(formatMilliseconds(run.elapsedMs));
  return parts.join(' \u00b7 ');
}
