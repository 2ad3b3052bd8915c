// The exchange cannot be turned against the app (issue 11): it is an origin of its own, stores
// only the names the protocol defines, serves data that never runs, lets only the app's origin
// write from a browser, and creates each name exactly once however many writers race for it.
// The app's pages carry a strict Content-Security-Policy and the app runs under it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { before, test } from 'node:test';
import { collectErrors, openApp, serverAndBrowser } from './lib.mjs';

const env = serverAndBrowser();
before(async () => { await env.ready; });

const APP_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self' %EXCHANGE%; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const BUNDLE = '0000000001-' + 'ab'.repeat(32) + '.json';
const FEED = 'feeds/muni_131016/0123456789abcdef/';

const put = (url, body, headers = {}) => fetch(url, { method: 'PUT', body, headers });

test('every page of the app carries the strict policy; the exchange is another origin', async () => {
  const exchangeOrigin = env.server.exchangeUrl.replace(/\/$/, '');
  assert.notEqual(new URL(env.server.exchangeUrl).origin, new URL(env.server.url).origin);
  for (const file of ['', 'index.html', 'boot.js', 'sw.js', 'vsys.js', 'config.json']) {
    const r = await fetch(env.server.url + file);
    assert.equal(r.status, 200, file);
    assert.equal(r.headers.get('content-security-policy'), APP_CSP.replace('%EXCHANGE%', exchangeOrigin), file);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer', file);
  }
  const config = await (await fetch(env.server.url + 'config.json')).json();
  assert.equal(config.exchange, env.server.exchangeUrl);
  // No inline script, style or handler attribute in the shell.
  const html = await (await fetch(env.server.url)).text();
  assert.doesNotMatch(html, /<script>|<style|\son[a-z]+=|style=/i);
});

test('the app starts and works under its policy with no violation', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const violations = [];
  await page.exposeFunction('vsysTestViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.vsysTestViolation(e.violatedDirective + ' ' + e.blockedURI));
  });
  await openApp(page, env.server.url);
  const r = await page.evaluate(() => window.vsys.command({ type: 'login', vsys_id: 'nation', password: 'wrong' }));
  assert.equal(r.ok, false);  // an answer from the wasm, through ccall, under the policy
  const exchange = await page.evaluate(() => window.VSYS_EXCHANGE);
  assert.equal(exchange, env.server.exchangeUrl);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('PUT accepts only the names of the protocol', async () => {
  const x = env.server.exchangeUrl;
  for (const name of ['probe/x.html', 'x.svg', 'x.js', 'index.html', FEED + 'x.html', FEED + '0000000001-xyz.json',
    'feeds/muni_131016/0123456789abcdef/../../x.json', 'deployment.json.html', 'directory/enrolment/x.html',
    'inbox/muni_131016/2026-12-05/evil.html', FEED + '.' + BUNDLE]) {
    const r = await put(x + name, '<script>window.ran = true</script>');
    assert.ok(r.status === 403 || r.status === 400 || r.status === 404, `${name}: ${r.status}`);
  }
  assert.deepEqual(fs.readdirSync(env.server.exchange), []);
  assert.equal((await put(x + FEED + BUNDLE, '{"a":1}')).status, 201);
  const pointer = 'inbox/muni_131016/2026-12-05/muni_131016.0123456789abcdef.' + BUNDLE;
  assert.equal((await put(x + pointer, FEED + BUNDLE)).status, 201);
  assert.equal((await put(x + FEED + BUNDLE, '{"a":2}')).status, 409);  // never an overwrite
  assert.equal(fs.readFileSync(path.join(env.server.exchange, FEED, BUNDLE), 'utf8'), '{"a":1}');
  assert.equal((await fetch(x + FEED + BUNDLE, { method: 'DELETE' })).status, 405);  // never a delete
  const got = await fetch(x + FEED + BUNDLE);
  assert.equal(got.headers.get('content-type'), 'application/json');
  assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(got.headers.get('content-security-policy'), "sandbox; default-src 'none'");
  assert.equal((await fetch(x + FEED)).headers.get('content-type'), 'application/json');
});

test('the exchange answers its errors as JSON, never as a page', async () => {
  const x = env.server.exchangeUrl;
  const cases = [['GET', 'feeds/none/0000000001.json', undefined, 404], ['GET', 'a'.repeat(300), undefined, 404],
    ['GET', '.hidden', undefined, 404], ['GET', 'root.key', undefined, 404], ['DELETE', FEED + BUNDLE, undefined, 405],
    ['POST', FEED + BUNDLE, '{}', 405], ['PUT', FEED + '0000000003-' + 'ef'.repeat(32) + '.json', 'x'.repeat(17 << 20), 413]];
  for (const [method, name, body, status] of cases) {
    const r = await fetch(x + name, { method, body });
    const what = `${method} ${name.slice(0, 40)}`;
    assert.equal(r.status, status, what);
    assert.equal(r.headers.get('content-type'), 'application/json', what);
    assert.ok(typeof JSON.parse(await r.text()).error === 'string', what);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', what);
    assert.equal(r.headers.get('content-security-policy'), "sandbox; default-src 'none'", what);
  }
  // A request line nginx cannot read (longer than its buffers) gets nginx's built-in page: it
  // cannot be redirected, but it is sandboxed and never sniffed like every answer of the exchange.
  const r = await fetch(x + 'a'.repeat(9000));
  assert.ok(r.status >= 400, String(r.status));
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('content-security-policy'), "sandbox; default-src 'none'");
});

test('a file on the exchange runs nothing and cannot reach the app\'s storage', async () => {
  // Files put there behind the protocol's back (a host that lets anyone write), each a page
  // that would mark itself and read IndexedDB if it ever ran.
  const script = '<script>window.ran = true; indexedDB.databases().then(function (d) { window.dbs = d; });</script>';
  const planted = { 'x.html': `<html><body>${script}</body></html>`,
    'x.svg': `<svg xmlns="http://www.w3.org/2000/svg"><script>window.ran = true;</script></svg>`,
    [FEED + '0000000002-' + 'cd'.repeat(32) + '.json']: `<html>${script}</html>` };
  for (const [name, body] of Object.entries(planted)) {
    fs.mkdirSync(path.dirname(path.join(env.server.exchange, name)), { recursive: true });
    fs.writeFileSync(path.join(env.server.exchange, name), body);
  }
  const context = await env.browser.newContext();
  // The app first, so that its IndexedDB exists in this browser.
  const app = await context.newPage();
  await openApp(app, env.server.url);
  const appDbs = await app.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert.ok(appDbs.includes('/data'), appDbs.join(','));
  for (const name of Object.keys(planted)) {
    const page = await context.newPage();
    let downloaded = false;
    page.on('download', () => { downloaded = true; });
    try {
      await page.goto(env.server.exchangeUrl + name);
    } catch (e) {
      assert.match(String(e), /Download is starting|net::ERR_ABORTED/, name);
      downloaded = true;
    }
    if (!downloaded) {
      await page.waitForTimeout(300);
      const seen = await page.evaluate(async () => {
        let storage;
        try { storage = (await indexedDB.databases()).map((d) => d.name); } catch (e) { storage = 'refused: ' + e.name; }
        return { ran: window.ran === true, dbs: window.dbs === undefined ? null : window.dbs, storage };
      });
      assert.equal(seen.ran, false, name);
      assert.equal(seen.dbs, null, name);
      // Sandboxed: an opaque origin with no storage at all, and never the app's.
      assert.ok(typeof seen.storage === 'string' || !seen.storage.includes('/data'), `${name}: ${JSON.stringify(seen.storage)}`);
    }
    await page.close();
  }
  await context.close();
});

test('a page of a foreign origin cannot write to the exchange', async () => {
  // A web page a user happens to visit, on an origin of its own.
  const evil = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>evil</html>'); });
  await new Promise((r) => evil.listen(0, '127.0.0.1', r));
  const evilUrl = `http://127.0.0.1:${evil.address().port}/`;
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(evilUrl);
  const name = FEED + '0000000003-' + 'ef'.repeat(32) + '.json';
  const result = await page.evaluate(async (url) => {
    try { const r = await fetch(url, { method: 'PUT', body: '{"evil":1}', headers: { 'Content-Type': 'application/json' } }); return 'status ' + r.status; }
    catch (e) { return 'refused: ' + e.name; }
  }, env.server.exchangeUrl + name);
  assert.match(result, /^refused/);
  assert.equal(fs.existsSync(path.join(env.server.exchange, name)), false);
  // Without a browser to enforce CORS, the exchange itself refuses a foreign Origin.
  const direct = await put(env.server.exchangeUrl + name, '{"evil":1}', { Origin: evilUrl.replace(/\/$/, '') });
  assert.equal(direct.status, 403);
  assert.equal(fs.existsSync(path.join(env.server.exchange, name)), false);
  // The app's origin is let through (the preflight says so).
  const preflight = await fetch(env.server.exchangeUrl + name, { method: 'OPTIONS', headers: {
    Origin: env.server.url.replace(/\/$/, ''), 'Access-Control-Request-Method': 'PUT' } });
  assert.equal(preflight.headers.get('access-control-allow-origin'), env.server.url.replace(/\/$/, ''));
  assert.match(preflight.headers.get('access-control-expose-headers'), /Date/);
  await context.close();
  evil.close();
});

test('twenty writers racing for one new name: exactly one wins, and what it wrote stays', async () => {
  for (let trial = 0; trial < 11; ++trial) {
    const name = FEED + String(100 + trial).padStart(10, '0') + '-' + 'ab'.repeat(32) + '.json';
    const bodies = Array.from({ length: 20 }, (_, i) => JSON.stringify({ writer: i, pad: 'x'.repeat(20000 + i) }));
    const answers = await Promise.all(bodies.map((b) => put(env.server.exchangeUrl + name, b).then((r) => r.status)));
    const winners = answers.map((s, i) => [s, i]).filter(([s]) => s === 201);
    assert.equal(winners.length, 1, `trial ${trial}: ${answers.join(' ')}`);
    assert.ok(answers.every((s) => s === 201 || s === 409), answers.join(' '));
    const stored = fs.readFileSync(path.join(env.server.exchange, name), 'utf8');
    assert.equal(stored, bodies[winners[0][1]], `trial ${trial}: the winner's body`);
    // No lock or temporary file is left behind, and none is ever listed.
    const left = fs.readdirSync(path.join(env.server.exchange, FEED)).filter((f) => f.startsWith('.'));
    assert.deepEqual(left, []);
  }
});
