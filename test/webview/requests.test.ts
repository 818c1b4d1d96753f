import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { RequestSequence } from '../../src/webview/requests';

describe('RequestSequence', () => {
  it('numbers requests from 1 upward', () => {
    const requests = new RequestSequence();
    assert.equal(requests.next(), 1);
    assert.equal(requests.next(), 2);
  });

  it('continues after an id seen in the state', () => {
    const requests = new RequestSequence();
    requests.observe(41);
    assert.equal(requests.next(), 42);
  });

  it('never goes back to a smaller observed id', () => {
    const requests = new RequestSequence();
    requests.observe(10);
    requests.observe(3);
    assert.equal(requests.next(), 11);
  });

  it('rejects answers older than the one shown', () => {
    const requests = new RequestSequence();
    requests.markShown(5);
    assert.equal(requests.isCurrent(4), false);
    assert.equal(requests.isCurrent(5), true);
    assert.equal(requests.isCurrent(6), true);
  });

  it('is pending until the newest request is shown', () => {
    const requests = new RequestSequence();
    const first = requests.next();
    const second = requests.next();
    requests.markShown(first);
    assert.equal(requests.pending, true);
    requests.markShown(second);
    assert.equal(requests.pending, false);
  });

  it('accepts any answer after a state resets the screen', () => {
    const requests = new RequestSequence();
    requests.markShown(9);
    requests.resetShown(2);
    assert.equal(requests.isCurrent(3), true);
  });
});
