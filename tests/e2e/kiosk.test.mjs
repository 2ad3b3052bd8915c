// The training kiosk end to end (issue 5: "only the training kiosk mode never publishes";
// DOMAIN.md §11): ?kiosk in Chromium against a real nginx that holds the demo deployment, so
// that a kiosk that did publish would have somewhere to publish to. Roles are switched on the
// cards without passwords; the exchange must not see a single request from the kiosk page,
// even with auto-sync due every second; the reset is confirmed first, returns to the clean demo
// state and leaves a real device's data in the same browser alone; idle time resets too.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { anchor, clickAnchor, collectErrors, command, filesUnder, goTo, ok, openApp, screenshot, serverAndBrowser,
  signIn, view, waitFrames, writeDemoExchange } from './lib.mjs';

const env = serverAndBrowser((server) => writeDemoExchange(server.exchange));
let context;
let kiosk;
const exchangeRequests = [];
before(async () => {
  await env.ready;
  context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  // Auto-sync would be due every second, looked for every 200 ms: a kiosk that synced at all
  // would show up here.
  await context.addInitScript(() => { window.VSYS_SYNC_INTERVAL_MS = 1000; window.VSYS_SYNC_POLL_MS = 200; });
  context.on('request', (r) => { if (r.url().startsWith(env.server.exchangeUrl)) exchangeRequests.push(r.method() + ' ' + r.url()); });
  kiosk = await context.newPage();
  kiosk.errors = collectErrors(kiosk);
});

const kioskUrl = () => env.server.url + '?kiosk';
const session = async (page) => ok(await view(page, 'session')).view;
const phoneOf = async (page, code) => ok(await view(page, 'site', { site: code })).view.contact.phone;

// Clicks a widget whose action reloads the page, and waits for the app to be back.
async function clickAndReload(page, name) {
  const p = await anchor(page, name);
  const loaded = page.waitForEvent('load', { timeout: 30000 });
  await page.mouse.click(p.x, p.y);
  await loaded.catch(async (e) => {
    await screenshot(page, 'kiosk-no-reload');  // what the page showed instead
    throw e;
  });
  await page.waitForFunction(() => window.vsys && window.vsys.screen && document.getElementById('loading') === null,
    null, { timeout: 30000 });
  await waitFrames(page, 3);
}

let siteAccount;
let siteCode;
let originalPhone;

test('roles are switched on cards without a password, and the kiosk never publishes', async () => {
  const before = filesUnder(env.server.exchange);
  await openApp(kiosk, kioskUrl());
  const k = ok(await view(kiosk, 'kiosk')).view;
  assert.equal(k.kiosk, true);
  assert.equal(k.trainee_documents, 0);
  const roles = new Set(k.accounts.map((a) => a.role));
  for (const r of ['nation', 'prefecture', 'municipality', 'site', 'federation', 'support']) assert.ok(roles.has(r), r);
  await anchor(kiosk, 'topbar.kiosk');
  await anchor(kiosk, 'kiosk.state');
  await screenshot(kiosk, 'kiosk-switcher');

  siteAccount = k.accounts.find((a) => a.role === 'site');
  siteCode = siteAccount.org.slice(5);
  await clickAnchor(kiosk, 'kiosk.account.' + siteAccount.vsys_id);
  const s = await session(kiosk);
  assert.equal(s.signed_in, true);
  assert.equal(s.vsys_id, siteAccount.vsys_id);
  assert.equal(s.role, 'site');
  await anchor(kiosk, 'home.sync');  // the site's home screen

  originalPhone = await phoneOf(kiosk, siteCode);
  ok(await command(kiosk, { type: 'update_site_info', site: siteCode, phone: '03-1234-5678' }));
  assert.equal(await phoneOf(kiosk, siteCode), '03-1234-5678');

  // Every way out is closed, with a reason the trainee can read.
  for (const type of ['sync', 'export_bundle']) {
    const r = await command(kiosk, { type });
    assert.equal(r.ok, false);
    assert.equal(r.error.code, 'sync.kiosk');
    assert.match(r.error.message, /研修モード/);
  }
  const viaApi = await kiosk.evaluate(() => window.vsys.sync());
  assert.equal(viaApi.error.code, 'sync.kiosk');
  await goTo(kiosk, 'sync');
  await anchor(kiosk, 'sync.kiosk');
  await screenshot(kiosk, 'kiosk-sync');

  // Long enough for ten auto-sync polls, each finding a sync due.
  await kiosk.waitForTimeout(2000);
  assert.deepEqual(exchangeRequests, []);
  assert.deepEqual(filesUnder(env.server.exchange), before);

  // The top bar's switch leads back to the cards; the municipality sees its site's change.
  await clickAnchor(kiosk, 'topbar.logout');
  await clickAnchor(kiosk, 'kiosk.account.VM131016');
  assert.equal((await session(kiosk)).role, 'municipality');
  assert.equal(await phoneOf(kiosk, siteCode), '03-1234-5678');
  await screenshot(kiosk, 'kiosk-municipality');
  assert.deepEqual(kiosk.errors, []);
});

test('the reset asks first, returns to the clean demo state, and leaves a real device in the same browser alone', async () => {
  // A real device of the demo deployment in another tab of the same browser (auto-sync off:
  // this test is about the kiosk's storage, not the exchange).
  const real = await context.newPage();
  await real.addInitScript(() => { window.VSYS_NO_AUTO_SYNC = true; });
  await openApp(real, env.server.url);
  await signIn(real, 'VM131016');
  ok(await command(real, { type: 'update_site_info', site: siteCode, phone: '03-9999-0000' }));
  // The kiosk's tab in front again: a tab behind another draws a frame about once a second, and
  // every click below waits for frames.
  await kiosk.bringToFront();

  await clickAnchor(kiosk, 'topbar.logout');
  assert.ok(ok(await view(kiosk, 'kiosk')).view.trainee_documents >= 1);
  await clickAnchor(kiosk, 'kiosk.reset');
  await anchor(kiosk, 'kiosk.reset.confirm');
  await screenshot(kiosk, 'kiosk-reset-confirm');
  await clickAnchor(kiosk, 'kiosk.reset.cancel');
  assert.ok(ok(await view(kiosk, 'kiosk')).view.trainee_documents >= 1, 'cancel keeps everything');

  await clickAnchor(kiosk, 'kiosk.reset');
  await clickAndReload(kiosk, 'kiosk.reset.confirm');
  assert.equal(new URL(kiosk.url()).search, '?kiosk');
  assert.equal(ok(await view(kiosk, 'kiosk')).view.trainee_documents, 0);
  assert.equal((await session(kiosk)).signed_in, false);
  await anchor(kiosk, 'kiosk.state');
  await screenshot(kiosk, 'kiosk-after-reset');
  await clickAnchor(kiosk, 'kiosk.account.' + siteAccount.vsys_id);
  assert.equal(await phoneOf(kiosk, siteCode), originalPhone);

  // The real device's documents were never in the kiosk's database, and are still there.
  await real.reload();
  await real.waitForFunction(() => window.vsys && window.vsys.screen && document.getElementById('loading') === null);
  await signIn(real, 'VM131016');
  assert.equal(await phoneOf(real, siteCode), '03-9999-0000');
  await real.close();
  assert.deepEqual(exchangeRequests, []);
});

test('a kiosk left alone goes back to the clean state for the next trainee', async () => {
  ok(await command(kiosk, { type: 'update_settings', idle_lock_minutes: 1 }));
  ok(await command(kiosk, { type: 'update_site_info', site: siteCode, phone: '03-5555-0000' }));
  assert.equal(ok(await view(kiosk, 'kiosk')).view.trainee_documents, 1);
  // No input from here on: after a minute the kiosk resets itself and loads again. The minute is
  // not waited out: the page's performance.now, which the app's idle timer reads
  // (emscripten_get_now), is moved on by 61 s, and the reset must follow within 20 s (an idle limit
  // over 80 s fails); the reload that follows brings the real clock back.
  const loaded = kiosk.waitForEvent('load', { timeout: 20000 });
  await kiosk.evaluate(() => {
    const real = performance.now.bind(performance);
    performance.now = () => real() + 61000;
  });
  await loaded;
  await kiosk.waitForFunction(() => window.vsys && window.vsys.screen && document.getElementById('loading') === null,
    null, { timeout: 30000 });
  assert.equal(ok(await view(kiosk, 'kiosk')).view.trainee_documents, 0);
  assert.equal((await session(kiosk)).signed_in, false);
  assert.equal(ok(await view(kiosk, 'settings')).view.idle_lock_minutes, 1, 'the kiosk keeps its own settings');
  assert.deepEqual(exchangeRequests, []);
  assert.deepEqual(kiosk.errors, []);
});
