// End to end in Chromium against nginx: the allocation chain ①–⑤ with the demo data (issue 4).
// Sites request (one through the request screen), the nation opens the round and sets ①, Tokyo
// simulates on the simulation screen (two modes compared) and registers ②, the nation locks ③,
// Chiyoda registers ④ with deliveries, Tokyo locks ⑤ through the overview's confirmation, the
// site sees its delivery, and an edit after the lock is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchor, clickAnchor, command, goTo, ok, screenshot, serverAndBrowser, signIn, typeInto, view, waitFrames } from './lib.mjs';

const env = serverAndBrowser();

const round = 'PF12_R10';

test('the chain ①–⑤ runs in the browser and the site sees its delivery', async () => {
  const { context, page, errors } = await env.openApp();

  // Chiyoda's sites that request Pfizer 12+ (the children of its split).
  await signIn(page, 'VM131016');
  const sites = ok(await view(page, 'round_state', { round })).view.children.map((c) => c.org.slice(5));
  assert.ok(sites.length >= 2);

  // The first site reports through 「ワクチン希望量の報告」, the second through the API.
  await signIn(page, 'VS' + sites[0]);
  await goTo(page, 'requests');
  await typeInto(page, 'req.boxes', '5');
  await clickAnchor(page, 'req.save');
  await page.waitForFunction((r) => window.vsys.view('requests', { round: r }).view.boxes === 5, round);
  await waitFrames(page, 3);
  await screenshot(page, 'requests');
  await signIn(page, 'VS' + sites[1]);
  ok(await command(page, { type: 'report_request', site: sites[1], round, boxes: 3 }));

  // ① the nation closes requests and splits 100,000 boxes by eligible population.
  await signIn(page, 'VN000000');
  ok(await command(page, { type: 'set_round_state', round, state: 'allocating' }));
  ok(await command(page, { type: 'set_prefecture_amounts', round,
    simulation: { mode: 'eligible_population', total: 100000 } }));

  // ② Tokyo on the simulation screen: eligible population against request, then register A.
  await signIn(page, 'VP130001');
  await goTo(page, 'allocation');
  await clickAnchor(page, 'alloc.simulate');
  assert.equal((await page.evaluate(() => window.vsys.screen())).screen, 'simulation');
  const anchors = await page.evaluate(() => Object.keys(window.vsys.screen().anchors));
  assert.ok(anchors.includes('sim.mode.eligible_population') && anchors.includes('sim.mode.request'));
  assert.ok(!anchors.includes('sim.mode.child_population'), 'only valid modes are offered');
  await clickAnchor(page, 'sim.mode.eligible_population');
  await clickAnchor(page, 'sim.compare');
  await clickAnchor(page, 'sim.mode_b.request');
  await clickAnchor(page, 'sim.run');
  await anchor(page, 'sim.register_b');
  await anchor(page, 'sim.chart');
  await waitFrames(page, 3);
  await screenshot(page, 'simulation');
  await clickAnchor(page, 'sim.register');
  await page.waitForFunction((r) => window.vsys.view('round_state', { round: r }).view.steps[1].status === 'confirmed', round);
  const two = ok(await view(page, 'round_state', { round })).view;
  const chiyoda = two.children.find((c) => c.org === 'muni:131016');
  assert.ok(chiyoda.amount > 8, 'Chiyoda gets its eligible-population share');

  // ③ the nation locks Tokyo's municipality amounts.
  await signIn(page, 'VN000000');
  ok(await command(page, { type: 'lock_prefecture', round, prefecture: 'pref:130001' }));

  // ④ Chiyoda splits by request; needles and syringes are suggested with each delivery.
  await signIn(page, 'VM131016');
  ok(await command(page, { type: 'register_site_amounts', round, simulation: { mode: 'request' } }));

  // ⑤ Tokyo locks through the overview, confirming in the modal that names Chiyoda.
  await signIn(page, 'VP130001');
  await goTo(page, 'allocation');
  await clickAnchor(page, 'alloc.lock_sites');
  await anchor(page, 'alloc.confirm');
  await screenshot(page, 'round-lock-confirm');
  await clickAnchor(page, 'alloc.confirm');
  await page.waitForFunction((r) => window.vsys.view('round_state', { round: r }).view.children
    .find((c) => c.org === 'muni:131016').locked, round);
  await waitFrames(page, 3);
  await screenshot(page, 'round-state');

  // An edit after the lock is refused, in Japanese, naming the lock.
  await signIn(page, 'VM131016');
  const refused = await command(page, { type: 'register_site_amounts', round, simulation: { mode: 'request' } });
  assert.equal(refused.ok, false);
  assert.equal(refused.error.code, 'chain.locked_by_prefecture');
  assert.match(refused.error.message, /千代田区.*データロック/);

  // The site sees its delivery.
  await signIn(page, 'VS' + sites[0]);
  const orders = ok(await view(page, 'deliveries')).view.deliveries;
  assert.equal(orders.length, 1);
  assert.equal(orders[0].boxes, 5);
  assert.ok(orders[0].needle_boxes > 0 && orders[0].syringe_boxes > 0);
  await goTo(page, 'deliveries');
  await anchor(page, 'deliveries.row.0');
  await screenshot(page, 'deliveries');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the nation splits a round in tranches on the simulation screen', async () => {
  // FACTS.md round 9: 8,000 boxes by population + 2,000 by request; the parts must add up.
  const { context, page, errors } = await env.openApp();
  await signIn(page, 'VN000000');
  await goTo(page, 'simulation');
  await typeInto(page, 'sim.total', '10000');
  await clickAnchor(page, 'sim.tranches');
  await anchor(page, 'sim.tranche.amount.1');
  await typeInto(page, 'sim.tranche.amount.0', '8000');
  await clickAnchor(page, 'sim.tranche.mode.0.eligible_population');
  await typeInto(page, 'sim.tranche.amount.1', '2000');
  await clickAnchor(page, 'sim.tranche.mode.1.request');
  await clickAnchor(page, 'sim.run');
  await anchor(page, 'sim.tranche.summary');
  await anchor(page, 'sim.register');
  await waitFrames(page, 3);
  await screenshot(page, 'simulation-tranches');
  const parts = [{ amount: 8000, mode: 'eligible_population' }, { amount: 2000, mode: 'request' }];
  const split = ok(await view(page, 'simulation', { round, total: 10000, tranches: parts })).view;
  assert.equal(split.tranches[0].allocated, 8000);
  assert.ok(split.rows.every((r) => r.result === r.parts[0].result + r.parts[1].result));
  parts[1].amount = 1000;
  const refused = await view(page, 'simulation', { round, total: 10000, tranches: parts });
  assert.equal(refused.error.code, 'chain.tranches_sum');
  assert.match(refused.error.message, /9000.*10000/);
  await clickAnchor(page, 'sim.tranche.add');
  await clickAnchor(page, 'sim.tranche.remove.2');
  await waitFrames(page, 2);
  assert.ok(!Object.keys(await page.evaluate(() => window.vsys.screen().anchors)).includes('sim.tranche.amount.2'));
  assert.deepEqual(errors, []);
  await context.close();
});
