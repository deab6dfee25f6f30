import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadAllProtocols, loadProtocol, protocolIds } from './load.js';
import { protocols } from './index.js';

test('every shipped protocol can be loaded on its own, and is the one in the list', async () => {
  assert.deepEqual([...protocolIds].sort(), protocols.map((p) => p.id).sort());
  for (const expected of protocols) assert.deepEqual(await loadProtocol(expected.id), expected, expected.id);
});

test('an id that no shipped protocol has loads nothing, including names inherited from Object', async () => {
  assert.equal(await loadProtocol('fever'), undefined);
  assert.equal(await loadProtocol('toString'), undefined);
  assert.equal(await loadProtocol('__proto__'), undefined);
});

test('loadAllProtocols gives the list of index.ts, in its order', async () => {
  assert.deepEqual(await loadAllProtocols(), protocols);
});
