// Load on loopback (issue 11, item 7): many devices publishing to nginx's exchange at once.
//
// 1. The product's own CLI writes a demo deployment (`vsys demo-data --exchange`, one prefecture,
//    every organisation a publisher device with a signed feed) into a folder: that is what the
//    devices will publish, byte for byte.
// 2. nginx runs with tools/nginx-run on free loopback ports, its exchange folder empty except
//    for deployment.json (the deployment's administrator puts it first).
// 3. One simulated device per feed, all at once, each on a keep-alive connection of its own,
//    publishes its feed in protocol order as the app's writer does (docs/PROTOCOL.md §8, §13):
//    for each bundle in sequence order, the browser's preflight (OPTIONS) and the PUT with the
//    app's Origin, a read-back GET compared byte for byte, then each pointer of that bundle
//    (preflight and PUT). A request that fails is retried (a device syncs again) a few times.
// 4. Every file nginx stored is compared with the generated set (nothing missing, nothing
//    extra, no lock or temporary file left, same bytes), and `vsys verify` checks the folder.
// 5. Prints requests per second, latency percentiles per kind of request, failures, the CPU
//    nginx and the client used, and ends with "N passed, N failed".
//
// Usage: node tests/bench/load_exchange.mjs [--prefecture CODE] [--devices N] [--max-seconds S]
//                                           [--vsys PATH] [--keep]
//   --prefecture  the demo subtree to publish (default 330001, 岡山県: 1,091 feeds)
//   --devices     the least number of devices the run must have (default 1000)
//   --max-seconds the bound on the publishing phase (default 300): every device still busy
//                 then is stopped and the run fails
//   --vsys        the native CLI (default $VSYS_CLI, else build/native/vsys)
// tests/bench/run.mjs uses exchangeArea() (`tools/bench exchange`); tests/cli/load_exchange.test.mjs
// runs a short variant (310000, 鳥取県: 342 devices) through loadExchange().
//
// [SECTION] Paths, and the deployment split into writers
// [SECTION] nginx, CPU time, requests and percentiles
// [SECTION] loadExchange: the deployment written and nginx started
// [SECTION] loadExchange: every device at once
// [SECTION] loadExchange: checks and figures
// [SECTION] exchangeArea: targets and a section for docs/BENCHMARKS.md
// [SECTION] The command line
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../e2e/lib.mjs';

// [SECTION] Paths, and the deployment split into writers

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RETRIES = 3;

// Every file under a folder, as exchange paths (dot files included: a lock or temporary file
// left behind by the exchange must show up as an extra file).
function filesUnder(dir, prefix = '') {
  let out = [];
  for (const e of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const p = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out = out.concat(filesUnder(dir, p));
    else out.push(p);
  }
  return out.sort();
}

// The generated deployment split into its writers: one per feed (feeds/<org>/<device>/), with
// its bundles in sequence order and, for each bundle, the pointers that name it.
export function writersOf(dir) {
  const writers = new Map();
  const writer = (feed) => {
    if (!writers.has(feed)) writers.set(feed, { feed, bundles: new Map() });
    return writers.get(feed);
  };
  const files = filesUnder(dir);
  const others = [];
  for (const f of files) {
    const parts = f.split('/');
    if (parts[0] === 'feeds' && parts.length === 4) {
      writer(parts.slice(1, 3).join('/')).bundles.set(parts[3], { path: f, pointers: [] });
    } else if ((parts[0] === 'inbox' || parts[0] === 'news') && parts.length === 4) {
      // <org>.<device>.<seq>-<hash>.json names the bundle feeds/<org>/<device>/<seq>-<hash>.json
      const [org, device, ...rest] = parts[3].split('.');
      const bundle = rest.join('.');
      const w = writer(`${org}/${device}`);
      if (!w.bundles.has(bundle)) w.bundles.set(bundle, { path: null, pointers: [] });
      w.bundles.get(bundle).pointers.push(f);
    } else others.push(f);
  }
  const list = [...writers.values()].map((w) => {
    const bundles = [...w.bundles.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, b]) => {
      if (!b.path) throw new Error(`a pointer names a bundle that was not generated: ${w.feed}/${name}`);
      return b;
    });
    return { feed: w.feed, bundles };
  });
  return { writers: list, others, files };
}

// [SECTION] nginx, CPU time, requests and percentiles

// nginx via tools/nginx-run in the foreground; stopped by its own process id.
async function startNginx(prefix, exchange) {
  const port = await freePort();
  const exchangePort = await freePort();
  const site = path.join(prefix, 'site');
  mkdirSync(site, { recursive: true });
  const proc = spawn(path.join(root, 'tools/nginx-run'), [path.join(prefix, 'nginx'), String(port), String(exchangePort),
    site, exchange], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const exchangeUrl = `http://127.0.0.1:${exchangePort}/`;
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const done = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await done;
  };
  for (let i = 0; i < 100; i++) {
    try { const r = await fetch(exchangeUrl + 'deployment.json'); if (r.status === 200 || r.status === 404) break; } catch { /* not yet */ }
    if (proc.exitCode !== null) throw new Error('nginx exited: ' + err);
    await new Promise((r) => setTimeout(r, 100));
    if (i === 99) { await stop(); throw new Error('nginx did not answer: ' + err); }
  }
  return { proc, stop, exchangeUrl, appOrigin: `http://127.0.0.1:${port}`, log: path.join(prefix, 'nginx/logs') };
}

// CPU seconds (user + system) of a process and its children so far, from /proc.
function cpuSeconds(pid) {
  const tick = 100;  // USER_HZ on Linux
  const one = (p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(f[11]) + Number(f[12])) / tick;  // utime, stime
    } catch { return 0; }
  };
  let children = [];
  try { children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean); } catch { /* gone */ }
  return one(pid) + children.reduce((s, c) => s + one(c), 0);
}

function loadAverage() {
  try { return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / '); } catch { return '?'; }
}

// One HTTP request on a device's own connection; resolves {status, body, ms} or rejects.
function request(agent, url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks), ms: performance.now() - start }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// [SECTION] loadExchange: the deployment written and nginx started

// Runs the whole benchmark; resolves with its figures and checks (never throws for a finding).
export async function loadExchange({ prefecture = '330001', devices = 1000, maxSeconds = 300,
  vsys = process.env.VSYS_CLI || path.join(root, 'build/native/vsys'), keep = false, log = console.log } = {}) {
  if (!existsSync(vsys)) throw new Error(`no native CLI at ${vsys} (build it: cmake --build build/native --target vsys)`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'vsys-load-'));
  const generated = path.join(tmp, 'generated');
  const exchange = path.join(tmp, 'exchange');
  const checks = [];
  const check = (name, pass, detail = '') => { checks.push({ name, pass, detail }); log(`${pass ? 'ok  ' : 'FAIL'} ${name}${detail ? ': ' + detail : ''}`); };
  let nginx = null;
  try {
    // 1. What the devices will publish, written by the product's own code.
    let t = performance.now();
    const gen = spawnSync(vsys, ['demo-data', '--exchange', generated, '--prefecture', prefecture, '--codes', '0'],
      { encoding: 'utf8' });
    if (gen.status !== 0) throw new Error('vsys demo-data failed: ' + gen.stderr);
    const generateSeconds = (performance.now() - t) / 1000;
    const { writers, others, files } = writersOf(generated);
    if (others.join() !== 'deployment.json') throw new Error('unexpected files outside feeds/inbox/news: ' + others.slice(0, 5).join(', '));
    const bytes = files.reduce((s, f) => s + statSync(path.join(generated, f)).size, 0);
    const bundles = writers.reduce((s, w) => s + w.bundles.length, 0);
    const pointers = writers.reduce((s, w) => s + w.bundles.reduce((n, b) => n + b.pointers.length, 0), 0);
    log(`generated ${writers.length} feeds (${bundles} bundles, ${pointers} pointers, ${files.length} files, ` +
        `${(bytes / 1e6).toFixed(1)} MB) for ${prefecture} in ${generateSeconds.toFixed(1)} s`);
    check(`at least ${devices} devices`, writers.length >= devices, `${writers.length} feeds`);

    // 2. nginx, and the deployment's manifest put first, as its administrator does.
    nginx = await startNginx(tmp, exchange);
    // Read before the clock starts: the devices hold their bundles in memory.
    const bodies = new Map(files.map((f) => [f, readFileSync(path.join(generated, f))]));
    const content = (f) => bodies.get(f);
    const manifest = await fetch(nginx.exchangeUrl + 'deployment.json', { method: 'PUT', body: content('deployment.json') });
    if (manifest.status !== 201) throw new Error('PUT deployment.json: ' + manifest.status);

    // [SECTION] loadExchange: every device at once

    // 3. Every device at once, each on a connection of its own.
    const latencies = { preflight: [], put: [], readback: [] };
    const failures = [];
    let requests = 0, answered409 = 0, sent = 0;
    const deadline = Date.now() + maxSeconds * 1000;
    const agents = [];
    // A request that fails (network error or an unexpected status) is retried, as a device's next
    // sync would; each failure is counted.
    const attempt = async (what, fn) => {
      for (let i = 1; ; i++) {
        if (Date.now() > deadline) throw new Error('time bound reached');
        try { return await fn(); } catch (e) {
          failures.push(`${what}: ${e.message}`);
          if (i >= RETRIES) throw e;
          await new Promise((r) => setTimeout(r, 100 * i));
        }
      }
    };
    const device = async (w) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      const origin = nginx.appOrigin;
      const put = async (file) => {
        const body = content(file);
        const url = nginx.exchangeUrl + file;
        await attempt(`PUT ${file}`, async () => {
          // The browser's preflight: every PUT URL is new, so none is cached (PROTOCOL.md §13).
          const pre = await request(agent, url, 'OPTIONS', { Origin: origin, 'Access-Control-Request-Method': 'PUT',
            'Access-Control-Request-Headers': 'content-type' });
          requests++;
          latencies.preflight.push(pre.ms);
          if (pre.status !== 204) throw new Error(`preflight ${pre.status}`);
          const r = await request(agent, url, 'PUT', { Origin: origin, 'Content-Type': 'application/json',
            'Content-Length': body.length }, body);
          requests++;
          latencies.put.push(r.ms);
          if (r.status === 409) answered409++;  // counts as written; checked by the read-back and the comparison
          else if (r.status !== 201) throw new Error(`PUT ${r.status}`);
          sent += body.length;
        });
        return body;
      };
      for (const b of w.bundles) {
        const body = await put(b.path);
        // Read back before the bundle counts as published (PROTOCOL.md §13, issue 11 item 2).
        await attempt(`GET ${b.path}`, async () => {
          const r = await request(agent, nginx.exchangeUrl + b.path, 'GET', { Origin: origin });
          requests++;
          latencies.readback.push(r.ms);
          if (r.status !== 200) throw new Error(`read-back ${r.status}`);
          if (!r.body.equals(body)) throw new Error('read-back differs from what was put');
        });
        for (const p of b.pointers) await put(p);
      }
    };
    const loadBefore = loadAverage();
    const cpuBefore = { nginx: cpuSeconds(nginx.proc.pid), client: process.cpuUsage() };
    t = performance.now();
    const outcome = await Promise.allSettled(writers.map(device));
    const seconds = (performance.now() - t) / 1000;
    const clientCpu = process.cpuUsage(cpuBefore.client);
    const nginxCpu = cpuSeconds(nginx.proc.pid) - cpuBefore.nginx;
    const load = { before: loadBefore, after: loadAverage() };
    for (const a of agents) a.destroy();
    const unfinished = outcome.filter((o) => o.status === 'rejected');
    check('every device published its whole feed within the bound', unfinished.length === 0,
      `${writers.length - unfinished.length} of ${writers.length} in ${seconds.toFixed(2)} s (bound ${maxSeconds} s)` +
      (unfinished.length ? '; first: ' + unfinished[0].reason.message : ''));
    check('no request failed', failures.length === 0, failures.length ? `${failures.length}, first: ${failures[0]}` : '');
    check('no PUT found its name taken', answered409 === 0, answered409 ? `${answered409} answered 409` : '');

    // [SECTION] loadExchange: checks and figures

    // 4. Nothing lost, nothing extra, every byte as generated; then the verifier.
    const stored = filesUnder(exchange);
    const storedSet = new Set(stored);
    const missing = files.filter((f) => !storedSet.has(f));
    const generatedSet = new Set(files);
    const extra = stored.filter((f) => !generatedSet.has(f));
    const differ = files.filter((f) => storedSet.has(f) && !readFileSync(path.join(exchange, f)).equals(content(f)));
    check('every generated file stored, byte for byte; nothing else', missing.length + extra.length + differ.length === 0,
      `${stored.length} stored of ${files.length}; missing ${missing.length}, extra ${extra.length}, different ${differ.length}` +
      [...missing, ...extra, ...differ].slice(0, 3).map((f) => ' ' + f).join(''));
    t = performance.now();
    const v = spawnSync(vsys, ['verify', exchange], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const verifySeconds = (performance.now() - t) / 1000;
    check('vsys verify clean', v.status === 0, v.status === 0 ? `${verifySeconds.toFixed(1)} s` : (v.stdout + v.stderr).slice(0, 400));

    // 5. Figures.
    const all = [...latencies.preflight, ...latencies.put, ...latencies.readback].sort((a, b) => a - b);
    const stats = (values) => {
      const s = [...values].sort((a, b) => a - b);
      return { count: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s[s.length - 1] };
    };
    const result = {
      prefecture, devices: writers.length, bundles, pointers, files: files.length, bytes, sent, requests, seconds,
      requestsPerSecond: requests / seconds, failures: failures.length, answered409,
      latency: { all: stats(all), preflight: stats(latencies.preflight), put: stats(latencies.put), readback: stats(latencies.readback) },
      cpu: { nginx: nginxCpu, client: (clientCpu.user + clientCpu.system) / 1e6 },
      generateSeconds, verifySeconds, load, checks,
      passed: checks.filter((c) => c.pass).length, failed: checks.filter((c) => !c.pass).length,
    };
    const ms = (x) => `${x.toFixed(1)} ms`;
    log(`${result.devices} devices, ${requests} requests in ${seconds.toFixed(2)} s: ${result.requestsPerSecond.toFixed(0)} requests/s, ` +
        `${(sent / 1e6 / seconds).toFixed(1)} MB/s put`);
    for (const [k, s] of Object.entries(result.latency))
      log(`  ${k.padEnd(9)} ${String(s.count).padStart(6)}  p50 ${ms(s.p50)}  p90 ${ms(s.p90)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`);
    log(`failures ${failures.length}; CPU nginx ${nginxCpu.toFixed(1)} s, client ${result.cpu.client.toFixed(1)} s; ` +
        `load average ${load.before} before, ${load.after} after`);
    return result;
  } finally {
    if (nginx) await nginx.stop();
    if (!keep) rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
}

// [SECTION] exchangeArea: targets and a section for docs/BENCHMARKS.md

// The `exchange` area of tools/bench: targets and a section for docs/BENCHMARKS.md.
export async function exchangeArea(opts = {}) {
  const vsys = path.join(opts.native || path.join(root, 'build/native'), 'vsys');
  const r = await loadExchange({ vsys });
  const ms = (x) => `${x.toFixed(1)} ms`;
  const ok = (name) => r.checks.find((c) => c.name === name)?.pass === true;
  const targets = [
    { target: '1,000 simulated devices publishing concurrently to nginx: nothing lost',
      measured: `${r.devices.toLocaleString('en')} devices, ${r.files.toLocaleString('en')} files; ` +
        `${r.checks.find((c) => c.name.startsWith('every generated')).detail}; failed requests ${r.failures}`,
      pass: r.devices >= 1000 && ok('every device published its whole feed within the bound') && r.failures === 0 &&
        ok('every generated file stored, byte for byte; nothing else') },
    { target: '`vsys verify` clean on what nginx stored', measured: ok('vsys verify clean') ? `clean (${r.verifySeconds.toFixed(1)} s)` : 'NOT clean',
      pass: ok('vsys verify clean') },
    { target: 'requests per second and p99 latency reported', report: true, pass: null,
      measured: `${r.requestsPerSecond.toFixed(0)} requests/s; p99 ${ms(r.latency.all.p99)} (p50 ${ms(r.latency.all.p50)})` },
  ];
  const row = (k, s) => `| ${k} | ${s.count.toLocaleString('en')} | ${ms(s.p50)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.max)} |`;
  const body = [
    '### Load on loopback',
    '',
    `\`node tests/bench/load_exchange.mjs\`: the demo deployment of prefecture ${r.prefecture} written by \`vsys demo-data --exchange\` ` +
    `(${r.devices.toLocaleString('en')} feeds: ${r.bundles.toLocaleString('en')} bundles, ${r.pointers.toLocaleString('en')} pointers, ` +
    `${(r.bytes / 1e6).toFixed(1)} MB), published to an empty nginx exchange (tools/nginx-run, one worker, njs PUT) by ` +
    `${r.devices.toLocaleString('en')} simulated devices at once, each on a keep-alive connection of its own, in protocol order: ` +
    'for each bundle the browser\'s preflight and the PUT, a read-back GET compared byte for byte, then each pointer (preflight and PUT). ' +
    'Client (node) and nginx share the machine\'s cores; latency is from sending a request to the last byte of its answer, ' +
    'including the wait behind the other devices\' requests.',
    '',
    'With nginx\'s defaults (listen backlog 511, 1,024 connections per worker) the same burst had 318 and 382 of ' +
    'its connections reset by the kernel (accept queue full) in two runs: retried, nothing was lost, but p99 rose to ' +
    '26–31 s (SYN retransmissions). `web/nginx.conf.in` now sets `backlog=4096` on the exchange and ' +
    '`worker_connections 8192`; a production exchange needs the same room for the devices that may sync at once.',
    '',
    '| | |', '|---|---|',
    `| devices | ${r.devices.toLocaleString('en')} |`,
    `| requests | ${r.requests.toLocaleString('en')} in ${r.seconds.toFixed(2)} s |`,
    `| requests per second | ${r.requestsPerSecond.toFixed(0)} |`,
    `| bytes put | ${(r.sent / 1e6).toFixed(1)} MB (${(r.sent / 1e6 / r.seconds).toFixed(1)} MB/s) |`,
    `| failed requests | ${r.failures} |`,
    `| files stored / generated | ${r.checks.find((c) => c.name.startsWith('every generated')).detail} |`,
    `| \`vsys verify\` | ${ok('vsys verify clean') ? 'clean' : 'NOT clean'} (${r.verifySeconds.toFixed(1)} s) |`,
    `| CPU during the load | nginx ${r.cpu.nginx.toFixed(1)} s, client ${r.cpu.client.toFixed(1)} s |`,
    `| load average (1/5/15 min) | ${r.load.before} before, ${r.load.after} after the publishing phase |`,
    '',
    '| request | count | p50 | p90 | p99 | max |', '|---|---|---|---|---|---|',
    row('all', r.latency.all), row('preflight (OPTIONS)', r.latency.preflight), row('PUT', r.latency.put),
    row('read-back GET', r.latency.readback),
  ].join('\n');
  return { targets, body };
}

// [SECTION] The command line

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--prefecture') opts.prefecture = argv[++i];
    else if (a === '--devices') opts.devices = Number(argv[++i]);
    else if (a === '--max-seconds') opts.maxSeconds = Number(argv[++i]);
    else if (a === '--vsys') opts.vsys = path.resolve(argv[++i]);
    else if (a === '--keep') opts.keep = true;
    else { console.error(`unknown option ${a}`); process.exit(2); }
  }
  loadExchange(opts).then((r) => {
    console.log(`${r.passed} passed, ${r.failed} failed`);
    process.exit(r.failed ? 1 : 0);
  }, (e) => {
    console.error('load_exchange: ' + e.message);
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
}
