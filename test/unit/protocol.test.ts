import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseFromWebview } from '../../src/protocol';

const settings = { learningRate: 0.1, x0: [1, 2], maxIterations: 100, gtol: 1e-6 };

describe('webview message validation', () => {
  it('accepts ready', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }, 2), { type: 'ready' });
  });

  it('accepts a valid run and copies its settings', () => {
    const message = parseFromWebview({ type: 'run', requestId: 3, settings, extra: 'ignored' }, 2);
    assert.deepEqual(message, { type: 'run', requestId: 3, settings });
  });

  it('accepts a learning rate of 0', () => {
    const message = parseFromWebview(
      { type: 'run', requestId: 1, settings: { ...settings, learningRate: 0 } },
      2,
    );
    assert.equal(typeof message, 'object');
  });

  // Each row: message, a phrase of the problem.
  const invalid: [unknown, string][] = [
    [null, 'not an object'],
    ['ready', 'not an object'],
    [{ type: 'delete' }, 'unknown message type'],
    [{ type: 'run', requestId: -1, settings }, 'requestId'],
    [{ type: 'run', requestId: 1.5, settings }, 'requestId'],
    [{ type: 'run', requestId: 1 }, 'settings must be an object'],
    [{ type: 'run', requestId: 1, settings: { ...settings, learningRate: Number.NaN } }, 'learningRate'],
    [{ type: 'run', requestId: 1, settings: { ...settings, learningRate: 11 } }, 'learningRate'],
    [{ type: 'run', requestId: 1, settings: { ...settings, learningRate: '0.1' } }, 'learningRate'],
    [{ type: 'run', requestId: 1, settings: { ...settings, maxIterations: 1e9 } }, 'maxIterations'],
    [{ type: 'run', requestId: 1, settings: { ...settings, maxIterations: 2.5 } }, 'whole number'],
    [{ type: 'run', requestId: 1, settings: { ...settings, gtol: -1 } }, 'gtol'],
    [{ type: 'run', requestId: 1, settings: { ...settings, x0: [1] } }, 'x0 must be an array of 2'],
    [{ type: 'run', requestId: 1, settings: { ...settings, x0: [1, Infinity] } }, 'x0[1] must be'],
    // eslint-disable-next-line no-sparse-arrays
    [{ type: 'run', requestId: 1, settings: { ...settings, x0: [1, ,] } }, 'x0[1] must be'],
    [{ type: 'run', requestId: 1, settings: { ...settings, x0: 'a,b' } }, 'x0 must be an array'],
  ];
  for (const [message, phrase] of invalid) {
    it(`rejects ${JSON.stringify(message)}`, () => {
      const problem = parseFromWebview(message, 2);
      assert.equal(typeof problem, 'string');
      assert.ok((problem as string).includes(phrase), problem as string);
    });
  }
});
