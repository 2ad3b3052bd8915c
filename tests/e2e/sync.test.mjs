// End to end through the exchange (issue 5): a real nginx holding 鳥取県's demo deployment and
// separate browsers (contexts with their own IndexedDB) for a site, its municipality, its
// prefecture and the nation, each enrolling a device of its own with a demo code. Nothing
// passes between them except signed bundles on the exchange or a bundle file.
// VSYS_E2E_EXCHANGE=s3 runs the same tests against an S3 store (Ceph's RADOS Gateway, a fresh
// cluster): the operator's `vsys deployment s3-users` gives the organisations of these tests
// their store keys, sealed to their enrolment codes, which the browsers fetch and open.
//
// [SECTION] Set-up: the demo deployment, and a browser per organisation
// [SECTION] Up and down the chain
// [SECTION] The exchange's own rules: no overwrite, S3 store keys
// [SECTION] The exchange down, or stopped in the middle of a sync
// [SECTION] Against nginx only: a bundle file, claims, a selection kept
// [SECTION] Every file verifies, no script error
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import { anchor, artifacts, clickAnchor, command, exchangeFolder, exchangeKind, filesUnder, goTo, ok, openApp, root,
  screenshot, scrollIntoView, serverAndBrowser, signIn, syncNow, typeInto, view, waitFrames, writeDemoExchange } from './lib.mjs';

// [SECTION] Set-up: the demo deployment, and a browser per organisation

const round = 'PF12_R10';
const laterRound = 'TM3rd01クール';  // still taking requests
const muniCode = '312011';  // 鳥取市

const env = serverAndBrowser(async (server) => {
  writeDemoExchange(server.exchange, '310000', 3, server.s3);
  // On S3 every organisation these tests sign in as may write: 鳥取市 and its sites, the levels
  // above, the federation. Another municipality (鳥取市's neighbour 米子市) gets no key.
  if (server.s3) await server.s3.grantManaged(['nation', 'pref:310000', 'muni:' + muniCode, 'federation:310000'],
    'muni:' + muniCode);
});
const pages = [];
const artifact = (name) => (exchangeKind === 's3' ? name + '-s3' : name);
// One request through the page's own exchange client (sync.js; on S3 built and signed in wasm).
const perform = (page, req) => page.evaluate((r) => vsysPerform(r), req);

// A browser of its own, signed in, its device enrolled through the exchange.
async function browserFor(id) {
  const { context, page, errors } = await env.openApp({ acceptDownloads: true,
    init: () => { window.VSYS_NO_AUTO_SYNC = true; } });  // the test decides when
  await signIn(page, id);
  const st = await syncNow(page);
  assert.equal(st.error, null, JSON.stringify(st.error));
  assert.equal(st.enrolled, true);
  pages.push({ page, errors });
  return { context, page, errors };
}

function synced(st) {
  assert.equal(st.error, null, JSON.stringify(st.error));
  assert.deepEqual(st.rejected, []);
  assert.equal(st.outbox, 0);
  return st;
}

let site, muni, pref, nation, siteCode;
// What does not depend on the exchange's kind (a bundle file, claims' addressing, the app's own
// state across a sync) runs against nginx only: tools/test's e2e-s3 suite stays within minutes.
const appOnly = { skip: exchangeKind === 's3' && 'independent of the exchange: run against nginx (e2e)' };

// [SECTION] Up and down the chain

test('a request goes up, an allocation comes down and the delivery reaches the site', async () => {
  muni = await browserFor('VM' + muniCode);
  const children = ok(await view(muni.page, 'round_state', { round })).view.children;
  siteCode = children[0].org.slice(5);
  site = await browserFor('VS' + siteCode);

  ok(await command(site.page, { type: 'report_request', site: siteCode, round, boxes: 7 }));
  synced(await syncNow(site.page));

  // The municipality sees the request only after it came through the exchange.
  const before = ok(await view(muni.page, 'requests', { round })).view;
  synced(await syncNow(muni.page));
  const after = ok(await view(muni.page, 'requests', { round })).view;
  assert.notDeepEqual(after, before);
  assert.ok(JSON.stringify(after).includes('7'));

  nation = await browserFor('VN000000');
  ok(await command(nation.page, { type: 'set_round_state', round, state: 'allocating' }));
  ok(await command(nation.page, { type: 'set_prefecture_amounts', round,
    simulation: { mode: 'eligible_population', total: 100000 } }));
  synced(await syncNow(nation.page));

  pref = await browserFor('VP310000');
  const one = ok(await view(pref.page, 'round_state', { round })).view;
  assert.equal(one.steps[0].status, 'confirmed', JSON.stringify(one.steps));
  ok(await command(pref.page, { type: 'register_municipality_amounts', round, simulation: { mode: 'eligible_population' } }));
  synced(await syncNow(pref.page));

  synced(await syncNow(nation.page));
  ok(await command(nation.page, { type: 'lock_prefecture', round, prefecture: 'pref:310000' }));
  synced(await syncNow(nation.page));

  synced(await syncNow(muni.page));
  ok(await command(muni.page, { type: 'register_site_amounts', round, simulation: { mode: 'request' } }));
  synced(await syncNow(muni.page));

  synced(await syncNow(pref.page));
  ok(await command(pref.page, { type: 'lock_sites', round, municipalities: ['muni:' + muniCode] }));
  synced(await syncNow(pref.page));

  // This round's orders only: the demo history delivered to the site in past rounds too.
  assert.equal(ok(await view(site.page, 'deliveries', { round })).view.deliveries.length, 0);
  synced(await syncNow(site.page));
  const orders = ok(await view(site.page, 'deliveries', { round })).view.deliveries;
  assert.equal(orders.length, 1);
  assert.equal(orders[0].boxes, 7);

  await goTo(site.page, 'sync');
  await anchor(site.page, 'sync.now');
  await waitFrames(site.page, 3);
  await screenshot(site.page, artifact('sync-panel'));
});

// [SECTION] The exchange's own rules: no overwrite, S3 store keys

test('a PUT over a file the exchange holds is refused, and the file keeps its bytes', async () => {
  const feed = 'feeds/site_' + siteCode;
  const devices = await perform(site.page, { kind: 'list', path: feed });
  assert.equal(devices.ok, true, JSON.stringify(devices));
  const device = devices.data.split('\n')[0];
  const bundles = await perform(site.page, { kind: 'list', path: `${feed}/${device}` });
  const first = `${feed}/${device}/${bundles.data.split('\n')[0]}`;
  const before = await perform(site.page, { kind: 'get', path: first });
  assert.equal(before.ok, true, JSON.stringify(before));
  const put = await perform(site.page, { kind: 'put', path: first, body: '{"forged":true}' });
  assert.equal(put.ok, false);
  assert.equal(put.code, 'transport.exists', JSON.stringify(put));
  const after = await perform(site.page, { kind: 'get', path: first });
  assert.equal(after.data, before.data);
});

test('S3: a store key writes only its organisation\'s files; a device without one reads and says it cannot send', async (t) => {
  if (exchangeKind !== 's3') { t.skip('the nginx exchange has no keys per organisation'); return; }
  const st = ok(await view(site.page, 'sync_status')).view;
  assert.equal(st.read_only, false);
  // The key the operator made for the site, opened by the browser from the file sealed to its code.
  assert.equal(st.store_key.key_id, env.s3.key('site:' + siteCode).VSYS_S3_ACCESS_KEY);
  const name = `0000000001-${'0'.repeat(64)}.json`;
  for (const path of [`feeds/muni_${muniCode}/0123456789abcdef/${name}`, `feeds/site_${siteCode}0/0123456789abcdef/${name}`,
    `inbox/pref_310000/2026-12-06/muni_${muniCode}.0123456789abcdef.${name}`, 'deployment.json']) {
    const foreign = await perform(site.page, { kind: 'put', path, body: '{}' });
    assert.equal(foreign.code, 'transport.key_refused', path + ' ' + JSON.stringify(foreign));
    assert.match(foreign.detail, /HTTP 403 AccessDenied/);
  }
  // 米子市 has no key: its device enrols, reads everything in its scope, and keeps what it enters.
  const { context, page, errors } = await env.openApp({ init: () => { window.VSYS_NO_AUTO_SYNC = true; } });
  await signIn(page, 'VM312029');
  const first = await syncNow(page);
  assert.equal(first.error.code, 'sync.read_only', JSON.stringify(first.error));
  assert.equal(first.enrolled, true);
  assert.equal(first.read_only, true);
  assert.ok(first.report.accepted > 0, JSON.stringify(first.report));
  assert.equal(first.outbox, 1, 'its enrolment waits to be sent');
  await goTo(page, 'sync');
  await anchor(page, 'sync.read_only');
  await waitFrames(page, 3);
  await screenshot(page, 'sync-read-only-s3');
  const top = await page.evaluate(() => window.vsys.screen().sync);
  assert.match(top.text, /書き込み権限なし/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('S3: the operator rotates the site\'s key; the browser\'s next write is refused once, it fetches version 2 and sends in the same run', async (t) => {
  if (exchangeKind !== 's3') { t.skip('the nginx exchange has no keys per organisation'); return; }
  const org = 'site:' + siteCode;
  const old = env.s3.key(org);
  assert.equal(ok(await view(site.page, 'sync_status')).view.store_key.key_id, old.VSYS_S3_ACCESS_KEY);
  const t0 = Date.now();
  const out = env.s3.rotate(org);
  console.log(`# s3-users --rotate ${org}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  assert.match(out, new RegExp(`^rotated\\t${org}\\tversion 2\\t`, 'm'));
  assert.match(out, new RegExp(`^revoked\\t${org}\\tvsys-site_${siteCode} `, 'm'));
  const fresh = env.s3.key(org);
  ok(await command(site.page, { type: 'update_site_info', site: siteCode, phone: '0857-66-0002' }));
  const st = synced(await syncNow(site.page));
  assert.deepEqual(st.store_key, { key_id: fresh.VSYS_S3_ACCESS_KEY, version: 2 });
  assert.equal(st.key_refused, false);
  assert.ok(st.report.pushed >= 1, JSON.stringify(st.report));
  // Nothing of the key in clear in the browser's storage: IDBFS's records, searched for the secret.
  const stored = await site.page.evaluate(() => {
    const FS = window.FS || Module.FS;
    const out = [];
    const walk = (dir) => {
      for (const name of FS.readdir(dir)) {
        if (name === '.' || name === '..') continue;
        const p = dir + '/' + name;
        if (FS.isDir(FS.stat(p).mode)) walk(p);
        else out.push(new TextDecoder().decode(FS.readFile(p)));
      }
    };
    walk('/data');
    return out.join('\n');
  });
  assert.ok(stored.includes(`"key_id":"${fresh.VSYS_S3_ACCESS_KEY}"`), 'the sealed key file is there');
  assert.ok(!stored.includes(fresh.VSYS_S3_SECRET_KEY), 'the store key is kept sealed');
  // The municipality reads what went up with the new key.
  synced(await syncNow(muni.page));
  assert.ok(JSON.stringify(ok(await view(muni.page, 'site', { site: siteCode })).view).includes('0857-66-0002'));
});

// [SECTION] The exchange down, or stopped in the middle of a sync

test('the site keeps working with the exchange down and converges when it returns', async (t) => {
  await env.server.stop();
  t.after(() => (env.server.running ? undefined : env.server.start()));  // later tests get it back
  ok(await command(site.page, { type: 'report_request', site: siteCode, round: laterRound, boxes: 4 }));
  const down = await syncNow(site.page);
  assert.equal(down.error.code, 'transport.offline');
  assert.equal(down.pending, 1);
  await goTo(site.page, 'sync');
  await waitFrames(site.page, 3);
  await screenshot(site.page, artifact('sync-offline'));
  // Reloading the tab keeps what waits.
  await site.page.reload();
  await openApp(site.page, env.server.url);
  await signIn(site.page, 'VS' + siteCode);
  assert.equal(ok(await view(site.page, 'sync_status')).view.pending, 1);

  await env.server.start();
  synced(await syncNow(site.page));
  synced(await syncNow(muni.page));
  const seen = ok(await view(muni.page, 'requests', { round: laterRound })).view;
  assert.ok(JSON.stringify(seen).includes('4'), JSON.stringify(seen));
});

test('nginx stopped in the middle of a long first sync: the retry converges, nothing twice, nothing lost', async (t) => {
  t.after(() => (env.server.running ? undefined : env.server.start()));
  const { context, page } = await env.openApp({ init: () => { window.VSYS_NO_AUTO_SYNC = true; } });
  await signIn(page, 'VP310000');
  // A slow line (Chromium's own throttling) so the stop lands in the middle of the pull.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150,
    downloadThroughput: 2 * 1024 * 1024, uploadThroughput: 1024 * 1024 });
  await goTo(page, 'sync');
  const running = page.evaluate(() => window.vsys.sync());
  await page.waitForFunction(() => window.vsys.view('sync_status').view.progress.done > 20, null, { polling: 20, timeout: 60000 });
  // The progress in words while it runs: 「21 / 130 ファイル・1.2 MB 受信」.
  await anchor(page, 'sync.progress');
  await screenshot(page, artifact('sync-progress-running'));
  await env.server.stop();
  await waitFrames(page, 3);
  await screenshot(page, artifact('sync-progress'));
  const cut = await running;
  assert.ok(cut.error && cut.error.code.startsWith('transport.'), JSON.stringify(cut.error));
  const partial = cut.report.accepted;

  await env.server.start();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const done = synced(await syncNow(page));
  assert.equal(done.enrolled, true);
  // The other prefecture browser's view of the world and this one agree, and nothing was applied twice.
  const mine = ok(await view(page, 'round_state', { round })).view;
  const theirs = ok(await view(pref.page, 'round_state', { round })).view;
  assert.deepEqual(mine.children, theirs.children);
  assert.ok(partial >= 0);
  const again = synced(await syncNow(page));
  assert.equal(again.report.fetched, 0);
  await context.close();
});

// [SECTION] Against nginx only: a bundle file, claims, a selection kept

test('an exported bundle file carried to another browser imports and verifies', appOnly, async () => {
  ok(await command(site.page, { type: 'report_request', site: siteCode, round: laterRound, boxes: 9 }));
  await goTo(site.page, 'sync');
  const [download] = await Promise.all([site.page.waitForEvent('download'), clickAnchor(site.page, 'sync.export')]);
  const file = path.join(artifacts, 'site.vsysbundle');
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /\.vsysbundle$/);
  assert.ok(readFileSync(file, 'utf8').startsWith('vsys-archive 1\n'));

  await goTo(muni.page, 'sync');
  const [chooser] = await Promise.all([muni.page.waitForEvent('filechooser'), clickAnchor(muni.page, 'sync.import')]);
  await chooser.setFiles(file);
  await muni.page.waitForFunction((r) => JSON.stringify(window.vsys.view('requests', { round: r }).view).includes('9'),
    laterRound, { timeout: 10000 });
  await waitFrames(muni.page, 3);
  await screenshot(muni.page, artifact('sync-imported'));
  // The same bundle then arrives through the exchange: accepted once, no conflict, no refusal.
  synced(await syncNow(site.page));
  const st = synced(await syncNow(muni.page));
  assert.deepEqual(st.conflicts, []);
});

test('a submitted claim reaches its federation and the municipality of residence through the exchange', appOnly, async () => {
  const month = await site.page.evaluate(() => {
    const t = new Date(Date.now() + 9 * 3600 * 1000);
    const y = t.getUTCFullYear(), m = t.getUTCMonth();  // the month before today's in Japan
    return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
  });
  const line = (municipality, normal) => ({ municipality, form: 'new', category: 2, normal, outside_hours: 0, holiday: 0,
    pre_exam_only: 0, under_6: 0 });
  ok(await command(site.page, { type: 'save_claim', site: siteCode, month, lines: [line(muniCode, 10), line('312029', 3)] }));
  ok(await command(site.page, { type: 'submit_claim', site: siteCode, month }));
  synced(await syncNow(site.page));

  const federation = await browserFor('VF310000');
  const totals = ok(await view(federation.page, 'federation_totals', { month })).view;
  const text = JSON.stringify(totals);
  assert.ok(text.includes(siteCode), 'the federation sees the site: ' + text.slice(0, 400));
  assert.ok(text.includes('312029'), 'routed through it: the resident of another municipality');
  await goTo(federation.page, 'federation_claims');
  await waitFrames(federation.page, 3);
  await screenshot(federation.page, artifact('sync-federation'));

  synced(await syncNow(muni.page));
  const own = ok(await view(muni.page, 'municipality_claims', { month })).view;
  assert.ok(JSON.stringify(own).includes(siteCode), JSON.stringify(own).slice(0, 400));
});

test('a selection the user has not sent yet survives a sync that brings new data', appOnly, async () => {
  // Every sync run refreshes the screens; what the user ticked but did not send must stay.
  await goTo(site.page, 'site_info');
  const current = ok(await view(site.page, 'site', { site: siteCode })).view.vaccines;
  // Untick one the site handles (a valid change for any site).
  const dropped = ['pfizer_child', 'tm_general', 'pfizer_hub'].find((c) => current.includes(c));
  await clickAnchor(site.page, 'site.want.' + dropped);
  ok(await command(muni.page, { type: 'update_site_info', site: siteCode, mail: 'proxy-edit@example.jp' }));
  synced(await syncNow(muni.page));
  synced(await syncNow(site.page));  // brings the municipality's proxy edit of this very site
  await site.page.waitForFunction((c) => window.vsys.view('site', { site: c }).view.contact.mail === 'proxy-edit@example.jp',
    siteCode);
  await waitFrames(site.page, 3);
  await screenshot(site.page, artifact('sync-selection-kept'));
  await clickAnchor(site.page, 'site.vaccines.send');
  await site.page.waitForFunction((c) => window.vsys.view('site', { site: c }).view.vaccine_change?.status === 'pending',
    siteCode);
  const change = ok(await view(site.page, 'site', { site: siteCode })).view.vaccine_change;
  assert.ok(!change.vaccines.includes(dropped), JSON.stringify(change));
  assert.equal(change.vaccines.length, current.length - 1, JSON.stringify(change));

  // Boxes typed on the request screen, not saved yet, survive a sync as well.
  await goTo(site.page, 'requests');
  const product = ok(await view(site.page, 'round_state', { round: laterRound })).view.product;
  const products = ['pfizer_12', 'pfizer_5_11', 'takeda_moderna'];
  await clickAnchor(site.page, 'req.product');
  await clickAnchor(site.page, 'req.product.' + products.indexOf(product));
  const rounds = ok(await view(site.page, 'rounds')).view.rounds.filter((r) => r.product === product);
  await clickAnchor(site.page, 'req.round');
  await clickAnchor(site.page, 'req.round.' + rounds.findIndex((r) => r.code === laterRound));
  await typeInto(site.page, 'req.boxes', '13');
  await clickAnchor(site.page, 'req.reported');  // the field lets go of the text: only the form holds 13
  synced(await syncNow(site.page));
  await waitFrames(site.page, 3);
  await clickAnchor(site.page, 'req.save');
  await site.page.waitForFunction((r) => window.vsys.view('requests', { round: r }).view.boxes === 13, laterRound);
});

test('signing out with a change not yet sent asks first on a phone; 同期してからログアウト sends it, then signs out', appOnly, async () => {
  const children = ok(await view(muni.page, 'round_state', { round })).view.children;
  const code = children.map((c) => c.org.slice(5)).find((c) => c !== siteCode);
  const b = await browserFor('VS' + code);
  await b.page.setViewportSize({ width: 390, height: 844 });
  ok(await command(b.page, { type: 'update_site_info', site: code, mail: 'before-signout@example.jp' }));
  const waiting = ok(await view(b.page, 'sync_status')).view;
  assert.ok(waiting.pending + waiting.outbox > 0, JSON.stringify(waiting));
  await clickAnchor(b.page, 'topbar.logout');
  await anchor(b.page, 'signout.sync');
  const shown = await b.page.evaluate(() => window.vsys.screen());
  for (const name of ['signout.sync', 'signout.logout', 'signout.cancel']) {
    const [x, y, w, h] = shown.anchors[name];
    assert.ok(x >= 0 && x + w <= 390 && y >= 0 && y + h <= 844, name + ' ' + JSON.stringify(shown.anchors[name]));
  }
  assert.deepEqual(shown.clipped, []);
  await screenshot(b.page, artifact('signout-question-phone'));
  await clickAnchor(b.page, 'signout.sync');
  await b.page.waitForFunction(() => !window.vsys.view('session').view.signed_in, null, { timeout: 30000 });
  await anchor(b.page, 'login.vsys_id');
  // The change went out before the sign-out: the municipality receives it through the exchange.
  synced(await syncNow(muni.page));
  assert.equal(ok(await view(muni.page, 'site', { site: code })).view.contact.mail, 'before-signout@example.jp');
});

test('one account on two devices: a conflict says which version is this device\'s, on a phone; keeping it resolves it on both', appOnly, async () => {
  const children = ok(await view(muni.page, 'round_state', { round })).view.children.map((c) => c.org.slice(5));
  const code = children.filter((c) => c !== siteCode)[1];
  const a = await browserFor('VS' + code), b = await browserFor('VS' + code);
  ok(await command(a.page, { type: 'update_site_info', site: code, phone: '0857-11-1111' }));
  ok(await command(b.page, { type: 'update_site_info', site: code, phone: '0857-22-2222' }));
  synced(await syncNow(a.page));
  const st = synced(await syncNow(b.page));
  assert.equal(st.conflicts.length, 1, JSON.stringify(st.conflicts));
  const heads = st.conflicts[0].heads;
  assert.deepEqual(heads.map((h) => h.this_device).sort(), [false, true], JSON.stringify(heads));
  const mine = heads.findIndex((h) => h.this_device);
  assert.match(heads[mine].summary, /0857-22-2222/);

  await goTo(b.page, 'sync');  // a clinic PC first, then a phone
  await anchor(b.page, 'sync.content.0.' + mine);
  await waitFrames(b.page, 3);
  assert.deepEqual((await b.page.evaluate(() => window.vsys.screen())).clipped, []);
  await screenshot(b.page, artifact('sync-conflict-this-device-1366'));
  await b.page.setViewportSize({ width: 390, height: 844 });
  await waitFrames(b.page, 3);
  await anchor(b.page, 'sync.content.0.' + mine);
  await scrollIntoView(b.page, 'sync.conflict.0', await anchor(b.page, 'sync.conflict.0'));
  await waitFrames(b.page, 3);
  assert.deepEqual((await b.page.evaluate(() => window.vsys.screen())).clipped, []);
  await screenshot(b.page, artifact('sync-conflict-this-device-phone'));
  await clickAnchor(b.page, 'sync.keep.0.' + mine);
  await clickAnchor(b.page, 'sync.keep.confirm');
  await b.page.waitForFunction(() => window.vsys.view('sync_status').view.conflicts.length === 0);
  synced(await syncNow(b.page));
  synced(await syncNow(a.page));
  assert.equal(ok(await view(a.page, 'site', { site: code })).view.contact.phone, '0857-22-2222');
  assert.deepEqual(ok(await view(a.page, 'sync_status')).view.conflicts, []);
});

// [SECTION] Every file verifies, no script error

test('every file on the exchange still verifies and no browser saw a script error', async () => {
  const exchange = await exchangeFolder(env.server);
  const names = filesUnder(exchange);
  assert.ok(names.some((n) => n.startsWith('feeds/site_' + siteCode + '/')), 'the site published its own feed');
  // The municipality's and the prefecture's browsers packed their subtree's day for the level
  // above (docs/PROTOCOL.md §16), each pack beside a gzip twin of the same bytes (put as binary
  // through sync.js); `vsys verify` below checks their signatures and contents.
  for (const [folder, packer] of [['packs/pref_310000/', 'muni_' + muniCode + '.'], ['packs/nation/', 'pref_310000.']]) {
    const packs = names.filter((n) => n.startsWith(folder) && n.endsWith('.pack') && n.includes('/' + packer));
    assert.ok(packs.length > 0, 'no pack by ' + packer + ' in ' + folder + ': ' + names.filter((n) => n.startsWith('packs/')));
    for (const p of packs) {
      const plain = readFileSync(path.join(exchange, p));
      assert.deepEqual(gunzipSync(readFileSync(path.join(exchange, p + '.gz'))), plain, p);
    }
  }
  // A second client, the command-line verifier, accepts everything the browsers published.
  const v = spawnSync(path.join(root, 'build/native/vsys'), ['verify', exchange], { encoding: 'utf8' });
  assert.equal(v.status, 0, v.stdout + v.stderr);
  for (const { errors } of pages) assert.deepEqual(errors, []);
});
