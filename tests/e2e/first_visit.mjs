// The first visit as Chromium sees it, request by request: shared by the budget test
// (first_visit.test.mjs) and the startup benchmark (tests/bench/startup.mjs), so the figure
// tools/test checks is the one docs/BENCHMARKS.md shows.
//
// Bytes are what crossed the network for each response, headers and body as received: CDP's
// Network.loadingFinished encodedDataLength. The page's requests come from a CDP session on the
// page; the service worker's (its install precaching the build) from Playwright, which attaches
// to the worker before it runs and takes its sizes from the same CDP event on the worker's
// session. A request answered from the HTTP cache transfers 0 bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib.mjs';

export const budgetFile = 'docs/first_visit_budget.json';

// The budget, in one place (docs/first_visit_budget.json): bytes before the first frame.
export function firstVisitBudget() {
  return JSON.parse(readFileSync(path.join(root, budgetFile), 'utf8')).before_first_frame_bytes;
}

function header(headers, name) {
  const key = Object.keys(headers || {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? '' : String(headers[key]);
}

// Opens `url` in a fresh context (empty cache, no service worker), waits for the first frame,
// then for the service worker to be active and the network to be quiet. Returns the requests
// in the order they started ({ name, url, by, status, encoding, type, bytes, afterFirstFrame })
// and the time of the first frame (ms from navigation start).
export async function measureFirstVisit(browser, url, { viewport = { width: 1280, height: 720 }, timeoutMs = 60000 } = {}) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const requests = [];
    const pending = new Set();
    const begin = (r) => {
      const request = { status: 0, encoding: '', type: '', vary: '', ...r };  // until an answer is seen
      requests.push(request);
      pending.add(request);
      return request;
    };
    const answer = (r, status, headers) => {
      r.status = status;
      r.encoding = header(headers, 'content-encoding') || 'identity';
      r.type = header(headers, 'content-type').split(';')[0];
      r.vary = header(headers, 'vary');
    };

    const cdp = await context.newCDPSession(page);
    const byId = new Map();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!/^https?:/.test(e.request.url)) return;
      byId.set(e.requestId, begin({ url: e.request.url, by: 'page', startedAt: e.wallTime * 1000, bytes: 0 }));
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = byId.get(e.requestId);
      if (r) answer(r, e.response.status, e.response.headers);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = byId.get(e.requestId);
      if (!r) return;
      r.bytes = e.encodedDataLength;
      pending.delete(r);
    });
    cdp.on('Network.loadingFailed', (e) => {
      const r = byId.get(e.requestId);
      if (!r) return;
      r.failed = e.errorText;
      pending.delete(r);
    });
    await cdp.send('Network.enable');

    const fromWorker = new Map();
    context.on('request', (req) => {
      if (req.serviceWorker()) {
        fromWorker.set(req, begin({ url: req.url(), by: 'service worker', startedAt: Date.now(), seenAt: Date.now(), bytes: 0 }));
      }
    });
    context.on('requestfinished', async (req) => {
      const r = fromWorker.get(req);
      if (!r) return;
      try {
        const response = await req.response();
        if (response) answer(r, response.status(), await response.allHeaders());
        const sizes = await req.sizes();
        r.bytes = sizes.responseHeadersSize + sizes.responseBodySize;
        // A revalidation: Playwright reports the cached 200, but only a 304's headers crossed.
        if (r.status === 200 && sizes.responseBodySize === 0 && sizes.responseHeadersSize > 0 && !r.type) r.status = 304;
        if (req.timing().startTime > 0) r.startedAt = req.timing().startTime;
      } catch (e) {
        r.failed = String(e.message || e);  // shown in the table; the visit goes on
      } finally {
        pending.delete(r);
      }
    });
    context.on('requestfailed', (req) => {
      const r = fromWorker.get(req);
      if (!r) return;
      r.failed = req.failure()?.errorText || 'failed';
      pending.delete(r);
    });

    await page.goto(url);
    try {
      await page.waitForFunction(() => typeof window.vsysFirstFrameMs === 'number', null, { timeout: timeoutMs });
    } catch {
      const failure = await page.evaluate(() => document.getElementById('failure')?.innerText || '');
      throw new Error(`no first frame within ${timeoutMs / 1000} s ${failure} ${errors.join('; ')}`.trim());
    }
    const { firstFrameMs, firstFrameAt } = await page.evaluate(() => ({
      firstFrameMs: window.vsysFirstFrameMs, firstFrameAt: performance.timeOrigin + window.vsysFirstFrameMs }));
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Quiet: nothing in flight for half a second. Playwright now and then reports no end for the
    // worker's own script (sw.js, ~600 bytes, after the first frame): a worker request left open
    // 5 s is listed as such, with no bytes, rather than waited for.
    const deadline = Date.now() + timeoutMs;
    const open = () => [...pending].filter((r) => r.by === 'page' || Date.now() - r.seenAt < 5000);
    for (let quietSince = Date.now(); Date.now() - quietSince < 500;) {
      if (open().length) quietSince = Date.now();
      if (Date.now() > deadline) throw new Error('requests still in flight: ' + open().map((r) => r.url).join(', '));
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const r of pending) r.failed = 'no end reported';
    const origin = new URL(url).origin;
    for (const r of requests) {
      const u = new URL(r.url);
      r.name = (u.origin === origin ? '' : u.origin) + u.pathname + u.search.replace(/([?&]v=)[0-9a-f]+/, '$1…');
      r.afterFirstFrame = r.startedAt > firstFrameAt;
    }
    return { requests, firstFrameMs, errors };
  } finally {
    await context.close();
  }
}

// Sums of a visit: before the first frame (the budget's), after it, and all.
export function visitTotals(requests) {
  const sum = (list) => list.reduce((a, r) => a + r.bytes, 0);
  const before = requests.filter((r) => !r.afterFirstFrame);
  const after = requests.filter((r) => r.afterFirstFrame);
  return { before: sum(before), after: sum(after), all: sum(requests), requests: requests.length,
    requestsBefore: before.length, requestsAfter: after.length };
}
