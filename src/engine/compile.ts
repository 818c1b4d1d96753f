// Compiles graph outputs into one straight-line JavaScript function. The source is generated only
// from the validated graph: operations come from the fixed table in ops.ts, parameters become
// `x[i]` and constants become number literals, so no text from the user reaches the generated code.

import type { Graph, NodeId } from './graph';
import { opRules } from './ops';

/** Writes outputs[1..] into `out` and returns outputs[0]; `x` contains the parameters in order. */
export type CompiledFunction = (x: ArrayLike<number>, out: Float64Array) => number;

/**
 * Above this many operations the temporaries live in a Float64Array instead of local variables,
 * because V8 compiles functions with tens of thousands of locals slowly or not at all.
 */
const maxLocals = 2000;

export function compile(graph: Graph, outputs: readonly NodeId[]): CompiledFunction {
  return instantiate<CompiledFunction>(generateSource(graph, outputs));
}

/**
 * Evaluates f and ∇f at x, writes ∇f into `gradient` and the gradient-descent step x - α∇f into
 * `next`, and returns f. `next` may be `x` itself. Fusing the step keeps the gradient in registers
 * on the way to the next iterate, which on V8 saves a store and a load on every iteration's
 * critical path.
 */
export type DescentStepFunction = (
  x: ArrayLike<number>,
  alpha: number,
  gradient: Float64Array,
  next: Float64Array,
) => number;

export function compileDescentStep(
  graph: Graph,
  output: NodeId,
  gradient: readonly NodeId[],
  parameters: readonly NodeId[],
): DescentStepFunction {
  const body = emitBody(graph, [output, ...gradient, ...parameters]);
  const lines = [...body.lines];
  gradient.forEach((node, i) => lines.push(`  gradient[${i}] = ${body.names.get(node)};`));
  // Every parameter was read into a temporary above, so writing `next` cannot disturb a read of x.
  parameters.forEach((node, i) => {
    lines.push(`  next[${i}] = ${body.names.get(node)} - alpha * ${body.names.get(gradient[i])};`);
  });
  lines.push(`  return ${body.names.get(output)};`);
  return instantiate<DescentStepFunction>(wrap(body.scratch, 'x, alpha, gradient, next', lines));
}

/** The body of a factory that returns the compiled function; exported for tests and inspection. */
export function generateSource(graph: Graph, outputs: readonly NodeId[]): string {
  const body = emitBody(graph, outputs);
  const lines = [...body.lines];
  outputs
    .slice(1)
    .forEach((output, position) => lines.push(`  out[${position}] = ${body.names.get(output)};`));
  lines.push(`  return ${body.names.get(outputs[0])};`);
  return wrap(body.scratch, 'x, out', lines);
}

function instantiate<T>(source: string): T {
  // Safe by construction: see the header of this file.
  const factory = new Function(source) as () => T;
  return factory();
}

function wrap(scratch: number | undefined, parameters: string, lines: string[]): string {
  const declaration = scratch === undefined ? '' : `const t = new Float64Array(${scratch});\n`;
  return `'use strict';\n${declaration}return function compiled(${parameters}) {\n${lines.join('\n')}\n};`;
}

interface Body {
  lines: string[];
  names: Map<NodeId, string>;
  /** Length of the temporaries array, or undefined when temporaries are local variables. */
  scratch: number | undefined;
}

/** Emits one statement per operation that `outputs` read, in ascending id order (a topological order). */
function emitBody(graph: Graph, outputs: readonly NodeId[]): Body {
  const reached = graph.reachableFrom(outputs);
  const useArray = countOperations(graph, reached) > maxLocals;
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
  return { lines, names, scratch: useArray ? slot : undefined };
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
 * Formats a float64 as a JavaScript literal. Negative values get parentheses so `a - (-2)` stays valid;
 * NaN and ±Infinity, which folding never creates but a future rule might, become the globals.
 */
function literal(value: number): string {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  const text = Object.is(value, -0) ? '-0' : String(value);
  return value < 0 || Object.is(value, -0) ? `(${text})` : text;
}
