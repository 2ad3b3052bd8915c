// The nation's sync in headless Chromium against nginx (issue 16, Targets): the real app, signed
// in as the demo nation (VN000000), enrols its device through the exchange and syncs a national
// demo deployment written by `vsys demo-data --exchange DIR` (every organisation of the country
// with a feed of its own). Prints the run's requests, bytes over the wire (as Chromium counts
// them: headers and encoded bodies), wall time, the wasm memory and the store afterwards.
//
// Usage: node tests/bench/browser_nation_sync.mjs EXCHANGE_DIR [--profile DIR] [--label TEXT]
//   EXCHANGE_DIR  the exchange nginx serves (written beforehand, e.g. by tools/bench nation-sync)
//   --profile     a Chromium profile kept between runs (its IndexedDB holds the nation's device):
//                 the first run is the first sync, a later run the next day's
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { Server, chromiumArgs, freePort, openApp, signIn, site, syncNow } from '../e2e/lib.mjs';

const args = process.argv.slice(2);
const exchange = path.resolve(args[0]);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const profile = opt('--profile', null);
const label = opt('--label', 'sync');

const srv = new Server();
srv.site = site;
srv.port = await freePort();
srv.exchangePort = await freePort();
srv.prefix = (await import('node:fs')).mkdtempSync('/tmp/vsys-bench-nation-');
srv.exchange = exchange;
await srv.start();

if (profile) mkdirSync(profile, { recursive: true });
const context = await chromium.launchPersistentContext(profile || '', {
  executablePath: '/usr/bin/chromium', args: chromiumArgs, viewport: { width: 1366, height: 768 } });
const page = context.pages()[0] || await context.newPage();
await context.addInitScript(() => { window.VSYS_NO_AUTO_SYNC = true; });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('crash', () => errors.push('page crashed'));

const t0 = Date.now();
await openApp(page, srv.url);
const opened = Date.now() - t0;
const session = await page.evaluate(() => window.vsys.view('session').view);
if (!session.signed_in) await signIn(page, 'VN000000');

// Every request to the exchange's origin and what it cost on the wire (CDP: encoded bytes).
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
const exchangeOrigin = `http://127.0.0.1:${srv.exchangePort}`;
const urls = new Map();
let requests = 0, bytes = 0, failed = 0;
const byKind = { list: 0, bundle: 0, pack: 0, other: 0 };
cdp.on('Network.requestWillBeSent', (e) => {
  if (!e.request.url.startsWith(exchangeOrigin) || e.request.method === 'OPTIONS') return;
  urls.set(e.requestId, e.request.url);
  ++requests;
  const u = e.request.url;
  if (u.endsWith('/')) ++byKind.list; else if (u.includes('/packs/')) ++byKind.pack;
  else if (u.includes('/feeds/')) ++byKind.bundle; else ++byKind.other;
});
cdp.on('Network.loadingFinished', (e) => { if (urls.has(e.requestId)) bytes += e.encodedDataLength; });
cdp.on('Network.loadingFailed', (e) => { if (urls.has(e.requestId)) ++failed; });

const s0 = Date.now();
const st = await page.evaluate(() => window.vsys.sync());
const wall = (Date.now() - s0) / 1000;
const screen = await page.evaluate(() => window.vsys.screen());
const status = await page.evaluate(() => window.vsys.view('sync_status').view);
console.log(JSON.stringify({ label, opened_ms: opened, wall_s: wall, requests, by_kind: byKind, bytes, failed,
  wasm_memory_bytes: screen.wasm_memory_bytes, error: st.error, rejected: (st.rejected || []).length,
  outbox: st.outbox, fetched: status.fetched, errors }, null, 1));
await context.close();
await srv.stop();
