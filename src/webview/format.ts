// Number formatting for the header, the summary and the controls.

const minus = '\u2212';

/** Formats a value with about `digits` significant digits, switching to exponent form for very large or small values. */
export function formatNumber(value: number, digits = 4): string {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '\u221e' : `${minus}\u221e`;
  }
  if (value === 0) {
    return '0';
  }

  const magnitude = Math.abs(value);
  const text =
    magnitude >= 1e5 || magnitude < 1e-3
      ? trimExponent(value.toExponential(digits - 1))
      : String(Number(value.toPrecision(digits)));
  return text.replace(/-/g, minus);
}

/** Formats a point such as `(1, −0.5)`, or a lone coordinate without brackets. */
export function formatPoint(point: readonly number[]): string {
  if (point.length === 1) {
    return formatNumber(point[0] ?? NaN);
  }
  return `(${point.map((component) => formatNumber(component)).join(', ')})`;
}

/** Formats a duration in milliseconds, with one decimal below 10 ms. */
export function formatMilliseconds(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) {
    return '\u2013';
  }
  return milliseconds < 10 ? `${milliseconds.toFixed(1)} ms` : `${Math.round(milliseconds)} ms`;
}

/** Formats a whole number with thin-space thousands separators, such as 10 000. */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

// 1.500e-7 → 1.5e-7, 2.000e+5 → 2e5.
function trimExponent(text: string): string {
  const [mantissa, exponent] = text.split('e');
  return `${trimZeros(mantissa ?? '')}e${Number(exponent)}`;
}
