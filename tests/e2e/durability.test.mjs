// A device never forks its own feed, whatever is killed when (issue 11, item 2). Chromium is
// killed (SIGKILL of the browser process, its user-data-dir kept) at four moments of a
// publication: (a) right after the bundle is signed, (b) once the outbox is saved and the PUT
// is on its way, (c) while the exchange holds back its 201, (d) right after export_bundle
// answered. The browser is started again on the same profile, the device publishes, and
// `vsys verify` finds every feed whole (no fork, no gap); a reader that imported the exported
// file accepts the rest of the feed.
//
// The page talks to the exchange through a small HTTP proxy of this test (the fault injector):
// it forwards everything to nginx and, when armed, notices, holds or delays a bundle's PUT.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { collectErrors, command, launchPersistent, ok, openApp, root, serverAndBrowser, signIn, syncNow, view,
  writeDemoExchange } from './lib.mjs';

// ---- the fault injector: a proxy between the page and the exchange

class ExchangeProxy {
  // upstream: the exchange's base URL (a URL). `onPut(path)` (when set) decides what happens to a PUT:
  // 'forward' (the default), 'hold' (never forwarded, never answered), or
  // { answered: fn, holdAnswer: true } (forwarded; fn() once the exchange answered; the answer
  // then never reaches the page).
  static async start() {
    const p = new ExchangeProxy();
    p.upstream = null;
    p.onPut = null;
    p.puts = [];  // {path, status} of every PUT that reached the exchange
    p.server = http.createServer((req, res) => p.handle(req, res));
    await new Promise((resolve) => p.server.listen(0, '127.0.0.1', resolve));
    return p;
  }
  get url() { return `http://127.0.0.1:${this.server.address().port}/`; }
  stop() { this.server.closeAllConnections(); return new Promise((r) => this.server.close(r)); }

  handle(req, res) {
    const chunks = [];
    req.on('error', () => {});
    res.on('error', () => {});
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const where = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\//, '');
      const decision = (req.method === 'PUT' && this.onPut && this.onPut(where)) || 'forward';
      if (decision === 'hold') return;  // the page never hears back; the exchange never sees it
      const headers = { ...req.headers, host: this.upstream.host };
      const up = http.request({ host: this.upstream.hostname, port: this.upstream.port,
        path: this.upstream.pathname.replace(/\/$/, '') + req.url, method: req.method, headers }, (answer) => {
        const got = [];
        answer.on('data', (c) => got.push(c));
        answer.on('end', () => {
          if (req.method === 'PUT') this.puts.push({ path: where, status: answer.statusCode });
          if (decision.answered) decision.answered();
          if (decision.holdAnswer || res.destroyed) return;
          const out = { ...answer.headers };
          delete out['transfer-encoding'];
          delete out.connection;
          res.writeHead(answer.statusCode, out);
          res.end(Buffer.concat(got));
        });
      });
      up.on('error', () => { if (!res.destroyed) { res.writeHead(502); res.end(); } });
      up.end(body);
    });
  }
}

// The proxy is there before nginx starts: tools/nginx-run then names it as the exchange
// (config.json and the app's connect-src, VSYS_EXCHANGE_URL), and it forwards to nginx's.
const proxy = await ExchangeProxy.start();
process.env.VSYS_EXCHANGE_URL = proxy.url;
after(() => proxy.stop());
const env = serverAndBrowser((server) => {
  proxy.upstream = new URL(server.exchangeUrl);
  writeDemoExchange(server.exchange);
});
const cli = process.env.VSYS_CLI ? path.resolve(root, process.env.VSYS_CLI) : path.join(root, 'build/native/vsys');
const muniCode = '312011';  // 鳥取市
const phone = (nth, n) => `0857-0${nth}-000${n}`;  // each site's n-th change

// ---- browsers that can be killed

// The browser process of a persistent profile (not its renderers, GPU or utility children).
function browserPid(userDataDir) {
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    let args;
    try { args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'); } catch { continue; }
    if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='))) return Number(pid);
  }
  return null;
}

// A device: Chromium on a profile of its own (its IndexedDB survives a kill), the app open.
async function openDevice(dir) {
  const context = await launchPersistent(dir);
  await context.addInitScript(() => { window.VSYS_NO_AUTO_SYNC = true; });  // the test decides when
  const page = context.pages()[0] || await context.newPage();
  const errors = collectErrors(page);
  await openApp(page, env.server.url);
  return { dir, context, page, errors };
}

async function kill(device) {
  const pid = browserPid(device.dir);
  assert.ok(pid, 'the browser process of ' + device.dir);
  const closed = new Promise((r) => device.context.once('close', r));
  process.kill(pid, 'SIGKILL');
  await closed;
}

// What IndexedDB holds (not the page's memory): the sync state file as IDBFS stored it.
async function savedOutbox(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('/data');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA').get('/data/vsys/sync/state.json');
      get.onerror = () => reject(get.error);
      get.onsuccess = () => {
        db.close();
        const entry = get.result;
        resolve(entry ? JSON.parse(new TextDecoder().decode(entry.contents)).outbox.map((o) => o.name) : []);
      };
    };
  }));
}

function synced(st) {
  assert.equal(st.error, null, JSON.stringify(st.error));
  assert.deepEqual(st.rejected, []);
  assert.equal(st.outbox, 0);
  return st;
}

// `vsys verify` over the whole exchange: nothing bad in the device's feed (or its pointers),
// and the feed numbered 1, 2, 3 … once each. With `all`, nothing bad anywhere.
function verifyExchange(siteCode, all = false) {
  const v = spawnSync(cli, ['verify', env.server.exchange], { encoding: 'utf8' });
  const bad = v.stdout.split('\n').filter((l) => l.startsWith('bad\t') && (all || l.includes('site_' + siteCode)));
  assert.deepEqual(bad, [], v.stdout.slice(0, 2000));
  assert.ok(v.status === 0 || !all, v.stdout + v.stderr);
  const folder = path.join(env.server.exchange, 'feeds', 'site_' + siteCode);
  for (const device of readdirSync(folder)) {
    const seqs = readdirSync(path.join(folder, device)).filter((n) => /^\d{10}-[0-9a-f]{64}\.json$/.test(n)).map((n) => Number(n.slice(0, 10)));
    seqs.sort((a, b) => a - b);
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'feed ' + device + ': ' + seqs.join(','));
  }
}

let reader;  // the municipality, in a browser of its own that is never killed
const sites = [];

// One publication cut by a kill: `cut(device, siteCode)` arms the proxy, starts what
// publishes and kills the browser at its moment; then the device comes back and publishes more.
async function killedPublication(name, nth, cut, afterReopen) {
  const siteCode = sites[nth];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsys-durable-'));
  let device;
  try {
    device = await openDevice(dir);
    await signIn(device.page, 'VS' + siteCode);
    synced(await syncNow(device.page));  // enrols; its first bundle carries the device document
    ok(await command(device.page, { type: 'update_site_info', site: siteCode, phone: phone(nth, 1) }));
    const feed = `feeds/site_${siteCode}/`;
    await cut(device, feed);
    proxy.onPut = null;

    device = await openDevice(dir);
    await signIn(device.page, 'VS' + siteCode);
    if (afterReopen) await afterReopen(device);
    synced(await syncNow(device.page));
    ok(await command(device.page, { type: 'update_site_info', site: siteCode, phone: phone(nth, 2) }));
    synced(await syncNow(device.page));
    assert.deepEqual(device.errors, []);
    await device.context.close();
    device = null;
    verifyExchange(siteCode);

    // The reader takes the rest of the feed: nothing refused, the latest change there.
    const st = synced(await syncNow(reader.page));
    assert.deepEqual(st.rejected, [], name);
    const seen = ok(await view(reader.page, 'site', { site: siteCode })).view;
    assert.equal(seen.contact.phone, phone(nth, 2), name);
  } finally {
    proxy.onPut = null;
    await device?.context.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

test('set-up: the proxy and the reading municipality', async () => {
  await env.ready;
  const { context, page, errors } = await env.openApp({ init: () => { window.VSYS_NO_AUTO_SYNC = true; } });
  reader = { context, page, errors };
  await signIn(page, 'VM' + muniCode);
  synced(await syncNow(page));
  const children = ok(await view(page, 'round_state', { round: 'PF12_R10' })).view.children;
  for (const c of children.slice(0, 4)) sites.push(c.org.slice(5));
  assert.equal(sites.length, 4);
});

test('(a) killed right after signing: the number is never signed again for other bytes', async () => {
  await killedPublication('a', 0, async (device, feed) => {
    // The feed's PUT is held, so the signed bundle stays in the outbox until the kill (sent at
    // once, it could leave the outbox between two of the test's looks, on a busy machine).
    proxy.onPut = (where) => (where.startsWith(feed) ? 'hold' : 'forward');
    const running = device.page.evaluate(() => { window.vsys.sync(); });
    await running;
    await device.page.waitForFunction(() => window.vsys.view('sync_status').view.outbox > 0, null, { polling: 'raf' });
    await kill(device);
  });
});

test('(b) killed once the outbox is saved, its PUT on the way: IndexedDB already names the bundle', async () => {
  await killedPublication('b', 1, async (device, feed) => {
    let arrived;
    const put = new Promise((r) => { arrived = r; });
    proxy.onPut = (where) => {
      if (!where.startsWith(feed)) return 'forward';
      arrived(where.split('/').pop());
      return 'hold';
    };
    await device.page.evaluate(() => { window.vsys.sync(); });
    const name = await put;
    // The bundle left the page: the state that names it must already be in IndexedDB.
    assert.deepEqual(await savedOutbox(device.page), [name]);
    await kill(device);
  }, async (device) => {
    assert.equal(ok(await view(device.page, 'sync_status')).view.outbox, 1);  // it waits to go up, unchanged
  });
});

test('(c) killed while the exchange holds back its 201: the bundle is put again, read back and counted', async () => {
  await killedPublication('c', 2, async (device, feed) => {
    let stored;
    const done = new Promise((r) => { stored = r; });
    proxy.onPut = (where) => (where.startsWith(feed) ? { answered: stored, holdAnswer: true } : 'forward');
    await device.page.evaluate(() => { window.vsys.sync(); });
    await done;  // on the exchange, the page still waiting for the answer
    await kill(device);
  });
});

test('(d) killed right after export_bundle answered: a reader that imported the file accepts the rest', async () => {
  let exported;
  await killedPublication('d', 3, async (device) => {
    synced(await syncNow(reader.page));  // the reader knows the feed's first bundle
    exported = ok(await command(device.page, { type: 'export_bundle' }));
    await kill(device);
    const imported = ok(await command(reader.page, { type: 'import_bundle', data: exported.data }));
    assert.ok(imported.accepted >= 1, JSON.stringify(imported));
    assert.deepEqual(imported.rejected, []);
  });
  assert.ok(exported.bytes > 0);
});

test('every feed on the exchange verifies, and no script error in the reader', async () => {
  verifyExchange(sites[0], true);
  assert.deepEqual(reader.errors, []);
});
after(() => reader?.context.close());
