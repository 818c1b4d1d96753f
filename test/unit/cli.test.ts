import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const entry = join(__dirname, '..', '..', 'src', 'cli', 'main.ts');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('command-line interface', () => {
  it('prints the result as JSON with verdict, explanation and parameters', () => {
    const { status, stdout } = cli(
      'minimize',
      '(1-x)^2 + 100*(y-x^2)^2',
      '--x0',
      '-1.2,1',
      '--learning-rate',
      '0.001',
      '--json',
    );
    assert.equal(status, 0);
    const result = JSON.parse(stdout);
    assert.equal(result.verdict, 'slow');
    assert.deepEqual(result.parameters, ['x', 'y']);
    assert.equal(result.nit, 1000);
    assert.equal(typeof result.explanation, 'string');
    assert.equal(result.history, undefined);
  });

  it('includes the history with --history', () => {
    const { stdout } = cli('minimize', 'x^2', '--x0', '10', '--learning-rate', '0.2', '--json', '--history');
    const result = JSON.parse(stdout);
    assert.equal(result.history[0].x[0], 10);
    assert.equal(result.history.length, result.nit + 1);
  });

  it('evaluates without moving when the limit is 0', () => {
    const result = JSON.parse(cli('minimize', 'x^2', '--x0', '3', '--max-iterations', '0', '--json').stdout);
    assert.equal(result.nit, 0);
    assert.deepEqual(result.x, [3]);
    assert.equal(result.fun, 9);
    assert.deepEqual(result.jac, [6]);
  });

  it('exits 0 for a diverging run', () => {
    const { status, stdout } = cli('minimize', 'x^2', '--x0', '10', '--learning-rate', '1.1');
    assert.equal(status, 0);
    assert.ok(stdout.startsWith('diverging:'), stdout);
  });

  it('reports a parse error as JSON with its position and exit code 2', () => {
    const { status, stderr } = cli('minimize', '(x + * 2', '--json');
    assert.equal(status, 2);
    const { error } = JSON.parse(stderr);
    assert.equal(error.offset, 5);
    assert.equal(error.line, 1);
    assert.equal(error.column, 6);
    assert.ok(error.message.includes("'*'"), error.message);
  });

  // Each row: arguments, a phrase of the message on stderr.
  const invalid: [string[], string][] = [
    [['minimize', 'x^2', '--learning-rate', '0,1'], '--learning-rate'],
    [['minimize', 'x^2', '--learning-rate', '-1'], '--learning-rate'],
    [['minimize', 'x^2', '--max-iterations', '1.5'], 'whole number'],
    [['minimize', 'x^2', '--x0', '1,2'], '--x0 has 2 values'],
    [['minimize', 'x^2', '--x0', 'a'], '--x0'],
    [['minimize', 'x^2', '--bogus'], 'Unknown option'],
    [['minimise', 'x^2'], 'Expected: minimize'],
    [['minimize', 'gamma(x)'], "Unknown function 'gamma'"],
  ];
  for (const [args, phrase] of invalid) {
    it(`rejects ${args.join(' ')}`, () => {
      const { status, stderr } = cli(...args);
      assert.equal(status, 2);
      assert.ok(stderr.includes(phrase), stderr);
    });
  }
});

describe('command-line interface arguments', () => {
  it('takes a function after -- even when it starts with a minus sign', () => {
    const { status, stdout } = cli('minimize', '--json', '--', '-x^2 + 4*x');
    assert.equal(status, 0);
    assert.equal(JSON.parse(stdout).verdict, 'unbounded');
  });

  it('explains a function without parameters', () => {
    const result = JSON.parse(cli('minimize', '3', '--json').stdout);
    assert.equal(result.verdict, 'converged');
    assert.ok(result.explanation.includes('no parameters'), result.explanation);
  });
});
