// End to end through the exchange (issue 12, the document-kind registry): a municipality's
// documents that the former hand-kept list of kinds lacked reach the devices that need them.
// A real nginx holds 鳥取県's demo deployment; the site, its municipality (鳥取市) and the
// federation (国保連) of its prefecture each have a browser of their own with its own device.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchor, command, goTo, ok, screenshot, serverAndBrowser, signIn, syncNow, view, waitFrames,
  writeDemoExchange } from './lib.mjs';

const env = serverAndBrowser((server) => writeDemoExchange(server.exchange));
const round = 'PF12_R10';
const muniCode = '312011';  // 鳥取市
const prefCode = '310000';

// A browser of its own, signed in, its device enrolled through the exchange.
async function browserFor(id) {
  const { context, page, errors } = await env.openApp({ init: () => { window.VSYS_NO_AUTO_SYNC = true; } });
  await signIn(page, id);
  const st = await syncNow(page);
  assert.equal(st.error, null, JSON.stringify(st.error));
  assert.equal(st.enrolled, true);
  return { context, page, errors };
}

// A sync that ends with nothing refused and nothing waiting.
function synced(st) {
  assert.equal(st.error, null, JSON.stringify(st.error));
  assert.deepEqual(st.rejected, []);
  assert.equal(st.outbox, 0);
  return st;
}

let site, muni, siteCode;

test('a site requests a vaccine change, its municipality approves on its own device, the site shows 承認済み after its sync', async () => {
  muni = await browserFor('VM' + muniCode);
  siteCode = ok(await view(muni.page, 'round_state', { round })).view.children[0].org.slice(5);
  site = await browserFor('VS' + siteCode);

  const before = ok(await view(site.page, 'site', { site: siteCode })).view.vaccines;
  // Give up one category the site handles (a valid change for any site).
  const dropped = ['pfizer_child', 'tm_general', 'pfizer_hub'].find((c) => before.includes(c));
  ok(await command(site.page, { type: 'request_vaccine_change', site: siteCode, vaccines: before.filter((c) => c !== dropped) }));
  assert.equal(ok(await view(site.page, 'site', { site: siteCode })).view.vaccine_change.status, 'pending');
  synced(await syncNow(site.page));

  synced(await syncNow(muni.page));
  const pending = ok(await view(muni.page, 'approvals')).view.pending;
  assert.deepEqual(pending.map((p) => p.site), [siteCode]);
  ok(await command(muni.page, { type: 'decide_vaccine_change', site: siteCode, approve: true }));
  synced(await syncNow(muni.page));

  // Before its sync the site still waits; after it, the municipality's decision is accepted.
  assert.equal(ok(await view(site.page, 'site', { site: siteCode })).view.vaccine_change.status, 'pending');
  synced(await syncNow(site.page));
  const after = ok(await view(site.page, 'site', { site: siteCode })).view;
  assert.equal(after.vaccine_change.status, 'approved');  // the screen draws it as 承認済み (status.approved)
  assert.ok(!after.vaccines.includes(dropped), JSON.stringify(after.vaccines));
  await goTo(site.page, 'site_info');
  await anchor(site.page, 'site.vaccines.status');
  await waitFrames(site.page, 3);
  await screenshot(site.page, 'kinds-vaccine-approved');
  assert.deepEqual(site.errors, []);
  assert.deepEqual(muni.errors, []);
});

test("a municipality's claim routing reaches its site and its prefecture's federation after their syncs", async () => {
  const federation = await browserFor('VF' + prefCode);
  const month = await site.page.evaluate(() => {
    const t = new Date(Date.now() + 9 * 3600 * 1000);
    const y = t.getUTCFullYear(), m = t.getUTCMonth();  // the month before today's in Japan
    return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
  });
  // A month of claims for residents of the site's own municipality: paid by the municipality.
  ok(await command(site.page, { type: 'save_claim', site: siteCode, month, lines: [
    { municipality: muniCode, form: 'new', category: 2, normal: 10, outside_hours: 0, holiday: 0, pre_exam_only: 0 }] }));
  const payers = async () => ok(await view(site.page, 'claim', { site: siteCode, month })).view.payers.map((p) => p.id);
  // The demo's history may have the municipality commission the federation already: start from
  // a municipality that handles its own residents' claims, as both devices know after a sync.
  ok(await command(muni.page, { type: 'set_claim_routing', municipality: muniCode, commissioned: false }));
  synced(await syncNow(muni.page));
  synced(await syncNow(site.page));
  assert.deepEqual(await payers(), ['municipality:' + muniCode]);

  // The municipality commissions the federation; the site learns it from its next sync.
  ok(await command(muni.page, { type: 'set_claim_routing', municipality: muniCode, commissioned: true }));
  synced(await syncNow(muni.page));
  assert.deepEqual(await payers(), ['municipality:' + muniCode]);
  synced(await syncNow(site.page));
  assert.deepEqual(await payers(), ['federation:' + prefCode]);

  // The site submits (addressed to the federation); the federation, which recomputes every
  // claim with the routing it received itself, counts the lines as its own.
  ok(await command(site.page, { type: 'submit_claim', site: siteCode, month }));
  synced(await syncNow(site.page));
  synced(await syncNow(federation.page));
  const totals = ok(await view(federation.page, 'federation_totals', { month })).view;
  assert.deepEqual(totals.by_site.map((r) => r.code), [siteCode]);
  assert.deepEqual(totals.by_municipality.map((r) => [r.code, r.amount_before_tax]), [[muniCode, 10 * 2070]]);
  await goTo(federation.page, 'federation_claims');
  await anchor(federation.page, 'federation.municipalities.total');
  await waitFrames(federation.page, 3);
  await screenshot(federation.page, 'kinds-federation-routing');
  assert.deepEqual(federation.errors, []);
});
