// The training kiosk starts from the demo world's history (issue 14 item 4): opened with
// ?kiosk in Chromium, 千代田区 (VM131016) sees the past rounds in their states on its
// allocation screens and its sites' confirmed deliveries, and the kiosk's reset returns to the
// same past. Screenshots at the three sizes the UX names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchor, clickAnchor, command, goTo, ok, openApp, screenshot, serverAndBrowser, signIn, syncNow, view, waitFrames,
  writeDemoExchange } from './lib.mjs';

// The exchange tools/serve writes (鳥取県, with the history), for the enrolled device below.
const env = serverAndBrowser((server) => writeDemoExchange(server.exchange));

async function openKiosk(viewport) {
  await env.ready;
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  const t0 = Date.now();
  await openApp(page, env.server.url + '?kiosk');
  return { context, page, ms: Date.now() - t0 };
}

// The rounds the signed-in user sees, code → state.
async function roundStates(page) {
  const out = {};
  for (const r of ok(await view(page, 'rounds')).view.rounds) out[r.code] = r.state;
  return out;
}

test('a municipality in the kiosk sees past rounds in every listed state, their allocations and deliveries', async () => {
  const { context, page, ms } = await openKiosk({ width: 1366, height: 768 });
  const memory = (await page.evaluate(() => window.vsys.screen())).wasm_memory_bytes;
  console.log(`kiosk opened (with its history) in ${ms} ms, wasm memory ${(memory / 1048576).toFixed(0)} MB`);
  const k = ok(await view(page, 'kiosk')).view;
  assert.equal(k.trainee_documents, 0);  // the history is not the trainee's
  await clickAnchor(page, 'kiosk.account.VM131016');
  assert.equal(ok(await view(page, 'session')).view.org, 'muni:131016');

  const states = await roundStates(page);
  assert.equal(states.PF12_R8, 'delivered');
  assert.equal(states['TM3rd02クール'], 'locked');
  assert.equal(states['PFchild02クール'], 'allocating');
  assert.equal(states.PF12_R11, 'requests');
  assert.equal(states.PF12_R10, 'requests');  // the trainees' round is untouched
  assert.equal(states.PF12_R7, undefined);     // closed rounds are no longer listed

  // 千代田区's ④ of the delivered round: every step done and locked.
  const st = ok(await view(page, 'round_state', { round: 'PF12_R8' })).view;
  for (const step of st.steps) assert.equal(step.status, 'locked', step.key);
  const rows = ok(await view(page, 'deliveries', {})).view.deliveries;
  assert.ok(rows.some((r) => r.round === 'PF12_R8'), 'deliveries of PF12_R8');
  assert.ok(rows.some((r) => r.round === 'TM3rd02クール'), 'deliveries of TM3rd02クール');

  // The allocation screen on the delivered round, chosen in its round picker.
  await goTo(page, 'allocation');
  const listed = ok(await view(page, 'rounds')).view.rounds;
  await clickAnchor(page, 'alloc.round');
  await clickAnchor(page, 'alloc.round.' + listed.findIndex((r) => r.code === 'PF12_R8'));
  await waitFrames(page, 3);
  await anchor(page, 'alloc.summary');
  await screenshot(page, 'kiosk-history-allocation-1366');
  await goTo(page, 'deliveries');
  await screenshot(page, 'kiosk-history-deliveries-1366');
  for (const [w, h] of [[1024, 600], [390, 844]]) {
    await page.setViewportSize({ width: w, height: h });
    await goTo(page, 'allocation');
    await waitFrames(page, 3);
    await screenshot(page, `kiosk-history-allocation-${w}`);
  }

  // The reset returns to the same past, and nothing of the trainee's.
  ok(await command(page, { type: 'kiosk_reset' }));
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, env.server.url + '?kiosk');  // as the reset button does: the page loads again
  assert.equal(ok(await view(page, 'kiosk')).view.trainee_documents, 0);
  await clickAnchor(page, 'kiosk.account.VM131016');
  assert.equal((await roundStates(page)).PF12_R8, 'delivered');
  await context.close();
});

test('an enrolled browser device gets the history from the exchange by sync, like any other data', async () => {
  await env.ready;
  const { context, page } = await env.openApp();
  await signIn(page, 'VM312011');  // 鳥取市: the first sign-in enrols the device with a demo code
  const status = await syncNow(page);
  assert.equal(status.ok ?? true, true);
  await page.waitForFunction(() => {
    const r = window.vsys.view('rounds');
    return r.ok && r.view.rounds.some((x) => x.code === 'PF12_R8' && x.state === 'delivered');
  }, null, { timeout: 60000 });
  const states = await roundStates(page);
  assert.equal(states['TM3rd02クール'], 'locked');
  assert.equal(states['PFchild02クール'], 'allocating');
  const st = ok(await view(page, 'round_state', { round: 'PF12_R8' })).view;
  for (const step of st.steps) assert.equal(step.status, 'locked', step.key);
  await goTo(page, 'deliveries');
  await screenshot(page, 'history-synced-deliveries-1366');
  await context.close();
});
