// Every scalar operation of the graph, with its forward rule, its local derivatives (identity
// written above each), the JavaScript it compiles to and how it prints.

import type { Graph, NodeId } from './graph';

export type OpName =
  | 'const'
  | 'var'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'neg'
  | 'pow'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'asin'
  | 'acos'
  | 'atan'
  | 'sinh'
  | 'cosh'
  | 'tanh'
  | 'exp'
  | 'log'
  | 'log10'
  | 'log2'
  | 'sqrt'
  | 'cbrt'
  | 'abs'
  | 'sign';

/**
 * Local derivatives of `self = op(a, b)`: entry i is ∂self/∂(argument i) as a graph node. Rules may
 * reuse `self` itself, as exp does.
 */
type Partials = (graph: Graph, self: NodeId, a: NodeId, b: NodeId) => NodeId[];

export interface OpRule {
  readonly arity: 0 | 1 | 2;
  evaluate(a: number, b: number): number;
  /** JavaScript for the operation on two operand expressions (temporaries or literals). */
  emit(a: string, b: string): string;
  partials: Partials;
  /** Infix symbol for binary operators; the function name for calls. */
  readonly symbol: string;
}

const LN10 = Math.LN10;
const LN2 = Math.LN2;

function leaf(symbol: string): OpRule {
  return {
    arity: 0,
    evaluate: () => NaN,
    emit: () => '',
    partials: () => [],
    symbol,
  };
}

function call(name: string, fn: (a: number) => number, jsName: string, partial: Partials): OpRule {
  return {
    arity: 1,
    evaluate: (a) => fn(a),
    emit: (a) => `${jsName}(${a})`,
    partials: partial,
    symbol: name,
  };
}

/** Emits a^b, spelling out the small integer powers that dominate real functions. */
function emitPower(a: string, b: string): string {
  switch (b) {
    case '2':
      return `${a} * ${a}`;
    case '3':
      return `${a} * ${a} * ${a}`;
    case '(-1)':
      return `1 / ${a}`;
    default:
      return `Math.pow(${a}, ${b})`;
  }
}

export const opRules: Record<OpName, OpRule> = {
  const: leaf('const'),
  var: leaf('var'),

  // d(a + b) = da + db
  add: {
    arity: 2,
    evaluate: (a, b) => a + b,
    emit: (a, b) => `${a} + ${b}`,
    partials: (g) => one(g, 2),
    symbol: '+',
  },

  // d(a - b) = da - db
  sub: {
    arity: 2,
    evaluate: (a, b) => a - b,
    emit: (a, b) => `${a} - ${b}`,
    partials: (g) => [g.constant(1), g.constant(-1)],
    symbol: '-',
  },

  // d(a·b) = b·da + a·db
  mul: {
    arity: 2,
    evaluate: (a, b) => a * b,
    emit: (a, b) => `${a} * ${b}`,
    partials: (_g, _s, a, b) => [b, a],
    symbol: '*',
  },

  // d(a/b) = da/b - (a/b²)·db = (da - self·db)/b
  div: {
    arity: 2,
    evaluate: (a, b) => a / b,
    emit: (a, b) => `${a} / ${b}`,
    partials: (g, self, _a, b) => [g.div(g.constant(1), b), g.neg(g.div(self, b))],
    symbol: '/',
  },

  // d(-a) = -da
  neg: {
    arity: 1,
    evaluate: (a) => -a,
    emit: (a) => `-${a}`,
    partials: (g) => [g.constant(-1)],
    symbol: '-',
  },

  // d(a^b) = b·a^(b-1)·da + a^b·ln(a)·db; the ln term is only built when b depends on a parameter
  pow: {
    arity: 2,
    evaluate: (a, b) => Math.pow(a, b),
    emit: emitPower,
    partials: (g, self, a, b) => powerPartials(g, self, a, b),
    symbol: '^',
  },

  // d sin(a) = cos(a) da
  sin: call('sin', Math.sin, 'Math.sin', (g, _s, a) => [g.apply('cos', a)]),
  // d cos(a) = -sin(a) da
  cos: call('cos', Math.cos, 'Math.cos', (g, _s, a) => [g.neg(g.apply('sin', a))]),
  // d tan(a) = (1 + tan²(a)) da
  tan: call('tan', Math.tan, 'Math.tan', (g, self) => [g.add(g.constant(1), g.pow(self, g.constant(2)))]),
  // d asin(a) = da / √(1 - a²)
  asin: call('asin', Math.asin, 'Math.asin', (g, _s, a) => [g.div(g.constant(1), oneMinusSquareRoot(g, a))]),
  // d acos(a) = -da / √(1 - a²)
  acos: call('acos', Math.acos, 'Math.acos', (g, _s, a) => [g.div(g.constant(-1), oneMinusSquareRoot(g, a))]),
  // d atan(a) = da / (1 + a²)
  atan: call('atan', Math.atan, 'Math.atan', (g, _s, a) => [
    g.div(g.constant(1), g.add(g.constant(1), g.pow(a, g.constant(2)))),
  ]),
  // d sinh(a) = cosh(a) da
  sinh: call('sinh', Math.sinh, 'Math.sinh', (g, _s, a) => [g.apply('cosh', a)]),
  // d cosh(a) = sinh(a) da
  cosh: call('cosh', Math.cosh, 'Math.cosh', (g, _s, a) => [g.apply('sinh', a)]),
  // d tanh(a) = (1 - tanh²(a)) da
  tanh: call('tanh', Math.tanh, 'Math.tanh', (g, self) => [g.sub(g.constant(1), g.pow(self, g.constant(2)))]),
  // d exp(a) = exp(a) da
  exp: call('exp', Math.exp, 'Math.exp', (_g, self) => [self]),
  // d ln(a) = da / a
  log: call('log', Math.log, 'Math.log', (g, _s, a) => [g.div(g.constant(1), a)]),
  // d log10(a) = da / (a·ln 10)
  log10: call('log10', Math.log10, 'Math.log10', (g, _s, a) => [g.div(g.constant(1 / LN10), a)]),
  // d log2(a) = da / (a·ln 2)
  log2: call('log2', Math.log2, 'Math.log2', (g, _s, a) => [g.div(g.constant(1 / LN2), a)]),
  // d √a = da / (2√a)
  sqrt: call('sqrt', Math.sqrt, 'Math.sqrt', (g, self) => [g.div(g.constant(0.5), self)]),
  // d ∛a = da / (3·∛a²)
  cbrt: call('cbrt', Math.cbrt, 'Math.cbrt', (g, self) => [
    g.div(g.constant(1 / 3), g.pow(self, g.constant(2))),
  ]),
  // d|a| = sign(a) da, taking the subgradient 0 at the kink a = 0
  abs: call('abs', Math.abs, 'Math.abs', (g, _s, a) => [g.apply('sign', a)]),
  // d sign(a) = 0 wherever sign is differentiable (a ≠ 0)
  sign: call('sign', Math.sign, 'Math.sign', (g) => [g.constant(0)]),
};

function one(graph: Graph, count: number): NodeId[] {
  return new Array<NodeId>(count).fill(graph.constant(1));
}

function oneMinusSquareRoot(graph: Graph, a: NodeId): NodeId {
  return graph.apply('sqrt', graph.sub(graph.constant(1), graph.pow(a, graph.constant(2))));
}

function powerPartials(graph: Graph, self: NodeId, a: NodeId, b: NodeId): NodeId[] {
  // b·a^(b-1), written with a constant exponent when b is constant so that x^2 gives 2·x
  const exponent = graph.isConstant(b)
    ? graph.constant(graph.node(b).value - 1)
    : graph.sub(b, graph.constant(1));
  const baseRule = graph.mul(b, graph.pow(a, exponent));
  if (graph.isConstant(b)) {
    return [baseRule];
  }
  return [baseRule, graph.mul(self, graph.apply('log', a))];
}

/** Names accepted in function calls, mapped to ops. `ln` and `log` are both the natural logarithm. */
export const functionOps: ReadonlyMap<string, OpName> = new Map<string, OpName>([
  ['sin', 'sin'],
  ['cos', 'cos'],
  ['tan', 'tan'],
  ['asin', 'asin'],
  ['acos', 'acos'],
  ['atan', 'atan'],
  ['sinh', 'sinh'],
  ['cosh', 'cosh'],
  ['tanh', 'tanh'],
  ['exp', 'exp'],
  ['ln', 'log'],
  ['log', 'log'],
  ['log10', 'log10'],
  ['log2', 'log2'],
  ['sqrt', 'sqrt'],
  ['cbrt', 'cbrt'],
  ['abs', 'abs'],
  ['sign', 'sign'],
]);
