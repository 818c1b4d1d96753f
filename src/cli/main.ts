// Command-line interface to the engine, so that runs can be scripted, tested and benchmarked:
//   node dist/cli.js minimize "<function>" [--x0 1,2] [--learning-rate 0.1] [--max-iterations 1000]
//                            [--gtol 1e-6] [--history] [--json]
// Exit codes: 0 for any finished run whatever its verdict, 2 for invalid input, 1 for an internal
// error, which is a bug to report.

import { minimize, parseFunction, ParseError, type DescentResult } from '../engine/index';
import { parseArguments, usage, type CliOptions } from './arguments';

class InputError extends Error {}

function main(argv: string[]): number {
  let options: CliOptions;
  try {
    options = parseArguments(argv);
  } catch (error) {
    return fail(error, argv.includes('--json'));
  }
  if (options.help) {
    process.stdout.write(usage);
    return 0;
  }

  try {
    const result = run(options);
    process.stdout.write(options.json ? formatJson(result, options.history) : formatSummary(result));
    return 0;
  } catch (error) {
    return fail(error, options.json);
  }
}

function run(options: CliOptions): DescentResult {
  const parsed = parseFunction(options.expression);
  const dimension = parsed.parameters.length;
  const x0 = options.x0 ?? new Array<number>(dimension).fill(0);
  if (x0.length !== dimension) {
    const names = dimension === 0 ? 'no parameters' : `${dimension} (${parsed.parameters.join(', ')})`;
    throw new InputError(`--x0 has ${x0.length} values but the function has ${names}.`);
  }

  return minimize(parsed.objective, {
    learningRate: options.learningRate,
    x0,
    maxIterations: options.maxIterations,
    gtol: options.gtol,
    historyCap: options.history ? 100_000 : 2,
  });
}

function formatJson(result: DescentResult, withHistory: boolean): string {
  const { history, ...rest } = result;
  return `${JSON.stringify(withHistory ? { ...rest, history } : rest)}\n`;
}

function formatSummary(result: DescentResult): string {
  const point = result.parameters.map((name, i) => `, ${name} = ${result.x[i]}`).join('');
  return [
    `${result.verdict}: ${result.explanation}`,
    `  iterations ${result.nit}, f = ${result.fun}${point}`,
    `  ${result.message}`,
    '',
  ].join('\n');
}

function fail(error: unknown, json: boolean): number {
  if (!(error instanceof ParseError || error instanceof InputError || error instanceof RangeError)) {
    const message = `Internal error: ${error instanceof Error ? error.message : String(error)}. Please report it.`;
    process.stderr.write(json ? `${JSON.stringify({ error: { message } })}\n` : `descent-lab: ${message}\n`);
    return 1;
  }
  if (json) {
    const position =
      error instanceof ParseError ? { offset: error.offset, line: error.line, column: error.column } : {};
    process.stderr.write(`${JSON.stringify({ error: { message: error.message, ...position } })}\n`);
  } else {
    process.stderr.write(`descent-lab: ${error.message}\n`);
  }
  return 2;
}

process.exitCode = main(process.argv.slice(2));
