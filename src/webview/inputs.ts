// Pure helpers behind the controls: the learning-rate slider's log scale and validation of typed
// numbers against the protocol's settings bounds. No DOM here, so Node tests can import it.

import { settingsBounds } from '../protocol';

/** The slider's position is log10(α); these are its ends and its resolution in decades. */
export const sliderScale = {
  min: Math.log10(settingsBounds.learningRate.sliderMin),
  max: Math.log10(settingsBounds.learningRate.max),
  step: 0.01,
} as const;

/** Maps a slider position to a learning rate rounded to 3 significant digits, so the number input shows a short value. */
export function sliderToLearningRate(position: number): number {
  const clamped = Math.min(sliderScale.max, Math.max(sliderScale.min, position));
  return Number((10 ** clamped).toPrecision(3));
}

/** Maps a learning rate to the nearest slider position. 0 and rates below the slider's range map to its left end. */
export function learningRateToSlider(learningRate: number): number {
  if (!(learningRate > 0)) {
    return sliderScale.min;
  }
  return Math.min(sliderScale.max, Math.max(sliderScale.min, Math.log10(learningRate)));
}

export type ParsedInput = { ok: true; value: number } | { ok: false; message: string };

interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
}

/**
 * Parses the text of a number input. `badInput` is the input's `validity.badInput`, which is true
 * when the browser could not parse what was typed (its `value` is then empty).
 */
export function parseNumberInput(text: string, badInput: boolean, rule: NumberRule): ParsedInput {
  const trimmed = text.trim();
  if (badInput) {
    return { ok: false, message: 'Enter a number.' };
  }
  if (trimmed === '') {
    return { ok: false, message: 'Enter a value.' };
  }

  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    return { ok: false, message: `${JSON.stringify(trimmed)} is not a number.` };
  }
  if (value < rule.min || value > rule.max) {
    return { ok: false, message: `Enter a number from ${rule.min} to ${rule.max}.` };
  }
  if (rule.integer === true && !Number.isInteger(value)) {
    return { ok: false, message: 'Enter a whole number.' };
  }
  return { ok: true, value };
}

export const learningRateRule: NumberRule = {
  min: settingsBounds.learningRate.min,
  max: settingsBounds.learningRate.max,
};

export const maxIterationsRule: NumberRule = {
  min: settingsBounds.maxIterations.min,
  max: settingsBounds.maxIterations.max,
  integer: true,
};

export const gtolRule: NumberRule = { min: settingsBounds.gtol.min, max: settingsBounds.gtol.max };

export const startPointRule: NumberRule = {
  min: -settingsBounds.startPoint.maxAbs,
  max: settingsBounds.startPoint.maxAbs,
};
