// End to end in Chromium against nginx: everyday input (issue 13). The wheel scrolls a long
// list by a few rows in the direction any web page does; number fields take full-width digits
// and refuse anything else beside the field, naming it, until it is fixed, with the same answer
// as the command through window.vsys; Enter saves; 変更を破棄 asks; Esc closes the question; Tab
// moves to the next field in reading order (sign-in and the site form, by keyboard alone).
//
// [SECTION] The wheel
// [SECTION] Number fields: full-width digits, refusals beside the field, Enter
// [SECTION] A claim month: a refused count, 変更を破棄, Esc
// [SECTION] Text fields: a limit counted, the doctor form in view
// [SECTION] The keyboard alone: Tab, Enter, the IME
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchor, clickAnchor, command, goTo, ok, screenshot, serverAndBrowser, signIn, typeInto, view, waitFrames } from './lib.mjs';

const env = serverAndBrowser();
const round = 'PF12_R10';

const screenOf = (page) => page.evaluate(() => window.vsys.screen());
const messageOf = async (page, field) => (await screenOf(page)).field_messages[field];
// The simulation's table: the shared Table's scrolling child (its window name holds ##table).
const simTable = (s) => Object.entries(s.scroll).find(([name]) => name.includes('##table') || name.includes('##sim'))[1];

// [SECTION] The wheel

test('a wheel notch moves a long list a few rows towards its end, and back; Ctrl + wheel does not scroll', async () => {
  const { page, errors } = await env.openApp();
  await signIn(page, 'VP130001');  // Tokyo's split: 62 municipalities in a scrolling table
  await goTo(page, 'simulation');
  const table = await anchor(page, 'sim.table');
  const before = await screenOf(page);
  assert.equal(simTable(before).y, 0);
  await page.mouse.move(table.x, table.y);
  await page.mouse.wheel(0, 100);  // one notch down, as Chromium reports it (100 px)
  await waitFrames(page, 3);
  const down = simTable(await screenOf(page)).y;
  const rows = down / before.line_height;
  assert.ok(rows >= 2 && rows <= 4, `one notch moved ${rows} rows (${down} px) down`);
  assert.ok(down < simTable(before).max / 4, 'not to the far end');
  await screenshot(page, 'input-wheel-down');
  await page.mouse.wheel(0, -100);
  await waitFrames(page, 3);
  assert.equal(simTable(await screenOf(page)).y, 0, 'a notch up comes back');
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 100);
  await page.keyboard.up('Control');
  await waitFrames(page, 3);
  assert.equal(simTable(await screenOf(page)).y, 0, 'Ctrl + wheel changes the text size, never scrolls');
  assert.equal(await page.evaluate(() => window.visualViewport.scale), 1, 'the page itself is not zoomed');
  assert.deepEqual(errors, []);
});

// [SECTION] Number fields: full-width digits, refusals beside the field, Enter

test('the requested boxes take 「１２」 as 12, refuse 「12a」 and 20 digits beside the field until fixed; Enter saves', async () => {
  const { page, errors } = await env.openApp();
  await signIn(page, 'VM131016');
  const site = ok(await view(page, 'round_state', { round })).view.children[0].org.slice(5);
  await signIn(page, 'VS' + site);
  await goTo(page, 'requests');

  await typeInto(page, 'req.boxes', '１２');
  assert.equal(await messageOf(page, 'req.boxes'), undefined);
  await page.keyboard.press('Enter');
  try {
    await page.waitForFunction((r) => window.vsys.view('requests', { round: r }).view.boxes === 12, round, { timeout: 10000 });
  } catch (e) {
    const s = await screenOf(page);
    await screenshot(page, 'input-enter-failed');
    throw new Error(`Enter did not save 12: ${JSON.stringify({ want_text_input: s.want_text_input, messages: s.field_messages,
      toasts: s.toasts, screen: s.screen, view: (await view(page, 'requests', { round })).view })}`);
  }

  await typeInto(page, 'req.boxes', '12a');
  const letters = await messageOf(page, 'req.boxes');
  assert.match(letters, /希望量/, 'the message names the field by its label');
  assert.match(letters, /12a/);
  const s = await screenOf(page);
  const [fx, fy, fw, fh] = s.anchors['req.boxes'];
  const [mx, my] = s.anchors['req.boxes.message'];
  assert.ok(mx > fx + fw && my < fy + fh, 'the message is beside the field');
  // The command answers the same input with the same words.
  const byCommand = await command(page, { type: 'report_request', site, round, boxes: '12a' });
  assert.equal(byCommand.error.code, 'number.not_a_number');
  assert.equal(byCommand.error.message, letters);
  await screenshot(page, 'input-refused-1366');
  await page.keyboard.press('Enter');  // Enter never saves a refused field
  await waitFrames(page, 3);
  assert.equal(ok(await view(page, 'requests', { round })).view.boxes, 12);

  await typeInto(page, 'req.boxes', '12345678901234567890');
  const twenty = await messageOf(page, 'req.boxes');
  assert.match(twenty, /10,000,000/);
  const big = await command(page, { type: 'report_request', site, round, boxes: '12345678901234567890' });
  assert.equal(big.error.code, 'number.out_of_range');
  assert.equal(big.error.message, twenty);
  for (const [width, height] of [[1024, 600], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await waitFrames(page, 4);
    await screenshot(page, `input-refused-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await waitFrames(page, 3);

  await typeInto(page, 'req.boxes', '７');
  assert.equal(await messageOf(page, 'req.boxes'), undefined, 'the message goes as soon as the field is fixed');
  assert.equal((await screenOf(page)).anchors['req.boxes.message'], undefined);
  await clickAnchor(page, 'req.save');
  await page.waitForFunction((r) => window.vsys.view('requests', { round: r }).view.boxes === 7, round);
  ok(await command(page, { type: 'report_request', site, round, boxes: '１２' }));
  assert.equal(ok(await view(page, 'requests', { round })).view.boxes, 12);
  assert.deepEqual(errors, []);
});

// [SECTION] A claim month: a refused count, 変更を破棄, Esc

test('a claim count refused in its row; 変更を破棄 asks first, Esc keeps the input, confirming discards', async () => {
  const { page, errors } = await env.openApp();
  const demo = await page.evaluate(() => window.vsys.view('accounts_demo'));
  const account = demo.view.accounts.find((a) => a.vsys_id.startsWith('VS') && a.org.endsWith(a.vsys_id.slice(2)));
  await signIn(page, account.vsys_id);
  await goTo(page, 'claims');
  await typeInto(page, 'claims.line0.normal', '12a');
  assert.match(await messageOf(page, 'claims.line0.normal'), /通常/);
  assert.equal((await screenOf(page)).anchors['claims.save'] !== undefined, true);
  await typeInto(page, 'claims.line0.normal', '１２０');
  assert.equal(await messageOf(page, 'claims.line0.normal'), undefined);
  await screenshot(page, 'input-claims-typed');

  await clickAnchor(page, 'claims.discard');
  await anchor(page, 'claims.discard.confirm.yes');
  await screenshot(page, 'input-discard-question');
  await page.keyboard.press('Escape');
  await waitFrames(page, 3);
  let s = await screenOf(page);
  assert.equal(s.anchors['claims.discard.confirm.yes'], undefined, 'Esc closes the question');
  assert.ok(s.anchors['claims.discard'], 'and the input is still there, unsaved');
  await clickAnchor(page, 'claims.discard');
  await clickAnchor(page, 'claims.discard.confirm.yes');
  await waitFrames(page, 3);
  s = await screenOf(page);
  assert.equal(s.anchors['claims.discard'], undefined, 'discarded: nothing unsaved');

  // A code and a count typed with an IME, saved with Enter.
  const site = account.vsys_id.slice(2);
  await typeInto(page, 'claims.line0.municipality', '１３１０１６');
  await typeInto(page, 'claims.line0.normal', '１２');
  await page.keyboard.press('Enter');
  const month = await page.evaluate(() => {
    const t = new Date(Date.now() + 9 * 3600 * 1000);
    const y = t.getUTCFullYear(), m = t.getUTCMonth();
    return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
  });
  await page.waitForFunction(([c, m]) => window.vsys.view('claim', { site: c, month: m }).view.saved === true, [site, month]);
  const claim = ok(await view(page, 'claim', { site, month })).view;
  assert.deepEqual(claim.lines.map((l) => [l.municipality, l.normal]), [['131016', 12]]);
  assert.deepEqual(errors, []);
});

// [SECTION] Text fields: a limit counted, the doctor form in view

test('a 300-character name is counted and refused, never cut; Enter saves a fixed one; the doctor form opens in view', async () => {
  const { page, errors } = await env.openApp({ viewport: { width: 1024, height: 600 } });
  const demo = await page.evaluate(() => window.vsys.view('accounts_demo'));
  const account = demo.view.accounts.find((a) => a.vsys_id.startsWith('VS') && a.org.endsWith(a.vsys_id.slice(2)));
  const code = account.vsys_id.slice(2);
  await signIn(page, account.vsys_id);
  await goTo(page, 'site_info');
  await clickAnchor(page, 'site.edit');
  const long = '接種会場'.repeat(75);  // 300 characters
  await typeInto(page, 'site.name', long);
  const s = await screenOf(page);
  assert.match(s.field_messages['site.name'], /名称/);
  assert.match(s.field_messages['site.name'], /100文字以内.*300文字/);
  assert.ok(s.anchors['site.name.count'], 'the count is shown beside the field');
  await screenshot(page, 'input-site-name-300');
  await page.keyboard.press('Enter');  // refused: nothing is saved, and the text is not cut
  await waitFrames(page, 3);
  const before = ok(await view(page, 'site', { site: code })).view.name;
  assert.notEqual(before, long.slice(0, 85));
  assert.ok((await screenOf(page)).field_messages['site.name'], 'still refused: the 300 characters are all there');

  await typeInto(page, 'site.name', '千代田区集団接種会場 第二');
  assert.equal((await screenOf(page)).field_messages['site.name'], undefined);
  await page.keyboard.press('Enter');
  await page.waitForFunction((c) => window.vsys.view('site', { site: c }).view.name === '千代田区集団接種会場 第二', code);
  await waitFrames(page, 3);

  // Scroll a notch at a time until 医師を追加 just shows at the bottom: the form it opens is
  // taller than what is left below it, so only scrolling it into view shows 保存.
  await page.mouse.move(300, 400);
  for (let i = 0; i < 30; ++i) {
    const [, y, , h] = (await screenOf(page)).anchors['doctor.add'] || [0, 1e9, 0, 0];
    if (y + h <= 590) break;
    await page.mouse.wheel(0, 100);
    await waitFrames(page, 2);
  }
  const [, addY] = (await screenOf(page)).anchors['doctor.add'];
  assert.ok(addY > 450, `医師を追加 is near the bottom edge (y ${addY})`);
  await clickAnchor(page, 'doctor.add');
  await waitFrames(page, 4);
  const form = await screenOf(page);
  for (const name of ['doctor.name', 'doctor.save']) {
    const [, y, , h] = form.anchors[name];
    assert.ok(y >= 0 && y + h <= 600, `${name} is on screen after the form opened (y ${y})`);
  }
  assert.equal(form.want_text_input, true, 'the name field has the keyboard');
  await screenshot(page, 'input-doctor-form-1024');
  assert.deepEqual(errors, []);
});

// [SECTION] The keyboard alone: Tab, Enter, the IME

test('by keyboard after one click: ID, Tab, password, Enter signs in; Tab walks the site form top to bottom, Enter saves', async () => {
  const { page, errors } = await env.openApp();
  const demo = await page.evaluate(() => window.vsys.view('accounts_demo'));
  const account = demo.view.accounts.find((a) => a.vsys_id.startsWith('VS') && a.org.endsWith(a.vsys_id.slice(2)));
  const code = account.vsys_id.slice(2);
  await clickAnchor(page, 'login.vsys_id');
  await page.waitForFunction(() => window.vsys.screen().want_text_input);
  await page.keyboard.type('VM131016');
  await page.keyboard.press('Tab');
  await waitFrames(page, 2);
  await page.keyboard.type('vsys-demo');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.vsys.view('session').view.signed_in, null, { timeout: 10000 });
  assert.equal((await view(page, 'session')).view.vsys_id, 'VM131016');

  await signIn(page, account.vsys_id);
  await goTo(page, 'site_info');
  await clickAnchor(page, 'site.edit');
  // Tab selects the whole text of the field it reaches, so what is typed replaces it.
  const typed = { name: '鍵盤接種会場', reading: 'ケンバンセッシュカイジョウ', address: '東京都千代田区千代田1-1',
    phone: '03-1234-5678', mail: 'keyboard@example.jp', representative: '山田 太郎' };
  await typeInto(page, 'site.name', typed.name);
  for (const field of ['reading', 'address', 'phone', 'mail', 'representative']) {
    await page.keyboard.press('Tab');
    await waitFrames(page, 2);
    await page.keyboard.insertText(typed[field]);
    await waitFrames(page, 2);
  }
  await screenshot(page, 'input-keyboard-site-form');
  await page.keyboard.press('Enter');
  await page.waitForFunction((c) => window.vsys.view('site', { site: c }).view.name === '鍵盤接種会場', code, { timeout: 10000 });
  const saved = ok(await view(page, 'site', { site: code })).view;
  const { contact, ...rest } = saved;
  for (const [field, text] of Object.entries(typed)) assert.equal({ ...rest, ...contact }[field], text, field);
  assert.deepEqual(errors, []);
});

// The claim month a site usually enters: the one before today's in Japan.
const claimMonth = () => {
  const t = new Date(Date.now() + 9 * 3600 * 1000);
  const y = t.getUTCFullYear(), m = t.getUTCMonth();
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
};

test('Enter while the IME composes confirms the conversion and saves nothing; Enter after it saves', async () => {
  const { page, errors } = await env.openApp();
  const demo = await page.evaluate(() => window.vsys.view('accounts_demo'));
  const account = demo.view.accounts.find((a) => a.vsys_id.startsWith('VS') && a.org.endsWith(a.vsys_id.slice(2)));
  const site = account.vsys_id.slice(2);
  await signIn(page, account.vsys_id);
  await goTo(page, 'claims');
  await typeInto(page, 'claims.line0.municipality', '131024');  // an unsaved change: Enter would save it
  await clickAnchor(page, 'claims.line0.normal');
  await page.waitForFunction(() => window.vsys.screen().want_text_input);
  await page.keyboard.press('Control+A');
  // A Japanese IME: 「１２」 composed, Enter pressed to confirm the conversion (the keydown
  // arrives while composing), then the composition committed.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: '１２', selectionStart: 2, selectionEnd: 2 });
  await waitFrames(page, 2);
  await page.keyboard.press('Enter');
  await waitFrames(page, 4);
  const during = ok(await view(page, 'claim', { site, month: claimMonth() })).view;
  assert.equal(during.saved, false, 'Enter during the composition saved the claim');
  await cdp.send('Input.insertText', { text: '１２' });
  await waitFrames(page, 3);
  assert.equal(ok(await view(page, 'claim', { site, month: claimMonth() })).view.saved, false, 'the commit alone saves nothing');
  await page.keyboard.press('Enter');
  await page.waitForFunction(([c, m]) => window.vsys.view('claim', { site: c, month: m }).view.saved === true, [site, claimMonth()]);
  const claim = ok(await view(page, 'claim', { site, month: claimMonth() })).view;
  assert.deepEqual(claim.lines.map((l) => [l.municipality, l.normal]), [['131024', 12]]);
  assert.deepEqual(errors, []);
});

test('a claim row\'s refusal is drawn under its row across the table, and 保存 and 変更を破棄 stay on screen', async () => {
  const { page, errors } = await env.openApp();
  const demo = await page.evaluate(() => window.vsys.view('accounts_demo'));
  const account = demo.view.accounts.find((a) => a.vsys_id.startsWith('VS') && a.org.endsWith(a.vsys_id.slice(2)));
  for (const [width, height] of [[1366, 768], [1024, 600], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await signIn(page, account.vsys_id);
    await goTo(page, 'claims');
    await typeInto(page, 'claims.line0.municipality', '999999');  // no such municipality: the core refuses the row
    await anchor(page, 'claims.line0.message');
    await waitFrames(page, 3);
    const s = await screenOf(page);
    const [mx, my, mw, mh] = s.anchors['claims.line0.message'];
    const [cx, , cw] = s.anchors['claims.line0.check'];
    const [, fy, , fh] = s.anchors['claims.line0.normal'];
    const line = 30;  // more than one line of the app's 18 px font
    await screenshot(page, `input-claim-row-refused-${width}`);
    assert.ok(my >= fy + fh - 1, `${width}: the refusal is under its row (${my} < ${fy + fh})`);
    assert.ok(mw > cw * 2 && mx < cx, `${width}: drawn across the table, not in the 確認 column (${mx}, ${mw}; ${cx}, ${cw})`);
    if (width >= 1024) assert.ok(mh < line * 2, `${width}: two lines at most on a PC (${mh} px)`);
    for (const b of ['claims.save', 'claims.discard']) {
      await anchor(page, b);
      const [bx, by, bw, bh] = (await screenOf(page)).anchors[b];
      assert.ok(bx >= 0 && bx + bw <= width && by + bh <= height, `${width}: ${b} on screen (${bx}, ${by}, ${bw}, ${bh})`);
    }
    await clickAnchor(page, 'claims.discard');
    await clickAnchor(page, 'claims.discard.confirm.yes');
  }
  assert.deepEqual(errors, []);
});
