// Reverse-mode automatic differentiation as a graph transformation (backpropagation): one sweep
// from the output down to the parameters applies the chain rule, adding each node's adjoint times
// its local derivative into the adjoints of its arguments. The adjoints are themselves graph nodes,
// so the gradient can be printed, compiled together with f, and differentiated again.

import type { Graph, NodeId } from './graph';
import { opRules } from './ops';

/**
 * Builds ∂output/∂p for each parameter node p. Ascending ids are a topological order, so the sweep
 * is a plain loop from the output down and works on graphs of any depth.
 */
export function gradientNodes(graph: Graph, output: NodeId, parameters: readonly NodeId[]): NodeId[] {
  const live = graph.dependsOnParameter();
  const adjoints = new Map<NodeId, NodeId>([[output, graph.constant(1)]]);

  for (let id = output; id >= 0; id--) {
    const adjoint = adjoints.get(id);
    if (adjoint === undefined || live[id] === 0) {
      continue;
    }
    const node = graph.node(id);
    if (node.args.length === 0) {
      continue;
    }

    const partials = opRules[node.op].partials(graph, id, node.args[0], node.args[1] ?? -1);
    node.args.forEach((arg, position) => {
      if (live[arg] === 0) {
        return;
      }
      // Chain rule: adjoint(arg) += adjoint(node) · ∂node/∂arg
      const contribution = graph.mul(adjoint, partials[position]);
      const previous = adjoints.get(arg);
      adjoints.set(arg, previous === undefined ? contribution : graph.add(previous, contribution));
    });
  }

  return parameters.map((parameter) => adjoints.get(parameter) ?? graph.constant(0));
}
