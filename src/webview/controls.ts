// The run controls: learning rate (log-scale slider plus an exact number), start point, maximum
// iterations, gtol, and the loss chart's log-scale toggle. Every valid change is reported at once.
// An invalid value is marked on its control, and nothing is reported until it is fixed.

import type { RunSettings } from '../protocol';
import { element } from './dom';
import {
  gtolRule,
  learningRateRule,
  learningRateToSlider,
  maxIterationsRule,
  parseNumberInput,
  sliderScale,
  sliderToLearningRate,
  startPointRule,
  type ParsedInput,
} from './inputs';

export interface ControlsCallbacks {
  onSettings(settings: RunSettings): void;
  onLogScale(logScale: boolean): void;
}

type Rule = Parameters<typeof parseNumberInput>[2];

/** A labelled number input with its error line. */
class NumberField {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly error: HTMLElement;

  constructor(
    id: string,
    label: string,
    private readonly rule: Rule,
    extraControl?: HTMLElement,
  ) {
    this.input = element('input', 'number', {
      id,
      type: 'number',
      step: 'any',
      min: String(rule.min),
      max: String(rule.max),
      'aria-describedby': `${id}-error`,
    });
    if (rule.integer === true) {
      this.input.step = '1';
    }
    this.error = element('div', 'field-error', { id: `${id}-error` });
    this.error.hidden = true;

    const row = element(
      'div',
      'field-row',
      {},
      extraControl === undefined ? [this.input] : [extraControl, this.input],
    );
    this.root = element('div', 'field', {}, [element('label', '', { for: id }, [label]), row, this.error]);
  }

  /** Parses the input and marks it valid or invalid. */
  read(): ParsedInput {
    const parsed = parseNumberInput(this.input.value, this.input.validity.badInput, this.rule);
    this.markInvalid(parsed.ok ? undefined : parsed.message);
    return parsed;
  }

  setValue(value: number): void {
    this.input.value = String(value);
    this.markInvalid(undefined);
  }

  private markInvalid(message: string | undefined): void {
    const invalid = message !== undefined;
    this.input.classList.toggle('invalid', invalid);
    this.input.setAttribute('aria-invalid', String(invalid));
    this.error.textContent = message ?? '';
    this.error.hidden = !invalid;
  }
}

export class Controls {
  private readonly slider: HTMLInputElement;
  private readonly learningRate: NumberField;
  private readonly maxIterations: NumberField;
  private readonly gtol: NumberField;
  private readonly logScaleToggle: HTMLInputElement;
  private readonly startPointGroup: HTMLElement;
  private startPoint: NumberField[] = [];
  private parameters: readonly string[] = [];
  /** False until the first settings arrive, because a run needs a start point of the right length. */
  private hasSettings = false;

  constructor(
    container: HTMLElement,
    private readonly callbacks: ControlsCallbacks,
  ) {
    this.slider = element('input', 'slider', {
      type: 'range',
      min: String(sliderScale.min),
      max: String(sliderScale.max),
      step: String(sliderScale.step),
      'aria-label': 'Learning rate \u03b1, log scale',
    });
    this.learningRate = new NumberField(
      'learning-rate',
      'Learning rate \u03b1',
      learningRateRule,
      this.slider,
    );
    this.learningRate.root.classList.add('field-wide');
    this.maxIterations = new NumberField('max-iterations', 'Max iterations', maxIterationsRule);
    this.gtol = new NumberField('gtol', 'gtol (\u2016\u2207f\u2016\u221e)', gtolRule);

    this.startPointGroup = element('div', 'start-point', { role: 'group', 'aria-label': 'Start point' });
    this.logScaleToggle = element('input', '', { id: 'log-scale', type: 'checkbox' });
    const toggle = element('label', 'toggle', { for: 'log-scale' }, [this.logScaleToggle, 'Log-scale loss']);

    container.append(
      this.learningRate.root,
      this.startPointGroup,
      this.maxIterations.root,
      this.gtol.root,
      element('div', 'field field-toggle', {}, [toggle]),
    );
    this.listen();
  }

  get logScale(): boolean {
    return this.logScaleToggle.checked;
  }

  /** Shows the log-scale choice restored from the saved state, without reporting a change. */
  setLogScale(logScale: boolean): void {
    this.logScaleToggle.checked = logScale;
  }

  /** Shows the given settings without reporting a change, rebuilding the start-point inputs when the parameters change. */
  setSettings(settings: RunSettings, parameters: readonly string[]): void {
    if (parameters.join('\u0000') !== this.parameters.join('\u0000')) {
      this.buildStartPoint(parameters);
    }

    this.learningRate.setValue(settings.learningRate);
    this.slider.value = String(learningRateToSlider(settings.learningRate));
    this.maxIterations.setValue(settings.maxIterations);
    this.gtol.setValue(settings.gtol);
    this.startPoint.forEach((field, i) => field.setValue(settings.x0[i] ?? 0));
    this.hasSettings = true;
  }

  private listen(): void {
    this.slider.addEventListener('input', () => {
      this.learningRate.setValue(sliderToLearningRate(Number(this.slider.value)));
      this.report();
    });

    this.learningRate.input.addEventListener('input', () => {
      const parsed = this.learningRate.read();
      if (parsed.ok) {
        this.slider.value = String(learningRateToSlider(parsed.value));
      }
      this.report();
    });

    for (const field of [this.maxIterations, this.gtol]) {
      field.input.addEventListener('input', () => this.report());
    }
    this.logScaleToggle.addEventListener('change', () => this.callbacks.onLogScale(this.logScale));
  }

  private buildStartPoint(parameters: readonly string[]): void {
    this.parameters = [...parameters];
    this.startPoint = parameters.map(
      (name, i) => new NumberField(`start-${i}`, `Start ${name}\u2080`, startPointRule),
    );
    for (const field of this.startPoint) {
      field.input.addEventListener('input', () => this.report());
    }
    this.startPointGroup.replaceChildren(...this.startPoint.map((field) => field.root));
  }

  // Reads every field, so that each invalid one is marked, and reports only when all are valid.
  private report(): void {
    if (!this.hasSettings) {
      return;
    }

    const learningRate = this.learningRate.read();
    const maxIterations = this.maxIterations.read();
    const gtol = this.gtol.read();
    const x0 = this.startPoint.map((field) => field.read());
    if (!learningRate.ok || !maxIterations.ok || !gtol.ok || !x0.every((component) => component.ok)) {
      return;
    }

    this.callbacks.onSettings({
      learningRate: learningRate.value,
      x0: x0.map((component) => (component.ok ? component.value : NaN)),
      maxIterations: maxIterations.value,
      gtol: gtol.value,
    });
  }
}
