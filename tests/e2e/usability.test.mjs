// End to end in Chromium against nginx: what a nurse and an official hit in their first hour
// (issue 13): fixed values in the simulation come first and the rest is split (no 固定値 mode),
// a result whose inputs changed cannot be registered, ④ adjusts needles and syringes, a site's
// new reading reaches its municipality's search, a code with a wrong check digit says so, home
// buttons count the work waiting, and the top bar says what waits to be sent and when the
// exchange cannot be reached.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchor, clickAnchor, command, goTo, ok, screenshot, serverAndBrowser, signIn, typeInto, view, waitFrames }
  from './lib.mjs';

const env = serverAndBrowser();
const childRound = 'PFchild01クール';

async function chooseRound(page, anchorName, code) {
  const rounds = ok(await view(page, 'rounds')).view.rounds;
  const index = rounds.findIndex((r) => r.code === code);
  assert.ok(index >= 0, 'round listed: ' + code);
  await clickAnchor(page, anchorName);
  await clickAnchor(page, `${anchorName}.${index}`);
}

async function screen(page) {
  return page.evaluate(() => window.vsys.screen());
}

test('fixed values come first and the rest is split by the chosen ratio; a stale result cannot be registered', async () => {
  const { page, errors } = await env.openApp();
  // ① the nation gives Tokyo 5,568 boxes of the child round.
  await signIn(page, 'VN000000');
  ok(await command(page, { type: 'set_round_state', round: childRound, state: 'allocating' }));
  ok(await command(page, { type: 'set_prefecture_amounts', round: childRound,
    simulation: { mode: 'child_population', total: 5568, fixed: { 'pref:130001': 5568 } } }));

  // ② Tokyo: 500 and 300 fixed for its first two municipalities, the rest by child population.
  await signIn(page, 'VP130001');
  await goTo(page, 'simulation');
  await chooseRound(page, 'sim.round', childRound);
  const anchors = Object.keys((await screen(page)).anchors);
  assert.ok(anchors.includes('sim.mode.child_population'));
  assert.ok(!anchors.some((a) => a.startsWith('sim.mode.fixed')), '固定値 is not a mode of its own');
  await clickAnchor(page, 'sim.mode.child_population');
  await typeInto(page, 'sim.fixed.0', '500');
  await typeInto(page, 'sim.fixed.1', '300');
  await clickAnchor(page, 'sim.run');
  await anchor(page, 'sim.register');
  await screenshot(page, 'usability-simulation-fixed');

  // Switching the mode after the run makes the result stale: 登録 does nothing until run again.
  await clickAnchor(page, 'sim.mode.request');
  await anchor(page, 'sim.stale');
  await clickAnchor(page, 'sim.register');
  await waitFrames(page, 4);
  let state = ok(await view(page, 'round_state', { round: childRound })).view;
  assert.equal(state.steps[1].done, 0, 'nothing registered from a stale result');

  await clickAnchor(page, 'sim.mode.child_population');
  await clickAnchor(page, 'sim.run');
  await clickAnchor(page, 'sim.register');
  await page.waitForFunction((r) => window.vsys.view('round_state', { round: r }).view.steps[1].done > 0, childRound);
  state = ok(await view(page, 'round_state', { round: childRound })).view;
  const given = state.children.reduce((s, c) => s + (c.amount || 0), 0);
  assert.equal(given, 5568, 'all 5,568 boxes allocated: ' + JSON.stringify(state.children.slice(0, 3)));
  const firstTwo = state.children.slice(0, 2).map((c) => c.amount);
  assert.deepEqual(firstTwo, [500, 300]);
  assert.deepEqual(errors, []);
});

test('a site\'s new reading reaches the municipality\'s search, and a wrong check digit is named', async () => {
  const { page, errors } = await env.openApp();
  await signIn(page, 'VM131016');
  const site = ok(await view(page, 'org_search', { query: '', limit: 1 })).view.sites[0];
  await signIn(page, 'VS' + site.code);
  ok(await command(page, { type: 'update_site_info', site: site.code, reading: 'ヨミガナテストイイン' }));

  await signIn(page, 'VM131016');
  const found = ok(await view(page, 'org_search', { query: 'よみがなてすと' })).view;
  assert.deepEqual(found.sites.map((s) => s.code), [site.code]);
  assert.equal(found.sites[0].reading, 'ヨミガナテストイイン');
  const old = ok(await view(page, 'org_search', { query: site.reading })).view;
  assert.ok(!old.sites.some((s) => s.code === site.code), 'the old reading no longer finds it');

  // An insurance code (fee-table digit 1: it has a check digit) one digit off that names no
  // site: the search says the check digit is wrong instead of 「0 件」.
  const insured = ok(await view(page, 'org_search', { query: '', limit: 200 })).view.sites
    .find((s) => s.code[2] === '1');
  let wrong = null, answer = null;
  for (let d = 0; d <= 9 && !wrong; ++d) {
    if (String(d) === insured.code[9]) continue;
    const candidate = insured.code.slice(0, 9) + String(d);
    const a = ok(await view(page, 'org_search', { query: candidate })).view;
    if (a.count === 0) [wrong, answer] = [candidate, a];
  }
  assert.ok(wrong, 'a free code next to ' + insured.code);
  assert.equal(answer.count, 0);
  assert.match(answer.code_problem, /チェックディジット/);
  await goTo(page, 'org_browser');
  await typeInto(page, 'browser.query', wrong);
  await anchor(page, 'browser.code_problem');
  assert.deepEqual(errors, []);
});

test('home buttons count the work waiting, and the top bar says what waits to be sent', async () => {
  const { page, errors } = await env.openApp();
  await signIn(page, 'VM131016');
  const site = ok(await view(page, 'org_search', { query: '', limit: 2 })).view.sites[1];
  await signIn(page, 'VS' + site.code);
  const current = ok(await view(page, 'site', { site: site.code })).view;
  ok(await command(page, { type: 'request_vaccine_change', site: site.code,
    vaccines: current.vaccines.length > 1 ? current.vaccines.slice(1) : ['tm_general'] }));
  await goTo(page, 'home');
  const mine = await screen(page);
  assert.match(mine.sync.text, /送信待ち/, 'the change waits to be sent: ' + mine.sync.text);

  await signIn(page, 'VM131016');
  await goTo(page, 'home');
  await anchor(page, 'home.approvals.waiting');
  const home = ok(await view(page, 'home')).view.buttons.find((b) => b.id === 'approvals');
  assert.ok(home.waiting >= 1);
  await screenshot(page, 'usability-home-waiting');

  // The exchange stops answering: the next sync leaves the top bar in the warning colour, saying so.
  await env.server.stop();
  await page.evaluate(() => window.vsys.sync());
  await page.waitForFunction(() => !window.vsys.view('sync_status').view.running, null, { timeout: 30000 });
  await waitFrames(page, 3);
  const down = await screen(page);
  assert.ok(down.sync.warning, JSON.stringify(down.sync));
  assert.match(down.sync.text, /交換サーバーに接続できません|オフライン/);
  await screenshot(page, 'usability-topbar-exchange-down');
  await env.server.start();
  assert.deepEqual(errors, []);
});

test('配分を確定 waits for ①', async () => {
  const { page } = await env.openApp();
  await signIn(page, 'VN000000');
  ok(await command(page, { type: 'set_round_state', round: 'PF12_R10', state: 'allocating' }));
  const close = await command(page, { type: 'set_round_state', round: 'PF12_R10', state: 'locked' });
  assert.equal(close.ok, false);
  assert.equal(close.error.code, 'chain.nothing_allocated');
  assert.doesNotMatch(close.error.message, /allocating|locked|nothing_allocated/);
  await goTo(page, 'allocation');
  await chooseRound(page, 'alloc.round', 'PF12_R10');
  await clickAnchor(page, 'alloc.close');  // disabled: no confirmation opens
  await waitFrames(page, 3);
  assert.ok(!(await screen(page)).anchors['alloc.confirm'], 'no confirmation for an act that can do nothing');
});

test('⑤ ロック解除 is disabled while no municipality\'s sites are locked, and asks once one is', async () => {
  const { page } = await env.openApp();
  await signIn(page, 'VN000000');
  const round = ok(await view(page, 'rounds')).view.rounds[0].code;
  ok(await command(page, { type: 'set_round_state', round, state: 'allocating' }));
  ok(await command(page, { type: 'set_prefecture_amounts', round, simulation: { mode: 'eligible_population', total: 100000 } }));
  await signIn(page, 'VP130001');
  ok(await command(page, { type: 'register_municipality_amounts', round, simulation: { mode: 'eligible_population' } }));
  await goTo(page, 'allocation');
  await chooseRound(page, 'alloc.round', round);
  await clickAnchor(page, 'alloc.unlock_sites');  // disabled: nothing to unlock, no question
  await waitFrames(page, 3);
  assert.ok(!(await screen(page)).anchors['alloc.confirm'], 'no confirmation for an unlock that can do nothing');

  await signIn(page, 'VN000000');
  ok(await command(page, { type: 'lock_prefecture', round, prefecture: 'pref:130001' }));
  await signIn(page, 'VM131016');
  ok(await command(page, { type: 'register_site_amounts', round, simulation: { mode: 'request' } }));
  await signIn(page, 'VP130001');
  ok(await command(page, { type: 'lock_sites', round, municipalities: ['muni:131016'] }));
  await goTo(page, 'allocation');
  await chooseRound(page, 'alloc.round', round);
  await clickAnchor(page, 'alloc.unlock_sites');
  await anchor(page, 'alloc.confirm');
  await screenshot(page, 'usability-unlock-sites-question');
});

