// End to end through the exchange (issue 15, stock): a Pfizer hub of 鳥取県's demo deployment
// confirms its ⑤ delivery on 受入, sends 6 vials to one of its satellites on 移送の登録, the
// satellite takes them in on its own device, reports a cold-chain excursion on
// 「ワクチン廃棄量等の報告」, and their municipality, on a third device, sees both sites' calculated
// stock in R311 and the wastage in R312. Each site, and the municipality, has a browser context
// of its own (its own IndexedDB and device) and learns the others' documents only by syncing
// through nginx. The actions go through the screens; the checks read window.vsys's views.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchor, clickAnchor, goTo, ok, screenshot, serverAndBrowser, signIn, syncNow, typeInto, view, waitFrames,
  writeDemoExchange } from './lib.mjs';

const env = serverAndBrowser((server) => writeDemoExchange(server.exchange));
const hubCode = '3110000209';  // with seed 1: a Pfizer hub with an unconfirmed PF12_R8 delivery
const product = 'pfizer_12';
const lotName = 'FE2E15';
const sent = 6;
const wasted = 2;

// A browser of its own, signed in (its device is enrolled by its first sync).
const opened = [];
async function browserFor(id) {
  const { context, page, errors } = await env.openApp({ init: () => { window.VSYS_NO_AUTO_SYNC = true; } });
  const b = { id, context, page, errors, cdp: await context.newCDPSession(page) };
  opened.push(b);
  await signIn(page, id);
  return b;
}

// Only these browsers run; the others are frozen (Chromium's page lifecycle), as a device
// nobody uses: three apps drawing every frame in software would share two cores.
async function only(...active) {
  for (const b of opened)
    await b.cdp.send('Page.setWebLifecycleState', { state: active.includes(b) ? 'active' : 'frozen' });
  for (const b of active) await waitFrames(b.page, 1);
}

// A sync that ends with nothing refused and nothing waiting.
function synced(st) {
  assert.equal(st.error, null, JSON.stringify(st.error));
  assert.deepEqual(st.rejected, []);
  assert.equal(st.outbox, 0);
  return st;
}

async function stockOf(page, site) {
  return ok(await view(page, 'stock', { site })).view;
}

async function lotOf(page, site) {
  return (await stockOf(page, site)).lots.find((l) => l.product === product && l.lot === lotName);
}

// Every vial received is accounted for (the ledger's identity, shown per lot on 在庫量の報告).
function accounted(l) {
  assert.equal(l.received + l.transferred_in, l.on_hand + l.transferred_out + l.wasted_vials + l.count_difference,
    JSON.stringify(l));
  return l;
}

// A site's calculated stock of the product, all lots (R311's 計算上の在庫).
async function calculated(page, site) {
  return (await stockOf(page, site)).lots.filter((l) => l.product === product).reduce((n, l) => n + l.on_hand, 0);
}

async function waitingOn(page, screen) {
  return ok(await view(page, 'home')).view.buttons.find((b) => b.id === screen).waiting;
}

// Picks a choice of a combo as a hand does: opens it, clicks the item.
async function choose(page, combo, id) {
  await clickAnchor(page, combo);
  await clickAnchor(page, `${combo}.${id}`);
  await page.waitForFunction((n) => !window.vsys.screen().anchors[n], `${combo}.${id}`, { timeout: 10000 });
}

// The screen as it stands at 1366×768, and (small) at 1024×600 and 390×844 too.
async function shots(page, name, small = false) {
  await waitFrames(page, 3);
  await screenshot(page, `${name}-1366`);
  if (!small) return;
  for (const [width, height] of [[1024, 600], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await waitFrames(page, 4);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await waitFrames(page, 4);
}

async function openReport(page, id) {
  await page.evaluate((r) => { location.hash = '#/reports/' + r; }, id);
  await page.waitForFunction(() => window.vsys.screen().screen === 'reports', null, { timeout: 10000 });
  await anchor(page, 'reports.count');
}

// The rows of a report (detail) as objects keyed by their column labels.
async function reportRows(page, query) {
  const r = ok(await view(page, 'report', { ...query, detail: true })).view;
  return r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c.label, row[i]])));
}

function isoDay(offsetMonths = 0) {
  const t = new Date(Date.now() + 9 * 3600 * 1000);  // today in Japan
  t.setUTCMonth(t.getUTCMonth() + offsetMonths);
  return t.toISOString().slice(0, 10);
}

// On a failure, each browser's screen as it stood (build/e2e/stock-failed-<id>.png).
async function onFailure(body) {
  try {
    await body();
  } catch (e) {
    await only(...opened).catch(() => {});
    for (const b of opened) await screenshot(b.page, `stock-failed-${b.id}`).catch(() => {});
    throw e;
  }
}

test('a hub confirms its delivery and sends vials to its satellite, which takes them in and reports a cold-chain wastage; R311 and R312 of their municipality show it', () => onFailure(async () => {
  // ---- the three devices. The satellite is one of the hub's that 移送の登録 offers (they come
  // first), in the hub's municipality (whose device reads its sites' details); each device
  // is enrolled by its first sync, the three at once.
  const hub = await browserFor('VS' + hubCode);
  const muniCode = ok(await view(hub.page, 'site', { site: hubCode })).view.municipality;
  const muni = await browserFor('VM' + muniCode);
  const targets = ok(await view(hub.page, 'transfer_targets', { site: hubCode, product })).view.targets;
  let satCode = null;
  for (const t of targets.filter((x) => x.allowed && x.category === 'pfizer_satellite')) {
    const s = ok(await view(muni.page, 'site', { site: t.site })).view;
    if (s.hub === hubCode && s.municipality === muniCode) { satCode = t.site; break; }
  }
  assert.ok(satCode, 'a satellite of the hub in its municipality: ' + JSON.stringify(targets.slice(0, 6)));
  assert.ok(targets.find((t) => t.site === satCode).conditions.includes('cool_2_8_3h'));
  const sat = await browserFor('VS' + satCode);
  await Promise.all([hub, muni, sat].map(async (b) => synced(await syncNow(b.page))));
  await only(hub);

  // ---- the hub: its delivery confirmed on 受入, reached from the home button that counts it
  const before = await stockOf(hub.page, hubCode);
  const delivery = before.deliveries.findIndex((d) => d.round === 'PF12_R8');
  assert.ok(delivery >= 0, 'the hub has its PF12_R8 delivery to confirm: ' + JSON.stringify(before.deliveries));
  const expected = before.deliveries[delivery].expected_vials;
  assert.ok(expected > sent);
  const receiptsWaiting = await waitingOn(hub.page, 'stock_receive');
  assert.ok(receiptsWaiting >= 1);

  await goTo(hub.page, 'home');
  await anchor(hub.page, 'home.stock_receive.waiting');
  await clickAnchor(hub.page, 'home.stock_receive');
  assert.equal(await hub.page.evaluate(() => window.vsys.screen().screen), 'stock_receive');
  await anchor(hub.page, `stock.receive.open.${delivery}`);
  await shots(hub.page, 'stock-receive-deliveries');
  await clickAnchor(hub.page, `stock.receive.open.${delivery}`);
  await typeInto(hub.page, 'stock.receive.lot.0', lotName);
  await typeInto(hub.page, 'stock.receive.expiry.0', isoDay(6));
  await typeInto(hub.page, 'stock.receive.vials.0', String(expected));
  await anchor(hub.page, 'stock.receive.total');
  await shots(hub.page, 'stock-receive-form', true);
  await clickAnchor(hub.page, 'stock.receive.save');
  await anchor(hub.page, 'stock.receive.confirm.ok');
  await shots(hub.page, 'stock-receive-confirm');
  await clickAnchor(hub.page, 'stock.receive.confirm.ok');
  await hub.page.waitForFunction(([s, l]) => window.vsys.view('stock', { site: s }).view.lots.some((x) => x.lot === l),
    [hubCode, lotName], { timeout: 10000 });
  assert.equal((await lotOf(hub.page, hubCode)).on_hand, expected);
  assert.equal(await waitingOn(hub.page, 'stock_receive'), receiptsWaiting - 1);
  assert.ok(!(await stockOf(hub.page, hubCode)).deliveries.some((d) => d.round === 'PF12_R8'));

  // ---- 移送の登録: 6 vials of the new lot at 2–8 °C
  await goTo(hub.page, 'home');
  await clickAnchor(hub.page, 'home.stock_transfer');
  await choose(hub.page, 'stock.transfer.product', product);
  await choose(hub.page, 'stock.transfer.lot', lotName);
  await choose(hub.page, 'stock.transfer.to', satCode);
  await typeInto(hub.page, 'stock.transfer.vials', String(sent));
  const conditions = targets.find((t) => t.site === satCode).conditions;
  if (conditions.length > 1) await choose(hub.page, 'stock.transfer.condition', 'cool_2_8_3h');
  await shots(hub.page, 'stock-transfer-form', true);
  await clickAnchor(hub.page, 'stock.transfer.save');
  await anchor(hub.page, 'stock.transfer.confirm.ok');
  await shots(hub.page, 'stock-transfer-confirm');
  await clickAnchor(hub.page, 'stock.transfer.confirm.ok');
  await hub.page.waitForFunction(([s, l]) => window.vsys.view('stock', { site: s }).view.in_transit_out
    .some((x) => x.lot === l), [hubCode, lotName], { timeout: 10000 });
  const hubLot = accounted(await lotOf(hub.page, hubCode));
  assert.equal(hubLot.on_hand, expected - sent);
  assert.equal(hubLot.in_transit_out, sent);
  const transit = (await stockOf(hub.page, hubCode)).in_transit_out.filter((x) => x.lot === lotName);
  assert.deepEqual(transit.map((x) => [x.to, x.vials, x.product]), [['site:' + satCode, sent, product]]);
  const transfer = transit[0].transfer;
  await anchor(hub.page, 'stock.transit.row.0');
  await shots(hub.page, 'stock-transfer-in-transit');
  synced(await syncNow(hub.page));

  // ---- the satellite: the transfer waits on its 受入 (counted on home), taken in there
  await only(sat);
  synced(await syncNow(sat.page));
  const incoming = (await stockOf(sat.page, satCode)).to_receive;
  const row = incoming.findIndex((t) => t.id === transfer);
  assert.ok(row >= 0, 'the transfer reached the satellite: ' + JSON.stringify(incoming));
  assert.equal(incoming[row].vials, sent);
  assert.ok(await waitingOn(sat.page, 'stock_receive') >= 1);
  assert.equal(await lotOf(sat.page, satCode), undefined);
  await goTo(sat.page, 'home');
  await clickAnchor(sat.page, 'home.stock_receive');
  await anchor(sat.page, `stock.incoming.accept.${row}`);
  await shots(sat.page, 'stock-receive-incoming', true);
  await clickAnchor(sat.page, `stock.incoming.accept.${row}`);
  await anchor(sat.page, 'stock.answer.ok');
  await shots(sat.page, 'stock-receive-answer');
  await clickAnchor(sat.page, 'stock.answer.ok');
  await sat.page.waitForFunction(([s, t]) => !window.vsys.view('stock', { site: s }).view.to_receive
    .some((x) => x.id === t), [satCode, transfer], { timeout: 10000 });
  assert.equal((await lotOf(sat.page, satCode)).on_hand, sent);

  // ---- 「ワクチン廃棄量等の報告」: 2 vials lost to a cold-chain excursion
  await goTo(sat.page, 'home');
  await clickAnchor(sat.page, 'home.stock_wastage');
  await choose(sat.page, 'stock.wastage.product', product);
  await choose(sat.page, 'stock.wastage.lot', lotName);
  await typeInto(sat.page, 'stock.wastage.vials', String(wasted));
  await choose(sat.page, 'stock.wastage.reason', 'cold_chain');
  const today = isoDay();
  await typeInto(sat.page, 'stock.wastage.from', `${today}T08:00`);
  await typeInto(sat.page, 'stock.wastage.to', `${today}T10:30`);
  await typeInto(sat.page, 'stock.wastage.temperature', '12.5');
  await shots(sat.page, 'stock-wastage-form', true);
  await clickAnchor(sat.page, 'stock.wastage.save');
  await anchor(sat.page, 'stock.wastage.confirm.ok');
  await shots(sat.page, 'stock-wastage-confirm');
  await clickAnchor(sat.page, 'stock.wastage.confirm.ok');
  await sat.page.waitForFunction(([s, l]) => window.vsys.view('stock', { site: s }).view.lots
    .some((x) => x.lot === l && x.wasted_vials > 0), [satCode, lotName], { timeout: 10000 });
  const satLot = accounted(await lotOf(sat.page, satCode));
  assert.equal(satLot.wasted_vials, wasted);
  assert.equal(satLot.on_hand, sent - wasted);
  await goTo(sat.page, 'stock');
  await anchor(sat.page, 'stock.lots.row.0');
  await shots(sat.page, 'stock-report', true);
  synced(await syncNow(sat.page));
  const satCalculated = await calculated(sat.page, satCode);

  // ---- the hub again (and the municipality): after its sync the transfer is no longer in transit
  await only(hub, muni);
  assert.equal((await lotOf(hub.page, hubCode)).in_transit_out, sent);
  await Promise.all([hub, muni].map(async (b) => synced(await syncNow(b.page))));
  assert.equal((await lotOf(hub.page, hubCode)).in_transit_out, 0);
  assert.ok(!(await stockOf(hub.page, hubCode)).in_transit_out.some((x) => x.transfer === transfer));
  await goTo(hub.page, 'stock');
  await anchor(hub.page, 'stock.lots.row.0');
  await shots(hub.page, 'stock-report-hub');
  const hubCalculated = await calculated(hub.page, hubCode);

  // ---- the municipality: R311 has both sites' calculated stock, R312 the wastage
  await only(muni);
  const r311 = await reportRows(muni.page, { report: 'R311', product });
  const calc = (code) => r311.filter((r) => r['医療機関コード'] === code).reduce((n, r) => n + r['計算上の在庫'], 0);
  assert.equal(calc(hubCode), hubCalculated);
  assert.equal(calc(satCode), satCalculated);
  assert.equal(calc(satCode), await calculated(muni.page, satCode));
  assert.ok(calc(hubCode) >= expected - sent && calc(satCode) >= sent - wasted);
  const r312 = await reportRows(muni.page, { report: 'R312', product });
  const moves = r312.filter((r) => r['ロット番号'] === lotName);
  const wastage = moves.find((r) => r['医療機関コード'] === satCode);
  assert.ok(wastage, JSON.stringify(moves));
  assert.equal(wastage['バイアル数'], wasted);
  assert.match(wastage['理由・輸送条件'], /温度|コールドチェーン/);
  const sentRow = moves.find((r) => r['医療機関コード'] === hubCode);
  assert.ok(sentRow, JSON.stringify(moves));
  assert.equal(sentRow['バイアル数'], sent);
  await openReport(muni.page, 'R311');
  await clickAnchor(muni.page, 'reports.detail');
  await anchor(muni.page, 'reports.table.row.0');
  await shots(muni.page, 'stock-r311');
  await openReport(muni.page, 'R312');
  await clickAnchor(muni.page, 'reports.detail');
  await anchor(muni.page, 'reports.table.row.0');
  await shots(muni.page, 'stock-r312');
  await goTo(muni.page, 'stock_requests');
  await shots(muni.page, 'stock-requests');

  for (const b of [hub, sat, muni]) {
    assert.deepEqual(b.errors, []);
    await b.context.close();
  }
}));
