// Argument parsing for the command-line interface. Every number is checked, so that a typo such as
// `--learning-rate 0,1` is an error rather than a silent NaN.

export interface CliOptions {
  help: boolean;
  expression: string;
  x0: number[] | undefined;
  learningRate: number;
  maxIterations: number;
  gtol: number;
  history: boolean;
  json: boolean;
}

export const usage = `Usage: descent-lab minimize "<function>" [options]

Runs gradient descent on a function in math notation, such as "(1-x)^2 + 100*(y-x^2)^2".

Options:
  --x0 <list>               start point, comma-separated, one value per parameter (default: zeros)
  --learning-rate <number>  learning rate α ≥ 0 (default: 0.1)
  --max-iterations <n>      iteration limit; 0 evaluates f and ∇f at x0 only (default: 1000)
  --gtol <number>           stop when ‖∇f‖∞ ≤ gtol (default: 1e-6)
  --history                 include every iterate, thinned evenly beyond 100000 points
  --json                    print the result as one JSON object
  --help                    show this help

Exit codes: 0 for a finished run whatever its verdict, 2 for invalid input.
`;

export class UsageError extends RangeError {}

export function parseArguments(argv: string[]): CliOptions {
  const options: CliOptions = {
    help: false,
    expression: '',
    x0: undefined,
    learningRate: 0.1,
    maxIterations: 1000,
    gtol: 1e-6,
    history: false,
    json: false,
  };
  const positional: string[] = [];

  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    // After `--` everything is positional, so a function may start with a minus sign: -- "-x^2".
    if (
      optionsEnded ||
      (argument.startsWith('-') && argument !== '--' && !argument.startsWith('--') && argument !== '-h')
    ) {
      positional.push(argument);
      continue;
    }
    if (argument === '--') {
      optionsEnded = true;
      continue;
    }
    const value = () => {
      const next = argv[++i];
      if (next === undefined) {
        throw new UsageError(`${argument} needs a value. Run with --help for usage.`);
      }
      return next;
    };

    switch (argument) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--json':
        options.json = true;
        break;
      case '--history':
        options.history = true;
        break;
      case '--x0':
        options.x0 = parseList(value());
        break;
      case '--learning-rate':
        options.learningRate = parseNumber(argument, value(), 0, Infinity);
        break;
      case '--max-iterations':
        options.maxIterations = parseWholeNumber(argument, value());
        break;
      case '--gtol':
        options.gtol = parseNumber(argument, value(), 0, Infinity);
        break;
      default:
        if (argument.startsWith('--')) {
          throw new UsageError(`Unknown option ${argument}. Run with --help for usage.`);
        }
        positional.push(argument);
    }
  }

  if (options.help) {
    return options;
  }
  if (positional[0] !== 'minimize' || positional.length !== 2) {
    throw new UsageError('Expected: minimize "<function>" [options]. Run with --help for usage.');
  }
  options.expression = positional[1];
  return options;
}

function parseNumber(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${option} must be a finite number ≥ ${min}, not '${text}'.`);
  }
  return value;
}

function parseWholeNumber(option: string, text: string): number {
  const value = parseNumber(option, text, 0, Number.MAX_SAFE_INTEGER);
  if (!Number.isInteger(value)) {
    throw new UsageError(`${option} must be a whole number, not '${text}'.`);
  }
  return value;
}

function parseList(text: string): number[] {
  return text.split(',').map((part) => {
    const value = Number(part);
    if (part.trim() === '' || !Number.isFinite(value)) {
      throw new UsageError(`--x0 must be comma-separated finite numbers, not '${text}'.`);
    }
    return value;
  });
}
