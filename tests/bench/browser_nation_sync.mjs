// The nation's sync in headless Chromium against nginx (issue 16, Targets; `tools/bench nation`).
// The real app, signed in as the demo nation (VN000000), enrols its device through the exchange
// and syncs a national demo deployment written by the product's CLI:
// 1. `vsys demo-data --exchange DIR --time <two days ago> --pack`: every organisation of the
//    country with a feed of its own (72,837), the demo world's history, and the packs its
//    municipalities' and prefectures' devices write that evening (sync/demo_day.hpp).
// 2. The nation's first sync in Chromium (measured, not a target).
// 3. `vsys demo-data --exchange DIR --day`: today, every demo device publishes once (the nation,
//    47 prefectures, 1,741 municipalities, 70,000 sites) and the day is packed.
// 4. The nation's daily sync in the same browser profile: the target.
// Each sync prints the requests to the exchange, the bytes on the wire as Chromium counts them
// (headers and encoded bodies), the wall time, the wasm memory and the outcome.
//
// Usage: node tests/bench/browser_nation_sync.mjs [--dir DIR] [--keep] [--reuse] [--prefecture CODE]
//   --dir         where the exchange and the browser profile go (default build/bench-nation;
//                 about 3 GB on disk, removed after the run unless --keep)
//   --reuse       measure against the deployment already in DIR/exchange (written by step 1
//                 beforehand, e.g. while the wasm build ran), not a new one
//   --prefecture  the deployment of the nation, that prefecture's subtree, its federation and
//                 support only (as `vsys demo-data --prefecture`): the nation's day at that scale
// tests/bench/run.mjs runs nationArea() for `tools/bench nation`.
//
// [SECTION] One sync of the nation in Chromium
// [SECTION] The deployment, the two syncs, the targets
// [SECTION] The command line
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Server, chromiumArgs, freePort, openApp, signIn, site } from '../e2e/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MB = 1024 * 1024;

// [SECTION] One sync of the nation in Chromium

// nginx serving the site and `exchange`, Chromium on `profile` (kept between the two syncs: its
// IndexedDB holds the nation's device), one sync measured. The app's own automatic sync is off:
// the benchmark decides when.
// `ports` ({app, exchange}) stay the same from one sync to the next: IndexedDB is per origin.
export async function nationSync(exchange, profile, ports, siteDir = site) {
  const srv = new Server();
  srv.site = siteDir;
  srv.port = ports.app;
  srv.exchangePort = ports.exchange;
  srv.prefix = mkdtempSync(path.join(os.tmpdir(), 'vsys-bench-nation-'));
  srv.exchange = exchange;
  await srv.start();
  mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: chromiumArgs, viewport: { width: 1366, height: 768 } });
  try {
    await context.addInitScript(() => { window.VSYS_NO_AUTO_SYNC = true; });
    const page = context.pages()[0] || await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('crash', () => errors.push('the page crashed'));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    // Opening reads the device's whole store from IndexedDB: for the nation after its first
    // sync, 444,091 documents (measured, printed).
    const opening = Date.now();
    await openApp(page, srv.url, { timeout: 600000 });
    const opened = { seconds: (Date.now() - opening) / 1000, memory: await page.evaluate(() => window.vsys.screen().wasm_memory_bytes) };
    console.log(`#   the app opened in ${opened.seconds.toFixed(1)} s with ${(opened.memory / MB).toFixed(0)} MB of wasm memory`);
    if (!(await page.evaluate(() => window.vsys.view('session').view.signed_in))) await signIn(page, 'VN000000');

    // Every request to the exchange's origin (preflights aside) and its bytes on the wire.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const origin = `http://127.0.0.1:${srv.exchangePort}`;
    const ids = new Set();
    const f = { requests: 0, lists: 0, bundles: 0, packs: 0, other: 0, bytes: 0, failed: 0 };
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!e.request.url.startsWith(origin) || e.request.method === 'OPTIONS') return;
      ids.add(e.requestId);
      ++f.requests;
      const u = e.request.url;
      if (u.endsWith('/')) ++f.lists; else if (u.includes('/packs/')) ++f.packs;
      else if (u.includes('/feeds/')) ++f.bundles; else ++f.other;
    });
    cdp.on('Network.loadingFinished', (e) => { if (ids.has(e.requestId)) f.bytes += e.encodedDataLength; });
    cdp.on('Network.loadingFailed', (e) => { if (ids.has(e.requestId)) ++f.failed; });

    // The run, with its progress every 15 s (a first sync of the country takes minutes).
    const t0 = Date.now();
    await page.evaluate(() => { window.vsysBench = null; window.vsys.sync().then((s) => { window.vsysBench = s; }); });
    // A run that stops moving (the wasm out of memory leaves the page idle and the promise
    // pending) fails after two minutes without progress, naming where it stopped.
    let st = null, last = '', lastChange = Date.now();
    for (let next = 15; !st; ) {
      if (errors.length) throw new Error(`the page failed during the sync: ${errors.join('; ')}`);
      await page.waitForTimeout(250);
      st = await page.evaluate(() => window.vsysBench);
      if (!st && (Date.now() - t0) / 1000 >= next) {
        next = (Date.now() - t0) / 1000 + 15;
        const p = await page.evaluate(() => ({ s: window.vsys.view('sync_status').view, m: window.vsys.screen().wasm_memory_bytes }));
        const where = `${p.s.phase}, ${p.s.progress.done}/${p.s.progress.total} requests, ${p.s.progress.bytes} bytes, ` +
          `${(p.m / MB).toFixed(0)} MB of wasm memory`;
        console.log(`#   ${((Date.now() - t0) / 1000).toFixed(0)} s: ${where}`);
        if (where !== last) { last = where; lastChange = Date.now(); }
        if (Date.now() - lastChange > 120e3) throw new Error(`the sync made no progress for 2 minutes: ${where}`);
      }
    }
    f.seconds = (Date.now() - t0) / 1000;
    const screen = await page.evaluate(() => window.vsys.screen());
    f.memory = screen.wasm_memory_bytes;
    f.opened = opened;
    f.error = st.error;
    f.rejected = (st.rejected || []).length;
    f.fetched = st.report.fetched;
    f.accepted = st.report.accepted;
    f.errors = errors;
    return f;
  } finally {
    await context.close();
    await srv.stop();
  }
}

// [SECTION] The deployment, the two syncs, the targets

function vsys(vsysPath, args) {
  const t0 = Date.now();
  const r = spawnSync(vsysPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`vsys ${args.join(' ')}: ${r.stderr || r.error}`);
  const field = (name) => (r.stdout.match(new RegExp(`^${name}\\t(.*)$`, 'm')) || [])[1] || '';
  return { seconds: (Date.now() - t0) / 1000, field };
}

function describe(f) {
  return `${f.requests.toLocaleString('en')} requests (${f.lists} listings, ${f.packs} packs, ${f.bundles} bundles, ` +
    `${f.other} other), ${f.bytes.toLocaleString('en')} bytes, ${f.seconds.toFixed(1)} s, ` +
    `${(f.memory / MB).toFixed(0)} MB of wasm memory, ${f.accepted.toLocaleString('en')} bundles applied`;
}

export async function nationArea(opts = {}) {
  const dir = opts.dir || path.join(root, 'build/bench-nation');
  const vsysPath = path.join(opts.native || path.join(root, 'build/native'), 'vsys');
  const siteDir = path.join(opts.wasm || path.join(root, 'build/wasm'), 'site');
  const exchange = path.join(dir, 'exchange'), profile = path.join(dir, 'profile');
  const twoDaysAgo = new Date(Date.now() - 2 * 86400e3).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const scope = opts.prefecture ? ['--prefecture', opts.prefecture] : [];
  const write = ['demo-data', '--exchange', exchange, '--codes', '1', '--time', twoDaysAgo, '--pack', ...scope];
  let a;
  if (opts.reuse && existsSync(path.join(exchange, 'deployment.json'))) {
    // --reuse: a deployment written (two days ago, packed) by the command below, before the
    // build to measure was ready; a profile of a previous run is not reused.
    rmSync(profile, { recursive: true, force: true });
    console.log(`# reusing the deployment in ${exchange}`);
    a = { field: () => '(reused)', seconds: 0 };
  } else {
    rmSync(dir, { recursive: true, force: true });  // a previous run's, kept with --keep
    mkdirSync(dir, { recursive: true });
    console.log(`# writing the ${opts.prefecture ? 'prefecture ' + opts.prefecture + '\'s' : 'national'} demo deployment two days ago, packed that evening`);
    a = vsys(vsysPath, write);
  }
  console.log(`# ${a.field('bundles')} bundles, ${a.field('bytes')} bytes, packs ${a.field('packs')}; ${a.seconds.toFixed(0)} s`);
  const ports = { app: await freePort(), exchange: await freePort() };
  const first = await nationSync(exchange, profile, ports, siteDir);
  console.log(`# the nation's first sync: ${describe(first)}`);
  if (first.error) throw new Error(`the nation's first sync failed: ${JSON.stringify(first.error)}`);

  console.log('# today: every demo device publishes once, the day is packed');
  const b = vsys(vsysPath, ['demo-data', '--exchange', exchange, '--day']);
  console.log(`# ${b.field('bundles')}; packs ${b.field('packs')}; ${b.seconds.toFixed(0)} s`);
  const daily = await nationSync(exchange, profile, ports, siteDir);
  console.log(`# the nation's daily sync: ${describe(daily)}`);
  if (daily.error) throw new Error(`the nation's daily sync failed: ${JSON.stringify(daily.error)}`);
  if (!opts.keep) rmSync(dir, { recursive: true, force: true });

  const dayBundles = Number(b.field('bundles').split(' ')[0]);
  const targets = [
    { target: 'the nation\'s daily sync (every organisation published once) ≤ 500 requests, in Chromium against nginx',
      measured: `${daily.requests} requests (${daily.lists} listings, ${daily.packs} packs, ${daily.bundles} bundles, ${daily.other} other) for ${dayBundles.toLocaleString('en')} bundles`,
      pass: daily.requests <= 500 },
    { target: 'the same ≤ 30 MB transferred', measured: `${daily.bytes.toLocaleString('en')} bytes on the wire`,
      pass: daily.bytes <= 30e6 },
    { target: 'the same in ≤ 60 s', measured: `${daily.seconds.toFixed(1)} s (the run, from 同期 to settled, IndexedDB saved)`,
      pass: daily.seconds <= 60 },
    { target: 'every bundle of the day applied, none refused, no script error',
      measured: `${daily.accepted.toLocaleString('en')} of ${dayBundles.toLocaleString('en')} applied, ${daily.rejected} refused, ${daily.errors.length} errors`,
      pass: daily.accepted === dayBundles && daily.rejected === 0 && daily.errors.length === 0 },
  ];
  const body = [
    '### What was run', '',
    '`tests/bench/browser_nation_sync.mjs`: the app in headless Chromium (1366×768, SwiftShader), signed in as',
    'the demo nation (VN000000), against nginx (`tools/nginx-run`) on loopback serving a national demo',
    'deployment written by `vsys demo-data` two days before and packed that evening; then today\'s day',
    '(`vsys demo-data --day`: every demo device publishes once and the municipalities and prefectures',
    'pack it). Bytes are Chromium\'s encoded lengths (headers included) of every request to the exchange\'s',
    'origin, preflights aside.', '',
    '| step | measured |', '|---|---|',
    `| write the national deployment (\`--pack\`) | ${a.field('bundles')} bundles, ${Number(a.field('bytes')).toLocaleString('en')} bytes; packs ${a.field('packs')}; ${a.seconds.toFixed(0)} s |`,
    `| the nation's first sync | ${describe(first)}; ${first.rejected} refused |`,
    `| today's day (\`--day\`) | ${b.field('bundles')}; packs ${b.field('packs')}; ${b.seconds.toFixed(0)} s |`,
    `| the nation's daily sync | ${describe(daily)}; ${daily.rejected} refused |`,
  ].join('\n');
  return { targets, body, first, daily };
}

// [SECTION] The command line

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--dir');
  const p = args.indexOf('--prefecture');
  const r = await nationArea({ dir: i >= 0 ? path.resolve(args[i + 1]) : undefined, keep: args.includes('--keep'),
    reuse: args.includes('--reuse'), prefecture: p >= 0 ? args[p + 1] : undefined });
  for (const t of r.targets) console.log(`${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ${t.measured}`);
  console.log(`${r.targets.filter((t) => t.pass).length} passed, ${r.targets.filter((t) => !t.pass).length} failed`);
}
