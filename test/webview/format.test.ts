import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  formatCount,
  formatExponent,
  formatMilliseconds,
  formatNumber,
  formatPoint,
} from '../../src/webview/format';

describe('formatNumber', () => {
  const cases: [number | null | undefined, string][] = [
    [0, '0'],
    [1, '1'],
    [0.5, '0.5'],
    [-0.25, '\u22120.25'],
    [123.456, '123.5'],
    [1.5e-7, '1.5e\u22127'],
    [-2e5, '\u22122e5'],
    // JSON turns NaN and ±Infinity into null, so the webview cannot tell them apart or sign them.
    [NaN, 'not finite'],
    [Infinity, 'not finite'],
    [-Infinity, 'not finite'],
    [null, 'not finite'],
    [undefined, 'not finite'],
  ];
  for (const [value, expected] of cases) {
    it(`formats ${value}`, () => {
      assert.equal(formatNumber(value), expected);
    });
  }
});

describe('formatExponent', () => {
  const cases: [number, number | undefined, string][] = [
    [150000, undefined, '1.5e5'],
    [1e-26, undefined, '1e\u221226'],
    [-2e-7, 3, '\u22122e\u22127'],
    [123456, 3, '1.23e5'],
    [0, undefined, '0'],
  ];
  for (const [value, digits, expected] of cases) {
    it(`formats ${value} with ${digits ?? 'all'} digits`, () => {
      assert.equal(formatExponent(value, digits), expected);
    });
  }
});

describe('formatNumber with fewer digits', () => {
  it('writes 10 at one digit without an exponent', () => {
    assert.equal(formatNumber(10, 1), '10');
  });

  it('rounds 12345.6 to 12350 at four digits', () => {
    assert.equal(formatNumber(12345.6), '12350');
  });
});

describe('formatPoint', () => {
  it('brackets two or more coordinates', () => {
    assert.equal(formatPoint([1, -0.5]), '(1, \u22120.5)');
  });

  it('leaves one coordinate bare', () => {
    assert.equal(formatPoint([2]), '2');
  });

  it('marks null coordinates as not finite', () => {
    assert.equal(formatPoint([null, 1]), '(not finite, 1)');
  });
});

describe('formatCount and formatMilliseconds', () => {
  it('groups thousands with thin spaces', () => {
    assert.equal(formatCount(10000), '10\u2009000');
  });

  it('keeps one decimal below 10 ms', () => {
    assert.equal(formatMilliseconds(3.21), '3.2 ms');
  });

  it('rounds from 10 ms up', () => {
    assert.equal(formatMilliseconds(42.7), '43 ms');
  });

  it('shows a dash for a missing duration', () => {
    assert.equal(formatMilliseconds(null), '\u2013');
  });
});
