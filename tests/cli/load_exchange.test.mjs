// The short variant of the exchange load benchmark (tests/bench/load_exchange.mjs, issue 11
// item 7): every feed of 鳥取県's demo deployment (342 devices) published at once to nginx on
// loopback, in protocol order, within a bound; nothing lost or extra, every byte as generated,
// and `vsys verify` clean on what nginx stored. The 1,000-device run is `tools/bench exchange`.
// Uses VSYS_CLI (default build/native/vsys).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadExchange } from '../bench/load_exchange.mjs';

test('342 devices publishing at once to nginx: nothing lost, verify clean', { timeout: 240000 }, async () => {
  const lines = [];
  const r = await loadExchange({ prefecture: '310000', devices: 200, maxSeconds: 120, log: (l) => lines.push(l) });
  console.log(lines.join('\n'));
  assert.deepEqual(r.checks.filter((c) => !c.pass).map((c) => `${c.name}: ${c.detail}`), []);
  assert.ok(r.devices >= 200);
  // Each bundle: preflight, PUT, read-back; each pointer: preflight, PUT; nothing retried.
  assert.equal(r.requests, 3 * r.bundles + 2 * r.pointers);
  assert.equal(r.files, 1 + r.bundles + r.pointers);
});
