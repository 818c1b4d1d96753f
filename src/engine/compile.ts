// Compiles graph outputs into one straight-line JavaScript function. The source is generated only
// from the validated graph: operations come from the fixed table in ops.ts, parameters become
// `x[i]` and constants become number literals, so no text from the user reaches the generated code.

import type { Graph, NodeId } from './graph';
import { opRules } from './ops';

/** Writes outputs[1..] into `out` and returns outputs[0]; `x` holds the parameters in order. */
export type CompiledFunction = (x: ArrayLike<number>, out: Float64Array) => number;

/**
 * Above this many operations the temporaries live in a Float64Array instead of local variables,
 * because V8 compiles functions with tens of thousands of locals slowly or not at all.
 */
const maxLocals = 2000;

export function compile(graph: Graph, outputs: readonly NodeId[]): CompiledFunction {
  const source = generateSource(graph, outputs);

  // Safe by construction: see the header of this file.
  const factory = new Function(source) as () => CompiledFunction;
  return factory();
}

/** The body of a factory that returns the compiled function; exported for tests and inspection. */
export function generateSource(graph: Graph, outputs: readonly NodeId[]): string {
  const reached = graph.reachableFrom(outputs);
  const operations = countOperations(graph, reached);
  const useArray = operations > maxLocals;
  const names = new Map<NodeId, string>();
  const lines: string[] = [];

  let slot = 0;
  for (let id = 0; id < graph.nodes.length; id++) {
    if (reached[id] === 0) {
      continue;
    }
    const node = graph.node(id);
    if (node.op === 'const') {
      names.set(id, literal(node.value));
      continue;
    }

    const name = useArray ? `t[${slot++}]` : `t${id}`;
    const expression =
      node.op === 'var'
        ? `x[${node.index}]`
        : opRules[node.op].emit(names.get(node.args[0]) ?? '', names.get(node.args[1]) ?? '');
    lines.push(useArray ? `  ${name} = ${expression};` : `  const ${name} = ${expression};`);
    names.set(id, name);
  }

  outputs.slice(1).forEach((output, position) => lines.push(`  out[${position}] = ${names.get(output)};`));
  lines.push(`  return ${names.get(outputs[0])};`);

  const scratch = useArray ? `const t = new Float64Array(${slot});\n` : '';
  return `'use strict';\n${scratch}return function compiled(x, out) {\n${lines.join('\n')}\n};`;
}

function countOperations(graph: Graph, reached: Uint8Array): number {
  let count = 0;
  for (let id = 0; id < reached.length; id++) {
    if (reached[id] === 1 && graph.node(id).op !== 'const') {
      count++;
    }
  }
  return count;
}

/**
 * A JavaScript literal for a float64. Negative values get parentheses so `a - (-2)` stays valid;
 * NaN and ±Infinity, which folding never creates but a future rule might, become the globals.
 */
function literal(value: number): string {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  const text = Object.is(value, -0) ? '-0' : String(value);
  return value < 0 || Object.is(value, -0) ? `(${text})` : text;
}
