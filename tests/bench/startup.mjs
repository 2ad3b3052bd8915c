// The startup area (issue 2): bytes of the built site (raw and gzip -9), the bytes a first visit
// really transfers (nginx's access log, service-worker install included), and the time to the
// first frame in headless Chromium: median of 5 runs, each in a fresh browser context (empty
// cache, no service worker), against nginx on a free loopback port. The page sets
// `window.vsysFirstFrameMs = performance.now()` after its first frame, so the figure counts
// from navigation start: download, compile, IndexedDB mount and first draw.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { freePort, launch } from '../e2e/lib.mjs';
import { fmt, median } from './report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = 5;
const firstVisitLimit = 3_000_000;  // "3 MB gzip", read as decimal megabytes (the stricter reading)
const firstFrameLimitMs = 2000;

// nginx via tools/nginx-run, in the foreground; stopped by its process id when done.
async function startNginx(site) {
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'vsys-bench-'));
  const port = await freePort();
  const exchangePort = await freePort();
  const proc = spawn(path.join(root, 'tools/nginx-run'), [path.join(prefix, 'nginx'), String(port), String(exchangePort),
    site, path.join(prefix, 'exchange')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (proc.exitCode === null) {
      const done = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await done;
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return { url, log: path.join(prefix, 'nginx/logs/access.log'), stop }; } catch { /* not yet */ }
    if (proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('nginx did not answer: ' + err);
}

// The files a first visit fetches: the page, the service worker, and everything it caches.
function siteFiles(site) {
  const build = JSON.parse(readFileSync(path.join(site, 'build.json'), 'utf8'));
  const files = ['index.html', 'sw.js', 'vsys.js', 'vsys.wasm', 'font.ttf'];
  for (const f of build.files) { const name = f.split('?')[0]; if (name !== './' && !files.includes(name)) files.push(name); }
  return files.map((name) => {
    const bytes = readFileSync(path.join(site, name));
    return { name, raw: statSync(path.join(site, name)).size, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

// The requests nginx logged since `from` (combined format: `"GET /path HTTP/1.1" status bytes
// "referer"`), with response body bytes; a referer ending in sw.js marks the worker's install.
function loggedRequests(log, from) {
  const text = readFileSync(log, 'utf8').slice(from);
  const entries = [...text.matchAll(/"(\w+) (\S+) [^"]*" (\d{3}) (\d+) "([^"]*)"/g)].map((m) => ({
    request: `${m[1]} ${m[2]}`, status: Number(m[3]), bytes: Number(m[4]), by: m[5].endsWith('/sw.js') ? 'service worker' : 'page',
  }));
  return { entries, requests: entries.length, bytes: entries.reduce((a, e) => a + e.bytes, 0) };
}

async function oneVisit(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const logFrom = statSync(server.log).size;
    await page.goto(server.url);
    try {
      await page.waitForFunction(() => typeof window.vsysFirstFrameMs === 'number', null, { timeout: 60000 });
    } catch (e) {
      const failure = await page.evaluate(() => document.getElementById('failure')?.innerText || '');
      throw new Error(`no first frame within 60 s ${failure} ${errors.join('; ')}`.trim());
    }
    const firstFrameMs = await page.evaluate(() => window.vsysFirstFrameMs);
    // The service worker's install takes the versioned build files from the HTTP cache.
    await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 30000))]));
    await new Promise((r) => setTimeout(r, 200));
    return { firstFrameMs, ...loggedRequests(server.log, logFrom) };
  } finally {
    await context.close();
  }
}

export async function startupArea(opts) {
  const site = path.join(opts.wasm, 'site');
  const files = siteFiles(site);
  const total = files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const server = await startNginx(site);
  const visits = [];
  try {
    const browser = await launch();
    try {
      for (let i = 0; i < runs; i++) {
        const v = await oneVisit(browser, server);
        console.log(`  visit ${i + 1}/${runs}: first frame ${v.firstFrameMs.toFixed(0)} ms, ${v.requests} requests, ${v.bytes} bytes`);
        visits.push(v);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
  const frame = median(visits.map((v) => v.firstFrameMs));
  const wire = median(visits.map((v) => v.bytes));
  const requests = median(visits.map((v) => v.requests));
  const frames = visits.map((v) => v.firstFrameMs.toFixed(0)).join(', ');
  const targets = [
    { target: 'everything a first visit downloads ≤ 3 MB gzip (3,000,000 bytes; files at gzip -9, font included)',
      measured: fmt(total.gzip, 'bytes'), pass: total.gzip <= firstVisitLimit },
    { target: 'the same, as transferred by nginx on a real first visit (its gzip settings, service-worker install included)',
      measured: `${fmt(wire, 'bytes')} in ${requests} requests`, pass: wire <= firstVisitLimit },
    { target: 'first frame ≤ 2 s in headless Chromium (software GL), median of 5 fresh contexts',
      measured: fmt(frame, 'ms'), pass: frame <= firstFrameLimitMs },
  ];
  const rows = files.map((f) => `| ${f.name} | ${fmt(f.raw, 'bytes')} | ${fmt(f.gzip, 'bytes')} |`);
  const body = [
    '### Site files', '',
    `build/wasm/site as built (gzip -9 measured here with node's zlib).`, '',
    '| file | raw | gzip -9 |', '|---|---|---|', ...rows,
    `| **total, first visit** | **${fmt(total.raw, 'bytes')}** | **${fmt(total.gzip, 'bytes')}** |`, '',
    '### First visit in headless Chromium', '',
    `nginx (tools/nginx-run, web/nginx.conf.in) on 127.0.0.1, no throttling; Chromium ${'`/usr/bin/chromium`'} ` +
      'headless with the end-to-end tests\' flags (SwiftShader WebGL2), 1280×720; each run a fresh browser context.', '',
    '| figure | median | runs |', '|---|---|---|',
    `| time to first frame (performance.now() at the first frame) | ${fmt(frame, 'ms')} | ${frames} ms |`,
    `| bytes transferred by nginx (response bodies) | ${fmt(wire, 'bytes')} | ${visits.map((v) => fmt(v.bytes, '')).join(', ')} |`,
    `| requests | ${requests} | ${visits.map((v) => v.requests).join(', ')} |`,
    '', 'Requests of the last visit, as nginx logged them (the page\'s own, then the service worker\'s install):', '',
    '| request | status | bytes sent | by |', '|---|---|---|---|',
    ...visits.at(-1).entries.map((e) => `| ${e.request} | ${e.status} | ${fmt(e.bytes, 'bytes')} | ${e.by} |`),
  ];
  return { targets, body: body.join('\n') };
}
