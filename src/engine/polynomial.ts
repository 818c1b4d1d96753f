// Recognises functions of one parameter that are polynomials and reads their coefficients, so a
// run can state facts that no finite trajectory proves: a cubic, or -x² + 4x, is unbounded below.

import type { Graph, NodeId } from './graph';

/** Highest degree tracked; larger polynomials are treated as unknown. */
const maxDegree = 64;
/** Highest integer power expanded by repeated multiplication. */
const maxPower = 16;

/**
 * Reads the coefficients c[k] of xᵏ when `output` is a polynomial in the single parameter x.
 * Returns undefined when it is not, or when it exceeds the degree limit.
 */
export function univariateCoefficients(graph: Graph, output: NodeId): number[] | undefined {
  const reached = graph.reachableFrom([output]);
  const polynomials: (number[] | undefined)[] = [];

  for (let id = 0; id <= output; id++) {
    if (reached[id] === 1) {
      const polynomial = nodePolynomial(graph, id, polynomials);
      if (polynomial === undefined || polynomial.length > maxDegree + 1) {
        return undefined;
      }
      polynomials[id] = polynomial;
    }
  }
  return trim(polynomials[output] ?? []);
}

/**
 * Decides unboundedness: a polynomial is unbounded below exactly when its degree is odd or its leading coefficient is
 * negative; a constant is bounded.
 */
export function isUnboundedBelow(coefficients: number[]): boolean {
  const degree = coefficients.length - 1;
  if (degree <= 0) {
    return false;
  }
  return degree % 2 === 1 || coefficients[degree] < 0;
}

function nodePolynomial(graph: Graph, id: NodeId, known: (number[] | undefined)[]): number[] | undefined {
  const node = graph.node(id);
  const [a, b] = node.args.map((arg) => known[arg]);

  switch (node.op) {
    case 'const':
      return [node.value];
    case 'var':
      return node.index === 0 ? [0, 1] : undefined;
    case 'add':
      return a && b && combine(a, b, 1);
    case 'sub':
      return a && b && combine(a, b, -1);
    case 'neg':
      return a && a.map((c) => -c);
    case 'mul':
      return a && b && multiply(a, b);
    case 'div':
      return a && b && b.length === 1 && b[0] !== 0 ? a.map((c) => c / b[0]) : undefined;
    case 'pow':
      return a && power(a, graph, node.args[1]);
    default:
      return undefined;
  }
}

function power(base: number[], graph: Graph, exponentId: NodeId): number[] | undefined {
  const exponent = graph.node(exponentId);
  if (
    exponent.op !== 'const' ||
    !Number.isInteger(exponent.value) ||
    exponent.value < 0 ||
    exponent.value > maxPower
  ) {
    return undefined;
  }
  let result = [1];
  for (let k = 0; k < exponent.value; k++) {
    result = multiply(result, base);
  }
  return result;
}

function combine(a: number[], b: number[], sign: number): number[] {
  const length = Math.max(a.length, b.length);
  return Array.from({ length }, (_unused, k) => (a[k] ?? 0) + sign * (b[k] ?? 0));
}

function multiply(a: number[], b: number[]): number[] {
  const result = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      result[i + j] += a[i] * b[j];
    }
  }
  return result;
}

/** Drops leading zero coefficients, so that x³ - x³ + x has degree 1. */
function trim(coefficients: number[]): number[] {
  let length = coefficients.length;
  while (length > 1 && coefficients[length - 1] === 0) {
    length--;
  }
  return coefficients.slice(0, length);
}
