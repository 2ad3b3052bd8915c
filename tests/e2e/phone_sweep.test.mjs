// End to end in Chromium against nginx: a phone (390×844) in Japanese, the app's real font. A
// site, its municipality (千代田区 VM131016), its prefecture (東京都 VP130001) and the nation
// (VN000000) each open every button of their home screen as a user does, with a round being
// allocated and a month of claims saved so that the screens have amounts, codes and names to
// show. On every screen the app's record of what it cut or let run past the right edge stays
// empty (clip_check.mjs, as layout.test.mjs). Screenshots: build/e2e/phone-<account>-<screen>.png.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNothingClipped } from './clip_check.mjs';
import { anchor, clickAnchor, command, goTo, ok, screenshot, serverAndBrowser, signIn, view, waitFrames } from './lib.mjs';

const env = serverAndBrowser();

// The month before today's in Japan: the one a claim is usually made for.
function claimMonth() {
  const t = new Date(Date.now() + 9 * 3600 * 1000);
  const y = t.getUTCFullYear(), m = t.getUTCMonth();
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

test('every home button of a site, a municipality, a prefecture and the nation fits a 390 px phone in Japanese', async () => {
  const { context, page, errors } = await env.openApp({ viewport: { width: 390, height: 844 } });
  const demo = ok(await view(page, 'accounts_demo')).view.accounts;
  const site = demo.find((a) => a.vsys_id.startsWith('VS') && a.org.endsWith(a.vsys_id.slice(2))).vsys_id;
  // ① of the first round done, so that Tokyo has boxes to split; a month of claims at the site.
  await signIn(page, 'VN000000');
  ok(await command(page, { type: 'update_settings', language: 'ja' }));
  const round = ok(await view(page, 'rounds')).view.rounds[0].code;
  ok(await command(page, { type: 'set_round_state', round, state: 'allocating' }));
  ok(await command(page, { type: 'set_prefecture_amounts', round, simulation: { mode: 'eligible_population', total: 100000 } }));
  await signIn(page, site);
  ok(await command(page, { type: 'save_claim', site: site.slice(2), month: claimMonth(), lines: [
    { municipality: '131016', form: 'new', category: 2, normal: 9876, outside_hours: 120, holiday: 35, pre_exam_only: 4 },
    { municipality: '271004', form: 'old', category: 1, normal: 77, outside_hours: 0, holiday: 0, pre_exam_only: 0 }] }));

  // Every screen is looked at before the test fails, so that one run lists all that is wrong.
  const problems = [];
  const check = async (what) => {
    try { await assertNothingClipped(page, what); } catch (e) { problems.push(e.message); }
  };
  let opened = 0;
  for (const account of [site, 'VM131016', 'VP130001', 'VN000000']) {
    await signIn(page, account);
    await goTo(page, 'home');
    await screenshot(page, `phone-${account}-home`);
    await check(`${account}: home`);
    const buttons = ok(await view(page, 'home')).view.buttons.filter((b) => !b.retired).map((b) => b.id);
    assert.ok(buttons.length >= 3, `${account}: home buttons ${buttons}`);
    for (const id of buttons) {
      const anchors = await page.evaluate(() => window.vsys.screen().anchors);
      if (!anchors[`home.${id}`]) continue;  // not on the home grid (the sign-in itself)
      await clickAnchor(page, `home.${id}`);
      await page.waitForFunction((s) => window.vsys.screen().screen === s, id, { timeout: 10000 });
      await waitFrames(page, 4);
      await screenshot(page, `phone-${account}-${id}`);
      await check(`${account}: ${id}`);
      ++opened;
      await goTo(page, 'home');
    }
  }
  assert.ok(opened >= 20, `screens opened: ${opened}`);
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
  await context.close();
});
