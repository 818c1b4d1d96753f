// Tick values and labels for the charts' axes. Pure, for Node tests.
//
// Chart.js 4.6.1 builds log-axis ticks from the data minimum with floating-point arithmetic that can
// round the first tick to 0 when the minimum is tiny. In Chromium, a minimum of 1.13e−26 from a
// converged Rosenbrock run gives a first tick of 0. With `bounds: 'ticks'` the axis then starts at 0,
// log10(0) is −∞ and neither the line nor the labels are drawn. So the panel snaps log axes to whole
// decades itself, with `bounds: 'data'`, and supplies its own ticks.

import { formatExponent, formatPlain } from '../format';

/** Smallest and largest decade exponents a double can hold: 1e−323 is subnormal, 1e309 is Infinity. */
const minDecade = -323;
const maxDecade = 308;

/** Returns 10^exponent, parsed from text so that it is the double nearest to the exact power. */
function powerOfTen(exponent: number): number {
  return Number(`1e${exponent}`);
}

/**
 * Returns whole-decade bounds that contain [dataMin, dataMax] for a logarithmic axis, one decade wide
 * at least. Without positive finite data it returns [1, 10], as Chart.js does.
 */
export function logAxisBounds(dataMin: number, dataMax: number): { min: number; max: number } {
  if (!(dataMin > 0) || !Number.isFinite(dataMin) || !(dataMax >= dataMin) || !Number.isFinite(dataMax)) {
    return { min: 1, max: 10 };
  }

  // Math.log10 can be off by an ulp near a power of ten, so each bound is checked against the data.
  let low = Math.floor(Math.log10(dataMin));
  if (powerOfTen(low) > dataMin) {
    low -= 1;
  }
  let high = Math.ceil(Math.log10(dataMax));
  if (powerOfTen(high) < dataMax) {
    high += 1;
  }

  low = Math.min(Math.max(low, minDecade), maxDecade - 1);
  high = Math.min(Math.max(high, low + 1), maxDecade);
  return { min: powerOfTen(low), max: powerOfTen(high) };
}

/**
 * Returns tick values for a logarithmic axis from `min` to `max`, both powers of ten. Up to two
 * decades get ticks at 1, 2 and 5 × 10^k. Longer ranges get at most `maxCount` powers of ten whose
 * exponents are multiples of one step, so the ticks are evenly spaced.
 */
export function logTickValues(min: number, max: number, maxCount = 8): number[] {
  const low = Math.round(Math.log10(min));
  const high = Math.round(Math.log10(max));
  if (!Number.isFinite(low) || !Number.isFinite(high) || high < low) {
    return [];
  }

  const values: number[] = [];
  if (high - low <= 2) {
    for (let exponent = low; exponent <= high; exponent++) {
      values.push(powerOfTen(exponent));
      if (exponent < high) {
        values.push(Number(`2e${exponent}`), Number(`5e${exponent}`));
      }
    }
    return values;
  }

  const step = Math.max(1, Math.ceil((high - low) / Math.max(1, maxCount - 1)));
  for (let exponent = Math.ceil(low / step) * step; exponent <= high; exponent += step) {
    values.push(powerOfTen(exponent));
  }
  return values;
}

/**
 * Formats the tick values of one axis in one style, so that an axis never mixes 50000 with 1e5: all
 * in exponent form when any value reaches 1e5 or any nonzero value is below 1e−3, otherwise all plain.
 * Values are first rounded to 12 significant digits, which removes floating-point noise such as
 * 0.30000000000000004 from Chart.js's linear ticks.
 */
export function formatTickLabels(values: readonly number[]): string[] {
  const rounded = values.map((value) => (Number.isFinite(value) ? Number(value.toPrecision(12)) : value));
  const magnitudes = rounded.filter((value) => Number.isFinite(value) && value !== 0).map(Math.abs);
  const exponentForm = magnitudes.some((magnitude) => magnitude >= 1e5 || magnitude < 1e-3);

  return rounded.map((value) => {
    if (!Number.isFinite(value)) {
      return '';
    }
    return exponentForm ? formatExponent(value) : formatPlain(value);
  });
}
