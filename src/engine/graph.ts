// The expression graph: scalar operations on float64, stored as an append-only array of nodes.
// A node's arguments always have smaller ids than the node itself, so ascending id order is a
// topological order and no traversal ever needs recursion, however deep the expression.

import { opRules, type OpName } from './ops';

export type NodeId = number;

export interface GraphNode {
  readonly op: OpName;
  readonly args: readonly NodeId[];
  /** The value of a `const` node; NaN for every other op. */
  readonly value: number;
  /** The parameter index of a `var` node; -1 for every other op. */
  readonly index: number;
}

/**
 * A hash-consed graph: building the same operation on the same arguments twice returns the same
 * node, so common subexpressions are shared and the compiled code evaluates them once.
 */
export class Graph {
  readonly nodes: GraphNode[] = [];
  private readonly lookup = new Map<string, NodeId>();

  constant(value: number): NodeId {
    // Object.is keeps 0 and -0 apart: 1/(-0) must stay -Infinity.
    const key = Object.is(value, -0) ? 'c-0' : `c${value}`;
    return this.intern(key, { op: 'const', args: [], value, index: -1 });
  }

  variable(index: number): NodeId {
    return this.intern(`v${index}`, { op: 'var', args: [], value: NaN, index });
  }

  node(id: NodeId): GraphNode {
    return this.nodes[id];
  }

  isConstant(id: NodeId, value?: number): boolean {
    const node = this.nodes[id];
    return node.op === 'const' && (value === undefined || node.value === value);
  }

  /** Adds `op(args)` after constant folding and the algebraic identities in `simplify`. */
  apply(op: OpName, ...args: NodeId[]): NodeId {
    const folded = this.fold(op, args);
    if (folded !== undefined) {
      return folded;
    }

    const simplified = simplify(this, op, args);
    if (simplified !== undefined) {
      return simplified;
    }
    return this.intern(`${op}(${args.join(',')})`, { op, args, value: NaN, index: -1 });
  }

  add(a: NodeId, b: NodeId): NodeId {
    return this.apply('add', a, b);
  }

  sub(a: NodeId, b: NodeId): NodeId {
    return this.apply('sub', a, b);
  }

  mul(a: NodeId, b: NodeId): NodeId {
    return this.apply('mul', a, b);
  }

  div(a: NodeId, b: NodeId): NodeId {
    return this.apply('div', a, b);
  }

  neg(a: NodeId): NodeId {
    return this.apply('neg', a);
  }

  pow(a: NodeId, b: NodeId): NodeId {
    return this.apply('pow', a, b);
  }

  /** Marks, for every node, whether it depends on a parameter; constants need no adjoint. */
  dependsOnParameter(): Uint8Array {
    const live = new Uint8Array(this.nodes.length);
    for (let id = 0; id < this.nodes.length; id++) {
      const node = this.nodes[id];
      live[id] = node.op === 'var' || node.args.some((arg) => live[arg] === 1) ? 1 : 0;
    }
    return live;
  }

  /** Marks the nodes that the outputs read, directly or through other nodes. */
  reachableFrom(outputs: readonly NodeId[]): Uint8Array {
    const reached = new Uint8Array(this.nodes.length);
    for (const output of outputs) {
      reached[output] = 1;
    }

    for (let id = this.nodes.length - 1; id >= 0; id--) {
      if (reached[id] === 1) {
        for (const arg of this.nodes[id].args) {
          reached[arg] = 1;
        }
      }
    }
    return reached;
  }

  private fold(op: OpName, args: NodeId[]): NodeId | undefined {
    if (!args.every((arg) => this.nodes[arg].op === 'const')) {
      return undefined;
    }
    const values = args.map((arg) => this.nodes[arg].value);
    const result = opRules[op].evaluate(values[0], values[1] ?? NaN);

    // A non-finite constant such as 1/0 stays an operation, so that evaluation reports where it arose.
    return Number.isFinite(result) ? this.constant(result) : undefined;
  }

  private intern(key: string, node: GraphNode): NodeId {
    const existing = this.lookup.get(key);
    if (existing !== undefined) {
      return existing;
    }
    const id = this.nodes.length;
    this.nodes.push(node);
    this.lookup.set(key, id);
    return id;
  }
}

/**
 * Identities that keep derivative graphs small and readable. Each holds for every finite argument;
 * like most symbolic differentiators, `0·a = 0` is applied even where a could be infinite.
 */
function simplify(graph: Graph, op: OpName, args: NodeId[]): NodeId | undefined {
  const [a, b] = args;
  const isZero = (id: NodeId) => graph.isConstant(id, 0);
  const isOne = (id: NodeId) => graph.isConstant(id, 1);
  const nodeA = graph.node(a);

  switch (op) {
    case 'add':
      if (isZero(a)) return b;
      if (isZero(b)) return a;
      // a + (-b) = a - b
      if (graph.node(b).op === 'neg') return graph.sub(a, graph.node(b).args[0]);
      // a + (-c)·b = a - c·b, so that `x + -2*y` reads as the subtraction it is
      if (hasNegativeFactor(graph, b)) return graph.sub(a, negateFactor(graph, b));
      return undefined;
    case 'sub':
      if (isZero(b)) return a;
      if (isZero(a)) return graph.neg(b);
      // a - (-b) = a + b
      if (graph.node(b).op === 'neg') return graph.add(a, graph.node(b).args[0]);
      // a - (-c)·b = a + c·b: the double negation in `1 - -2*x` resolves to `1 + 2*x`
      if (hasNegativeFactor(graph, b)) return graph.add(a, negateFactor(graph, b));
      return undefined;
    case 'mul':
      return simplifyProduct(graph, a, b);
    case 'div':
      if (isOne(b)) return a;
      if (isZero(a)) return a;
      return undefined;
    case 'neg':
      // -(-a) = a
      if (nodeA.op === 'neg') return nodeA.args[0];
      return undefined;
    case 'pow':
      // a^1 = a and a^0 = 1, the IEEE 754 pow convention for every a, NaN included.
      if (isOne(b)) return a;
      if (isZero(b)) return graph.constant(1);
      return undefined;
    default:
      return undefined;
  }
}

function hasNegativeFactor(graph: Graph, id: NodeId): boolean {
  const node = graph.node(id);
  return node.op === 'mul' && graph.isConstant(node.args[0]) && graph.node(node.args[0]).value < 0;
}

/** Returns c·b for a product (-c)·b. */
function negateFactor(graph: Graph, id: NodeId): NodeId {
  const [factor, rest] = graph.node(id).args;
  return graph.mul(graph.constant(-graph.node(factor).value), rest);
}

/** Products put a constant factor first and merge constant factors: c1·(c2·a) = (c1·c2)·a. */
function simplifyProduct(graph: Graph, a: NodeId, b: NodeId): NodeId | undefined {
  if (graph.isConstant(b) && !graph.isConstant(a)) {
    return graph.mul(b, a);
  }
  if (!graph.isConstant(a)) {
    // (-a)·b = -(a·b), so that signs collect in one place.
    if (graph.node(a).op === 'neg') return graph.neg(graph.mul(graph.node(a).args[0], b));
    if (graph.node(b).op === 'neg') return graph.neg(graph.mul(a, graph.node(b).args[0]));
    return undefined;
  }

  const factor = graph.node(a).value;
  if (factor === 0) return a;
  if (factor === 1) return b;
  if (factor === -1) return graph.neg(b);

  const nodeB = graph.node(b);
  // c·(-b) = (-c)·b
  if (nodeB.op === 'neg') return graph.mul(graph.constant(-factor), nodeB.args[0]);
  // c1·(c2·b) = (c1·c2)·b, unless c1·c2 overflows: 1e308·(2·x) must stay finite for finite x.
  if (nodeB.op === 'mul' && graph.isConstant(nodeB.args[0])) {
    const merged = factor * graph.node(nodeB.args[0]).value;
    return Number.isFinite(merged) ? graph.mul(graph.constant(merged), nodeB.args[1]) : undefined;
  }
  return undefined;
}
