// Pretty-prints graph nodes as math notation with the fewest parentheses that keep the parse
// visible: `-x^2` prints as it reads, `(-x)^2` keeps its parentheses.

import type { Graph, NodeId } from './graph';
import { opRules } from './ops';

/** Maximum text length kept per node; shared subexpressions would otherwise grow the text exponentially. */
const maxLength = 600;

/** Binding strength: sums < products < unary minus < powers < atoms and calls. */
const enum Precedence {
  Sum = 1,
  Product = 2,
  Negation = 3,
  Power = 4,
  Atom = 5,
}

interface Printed {
  text: string;
  precedence: Precedence;
}

/** Prints `output` using `parameterNames[i]` for parameter i. */
export function formatNode(graph: Graph, output: NodeId, parameterNames: readonly string[]): string {
  const reached = graph.reachableFrom([output]);
  const printed: Printed[] = [];

  // Arguments have smaller ids, so one ascending pass prints every node after its arguments.
  for (let id = 0; id <= output; id++) {
    if (reached[id] === 1) {
      printed[id] = truncate(printNode(graph, id, printed, parameterNames));
    }
  }
  return printed[output].text;
}

function printNode(graph: Graph, id: NodeId, printed: Printed[], names: readonly string[]): Printed {
  const node = graph.node(id);
  const [a, b] = node.args.map((arg) => printed[arg]);

  switch (node.op) {
    case 'const':
      return {
        text: formatNumber(node.value),
        precedence: node.value < 0 ? Precedence.Negation : Precedence.Atom,
      };
    case 'var':
      return { text: names[node.index] ?? `x${node.index}`, precedence: Precedence.Atom };
    case 'add':
      return {
        text: `${a.text} + ${wrapIf(b, b.precedence < Precedence.Sum || isNegative(b))}`,
        precedence: Precedence.Sum,
      };
    case 'sub':
      return {
        text: `${a.text} - ${wrapIf(b, b.precedence <= Precedence.Sum || isNegative(b))}`,
        precedence: Precedence.Sum,
      };
    case 'mul':
      return product(a, b, '*', false);
    case 'div':
      return product(a, b, '/', true);
    case 'neg':
      return {
        text: `-${wrapIf(a, a.precedence <= Precedence.Sum || isNegative(a))}`,
        precedence: Precedence.Negation,
      };
    case 'pow':
      return {
        text: `${wrapIf(a, a.precedence <= Precedence.Power)}^${wrapIf(b, b.precedence < Precedence.Power || isNegative(b))}`,
        precedence: Precedence.Power,
      };
    default:
      return { text: `${opRules[node.op].symbol}(${a.text})`, precedence: Precedence.Atom };
  }
}

function product(a: Printed, b: Printed, symbol: string, isDivision: boolean): Printed {
  const left = wrapIf(a, a.precedence < Precedence.Product);
  const rightNeedsParentheses = isDivision
    ? b.precedence <= Precedence.Product
    : b.precedence < Precedence.Product;
  const right = wrapIf(b, rightNeedsParentheses || isNegative(b));
  return { text: `${left}${symbol}${right}`, precedence: Precedence.Product };
}

function isNegative(printed: Printed): boolean {
  return printed.text.startsWith('-');
}

function wrapIf(printed: Printed, condition: boolean): string {
  // A cut text already ends the printout, so it gets no parentheses that could never close.
  return condition && !printed.text.endsWith('…') ? `(${printed.text})` : printed.text;
}

/** Cuts text past maxLength and ends it with an ellipsis; a cut text is never wrapped again. */
function truncate(printed: Printed): Printed {
  if (printed.text.length <= maxLength) {
    return printed;
  }
  const text = printed.text.endsWith('…') ? printed.text : `${printed.text.slice(0, maxLength)}…`;
  return { text: text.slice(0, maxLength + 1), precedence: Precedence.Atom };
}

/** Formats the shortest text that reads back as the same float64, as JavaScript's Number#toString gives it. */
export function formatNumber(value: number): string {
  return String(value);
}
