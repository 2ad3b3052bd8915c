// Clock skew in Chromium (issue 11 item 6, docs/PROTOCOL.md §8 "Clock skew"): pages whose clocks
// are two days behind or ahead (an init script moves Date, which the wasm reads) still enrol
// with the demo codes issued at the true time, and a site's change reaches its municipality,
// because pointer days and cursors follow the exchange's Date header, not the page's clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { command, filesUnder, ok, serverAndBrowser, signIn, syncNow, view, writeDemoExchange } from './lib.mjs';

const env = serverAndBrowser((server) => writeDemoExchange(server.exchange));
const DAY = 86400000;
const round = 'PF12_R10';
const muniCode = '312011';  // 鳥取市

// An init script that moves the page's clock by `offset` ms (Date.now and `new Date()`; a date
// given as an argument is left as it is) and leaves syncing to the test.
function skewedClock(offset) {
  return `(() => {
    const RealDate = Date, realNow = Date.now.bind(Date), offset = ${offset};
    class SkewedDate extends RealDate {
      constructor(...a) { if (a.length) super(...a); else super(realNow() + offset); }
      static now() { return realNow() + offset; }
    }
    globalThis.Date = SkewedDate;
    window.VSYS_NO_AUTO_SYNC = true;
  })();`;
}

function synced(st) {
  assert.equal(st.error, null, JSON.stringify(st.error));
  assert.deepEqual(st.rejected, []);
  assert.equal(st.outbox, 0);
  return st;
}

// A browser of its own whose clock is `offset` ms off, signed in, its device enrolled.
async function browserFor(id, offset) {
  const { page, errors } = await env.openApp({ init: skewedClock(offset) });
  const skew = (await page.evaluate(() => Date.now())) - Date.now();
  assert.ok(Math.abs(skew - offset) < 60000, `the page's clock is ${skew} ms off, not ${offset}`);
  await signIn(page, id);
  const st = await syncNow(page);
  assert.equal(st.error, null, JSON.stringify(st.error));
  assert.equal(st.enrolled, true);
  return { page, errors };
}

// The days under which pointers lie on the exchange: the exchange's days, whatever the clocks.
function pointerDays() {
  const days = new Set();
  for (const p of filesUnder(env.server.exchange))
    if (/^(inbox|news)\//.test(p)) days.add(p.split('/')[2]);
  return days;
}
const exchangeDays = () => new Set([new Date(Date.now() - DAY).toISOString().slice(0, 10),
  new Date().toISOString().slice(0, 10)]);

let children;

test('a site two days behind reaches its municipality two days ahead', async () => {
  const muni = await browserFor('VM' + muniCode, 2 * DAY);
  children = ok(await view(muni.page, 'round_state', { round })).view.children;
  const siteCode = children[0].org.slice(5);
  const site = await browserFor('VS' + siteCode, -2 * DAY);

  ok(await command(site.page, { type: 'report_request', site: siteCode, round, boxes: 7 }));
  synced(await syncNow(site.page));
  synced(await syncNow(muni.page));
  const seen = ok(await view(muni.page, 'requests', { round })).view;
  assert.ok(JSON.stringify(seen).includes('7'), JSON.stringify(seen));
  for (const d of pointerDays()) assert.ok(exchangeDays().has(d), `a pointer under ${d}`);
  assert.deepEqual(site.errors, []);
  assert.deepEqual(muni.errors, []);
});

test('a site two days ahead reaches its municipality two days behind', async () => {
  const muni = await browserFor('VM' + muniCode, -2 * DAY);  // a second device, another code
  const siteCode = children[1].org.slice(5);
  const site = await browserFor('VS' + siteCode, 2 * DAY);

  ok(await command(site.page, { type: 'report_request', site: siteCode, round, boxes: 5 }));
  synced(await syncNow(site.page));
  synced(await syncNow(muni.page));
  const seen = ok(await view(muni.page, 'requests', { round })).view;
  assert.ok(JSON.stringify(seen).includes('5'), JSON.stringify(seen));
  for (const d of pointerDays()) assert.ok(exchangeDays().has(d), `a pointer under ${d}`);
  assert.deepEqual(site.errors, []);
  assert.deepEqual(muni.errors, []);
});
