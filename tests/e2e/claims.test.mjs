// End to end in Chromium against nginx: fee claims (issue 6). A site enters a month of claims for
// several municipalities through the claim screen, opens the print view, downloads a CSV and
// submits; the federation of its prefecture then sees the totals routed through it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { anchor, artifacts, clickAnchor, screenshot, serverAndBrowser, signIn, typeInto, waitFrames } from './lib.mjs';

const env = serverAndBrowser();

test('a site enters, prints and submits a month of claims; the federation sees the totals', async () => {
  const { context, page, errors } = await env.openApp({ viewport: { width: 1366, height: 800 }, acceptDownloads: true });
  const demo = await page.evaluate(() => window.vsys.view('accounts_demo'));
  const siteAccount = demo.view.accounts.find((a) => a.vsys_id.startsWith('VS') && a.org.endsWith(a.vsys_id.slice(2)));
  assert.ok(siteAccount, 'a demo site account in Chiyoda');
  const siteCode = siteAccount.vsys_id.slice(2);
  await signIn(page, siteAccount.vsys_id);

  await clickAnchor(page, 'home.claims');
  assert.equal(await page.evaluate(() => location.hash), '#/claims');
  await anchor(page, 'claims.line0.normal');

  // Row 1: the site's own municipality (prefilled), new form, category 2, with add-ons.
  await typeInto(page, 'claims.line0.normal', '120');
  await typeInto(page, 'claims.line0.outside_hours', '8');
  await typeInto(page, 'claims.line0.holiday', '3');
  // Row 2: residents of Chuo.
  await clickAnchor(page, 'claims.add_line');
  await typeInto(page, 'claims.line1.municipality', '131024');
  await typeInto(page, 'claims.line1.normal', '40');
  // Row 3: residents of Osaka city, category 1 (no coupon), old form.
  await clickAnchor(page, 'claims.add_line');
  await typeInto(page, 'claims.line2.municipality', '271004');
  await clickAnchor(page, 'claims.line2.category1');
  await clickAnchor(page, 'claims.line2.form');
  await clickAnchor(page, 'claims.line2.form.old');
  await typeInto(page, 'claims.line2.normal', '7');
  await screenshot(page, 'claims-entry');

  await clickAnchor(page, 'claims.save');
  const month = await page.evaluate(() => {
    const t = new Date(Date.now() + 9 * 3600 * 1000);
    const y = t.getUTCFullYear(), m = t.getUTCMonth();  // the month before today's in Japan
    return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
  });
  await page.waitForFunction(([site, m]) => window.vsys.view('claim', { site, month: m }).view.saved === true,
    [siteCode, month], { timeout: 10000 });
  const claim = (await page.evaluate(([site, m]) => window.vsys.view('claim', { site, month: m }), [siteCode, month])).view;
  assert.equal(claim.valid, true);
  assert.deepEqual(claim.lines.map((l) => [l.municipality, l.form, l.category, l.normal, l.outside_hours, l.holiday]),
    [['131016', 'new', 2, 120, 8, 3], ['131024', 'new', 2, 40, 0, 0], ['271004', 'old', 1, 7, 0, 0]]);
  assert.deepEqual(claim.lines.map((l) => l.payer), ['municipality:131016', 'federation:130001', 'federation:130001']);
  const own = 120 * 2070 + 8 * 2800 + 3 * 4200;
  const routed = 40 * 2070 + 7 * 2070;
  assert.equal(claim.total.amount_before_tax, own + routed);
  assert.equal(claim.total.amount, (own + routed) * 11 / 10);
  await waitFrames(page, 3);

  // The print view of Chiyoda's claim opens in a new window.
  const [print] = await Promise.all([context.waitForEvent('page'), clickAnchor(page, 'claims.print.131016')]);
  await print.waitForLoadState();
  await print.setViewportSize({ width: 900, height: 1200 });
  const html = await print.content();
  assert.match(html, /市区町村別請求書/);
  assert.match(html, /千代田区/);
  assert.match(html, /令和/);
  // The form's own styles apply, although the window inherits the app's CSP (print_window.js):
  // the heading centred, the lines ruled, the amounts right-aligned; its print button is there
  // on screen and hidden on paper; no script of the page ran.
  const looks = await print.evaluate(() => ({
    h1: getComputedStyle(document.querySelector('h1')).textAlign,
    border: getComputedStyle(document.querySelector('table.lines td')).borderTopStyle,
    amount: getComputedStyle(document.querySelector('td.n')).textAlign,
    button: document.querySelector('.vsys-print-bar button')?.textContent,
    scripts: document.scripts.length,
  }));
  assert.deepEqual(looks, { h1: 'center', border: 'solid', amount: 'right', button: 'このページを印刷', scripts: 0 });
  await print.emulateMedia({ media: 'print' });
  assert.equal(await print.evaluate(() => getComputedStyle(document.querySelector('.vsys-print-bar')).display), 'none');
  await print.emulateMedia({ media: 'screen' });
  await print.screenshot({ path: path.join(artifacts, 'claims-print.png'), fullPage: true });
  await print.close();
  const [summary] = await Promise.all([context.waitForEvent('page'), clickAnchor(page, 'claims.print.summary')]);
  await summary.waitForLoadState();
  await summary.setViewportSize({ width: 900, height: 1200 });
  assert.match(await summary.content(), /請求総括書/);
  await summary.screenshot({ path: path.join(artifacts, 'claims-print-summary.png'), fullPage: true });
  await summary.close();

  // The summary as CSV: UTF-8 with a BOM for Excel, the routed total in its last row.
  const [download] = await Promise.all([page.waitForEvent('download'), clickAnchor(page, 'claims.csv.summary')]);
  const csv = readFileSync(await download.path());
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(csv.toString('utf8'), new RegExp(`合計.*${routed * 11 / 10}`));

  // Submit, through the confirmation.
  await clickAnchor(page, 'claims.submit');
  await anchor(page, 'claims.confirm.submit');
  await screenshot(page, 'claims-confirm');
  await clickAnchor(page, 'claims.confirm.submit');
  await page.waitForFunction(([site, m]) => window.vsys.view('claim', { site, month: m }).view.submitted === true,
    [siteCode, month], { timeout: 10000 });
  await waitFrames(page, 3);
  await screenshot(page, 'claims-submitted');

  // The federation of the site's prefecture (Tokyo) sees the routed lines.
  assert.equal((await page.evaluate(() => window.vsys.command({ type: 'logout' }))).ok, true);
  await signIn(page, 'VF130001');
  await page.evaluate(() => { location.hash = '#/home'; });
  await waitFrames(page, 3);
  await clickAnchor(page, 'home.federation_claims');
  const totals = (await page.evaluate((m) => window.vsys.view('federation_totals', { month: m }), month)).view;
  assert.equal(totals.total.amount_before_tax, routed);
  assert.equal(totals.total.amount, routed * 11 / 10);
  assert.deepEqual(totals.by_municipality.map((r) => [r.code, r.amount_before_tax]), [['131024', 40 * 2070], ['271004', 7 * 2070]]);
  assert.deepEqual(totals.by_site.map((r) => [r.code, r.amount]), [[siteCode, routed * 11 / 10]]);
  await anchor(page, 'federation.municipalities.total');
  await waitFrames(page, 3);
  await screenshot(page, 'federation');
  assert.deepEqual(errors, []);
  await context.close();
});
