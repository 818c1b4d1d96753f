// Number formatting for the header, the summary and the controls.

const minus = '\u2212';

/**
 * Text for a value that is NaN or ±Infinity. Run values reach the webview as JSON, which turns all
 * three into null, so the sign of an infinite value is lost and is never shown.
 */
export const notFiniteText = 'not finite';

/**
 * Formats a value with about `digits` significant digits, switching to exponent form for very large or
 * small values. Null, undefined and non-finite values become `notFiniteText`.
 */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return notFiniteText;
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
export function formatPoint(point: readonly (number | null)[]): string {
  if (point.length === 1) {
    return formatNumber(point[0]);
  }
  return `(${point.map((component) => formatNumber(component)).join(', ')})`;
}

/** Formats a duration in milliseconds, with one decimal below 10 ms, or a dash when it is missing. */
export function formatMilliseconds(milliseconds: number | null | undefined): string {
  if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) {
    return '\u2013';
  }
  return milliseconds < 10 ? `${milliseconds.toFixed(1)} ms` : `${Math.round(milliseconds)} ms`;
}

/** Formats a whole number with thin-space thousands separators, such as 10 000. */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}

/**
 * Formats a value in exponent form, such as 1.5e5 or −2e−7, with `digits` significant digits, or with
 * as many as the value needs when `digits` is undefined.
 */
export function formatExponent(value: number, digits?: number): string {
  if (value === 0) {
    return '0';
  }
  const text = digits === undefined ? value.toExponential() : value.toExponential(Math.max(0, digits - 1));
  return trimExponent(text).replace(/-/g, minus);
}

/** Formats a value without exponent or thousands separators, using U+2212 for the minus sign. */
export function formatPlain(value: number): string {
  return String(value).replace(/-/g, minus);
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

// 1.500e-7 → 1.5e-7, 2.000e+5 → 2e5.
function trimExponent(text: string): string {
  const [mantissa, exponent] = text.split('e');
  return `${trimZeros(mantissa ?? '')}e${Number(exponent)}`;
}
