// A direct evaluator over the graph, used where compiled code is not wanted: to find which
// operation first produced a non-finite value, and as an independent check on the compiler.

import type { Graph, NodeId } from './graph';
import { opRules } from './ops';

/** Evaluates every node that `output` reads; returns the values by node id (NaN where unused). */
export function evaluateNodes(graph: Graph, output: NodeId, x: ArrayLike<number>): Float64Array {
  const reached = graph.reachableFrom([output]);
  const values = new Float64Array(graph.nodes.length).fill(NaN);

  for (let id = 0; id <= output; id++) {
    if (reached[id] === 0) {
      continue;
    }
    const node = graph.node(id);
    if (node.op === 'const') {
      values[id] = node.value;
    } else if (node.op === 'var') {
      values[id] = x[node.index];
    } else {
      values[id] = opRules[node.op].evaluate(values[node.args[0]], values[node.args[1]]);
    }
  }
  return values;
}

/** Finds the first operation (in evaluation order) whose result is not finite although its inputs are. */
export function firstNonFiniteNode(graph: Graph, output: NodeId, x: ArrayLike<number>): NodeId | undefined {
  const values = evaluateNodes(graph, output, x);
  const reached = graph.reachableFrom([output]);

  for (let id = 0; id <= output; id++) {
    if (reached[id] === 0 || Number.isFinite(values[id])) {
      continue;
    }
    const node = graph.node(id);
    if (node.args.every((arg) => Number.isFinite(values[arg]))) {
      return id;
    }
  }
  return undefined;
}
