// Shared harness of the end-to-end tests: a real nginx serving the built site and the exchange
// on a free loopback port, Debian's Chromium driven by playwright-core, and helpers that find
// widgets through window.vsys.screen().anchors (the same names the kiosk walk-throughs use).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import { after, before } from 'node:test';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const site = process.env.VSYS_SITE ? path.resolve(root, process.env.VSYS_SITE) : path.join(root, 'build/wasm/site');
export const artifacts = path.join(root, 'build/e2e');
mkdirSync(artifacts, { recursive: true });

export const chromiumArgs = ['--no-sandbox', '--disable-dev-shm-usage', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

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
  // siteDir: the static site to serve (default: the build's).
  static async start(siteDir = site) {
    const srv = new Server();
    srv.site = siteDir;
    srv.port = await freePort();
    srv.exchangePort = await freePort();
    srv.prefix = mkdtempSync(path.join(os.tmpdir(), 'vsys-e2e-'));
    srv.exchange = path.join(srv.prefix, 'exchange');
    await srv.start();
    return srv;
  }
  get url() { return `http://127.0.0.1:${this.port}/`; }
  // The exchange, an origin of its own (docs/PROTOCOL.md §13).
  get exchangeUrl() { return `http://127.0.0.1:${this.exchangePort}/`; }
  get running() { return !!this.proc && this.proc.exitCode === null && this.proc.signalCode === null; }
  async start() {
    this.proc = spawn(path.join(root, 'tools/nginx-run'), [path.join(this.prefix, 'nginx'), String(this.port),
      String(this.exchangePort), this.site, this.exchange],
      { stdio: ['ignore', 'ignore', 'pipe'] });
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
    if (!this.proc || this.proc.exitCode !== null) return;
    const done = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill('SIGTERM');
    await done;
  }
}

export async function launch(options = {}) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, ...(options.args || [])] });
}

export async function launchPersistent(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium', args: chromiumArgs,
    viewport: { width: 1280, height: 720 }, ...options });
}

// The set-up every test file shares: one nginx and one Chromium for the file, both stopped
// after its last test. `prepare(server)` runs once nginx is up (e.g. to write a demo exchange).
// `env.server` and `env.browser` are there from the first test on.
// Top-level hooks start as soon as they are declared, so a file's own `before` must await
// `env.ready` before it uses them.
export function serverAndBrowser(prepare) {
  const env = { server: null, browser: null };
  // A browser context of its own (its own IndexedDB) with one page open on the app.
  // options: newContext's, plus `init`, a script run in every page before the app starts.
  env.openApp = async ({ init, ...options } = {}) => {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, ...options });
    if (init) await context.addInitScript(init);
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
      env.server = await Server.start();
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
  });
  return env;
}

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
export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.vsys && window.vsys.screen && document.getElementById('loading') === null &&
    window.vsys.screen().font_complete, null, { timeout: 30000 });
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

// Scrolls the page with the wheel, as a user would, until the widget's centre is in view.
export async function scrollIntoView(page, name, p) {
  const view = page.viewportSize();
  for (let i = 0; i < 40 && view && (p.y > view.height - 8 || p.y < 56); ++i) {
    await page.mouse.move(view.width / 2, view.height / 2);
    await page.mouse.wheel(0, p.y > view.height - 8 ? 100 : -100);
    await waitFrames(page, 2);
    p = await anchor(page, name);
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

// ---- the automation API (window.vsys) and common moves, shared by the test files

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

// Writes the demo deployment of one prefecture into a server's exchange folder, as
// `tools/serve` does, with the native tool.
export function writeDemoExchange(dir, prefecture = '310000', codes = 3) {
  const r = spawnSync(path.join(root, 'build/native/vsys'),
    ['demo-data', '--exchange', dir, '--prefecture', prefecture, '--codes', String(codes)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('vsys demo-data failed: ' + r.stderr);
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
