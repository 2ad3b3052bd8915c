// End to end in Chromium against nginx: the shared date and month fields (issue 13 item 6,
// issue 12 item 6). A municipality types a due date in 令和 and with full-width digits, is refused
// a date that does not exist, and picks one on the calendar; the requests it issues carry those
// dates. A site reaches a claim month of the year before through the month picker in three clicks
// and saves a claim for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Server, launch, openApp, signIn, goTo, waitFrames, view, command, ok, anchor, clickAnchor, typeInto, screenshot,
  collectErrors,
} from './lib.mjs';

// Today in Japan, as the app's stock and claims clocks read it.
const todayJapan = () => {
  const t = new Date(Date.now() + 9 * 3600 * 1000);
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
};
const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);
const fullWidth = (s) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

async function issueRequest(page) {
  await clickAnchor(page, 'stock.requests.issue');
  await clickAnchor(page, 'stock.requests.confirm.ok');
  await waitFrames(page, 4);
}

const dues = async (page) => ok(await view(page, 'stock_requests')).view.requests.map((r) => r.due);

test('a due date typed in 令和 or full-width digits, or picked on the calendar, is the date the request carries', async () => {
  const server = await Server.start();
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const errors = collectErrors(page);
    await openApp(page, server.url);
    await signIn(page, 'VM131016');
    await goTo(page, 'stock_requests');

    // The form starts with ファイザー（12歳以上） ticked, so each request below can be issued as is.
    // 令和: 40 days on, written as an office writes it.
    const typed = addDays(todayJapan(), 40);
    const reiwa = `令和${typed.getUTCFullYear() - 2018}年${typed.getUTCMonth() + 1}月${typed.getUTCDate()}日`;
    await typeInto(page, 'stock.requests.due', reiwa);
    let s = await page.evaluate(() => window.vsys.screen());
    assert.equal(s.field_messages['stock.requests.due'], undefined, reiwa);
    assert.ok(s.anchors['stock.requests.due.reading'], 'the date is read back beside the field');
    await issueRequest(page);
    assert.ok((await dues(page)).includes(iso(typed)));

    // Full-width digits with slashes, as a Japanese IME types them.
    const wide = addDays(todayJapan(), 50);
    await typeInto(page, 'stock.requests.due', fullWidth(iso(wide).replaceAll('-', '/')).replaceAll('/', '／'));
    s = await page.evaluate(() => window.vsys.screen());
    assert.equal(s.field_messages['stock.requests.due'], undefined);
    await issueRequest(page);
    assert.ok((await dues(page)).includes(iso(wide)));

    // A day that does not exist: refused beside the field by its label, and nothing is issued.
    await typeInto(page, 'stock.requests.due', '2030-02-30');
    s = await page.evaluate(() => window.vsys.screen());
    assert.match(s.field_messages['stock.requests.due'] || '', /回答期限.*2030-02-30/);
    await screenshot(page, 'dates-refused');
    const count = (await dues(page)).length;
    await clickAnchor(page, 'stock.requests.issue');
    await waitFrames(page, 3);
    s = await page.evaluate(() => window.vsys.screen());
    assert.equal(s.anchors['stock.requests.confirm.ok'], undefined, 'no question while the date is refused');
    assert.equal((await dues(page)).length, count);

    // The calendar: the page opens on the due date's month; the 15th of the next month is picked.
    await typeInto(page, 'stock.requests.due', iso(addDays(todayJapan(), 7)));
    await clickAnchor(page, 'stock.requests.due.calendar');
    const shown = addDays(todayJapan(), 7);
    const next = new Date(Date.UTC(shown.getUTCFullYear(), shown.getUTCMonth() + 1, 15));
    await clickAnchor(page, 'stock.requests.due.page.next');
    await screenshot(page, 'dates-calendar');
    await clickAnchor(page, `stock.requests.due.day.${iso(next)}`);
    // As with the month picker below: the click's release can land a frame or two after
    // clickAnchor returns, and the calendar closes in the frame that takes it.
    await page.waitForFunction(([name, start]) => {
      const f = window.vsys.screen();
      return f.anchors[name] === undefined || f.frames > start + 10;
    }, [`stock.requests.due.day.${iso(next)}`, await page.evaluate(() => window.vsys.screen().frames)]);
    s = await page.evaluate(() => window.vsys.screen());
    assert.equal(s.anchors[`stock.requests.due.day.${iso(next)}`], undefined, 'a picked day closes the page');
    assert.equal(s.field_messages['stock.requests.due'], undefined);
    await issueRequest(page);
    assert.ok((await dues(page)).includes(iso(next)));
    // Yesterday is on the calendar but disabled: the command would refuse it.
    await clickAnchor(page, 'stock.requests.due.today');
    await clickAnchor(page, 'stock.requests.due.calendar');
    const yesterday = addDays(todayJapan(), -1);
    if (yesterday.getUTCMonth() === todayJapan().getUTCMonth()) {
      await clickAnchor(page, `stock.requests.due.day.${iso(yesterday)}`);
      s = await page.evaluate(() => window.vsys.screen());
      assert.ok(s.anchors[`stock.requests.due.day.${iso(yesterday)}`], 'a disabled day leaves the page open');
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a claim month of the year before is three clicks on the month picker, and the claim is saved for it', async () => {
  const server = await Server.start();
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 600 } })).newPage();
    const errors = collectErrors(page);
    await openApp(page, server.url);
    const demo = await view(page, 'accounts_demo');
    const account = demo.view.accounts.find((a) => a.vsys_id.startsWith('VS') && a.org.endsWith(a.vsys_id.slice(2)));
    const site = account.vsys_id.slice(2);
    await signIn(page, account.vsys_id);
    await goTo(page, 'claims');
    const year = todayJapan().getUTCFullYear() - 1;
    await clickAnchor(page, 'claims.month');
    await anchor(page, 'claims.month.m12');
    await screenshot(page, 'dates-month-picker');
    await clickAnchor(page, 'claims.month.year.prev');
    await clickAnchor(page, 'claims.month.m12');
    const month = `${year}-12`;
    // The click's release lands a frame or two after clickAnchor returns: the picker closes in
    // the frame that takes it (within 10 frames here, however the frames fall).
    await page.waitForFunction((start) => {
      const s = window.vsys.screen();
      return s.anchors['claims.month.m12'] === undefined || s.frames > start + 10;
    }, await page.evaluate(() => window.vsys.screen().frames));
    let s = await page.evaluate(() => window.vsys.screen());
    assert.equal(s.anchors['claims.month.m12'], undefined, 'a chosen month closes the picker');
    await typeInto(page, 'claims.line0.municipality', '131016');
    await typeInto(page, 'claims.line0.normal', '7');
    await page.keyboard.press('Enter');
    await page.waitForFunction(([c, m]) => window.vsys.view('claim', { site: c, month: m }).view.saved === true, [site, month]);
    assert.deepEqual(ok(await view(page, 'claim', { site, month })).view.lines.map((l) => l.normal), [7]);

    // Typed in the picker's box, in 令和.
    await clickAnchor(page, 'claims.month');
    await page.waitForFunction(() => window.vsys.screen().want_text_input);
    await page.keyboard.insertText(`令和${year - 2018}年11月`);
    await page.keyboard.press('Enter');
    await waitFrames(page, 3);
    s = await page.evaluate(() => window.vsys.screen());
    assert.equal(s.anchors['claims.month.typed'], undefined, 'a typed month closes the picker');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
