// From selected text to a compiled objective: parse, differentiate, compile, and describe.

import { CompiledObjective, type Objective } from './objective';
import { parseMath } from './parse/math';

export interface ParsedFunction {
  parameters: string[];
  /** f pretty-printed. */
  display: string;
  /** f′ pretty-printed, for functions of one parameter. */
  derivative?: string;
  objective: Objective;
}

/** Parses math notation into a compiled objective; throws ParseError with the offset of the problem. */
export function parseFunction(text: string): ParsedFunction {
  const parsed = parseMath(text);
  const objective = new CompiledObjective(parsed);
  return {
    parameters: parsed.parameters,
    display: objective.display(),
    ...(parsed.parameters.length === 1 ? { derivative: objective.displayDerivative(0) } : {}),
    objective,
  };
}
