import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ToWebview } from '../../src/protocol';
import { createSession } from '../../src/session';

function open(text: string) {
  const posted: ToWebview[] = [];
  const logged: string[] = [];
  const session = createSession(
    text,
    { learningRate: 0.1, maxIterations: 1000, gtol: 1e-6 },
    (m) => posted.push(m),
    {
      log: (line) => logged.push(line),
    },
  );
  return { session, posted, logged };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('timed out waiting for the session');
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('panel session', () => {
  it('answers ready with the full state after a first run', async () => {
    const { session, posted } = open('x^2');
    session.receive({ type: 'ready' });
    await until(() => posted.length > 0);
    const message = posted[0];
    assert.equal(message.type, 'state');
    assert.equal(message.type === 'state' && message.state.run?.verdict, 'converged');
    assert.equal(message.type === 'state' && message.state.fn.derivative, '2*x');
  });

  it('lets the newest run request win', async () => {
    const { session, posted } = open('(1-x)^2 + 100*(y-x^2)^2');
    const settings = { learningRate: 1e-4, x0: [-1.2, 1], maxIterations: 10_000_000, gtol: 0 };
    session.receive({ type: 'run', requestId: 1, settings });
    session.receive({
      type: 'run',
      requestId: 2,
      settings: { ...settings, learningRate: 0.01, maxIterations: 100 },
    });
    await until(() => posted.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(
      posted.map((m) => m.type === 'result' && m.requestId),
      [2],
    );
  });

  it('keeps a run going when the page reloads', async () => {
    const { session, posted } = open('(1-x)^2 + 100*(y-x^2)^2');
    const settings = { learningRate: 1e-4, x0: [-1.2, 1], maxIterations: 400_000, gtol: 0 };
    session.receive({ type: 'run', requestId: 7, settings });
    session.receive({ type: 'ready' });

    const state = posted[0];
    assert.equal(state?.type, 'state');
    assert.equal(state?.type === 'state' && state.state.settings.learningRate, 1e-4);
    assert.equal(state?.type === 'state' && state.state.requestId, 7);

    await until(() => posted.length > 1);
    const result = posted[1];
    assert.equal(result.type, 'result');
    assert.equal(result.type === 'result' && result.requestId, 7);
    assert.equal(result.type === 'result' && result.run.nit, 400_000);
  });

  it('logs and ignores an invalid message', () => {
    const { session, posted, logged } = open('x^2');
    session.receive({ type: 'run', requestId: 1, settings: { learningRate: 'fast' } });
    assert.equal(posted.length, 0);
    assert.ok(logged[0].includes('Ignored an invalid message'), logged[0]);
  });

  it('logs each run with the function cut to 80 characters', async () => {
    const long = `${'x^2 + '.repeat(40)}1`;
    const { session, posted, logged } = open(long);
    session.receive({ type: 'ready' });
    await until(() => posted.length > 0);
    const quoted = /"([^"]*)"/.exec(logged[0])?.[1] ?? '';
    assert.ok(quoted.length <= 80, logged[0]);
    assert.ok(logged[0].includes('converged'), logged[0]);
  });

  it('yields to the event loop during a long run', async () => {
    const { session, posted } = open('(1-x)^2 + 100*(y-x^2)^2');
    const settings = { learningRate: 1e-4, x0: [-1.2, 1], maxIterations: 3_000_000, gtol: 0 };
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 1);
    session.receive({ type: 'run', requestId: 1, settings });
    await until(() => posted.length > 0);
    clearInterval(timer);
    // Slices are 8 ms; 50 ms leaves room for a slow machine and garbage collection.
    assert.ok(longestGap < 50, `the event loop was blocked for ${longestGap.toFixed(1)} ms`);
  });
});
