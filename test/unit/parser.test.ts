import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ParseError, parseFunction } from '../../src/engine/index';
import { evaluate } from './helpers';

// Each row: input, point, expected value (worked out by hand from the intended reading).
const values: [string, number[], number][] = [
  ['3', [], 3],
  ['0.5 + .5', [], 1],
  ['1e-3 * 1000', [], 1],
  ['2^3^2', [], 512], // right-associative: 2^(3^2) = 2^9
  ['2**3**2', [], 512],
  ['-x^2', [3], -9], // power binds tighter than unary minus
  ['(-x)^2', [3], 9],
  ['(-x)^0', [1], 1],
  ['x^-2*y', [2, 3], 0.75], // (x^-2)·y = 3/4, not x^(-2y)
  ['x/-2', [4], -2],
  ['x^2 + x/-2', [1], 0.5],
  ['2x^2', [3], 18], // 2·(x²), not (2x)²
  ['2x^2 - 4x + 1', [1], -1],
  ['(x-1)(x-3)+4', [2], 3], // (x-1)(x-3) + 4 = -1 + 4
  ['x(x-2)', [1], -1],
  ['x y', [2, 5], 10],
  ['\u2212x + 1', [2], -1], // U+2212 minus sign
  ['(x \u2212 2)^2 \u2212 4', [0], 0],
  ['3\u00b7x', [2], 6],
  ['sin(x)^2', [Math.PI / 2], 1],
  ['sin^2(x)', [Math.PI / 2], 1],
  ['log(x)', [Math.E], 1],
  ['ln(x)', [Math.E], 1],
  ['log(x, 2)', [8], 3],
  ['log10(x) + log2(x)', [1], 0],
  ['sqrt(x) + cbrt(x)', [64], 12],
  ['abs(x)', [-2], 2],
  ['exp(0) + pi - e', [], 1 + Math.PI - Math.E],
  ['f(x, e) = x*e', [2, 3], 6], // a header may declare e as a parameter
  ['g(y, x) = x - y', [1, 5], 4], // the header fixes the order
  ['\u03b8^2 + theta', [2, 3], 7],
  ['x_1 + x1', [1, 2], 3],
  ['asin(x) + acos(x)', [0.5], Math.PI / 2],
  ['atan(x) + tanh(x) + sinh(x) - cosh(x) + tan(x)', [0], -1],
];

describe('parser values', () => {
  for (const [text, point, expected] of values) {
    it(`${text} at (${point.join(', ')})`, () => {
      assert.ok(
        Math.abs(evaluate(text, point) - expected) <= 1e-12 * Math.max(1, Math.abs(expected)),
        `got ${evaluate(text, point)}`,
      );
    });
  }
});

// Each row: input, parameters in order.
const parameterOrders: [string, string[]][] = [
  ['(1-x)^2 + 100*(y-x^2)^2', ['x', 'y']],
  ['y + x', ['y', 'x']],
  ['f(x, y) = y', ['x', 'y']],
  ['2e', []],
  ['w*x1 + b', ['w', 'x1', 'b']],
];

describe('parser parameters', () => {
  for (const [text, expected] of parameterOrders) {
    it(text, () => {
      assert.deepEqual(parseFunction(text).parameters, expected);
    });
  }
});

// Each row: input, printed form that shows the parse.
const displays: [string, string][] = [
  ['-x^2 + 4*x', '-x^2 + 4*x'],
  ['(-x)^2 + 4*x', '(-x)^2 + 4*x'],
  ['1 - -2*x', '1 + 2*x'],
  ['2x^2 - 4x + 1', '2*x^2 - 4*x + 1'],
  ['(x-1)(x-3)+4', '(x - 1)*(x - 3) + 4'],
  ['x^2 + x^-2', 'x^2 + x^(-2)'],
  ['sin^2(x)', 'sin(x)^2'],
  ['x - (y - z)', 'x - (y - z)'],
  ['x / (y * z)', 'x/(y*z)'],
];

describe('parser display', () => {
  for (const [text, expected] of displays) {
    it(text, () => {
      assert.equal(parseFunction(text).display, expected);
    });
  }
});

// Each row: input, offset of the problem, a phrase the message must contain.
const errors: [string, number, string][] = [
  ['', 0, 'empty'],
  ['(x + * 2', 5, "found '*'"],
  ['(x + 2', 0, "Missing ')'"],
  ['x + 2)', 5, "found ')'"],
  ['x +', 2, 'ends'],
  ['gamma(x)', 0, "Unknown function 'gamma'"],
  ['sin x', 4, "'(' after the function 'sin'"],
  ['sin^-1(x)', 3, 'asin'],
  ['x # 2', 2, "Unexpected character '#'"],
  ['2 3', 2, 'Missing operator'],
  ['1e999 * x', 0, 'too large'],
  ['f(x) = x + y', 11, "Unknown variable 'y'"],
  ['f(x, x) = x', 5, 'declared twice'],
  ['sin(x, y)', 3, 'one argument'],
  ['(x+1)2', 5, "found '2'"],
];

describe('parser errors', () => {
  for (const [text, offset, phrase] of errors) {
    it(JSON.stringify(text), () => {
      assert.throws(
        () => parseFunction(text),
        (error: unknown) => {
          assert.ok(error instanceof ParseError, `expected a ParseError, got ${String(error)}`);
          assert.equal(error.offset, offset, error.message);
          assert.ok(error.message.includes(phrase), error.message);
          return true;
        },
      );
    });
  }

  it('reports line and column in multi-line text', () => {
    try {
      parseFunction('x +\n  * 2');
      assert.fail('expected a ParseError');
    } catch (error) {
      assert.ok(error instanceof ParseError);
      assert.equal(error.line, 2);
      assert.equal(error.column, 3);
      assert.ok(error.message.includes('line 2, column 3'), error.message);
    }
  });

  it('rejects deep nesting without a stack overflow', () => {
    const deep = `${'('.repeat(10_000)}x${')'.repeat(10_000)}`;
    assert.throws(() => parseFunction(deep), ParseError);
  });
});

describe('parser log base', () => {
  for (const base of ['0', '1', '-2']) {
    it(`rejects log(x, ${base})`, () => {
      assert.throws(() => parseFunction(`log(x, ${base})`), /base of log\(x, b\) must be positive/);
    });
  }
});
