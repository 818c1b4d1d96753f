// Reverse-mode AD against independent oracles: central differences, derivatives worked out by hand,
// torch.autograd values recorded by test/fixtures/generate.py, and the graph interpreter.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { parseFunction, ParseError, type ParsedFunction } from '../../src/engine';
import { gradientNodes } from '../../src/engine/backward';
import { compile } from '../../src/engine/compile';
import { evaluateNodes } from '../../src/engine/evaluate';
import { parseMath } from '../../src/engine/parse/math';

interface Gradient {
  f: number;
  gradient: number[];
}

function gradientAt(parsed: ParsedFunction, x: number[]): Gradient {
  const gradient = new Float64Array(parsed.parameters.length);
  const f = parsed.objective.valueAndGradient(x, gradient);
  return { f, gradient: Array.from(gradient) };
}

function hessianVectorProductAt(parsed: ParsedFunction, x: number[], v: number[]): number[] {
  const out = new Float64Array(parsed.parameters.length);
  parsed.objective.hessianVectorProduct(x, v, out);
  return Array.from(out);
}

/** |actual - expected| ≤ tolerance·(|expected| + scale), with the numbers in the failure message. */
function assertClose(actual: number, expected: number, tolerance: number, scale: number, what: string): void {
  const allowed = tolerance * (Math.abs(expected) + scale);
  assert.ok(
    Math.abs(actual - expected) <= allowed,
    `${what}: got ${actual}, expected ${expected}, difference ${Math.abs(actual - expected)} > ${allowed}`,
  );
}

function at(x: number[]): string {
  return `(${x.join(', ')})`;
}

/**
 * Functions of one to three parameters at points inside their domains and away from kinks.
 * Together they use every operator, every supported function, both constants, `**`, implicit
 * multiplication, variable exponents, nested calls and shared subexpressions.
 */
const differentiable: { text: string; points: number[][] }[] = [
  { text: 'x^2 - 3x + 2', points: [[-1.5], [0.5], [3]] },
  { text: '-x^3 + x', points: [[-1], [0.4], [2.5]] },
  { text: 'x^4 - 2x^3 + 1', points: [[2], [-0.7], [1.25]] },
  { text: '(x - 1)/(x + 2)', points: [[-3], [0], [4.5]] },
  { text: '1/x^2 - 2/x', points: [[-2], [0.3], [5]] },
  { text: 'x^-1.5', points: [[0.2], [1], [9]] },
  { text: 'x^(1/3) + x^0.25', points: [[0.5], [2], [16]] },
  { text: '3^x', points: [[-2], [0], [1.7]] },
  { text: 'x^x', points: [[0.2], [1], [2.5]] },
  { text: 'x^sin(x)', points: [[0.5], [2], [4]] },
  { text: '(x^2 + 1)^(x/2)', points: [[-1.5], [0], [2]] },
  { text: 'sin(x) + cos(2x)', points: [[-1], [0.3], [2]] },
  { text: 'tan(x/2)', points: [[-2], [0.5], [2.5]] },
  { text: 'asin(x/2) + acos(x/3)', points: [[-1.5], [0], [1.9]] },
  { text: 'atan(x^2 - 1)', points: [[-2], [0.5], [1]] },
  { text: 'sinh(x) * cosh(x)', points: [[-1], [0.2], [1.5]] },
  { text: 'tanh(3x - 1)', points: [[-0.5], [0.3], [1]] },
  { text: 'exp(sin(x))', points: [[-2], [0], [1.1]] },
  { text: 'ln(1 + x^2)', points: [[-3], [0.5], [2]] },
  { text: 'log(x)', points: [[0.1], [1], [30]] },
  { text: 'log10(x^2 + 1) + log2(x + 3)', points: [[-2], [0.5], [7]] },
  { text: 'log(x^2 + 2, 5)', points: [[-1], [0], [3]] },
  { text: 'log(3, x)', points: [[0.5], [2], [10]] },
  { text: 'sqrt(x^2 + 4)', points: [[-3], [0], [1.5]] },
  { text: 'cbrt(x - 1)', points: [[-7], [0.5], [9]] },
  { text: 'abs(x^2 - 2)', points: [[-2], [0.5], [3]] },
  { text: 'pi*x^2 + e^x', points: [[-1], [0.5], [2]] },
  { text: 'sin(cos(tan(x)))', points: [[-0.7], [0.2], [1.2]] },
  { text: 'exp(-x) * sin(3x) / (1 + x^2)', points: [[-1], [0.4], [2]] },
  { text: 'sin(x)^2 + sin(x)^3 + sin(x)', points: [[-1], [0.6], [2.2]] },
  { text: 'x ** 3 - 2 ** x', points: [[-1], [0.5], [3]] },
  { text: '2x(x - 1)', points: [[-1], [0.5], [3]] },
  { text: 'sin^2(x) + cos^2(x)', points: [[-1], [0.5], [3]] },
  {
    text: '(1-x)^2 + 100*(y-x^2)^2',
    points: [
      [-1.2, 1],
      [1, 1],
      [0.5, -0.3],
    ],
  },
  {
    text: 'x*y + x/y - y^x',
    points: [
      [1, 2],
      [-0.5, 0.7],
      [2, 3],
    ],
  },
  {
    text: 'sin(x y) + cos(x - y)',
    points: [
      [0.5, -1],
      [2, 1.5],
    ],
  },
  {
    text: 'exp(x) * ln(y)',
    points: [
      [-1, 0.5],
      [0.5, 3],
    ],
  },
  {
    text: 'sqrt(x^2 + y^2)',
    points: [
      [3, 4],
      [-0.5, 1.2],
    ],
  },
  {
    text: 'atan(y/x)',
    points: [
      [1, 2],
      [-3, 0.5],
    ],
  },
  {
    text: '(x + y)^2 / (1 + (x + y)^2)',
    points: [
      [0.3, 0.4],
      [-2, 0.5],
    ],
  },
  {
    text: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
    points: [
      [0, 0],
      [3, 2],
      [-2.5, 3.1],
    ],
  },
  {
    text: 'x·y − 2×x',
    points: [
      [1, 2],
      [-0.5, 3],
    ],
  },
  {
    text: 'x*y*z + x^2*z - y/z',
    points: [
      [1, 2, 3],
      [-0.5, 0.7, -2],
    ],
  },
  {
    text: 'exp(x - y) * cos(z) + tanh(x*z)',
    points: [
      [0.5, -0.5, 1],
      [1, 2, -0.3],
    ],
  },
  {
    text: 'sqrt(x^2 + 2y^2 + 3z^2) + abs(x - y - z)',
    points: [
      [1, 2, 3],
      [-1, 0.5, 0.2],
    ],
  },
  {
    text: 'ln(x^2 + 1) * sinh(y) + z^x',
    points: [
      [1, -0.5, 2],
      [-0.3, 1.2, 0.7],
    ],
  },
];

/** Central difference (f(x + h·eᵢ) - f(x - h·eᵢ)) / (2h) with h = 1e-6·max(1, |xᵢ|). */
function centralDifference(parsed: ParsedFunction, x: number[], i: number): number {
  const h = 1e-6 * Math.max(1, Math.abs(x[i]));
  const forward = [...x];
  const backward = [...x];
  forward[i] += h;
  backward[i] -= h;
  // Divide by the step as represented, not by 2h, because x ± h rounds.
  return (parsed.objective.value(forward) - parsed.objective.value(backward)) / (forward[i] - backward[i]);
}

describe('AD against central differences', () => {
  // Truncation error is about h²·f‴/6 ≈ 1e-12 and rounding about 1e-16·|f|/h ≈ 1e-10·|f|.
  const tolerance = 1e-6;

  for (const { text, points } of differentiable) {
    it(text, () => {
      const parsed = parseFunction(text);
      for (const x of points) {
        const { gradient } = gradientAt(parsed, x);
        gradient.forEach((component, i) => {
          const estimate = centralDifference(parsed, x, i);
          assertClose(component, estimate, tolerance, 1, `∂f/∂${parsed.parameters[i]} at ${at(x)}`);
        });
      }
    });
  }
});

/** A derivative worked out by hand; `exact` cases must match bit for bit. */
interface HandCase {
  text: string;
  x: number[];
  gradient: number[];
  exact?: boolean;
}

const handDerived: HandCase[] = [
  // The double negation 1 - (-2)·x = 1 + 2x, so f′ = 2 however the minus signs are written.
  { text: '1 - -2*x', x: [0.7], gradient: [2], exact: true },
  { text: '1 - (-2)*x', x: [0.7], gradient: [2], exact: true },
  { text: '1 - (-2 * x)', x: [0.7], gradient: [2], exact: true },
  // -((-2)·x) - 1 = 2x - 1
  { text: '-((-2)*x) - 1', x: [0.7], gradient: [2], exact: true },
  // d/dx (1 + 2x)² = 4(1 + 2x): 4 at x = 0 and 12 at x = 1
  { text: '(1 - -2*x)^2', x: [0], gradient: [4], exact: true },
  { text: '(1 - -2*x)^2', x: [1], gradient: [12], exact: true },
  // -x² is -(x²), so f′ = -2x = -6 at 3. Reading it as (-x)² would give +6.
  { text: '-x^2', x: [3], gradient: [-6], exact: true },
  // 2x² is 2·(x²), so f′ = 4x = 12 at 3. Reading it as (2x)² would give 8x = 24.
  { text: '2x^2', x: [3], gradient: [12], exact: true },
  // d/dx x³ = 3x² = 12 at 2
  { text: 'x^3', x: [2], gradient: [12], exact: true },
  // d/dx x⁻² = -2x⁻³ = -1/4 at 2
  { text: 'x^-2', x: [2], gradient: [-0.25], exact: true },
  // d/dx 1/x = -1/x² = -1/16 at 4
  { text: '1/x', x: [4], gradient: [-0.0625], exact: true },
  // d/dx √x = 1/(2√x) = 1/4 at 4
  { text: 'sqrt(x)', x: [4], gradient: [0.25], exact: true },
  // d/dx ∛x = 1/(3·∛x²) = 1/12 at 8
  { text: 'cbrt(x)', x: [8], gradient: [1 / 12] },
  // d/dx atan x = 1/(1 + x²) = 1/2 at 1
  { text: 'atan(x)', x: [1], gradient: [0.5], exact: true },
  // d/dx asin x = 1/√(1 - x²) = 2/√3 at 1/2
  { text: 'asin(x)', x: [0.5], gradient: [2 / Math.sqrt(3)] },
  // d/dx acos x = -1/√(1 - x²) = -2/√3 at 1/2
  { text: 'acos(x)', x: [0.5], gradient: [-2 / Math.sqrt(3)] },
  // d/dx tanh x = 1 - tanh²x = 1 at 0
  { text: 'tanh(x)', x: [0], gradient: [1], exact: true },
  // d/dx sinh x = cosh x = 1 at 0, and d/dx cosh x = sinh x = 0 at 0
  { text: 'sinh(x)', x: [0], gradient: [1], exact: true },
  { text: 'cosh(x)', x: [0], gradient: [0], exact: true },
  // d/dx tan x = 1 + tan²x = 2 at π/4
  { text: 'tan(x)', x: [Math.PI / 4], gradient: [2] },
  // d/dx sin x·cos x = cos²x - sin²x = cos 2x
  { text: 'sin(x)*cos(x)', x: [0.3], gradient: [Math.cos(0.6)] },
  // d/dx e^(2x) = 2e^(2x)
  { text: 'exp(2x)', x: [0.5], gradient: [2 * Math.E] },
  // d/dx ln(x²) = 2/x = -2/3 at -3, where ln x itself is undefined
  { text: 'ln(x^2)', x: [-3], gradient: [-2 / 3] },
  // d/dx log₁₀ x = 1/(x ln 10) and d/dx log₂ x = 1/(x ln 2)
  { text: 'log10(x)', x: [10], gradient: [1 / (10 * Math.LN10)] },
  { text: 'log2(x)', x: [8], gradient: [1 / (8 * Math.LN2)] },
  // log(x, 2) = ln x / ln 2, so f′ = 1/(x ln 2) as for log2
  { text: 'log(x, 2)', x: [8], gradient: [1 / (8 * Math.LN2)] },
  // d/dx 2^x = 2^x·ln 2 = 8 ln 2 at 3
  { text: '2^x', x: [3], gradient: [8 * Math.LN2] },
  // d/dx x^x = x^x·(ln x + 1): 1 at x = 1 and 2e^e at x = e
  { text: 'x^x', x: [1], gradient: [1], exact: true },
  { text: 'x^x', x: [Math.E], gradient: [2 * Math.E ** Math.E] },
  // ^ is right-associative: 2^(3^x), so f′ = 2^(3^x)·ln 2·3^x·ln 3 = 2·ln 2·ln 3 at 0
  { text: '2^3^x', x: [0], gradient: [2 * Math.LN2 * Math.log(3)] },
  // sin²x + cos²x = 1, so f′ = 2 sin x cos x - 2 cos x sin x = 0 up to rounding
  { text: 'sin(x)^2 + cos(x)^2', x: [0.8], gradient: [0] },
  // |x| has slope -1 left of 0 and +1 right of it, and the subgradient 0 at 0 (torch's choice too)
  { text: 'abs(x)', x: [-2], gradient: [-1], exact: true },
  { text: 'abs(x)', x: [3], gradient: [1], exact: true },
  { text: 'abs(x)', x: [0], gradient: [0], exact: true },
  // ∇(x²y + y³) = (2xy, x² + 3y²) = (4, 13) at (1, 2)
  { text: 'x^2*y + y^3', x: [1, 2], gradient: [4, 13], exact: true },
  // ∇(xyz) = (yz, xz, xy) = (15, 10, 6) at (2, 3, 5)
  { text: 'x*y*z', x: [2, 3, 5], gradient: [15, 10, 6], exact: true },
  // Rosenbrock: ∂f/∂x = -2(1 - x) - 400x(y - x²) and ∂f/∂y = 200(y - x²), (-215.6, -88) at (-1.2, 1)
  { text: '(1-x)^2 + 100*(y-x^2)^2', x: [-1.2, 1], gradient: [-215.6, -88] },
];

describe('AD against hand-derived derivatives', () => {
  // Inexact cases allow a few units in the last place, because both sides round differently.
  const tolerance = 1e-15;

  for (const { text, x, gradient, exact } of handDerived) {
    it(`${text} at ${at(x)}`, () => {
      const actual = gradientAt(parseFunction(text), x).gradient;
      gradient.forEach((expected, i) => {
        if (exact === true) {
          assert.equal(actual[i], expected, `component ${i}`);
        } else {
          assertClose(actual[i], expected, tolerance, 1e-15, `component ${i}`);
        }
      });
    });
  }

  const printedDerivatives = ['1 - -2*x', '1 - (-2)*x', '1 - (-2 * x)', '-((-2)*x) - 1'];
  for (const text of printedDerivatives) {
    it(`${text} prints the derivative 2`, () => {
      assert.equal(parseFunction(text).derivative, '2');
    });
  }
});

describe('Hessian-vector products against hand-derived Hessians', () => {
  const cases: { text: string; x: number[]; v: number[]; expected: number[] }[] = [
    // Rosenbrock's Hessian at (1, 1) is [[2 + 1200x² - 400y, -400x], [-400x, 200]] = [[802, -400], [-400, 200]]
    { text: '(1-x)^2 + 100*(y-x^2)^2', x: [1, 1], v: [1, 0], expected: [802, -400] },
    { text: '(1-x)^2 + 100*(y-x^2)^2', x: [1, 1], v: [0, 1], expected: [-400, 200] },
    // x² + 10y² has the constant Hessian diag(2, 20)
    { text: 'x^2 + 10y^2', x: [0.3, -4], v: [1, 1], expected: [2, 20] },
    // x²y has the Hessian [[2y, 2x], [2x, 0]] = [[6, 2], [2, 0]] at (1, 3)
    { text: 'x^2*y', x: [1, 3], v: [1, -1], expected: [4, 2] },
    // (sin x)″ = -sin x
    { text: 'sin(x)', x: [0.5], v: [2], expected: [-2 * Math.sin(0.5)] },
  ];

  for (const { text, x, v, expected } of cases) {
    it(`${text} at ${at(x)} along ${at(v)}`, () => {
      const actual = hessianVectorProductAt(parseFunction(text), x, v);
      expected.forEach((value, i) => assertClose(actual[i], value, 1e-15, 1e-15, `component ${i}`));
    });
  }
});

interface TorchPoint {
  x: number[];
  f: number;
  gradient: number[];
  v: number[];
  hvp: number[];
}

interface TorchFunction {
  math: string;
  parameters: string[];
  points: TorchPoint[];
}

const torchPath = path.join(__dirname, '..', 'fixtures', 'torch-gradients.json');
const torchFunctions = (JSON.parse(readFileSync(torchPath, 'utf8')) as { functions: TorchFunction[] })
  .functions;

function largestMagnitude(values: number[]): number {
  return Math.max(1, ...values.map(Math.abs));
}

describe('AD against torch.autograd', () => {
  // Both sides evaluate in float64, so only the order of roundings differs. A component is compared
  // relative to the largest one, because a component near 0 can be the difference of large terms.
  const tolerance = 1e-12;

  it('the fixture covers at least 30 functions', () => {
    assert.ok(torchFunctions.length >= 30, `${torchFunctions.length} functions`);
  });

  for (const { math, parameters, points } of torchFunctions) {
    describe(math, () => {
      const parsed = parseFunction(math);

      it('parameters in the fixture order', () => {
        assert.deepEqual(parsed.parameters, parameters);
      });

      it('f matches', () => {
        for (const point of points) {
          assertClose(parsed.objective.value(point.x), point.f, tolerance, 0, `f at ${at(point.x)}`);
        }
      });

      it('gradient matches', () => {
        for (const point of points) {
          const actual = gradientAt(parsed, point.x).gradient;
          const scale = largestMagnitude(point.gradient);
          point.gradient.forEach((expected, i) => {
            assertClose(actual[i], expected, tolerance, scale, `∂f/∂${parameters[i]} at ${at(point.x)}`);
          });
        }
      });

      it('Hessian-vector product matches', () => {
        for (const point of points) {
          const actual = hessianVectorProductAt(parsed, point.x, point.v);
          const scale = largestMagnitude(point.hvp);
          point.hvp.forEach((expected, i) => {
            assertClose(
              actual[i],
              expected,
              tolerance,
              scale,
              `(H·v)[${i}] at ${at(point.x)}, v = ${at(point.v)}`,
            );
          });
        }
      });
    });
  }
});

describe('printed derivative round trip', () => {
  // The printer writes constants as shortest round-trip decimals, so re-parsing loses nothing but
  // the order of a few roundings.
  const tolerance = 1e-12;
  const oneParameter = differentiable.filter(({ points }) => points[0].length === 1);

  for (const { text, points } of oneParameter) {
    const parsed = parseFunction(text);
    const printed = parsed.derivative ?? '';
    it(`${text} → ${printed}`, () => {
      const reparsed = parseFunction(printed);
      for (const x of points) {
        const expected = gradientAt(parsed, x).gradient[0];
        // A constant derivative has no parameters left.
        const argument = reparsed.parameters.length === 0 ? [] : x;
        assertClose(reparsed.objective.value(argument), expected, tolerance, 1e-12, `f′ at ${at(x)}`);
      }
    });
  }

  for (const { text, points } of differentiable) {
    it(`${text} display re-parses to the same f`, () => {
      const parsed = parseFunction(text);
      const reparsed = parseFunction(parsed.display);
      for (const x of points) {
        assertClose(
          reparsed.objective.value(x),
          parsed.objective.value(x),
          tolerance,
          1e-12,
          `f at ${at(x)}`,
        );
      }
    });
  }
});

describe('deep graphs', () => {
  const terms = 100_000;
  // Parsing and compiling 1e5 terms takes about a second, so the two sum tests share one parse.
  let longSum: ParsedFunction | undefined;
  const parseLongSum = () => (longSum ??= parseFunction(new Array<string>(terms).fill('x').join('+')));

  it('a sum of 1e5 terms has the right value', () => {
    // 0.5 added 1e5 times is exact in float64: every partial sum is a multiple of 0.5 below 2^53.
    assert.equal(gradientAt(parseLongSum(), [0.5]).f, 50_000);
  });

  it('a sum of 1e5 terms has gradient 1e5', () => {
    // d/dx (x + x + … + x) = number of terms
    assert.equal(gradientAt(parseLongSum(), [0.5]).gradient[0], terms);
  });

  // Products and distinct terms build larger gradient graphs, so 1e4 terms keep these tests fast
  // while still exceeding the 2000 operations above which compiled code switches to an array.
  const factors = 10_000;

  it('a product of 1e4 factors has gradient n·x^(n-1)', () => {
    const parsed = parseFunction(new Array<string>(factors).fill('x').join('*'));
    const x = 1 + 1e-5;
    // d/dx xⁿ = n·xⁿ⁻¹. The 1e4 roundings leave a relative error of about 1e4·1.1e-16 ≈ 1e-12.
    assertClose(gradientAt(parsed, [x]).gradient[0], factors * x ** (factors - 1), 1e-10, 0, 'f′');
  });

  it('a sum of 1e4 distinct terms has the right gradient', () => {
    const text = Array.from({ length: factors }, (_unused, k) => `${k + 1}*x*y`).join(' + ');
    const parsed = parseFunction(text);
    // Σ k·x·y over k = 1..n = n(n+1)/2·x·y, so ∇f = n(n+1)/2·(y, x)
    const sum = (factors * (factors + 1)) / 2;
    const { gradient } = gradientAt(parsed, [0.5, 0.25]);
    assertClose(gradient[0], sum * 0.25, 1e-12, 0, '∂f/∂x');
    assertClose(gradient[1], sum * 0.5, 1e-12, 0, '∂f/∂y');
  });

  it('sin nested 400 deep follows the chain rule', () => {
    const depth = 400;
    const parsed = parseFunction(`${'sin('.repeat(depth)}x${')'.repeat(depth)}`);
    // Forward mode by hand: s ← sin s and ds ← cos(s)·ds, once per level
    let s = 0.9;
    let ds = 1;
    for (let level = 0; level < depth; level++) {
      ds *= Math.cos(s);
      s = Math.sin(s);
    }
    const { f, gradient } = gradientAt(parsed, [0.9]);
    assert.equal(f, s);
    assertClose(gradient[0], ds, 1e-12, 0, 'f′');
  });

  const tooDeep: { name: string; text: string }[] = [
    { name: '1000 nested parentheses', text: `${'('.repeat(1000)}x${')'.repeat(1000)}` },
    { name: 'sin nested 1000 deep', text: `${'sin('.repeat(1000)}x${')'.repeat(1000)}` },
    { name: '1000 unary minus signs', text: `${'-'.repeat(1000)}x` },
    { name: 'a 1000-level power tower', text: new Array<string>(1000).fill('x').join('^') },
  ];
  for (const { name, text } of tooDeep) {
    it(`${name} is a ParseError, not a stack overflow`, () => {
      assert.throws(() => parseFunction(text), ParseError);
    });
  }
});

describe('compiled code against the graph interpreter', () => {
  // The compiler spells x^2 as x*x and x^3 as x*x*x where the interpreter calls Math.pow, which
  // may differ in the last bit, so values are compared to a few units in the last place.
  const tolerance = 1e-14;

  for (const { text, points } of differentiable) {
    it(text, () => {
      const parsed = parseMath(text);
      const outputs = [parsed.output, ...gradientNodes(parsed.graph, parsed.output, parsed.parameterNodes)];
      const compiled = compile(parsed.graph, outputs);

      for (const x of points) {
        const gradient = new Float64Array(parsed.parameters.length);
        const f = compiled(x, gradient);
        const compiledValues = [f, ...gradient];
        outputs.forEach((output, i) => {
          const interpreted = evaluateNodes(parsed.graph, output, x)[output];
          assertClose(compiledValues[i], interpreted, tolerance, 1e-14, `output ${i} at ${at(x)}`);
        });
      }
    });
  }

  for (const { text, points } of differentiable) {
    it(`${text} objective.value equals the interpreter`, () => {
      const parsed = parseMath(text);
      const { objective } = parseFunction(text);
      for (const x of points) {
        const interpreted = evaluateNodes(parsed.graph, parsed.output, x)[parsed.output];
        assertClose(objective.value(x), interpreted, tolerance, 0, `f at ${at(x)}`);
      }
    });
  }
});
