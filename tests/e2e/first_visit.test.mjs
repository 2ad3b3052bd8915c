// The first visit's budget (issue 16): Chromium opens the app cold against the real nginx
// (tools/nginx-run, the config tools/serve runs) and what crossed the network before the first
// frame must stay within docs/first_visit_budget.json; the wasm, the font and the script come
// as the brotli copies made at build time (tools/gen/precompress.py). Prints the visit's table.
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { screenshot, serverAndBrowser, site, waitFrames } from './lib.mjs';
import { firstVisitBudget, measureFirstVisit, visitTotals } from './first_visit.mjs';

const env = serverAndBrowser();
const n = (x) => x.toLocaleString('en-US');

function printVisit(requests) {
  const rows = requests.map((r) => `  ${r.by.padEnd(14)} ${String(r.status).padEnd(4)} ${r.encoding.padEnd(8)} ` +
    `${n(r.bytes).padStart(10)}  ${r.afterFirstFrame ? 'after ' : 'before'}  ${r.name}${r.failed ? ` (${r.failed})` : ''}`);
  console.log(['  by             st   encoding      bytes  frame   request', ...rows].join('\n'));
}

// GET of the app's origin with a given Accept-Encoding, the body left encoded.
function get(port, file, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    http.get({ host: '127.0.0.1', port, path: '/' + file, headers }, (res) => {
      let length = 0;
      res.on('data', (c) => { length += c.length; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, length }));
    }).on('error', reject);
  });
}

test('a cold first visit transfers at most the budget before its first frame, the wasm, font and script in brotli', async () => {
  await env.ready;
  const budget = firstVisitBudget();
  const visit = await measureFirstVisit(env.browser, env.server.url);
  printVisit(visit.requests);
  const t = visitTotals(visit.requests);
  console.log(`  before the first frame: ${n(t.before)} bytes in ${t.requestsBefore} requests (budget ${n(budget)}); ` +
    `after it: ${n(t.after)} bytes in ${t.requestsAfter} requests; first frame at ${visit.firstFrameMs.toFixed(0)} ms`);
  assert.deepEqual(visit.errors, []);
  assert.deepEqual(visit.requests.filter((r) => r.by === 'page' && r.failed).map((r) => `${r.name}: ${r.failed}`), []);
  assert.ok(t.before <= budget, `${n(t.before)} bytes before the first frame, over the budget of ${n(budget)}`);

  const fetched = (name) => visit.requests.find((r) => r.by === 'page' && (r.name === name || r.name.startsWith(name + '?')));
  const types = { '/vsys.wasm': 'application/wasm', '/font.ttf': 'font/ttf', '/font-rest.ttf': 'font/ttf',
    '/vsys.js': 'application/javascript', '/boot.js': 'application/javascript', '/': 'text/html',
    '/xlsx_worker.js': 'application/javascript', '/xlsx_worker.wasm': 'application/wasm' };
  for (const [name, type] of Object.entries(types)) {
    const r = fetched(name);
    assert.ok(r, `${name} was fetched by the page`);
    assert.equal(r.status, 200, name);
    assert.equal(r.encoding, 'br', `${name} came as brotli`);
    assert.equal(r.type, type, `${name}'s Content-Type is its own, not the copy's`);
    assert.match(r.vary, /Accept-Encoding/, name);
  }
  // The wasm and the first font are needed for the first frame; the rest of the font is not.
  assert.equal(fetched('/vsys.wasm').afterFirstFrame, false);
  assert.equal(fetched('/font.ttf').afterFirstFrame, false);
  assert.equal(fetched('/font-rest.ttf').afterFirstFrame, true, 'the rest of the font waits for the first frame');
  assert.equal(fetched('/xlsx_worker.js').afterFirstFrame, true, 'the XLSX worker waits for the first frame');
  assert.equal(fetched('/xlsx_worker.wasm').afterFirstFrame, true, 'the XLSX worker\'s wasm waits for the first frame');
  // Whatever the page loads after its first frame is precached by the service worker (offline starts).
  const cached = JSON.parse(readFileSync(path.join(site, 'build.json'), 'utf8')).files
    .map((f) => '/' + f.replace(/^\.\//, '').replace(/([?&]v=)[0-9a-f]+/, '$1…'));
  for (const r of visit.requests.filter((x) => x.by === 'page' && x.afterFirstFrame)) {
    assert.ok(cached.includes(r.name), `${r.name}, loaded after the first frame, is in the service worker's list`);
  }
  // The worker's install takes the build's files (?v=…, cached for good) from the HTTP cache the page filled.
  const again = visit.requests.filter((r) => r.by === 'service worker' && r.name.includes('?v=') && r.bytes > 0);
  assert.deepEqual(again.map((r) => `${r.name}: ${r.bytes}`), []);
  // Each file's body crosses the network once.
  const bodies = new Map();
  for (const r of visit.requests.filter((x) => x.bytes > 2000)) bodies.set(r.name, (bodies.get(r.name) || 0) + 1);
  assert.deepEqual([...bodies].filter(([, count]) => count > 1), [], 'no file downloaded twice');
});

test('the first screen draws every glyph with font.ttf alone; the rest of the font is merged when it comes, and a later start has it at once', async () => {
  await env.ready;
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    // font-rest.ttf held back until released: the frames before it are the ones a slow network shows.
    let release;
    const released = new Promise((r) => { release = r; });
    await page.route('**/font-rest.ttf*', async (route) => { await released; await route.continue(); });
    // 龜 and 鑓 are JIS X 0208 level 2 and in no text or code of the app: only font-rest.ttf has them.
    const rare = '龜鑓';
    // The login screen: the sync dot, its words, the demo deployment's organisations (from code).
    const firstScreen = '● 未同期 ログイン 厚生労働省 駅前内科医院 東京都国民健康保険団体連合会 千代田区集団接種会場 サポートデスク';
    await page.goto(env.server.url);
    await page.waitForFunction(() => typeof window.vsysFirstFrameMs === 'number', null, { timeout: 20000 });
    await waitFrames(page, 2);
    assert.equal(await page.evaluate(() => window.vsys.screen().font_complete), false);
    assert.equal(await page.evaluate((s) => window.vsys.missingGlyphs(s), firstScreen), 0);
    assert.equal(await page.evaluate((s) => window.vsys.missingGlyphs(s), rare), 2);
    await screenshot(page, 'first-visit-before-font-rest');
    release();
    await page.waitForFunction(() => window.vsys.screen().font_complete, null, { timeout: 20000 });
    assert.equal(await page.evaluate((s) => window.vsys.missingGlyphs(s), rare), 0);
    assert.equal(await page.evaluate((s) => window.vsys.missingGlyphs(s), firstScreen), 0);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10000 }).catch(() => {});
    // A start the service worker controls: both files from its cache before the first frame.
    await page.unroute('**/font-rest.ttf*');
    await page.reload();
    await page.waitForFunction(() => typeof window.vsysFirstFrameMs === 'number', null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => window.vsys.screen().font_complete), true,
      'a controlled start has the whole font from its first frame');
    await waitFrames(page, 2);
    await screenshot(page, 'first-visit-font-complete');
  } finally {
    await context.close();
  }
});

test('nginx sends the brotli copy, else the gzip -9 copy, else the file, always with its own type and Vary', async () => {
  await env.ready;
  const port = env.server.port;
  const size = (f) => statSync(path.join(site, f)).size;
  for (const [file, type] of [['vsys.wasm', 'application/wasm'], ['font.ttf', 'font/ttf'], ['vsys.js', 'application/javascript'],
    ['xlsx_worker.wasm', 'application/wasm'], ['xlsx_worker.js', 'application/javascript']]) {
    const br = await get(port, file, 'gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br', file);
    assert.equal(br.length, size(file + '.br'), `${file}: the .br made at build time, sent as it is`);
    const gz = await get(port, file, 'gzip, deflate');
    assert.equal(gz.headers['content-encoding'], 'gzip', file);
    assert.equal(gz.length, size(file + '.gz'), `${file}: the gzip -9 copy, not nginx's on-the-fly level`);
    const plain = await get(port, file, undefined);
    assert.equal(plain.headers['content-encoding'], undefined, file);
    assert.equal(plain.length, size(file), file);
    for (const r of [br, gz, plain]) {
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], type, file);
      assert.match(r.headers.vary || '', /Accept-Encoding/, file);
    }
  }
});

test('the exchange serves its files as stored: a .br beside one is never sent in its place', async () => {
  await env.ready;
  const body = JSON.stringify({ text: 'x'.repeat(4000) });
  writeFileSync(path.join(env.server.exchange, 'probe.json'), body);
  writeFileSync(path.join(env.server.exchange, 'probe.json.br'), 'not the file');
  const r = await get(env.server.exchangePort, 'probe.json', 'br');
  assert.equal(r.status, 200);
  assert.notEqual(r.headers['content-encoding'], 'br');
  assert.equal(r.length, body.length);
});
