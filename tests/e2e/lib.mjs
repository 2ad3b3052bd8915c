// Shared harness of the end-to-end tests: a real nginx serving the built site and the exchange
// on a free loopback port, Debian's Chromium driven by playwright-core, and helpers that find
// widgets through window.vsys.screen().anchors (the same names the kiosk walk-throughs use).
//
// [SECTION] Paths, Chromium's flags and the kind of exchange
// [SECTION] Servers: the S3 store, a free port, nginx
// [SECTION] Browsers and each file's set-up (CSP watched in every page)
// [SECTION] Pages: errors, frames, anchors, clicks, screenshots
// [SECTION] The automation API (window.vsys) and common moves, shared by the test files
// [SECTION] The exchange: the demo deployment, its files, a sync
// [SECTION] Traces: the main thread's tasks
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { after, before } from 'node:test';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// [SECTION] Paths, Chromium's flags and the kind of exchange

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const site = process.env.VSYS_SITE ? path.resolve(root, process.env.VSYS_SITE) : path.join(root, 'build/wasm/site');
export const artifacts = path.join(root, 'build/e2e');
mkdirSync(artifacts, { recursive: true });

export const chromiumArgs = ['--no-sandbox', '--disable-dev-shm-usage', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

// VSYS_E2E_EXCHANGE=s3: the exchange is a fresh S3 store (Ceph's RADOS Gateway, started by
// tools/exchange-s3 for the test file) instead of nginx's folder; the app is told so by its
// config.json (an s3:// URL), and the same tests run against it (docs/PROTOCOL.md §15).
export const exchangeKind = process.env.VSYS_E2E_EXCHANGE === 's3' ? 's3' : 'nginx';

// [SECTION] Servers: the S3 store, a free port, nginx

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// A single-node Ceph cluster of the test's own. A failed start fails the test file.
export class S3Store {
  static async start() {
    const s = new S3Store();
    s.dir = mkdtempSync(path.join(os.tmpdir(), 'vsys-e2e-s3-'));
    s.port = await freePort();
    const t0 = Date.now();
    const r = run(path.join(root, 'tools/exchange-s3'), ['start', path.join(s.dir, 'cluster'), '--port', String(s.port)]);
    console.log(r.out.trim().split('\n').map((l) => `# exchange-s3: ${l}`).join('\n'));
    console.log(`# exchange-s3: cluster start took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (r.code !== 0) throw new Error('tools/exchange-s3 start failed:\n' + r.out + r.err);
    s.admin = Object.fromEntries(readFileSync(path.join(s.dir, 'cluster/admin.env'), 'utf8').trim().split('\n')
      .map((l) => l.split('=', 2)));
    s.url = `s3://127.0.0.1:${s.port}/vsys`;
    s.http = `http://127.0.0.1:${s.port}/vsys`;
    s.keys = path.join(s.dir, 'keys');
    mkdirSync(s.keys);
    return s;
  }
  get adminEnv() { return { VSYS_S3_ACCESS_KEY: this.admin.VSYS_S3_ACCESS_KEY, VSYS_S3_SECRET_KEY: this.admin.VSYS_S3_SECRET_KEY }; }
  gateway(action) {
    const r = run(path.join(root, 'tools/exchange-s3'), ['gateway-' + action, path.join(this.dir, 'cluster')]);
    if (r.code !== 0) throw new Error(`tools/exchange-s3 gateway-${action} failed:\n${r.out}${r.err}`);
  }
  stop() {
    const r = run(path.join(root, 'tools/exchange-s3'), ['stop', path.join(this.dir, 'cluster')]);
    rmSync(this.dir, { recursive: true, force: true });
    if (r.code !== 0) throw new Error('tools/exchange-s3 stop failed: ' + r.err);
  }
  // The operator's `vsys deployment s3-users`: one store user per organisation, its key sealed
  // to the organisation's devices and enrolment codes on the exchange.
  grant(orgs) {
    const r = run(path.join(root, 'build/native/vsys'), ['deployment', 's3-users', this.url,
      ...orgs.flatMap((o) => ['--org', o]), '--out', this.keys], this.adminEnv);
    if (r.code !== 0) throw new Error('vsys deployment s3-users failed:\n' + r.out + r.err);
    return r.out;
  }
  // The operator's `vsys deployment s3-users --rotate`: the organisation's next key version sealed
  // to its devices and codes, then its old key removed at the store.
  rotate(org) {
    const r = run(path.join(root, 'build/native/vsys'), ['deployment', 's3-users', this.url, '--rotate', org,
      '--out', this.keys], this.adminEnv);
    if (r.code !== 0) throw new Error('vsys deployment s3-users --rotate failed:\n' + r.out + r.err);
    return r.out;
  }
  // An organisation's store key as the operator's file has it.
  key(org) {
    return Object.fromEntries(readFileSync(path.join(this.keys, org.replace(':', '_') + '.env'), 'utf8').trim()
      .split('\n').map((l) => l.split('=', 2)));
  }
  // Every object (under a prefix), read anonymously as anyone may, into a folder (byte for byte).
  async download(dir, prefix = '') {
    let token = '';
    const keys = [];
    do {
      const q = new URLSearchParams({ 'list-type': '2', prefix, ...(token ? { 'continuation-token': token } : {}) });
      const xml = await (await fetch(`${this.http}?${q}`)).text();
      for (const m of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(m[1].replace(/&amp;/g, '&'));
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? (xml.match(/<NextContinuationToken>([^<]*)</) || [])[1] : '';
    } while (token);
    const one = async (k) => {
      const r = await fetch(`${this.http}/${k.split('/').map(encodeURIComponent).join('/')}`);
      if (r.status !== 200) throw new Error(`GET ${k}: ${r.status}`);
      mkdirSync(path.dirname(path.join(dir, k)), { recursive: true });
      writeFileSync(path.join(dir, k), Buffer.from(await r.arrayBuffer()));
    };
    for (let i = 0; i < keys.length; i += 16) await Promise.all(keys.slice(i, i + 16).map(one));
    return dir;
  }
  // Store keys for `orgs` and for every organisation that `manager` issues enrolment codes to (its
  // sites, for a municipality), as found in the lookup files on the exchange.
  async grantManaged(orgs, manager) {
    const dir = await this.download(mkdtempSync(path.join(os.tmpdir(), 'vsys-e2e-lookups-')), 'directory/enrolment/');
    const all = new Set(orgs);
    const lookups = path.join(dir, 'directory/enrolment');
    for (const f of readdirSync(lookups)) {
      const e = JSON.parse(readFileSync(path.join(lookups, f), 'utf8'));
      if (e.chain.length && e.chain[0].org === manager) all.add(e.enrolment.org);
    }
    rmSync(dir, { recursive: true, force: true });
    const t0 = Date.now();
    const out = this.grant([...all]);
    console.log(`# s3-users: ${all.size} organisations in ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
      out.split('\n').filter((l) => l.startsWith('policy')).join(''));
    return [...all];
  }
}

// A port nothing listens on now, on loopback.
export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

// A running nginx; stop() and start() again on the same port (for offline tests).
export class Server {
  // siteDir: the static site to serve (default: the build's). s3: an S3Store that is the
  // exchange instead of nginx's folder; stop() and start() then take its gateway down and up too.
  static async start(siteDir = site, s3 = null) {
    const srv = new Server();
    srv.site = siteDir;
    srv.s3 = s3;
    srv.port = await freePort();
    srv.exchangePort = await freePort();
    srv.prefix = mkdtempSync(path.join(os.tmpdir(), 'vsys-e2e-'));
    srv.exchange = s3 ? s3.url : path.join(srv.prefix, 'exchange');
    await srv.start();
    return srv;
  }
  get url() { appOrigins.add(`http://127.0.0.1:${this.port}`); return `http://127.0.0.1:${this.port}/`; }
  // The exchange, an origin of its own (docs/PROTOCOL.md §13).
  get exchangeUrl() { return `http://127.0.0.1:${this.exchangePort}/`; }
  get running() { return !!this.proc && this.proc.exitCode === null && this.proc.signalCode === null; }
  async start() {
    if (this.s3 && this.s3.down) { this.s3.gateway('start'); this.s3.down = false; }
    this.proc = spawn(path.join(root, 'tools/nginx-run'), [path.join(this.prefix, 'nginx'), String(this.port),
      String(this.exchangePort), this.site, this.s3 ? path.join(this.prefix, 'exchange') : this.exchange],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...(this.s3 ? { VSYS_EXCHANGE_URL: this.s3.url } : {}) } });
    let err = '';
    this.proc.stderr.on('data', (d) => { err += d; });
    for (let i = 0; i < 100; i++) {
      try { const r = await fetch(this.url); if (r.ok) return; } catch { /* not yet */ }
      if (this.proc.exitCode !== null) throw new Error('nginx exited: ' + err);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('nginx did not answer: ' + err);
  }
  async stop() {
    if (this.s3 && !this.s3.down) { this.s3.gateway('stop'); this.s3.down = true; }
    if (!this.proc || this.proc.exitCode !== null) return;
    const done = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill('SIGTERM');
    await done;
  }
}

// [SECTION] Browsers and each file's set-up (CSP watched in every page)

// Every Content-Security-Policy violation in a page of the app, in any test of a file, fails the
// file (issue 11): a test need not remember to check. Chromium reports each one on the console.
// Pages on another origin (the exchange's, whose files are meant to run nothing) are not the
// app's: what they refuse is the point of the security tests, which check it themselves.
const appOrigins = new Set();
const cspViolations = [];
function watchCsp(context) {
  const watch = (page) => page.on('console', (m) => {
    const url = page.url();
    // A print window starts as about:blank and inherits the app's policy (print_window.js).
    const app = url.startsWith('about:') || appOrigins.has(new URL(url).origin);
    if (/Content Security Policy/i.test(m.text()) && app) cspViolations.push(`${url}: ${m.text()}`);
  });
  context.pages().forEach(watch);
  context.on('page', watch);
  return context;
}
// Only under the test runner (node --test sets NODE_TEST_CONTEXT): a benchmark script that
// imports this file is no test file.
if (process.env.NODE_TEST_CONTEXT) {
  after(() => {
    if (cspViolations.length) throw new Error(`Content-Security-Policy violations in the app:\n${cspViolations.join('\n')}`);
  });
}

export async function launch(options = {}) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, ...(options.args || [])] });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = async (...a) => watchCsp(await newContext(...a));
  browser.newPage = async (...a) => {
    const page = await newPage(...a);
    watchCsp(page.context());
    return page;
  };
  return browser;
}

export async function launchPersistent(userDataDir, options = {}) {
  return watchCsp(await chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium',
    args: chromiumArgs, viewport: { width: 1280, height: 720 }, ...options }));
}

// The set-up every test file shares: one nginx and one Chromium for the file, both stopped
// after its last test. `prepare(server)` runs once nginx is up (e.g. to write a demo exchange).
// `env.server` and `env.browser` are there from the first test on.
// Top-level hooks start as soon as they are declared, so a file's own `before` must await
// `env.ready` before it uses them.
// Runs in a page before its scripts: when boot.js sets up Emscripten's Module, a first preRun
// step (after the wasm is instantiated, before glue.js's own and before main()) reserves `mb` MB
// of the heap, so everything the app allocates lies above it (past 2 GB with 2200:
// memory_above_2gb.test.mjs; VSYS_E2E_HIGH_HEAP=2200 runs every test so).
export function reserveHeap(mb) {
  Object.defineProperty(window, 'Module', {
    configurable: true,
    get: () => undefined,
    set: (m) => {
      // In two halves: sbrk takes a signed increment, so one request past 2 GB is refused.
      const half = () => m._malloc(mb / 2 * 1048576) >>> 0;
      m.preRun = [() => { window.vsysTestReserved = [half(), half()]; }].concat(m.preRun || []);
      Object.defineProperty(window, 'Module', { value: m, writable: true, configurable: true });
    },
  });
}

// An init script (openApp's `init`) that makes IndexedDB fail every write while armed by
// armWriteFault: a write transaction is aborted once its first put has succeeded, after every put
// was issued, so the others fail with AbortError. 'abort' leaves the transaction without an error
// of its own; 'quota' gives it the QuotaExceededError Chromium reports when the origin's quota is
// exceeded at commit. Injected: DevTools' quota override (Storage.overrideQuotaForOrigin, even at
// 1 byte) let the app's small writes through, usage being counted late.
export function failWritesWhenArmed() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    const request = put.apply(this, args);
    const fault = window.vsysTestWriteFault;
    if (fault) {
      const tx = this.transaction;
      request.addEventListener('success', () => {
        try {
          if (fault === 'quota') {
            Object.defineProperty(tx, 'error', { configurable: true,
              get: () => new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
          }
          tx.abort();
        } catch (e) { /* already ended */ }
      });
    }
    return request;
  };
}

// Arms (fault 'abort' or 'quota') or disarms (null) failWritesWhenArmed in a page.
export const armWriteFault = (page, fault) => page.evaluate((f) => { window.vsysTestWriteFault = f; }, fault);

export function serverAndBrowser(prepare) {
  const env = { server: null, browser: null };
  // A browser context of its own (its own IndexedDB) with one page open on the app.
  // options: newContext's, plus `init`, a script (or a list of them) run in every page before
  // the app starts.
  env.openApp = async ({ init, ...options } = {}) => {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, ...options });
    if (process.env.VSYS_E2E_HIGH_HEAP) await context.addInitScript(reserveHeap, Number(process.env.VSYS_E2E_HIGH_HEAP));
    for (const script of [].concat(init ?? [])) await context.addInitScript(script);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await openApp(page, env.server.url);
    return { context, page, errors };
  };
  let started;
  env.ready = new Promise((resolve, reject) => { started = { resolve, reject }; });
  env.ready.catch(() => {});  // a failed start is reported by the hook below
  before(async () => {
    try {
      if (exchangeKind === 's3') env.s3 = await S3Store.start();
      env.server = await Server.start(site, env.s3 || null);
      if (prepare) await prepare(env.server);
      env.browser = await launch();
      started.resolve(env);
    } catch (e) {
      started.reject(e);
      throw e;
    }
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
    env.s3?.stop();
  });
  return env;
}

// [SECTION] Pages: errors, frames, anchors, clicks, screenshots

// Script errors, and every Content-Security-Policy violation (Chromium reports each one on the
// console), of a page: a test that ends with `assert.deepEqual(errors, [])` checks both.
export function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) errors.push('CSP: ' + m.text()); });
  return errors;
}

// Opens the app and waits until it has drawn a few frames with its whole font (a first visit
// merges the rest of the kanji a moment after the first frame: tests/e2e/first_visit.test.mjs).
// `timeout`: longer for a device that holds a country (tests/bench/browser_nation_sync.mjs).
export async function openApp(page, url, { timeout = 30000 } = {}) {
  await page.goto(url);
  await page.waitForFunction(() => window.vsys && window.vsys.screen && document.getElementById('loading') === null &&
    window.vsys.screen().font_complete, null, { timeout });
  await waitFrames(page, 3);
}

export async function waitFrames(page, n = 2) {
  const start = await page.evaluate(() => window.vsys.screen().frames);
  await page.waitForFunction((s) => window.vsys.screen().frames >= s, start + n, { timeout: 10000 });
}

// The centre of a named widget, once it stands still: a popup that sizes itself is placed a
// frame or two after it first appears, and a click aimed at its first place misses.
export async function anchor(page, name) {
  await page.waitForFunction((n) => !!window.vsys.screen().anchors[n], name, { timeout: 10000 });
  const rect = () => page.evaluate((n) => JSON.stringify(window.vsys.screen().anchors[n]), name);
  let last = await rect();
  for (let i = 0; i < 20; ++i) {
    await waitFrames(page, 1);
    const now = await rect();
    if (now === last) break;
    last = now;
  }
  const [x, y, w, h] = JSON.parse(last);
  return { x: x + w / 2, y: y + h / 2 };
}

// Scrolls the page with the wheel, as a user would, until the widget's centre is in view: below
// the fold, or above the top bar's lower edge (56 px). A widget the wheel does not move is not
// in a scrolled area (the top bar's own buttons): it is clicked where it is.
export async function scrollIntoView(page, name, p) {
  const view = page.viewportSize();
  for (let i = 0; i < 40 && view && (p.y > view.height - 8 || p.y < 56); ++i) {
    await page.mouse.move(view.width / 2, view.height / 2);
    await page.mouse.wheel(0, p.y > view.height - 8 ? 100 : -100);
    await waitFrames(page, 2);
    const moved = await anchor(page, name);
    if (moved.x === p.x && moved.y === p.y) break;
    p = moved;
  }
  return p;
}

export async function clickAnchor(page, name) {
  const p = await scrollIntoView(page, name, await anchor(page, name));
  // As a hand does: the pointer rests on the widget for a frame before the click. ImGui decides
  // which window is under the mouse from the previous frame, so a click that arrives together
  // with the move into another window (a table's scrolling child) would go to the old one.
  await page.mouse.move(p.x, p.y);
  await waitFrames(page, 1);
  await page.mouse.click(p.x, p.y);
  await waitFrames(page, 2);
}

export async function screenshot(page, name) {
  const file = path.join(artifacts, name + '.png');
  await page.screenshot({ path: file });
  return file;
}

// [SECTION] The automation API (window.vsys) and common moves, shared by the test files

export async function command(page, cmd) {
  return page.evaluate((c) => window.vsys.command(c), cmd);
}

export async function view(page, name, args = {}) {
  return page.evaluate(([n, a]) => window.vsys.view(n, a), [name, args]);
}

export function ok(r) {
  if (!r || r.ok !== true) throw new Error('expected ok: ' + JSON.stringify(r && (r.error || r)));
  return r;
}

export async function signIn(page, id, password = 'vsys-demo') {
  await command(page, { type: 'logout' });
  ok(await command(page, { type: 'login', vsys_id: id, password }));
  await waitFrames(page, 2);
}

// Signs out through the top bar, as a user does. Where changes wait to be sent the app asks
// first (sign_out.cpp): the answer here is 「ログアウト」, the changes staying on the device.
export async function signOutThroughUi(page) {
  await clickAnchor(page, 'topbar.logout');
  if (await page.evaluate(() => !!window.vsys.screen().anchors['signout.logout'])) await clickAnchor(page, 'signout.logout');
  await page.waitForFunction(() => !window.vsys.view('session').view.signed_in, null, { timeout: 10000 });
  await waitFrames(page, 2);
}

export async function goTo(page, screen) {
  await page.evaluate((s) => { location.hash = '#/' + s; }, screen);
  await page.waitForFunction((s) => window.vsys.screen().screen === s, screen, { timeout: 10000 });
  await waitFrames(page, 3);
}

// Types into a field found by its anchor, replacing what it held.
export async function typeInto(page, name, text) {
  await clickAnchor(page, name);
  await page.waitForFunction(() => window.vsys.screen().want_text_input);
  await page.keyboard.press('Control+A');
  await waitFrames(page, 1);
  await page.keyboard.insertText(text);
  await waitFrames(page, 2);
}

// [SECTION] The exchange: the demo deployment, its files, a sync

// Writes the demo deployment of one prefecture into a server's exchange folder, as
// `tools/serve` does, with the native tool; into an S3 exchange (an s3:// URL) with the store's
// admin keys, the way an operator does.
export function writeDemoExchange(dir, prefecture = '310000', codes = 3, s3 = null) {
  const t0 = Date.now();
  const r = spawnSync(path.join(root, 'build/native/vsys'),
    ['demo-data', '--exchange', dir, '--prefecture', prefecture, '--codes', String(codes)],
    { encoding: 'utf8', env: { ...process.env, ...(s3 ? s3.adminEnv : {}) } });
  if (r.status !== 0) throw new Error('vsys demo-data failed: ' + r.stderr);
  if (s3) console.log(`# demo-data into RGW: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// The exchange's files in a folder: nginx's own, or an S3 store's downloaded.
export async function exchangeFolder(server) {
  if (!server.s3) return server.exchange;
  return server.s3.download(mkdtempSync(path.join(os.tmpdir(), 'vsys-e2e-copy-')));
}

// Every file under a folder (an exchange), as relative paths, sorted.
export function filesUnder(dir, prefix = '') {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(filesUnder(p, prefix + name + '/'));
    else out.push(prefix + name);
  }
  return out.sort();
}

// window.vsys.sync() in a page: resolves with the sync_status view when the run has ended.
export async function syncNow(page) {
  return page.evaluate(() => window.vsys.sync());
}

// [SECTION] Traces: the main thread's tasks

// The tasks of the page's main thread in a Chromium trace (browser.startTracing with the
// devtools.timeline categories): {wall, cpu} in ms, the trace's dur and thread time (tdur). With
// software GL on shared cores a frame can wait for the GPU process for long while its thread
// computes little: the CPU time is what the page's own code held the thread for.
export function mainThreadTasks(trace) {
  const events = trace.traceEvents || trace;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args && e.args.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  return events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: e.dur / 1000, cpu: (e.tdur || 0) / 1000 }));
}

export const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
