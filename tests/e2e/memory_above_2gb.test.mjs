// The app with its memory past 2 GB (issue 16: the nation's device peaks near 2 GB and grows with
// every day it holds). The wasm may grow to 4 GB (cmake/web.cmake), and a pointer past 2^31 reaches
// JavaScript as a negative i32 unless every crossing reads it unsigned: Emscripten's library does
// but for four WebGL functions (replaced by src/platform/web/high_memory.js: before, every screen
// was blank), and the app's glue must too. Before main() runs, this page reserves 2.2 GB of
// the heap, so everything the app allocates afterwards (its store, ImGui's buffers, the text
// given to and taken from JavaScript, the files it saves) lies above 2 GB. Then a user's day:
// typing with the keyboard, a save to IndexedDB and a reload, a sync through the exchange, a
// report's CSV and XLSX exports, and screens drawn as always.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { test } from 'node:test';
import { clickAnchor, command, goTo, ok, openApp, reserveHeap, screenshot, serverAndBrowser, signIn, syncNow, typeInto, view,
  waitFrames, writeDemoExchange } from './lib.mjs';

const env = serverAndBrowser((server) => writeDemoExchange(server.exchange));

// A drawn screen, not a blank one: a white 1366×768 PNG takes a few KB, this app's screens
// 60–200 KB (before high_memory.js, every screen past 2 GB was white).
const drawn = (file) => assert.ok(statSync(file).size > 30000, `${file} is blank (${statSync(file).size} bytes)`);
const reserveMb = 2200;

test('with the heap past 2 GB: keyboard input, a save kept across a reload, a sync, CSV and XLSX exports, screens drawn', async () => {
  await env.ready;
  const ctx = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await ctx.addInitScript(reserveHeap, reserveMb);
  await ctx.addInitScript(() => { window.VSYS_NO_AUTO_SYNC = true; });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await openApp(page, env.server.url, { timeout: 60000 });
  const reserved = await page.evaluate(() => window.vsysTestReserved);
  assert.ok(reserved.every((p) => p > 0), 'the reservation succeeded: ' + reserved);
  const memory = (await page.evaluate(() => window.vsys.screen())).wasm_memory_bytes;
  assert.ok(memory > 2 ** 31, `the heap is past 2 GB (${memory} bytes)`);

  // The sign-in typed (text from JavaScript into the heap), as a site of 鳥取市, whose deployment
  // the exchange holds; the municipality's demo data names its sites.
  await signIn(page, 'VM312011');
  const code = ok(await view(page, 'round_state', { round: 'PF12_R10' })).view.children[0].org.slice(5);
  const account = { vsys_id: 'VS' + code };
  ok(await command(page, { type: 'logout' }));
  await typeInto(page, 'login.vsys_id', account.vsys_id);
  await typeInto(page, 'login.password', 'vsys-demo');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.vsys.view('session').view.signed_in, null, { timeout: 15000 });
  // The device enrols and takes what the exchange holds (the site's own earlier versions).
  const first = await syncNow(page);
  assert.equal(first.error, null, JSON.stringify(first.error));
  await goTo(page, 'site_info');
  await clickAnchor(page, 'site.edit');
  await typeInto(page, 'site.name', '二ギガ超え接種会場');
  await page.keyboard.press('Enter');
  await page.waitForFunction((c) => window.vsys.view('site', { site: c }).view.name === '二ギガ超え接種会場', code);
  await page.waitForFunction(() => !window.vsys.screen().saving, null, { timeout: 15000 });
  await waitFrames(page, 3);
  drawn(await screenshot(page, 'memory-2gb-site'));

  // A sync: the page's requests and answers cross into and out of the heap.
  const st = await syncNow(page);
  assert.equal(st.error, null, JSON.stringify(st.error));
  assert.equal(st.enrolled, true);
  assert.equal(st.outbox, 0);
  assert.deepEqual(st.conflicts, []);
  assert.deepEqual(st.rejected, []);

  // A report's export: the file's bytes come out of the heap.
  await signIn(page, 'VM312011');
  await goTo(page, 'reports');
  const r = await command(page, { type: 'export_report', report: 'R311', format: 'csv' });
  assert.equal(r.ok, true, JSON.stringify(r.error));
  const csv = Buffer.from(r.data_base64, 'base64').toString('utf8');
  assert.ok(csv.startsWith('\ufeff'), 'UTF-8 with its BOM');
  assert.ok(csv.split('\r\n').length > 2, 'rows');
  const xlsx = await command(page, { type: 'export_report', report: 'R311', format: 'xlsx' });
  assert.equal(xlsx.ok, true, JSON.stringify(xlsx.error));
  assert.equal(Buffer.from(xlsx.data_base64, 'base64').subarray(0, 2).toString('latin1'), 'PK', 'a zip: the workbook came back from its worker');
  await waitFrames(page, 3);
  drawn(await screenshot(page, 'memory-2gb-reports'));

  // Reloaded (the same reservation first): what was saved is there.
  await page.reload();
  await openApp(page, env.server.url, { timeout: 60000 });
  assert.ok((await page.evaluate(() => window.vsys.screen())).wasm_memory_bytes > 2 ** 31);
  await signIn(page, account.vsys_id);
  assert.equal(ok(await view(page, 'site', { site: code })).view.name, '二ギガ超え接種会場');
  assert.deepEqual(errors, []);
  await ctx.close();
});
