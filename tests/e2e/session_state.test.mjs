// End to end in Chromium against nginx: what one user typed on a screen is gone for the next
// user of the page (issue 12: screen state belongs to the Shell per session). A municipality
// types a query no site matches into the org browser and the proxy site picker, signs out with
// the top bar's button, and a prefecture (then another municipality) signs in on the same page:
// their screens start from the defaults and list sites again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchor, clickAnchor, goTo, screenshot, serverAndBrowser, typeInto, waitFrames } from './lib.mjs';

const env = serverAndBrowser();

const noSuchSite = 'zzqqxx';

async function signInThroughUi(page, id) {
  await typeInto(page, 'login.vsys_id', id);
  await typeInto(page, 'login.password', 'vsys-demo');
  await clickAnchor(page, 'login.submit');
  await waitFrames(page, 3);
}

const anchored = (page, name) => page.evaluate((n) => !!window.vsys.screen().anchors[n], name);

test('a query typed into the org browser and the proxy picker is gone for the next user after sign-out', async () => {
  const { context, page, errors } = await env.openApp();
  await signInThroughUi(page, 'VM131016');
  await goTo(page, 'org_browser');
  await anchor(page, 'browser.row.0');
  await typeInto(page, 'browser.query', noSuchSite);
  assert.equal(await anchored(page, 'browser.row.0'), false, 'the query is in force: nothing matches');
  await goTo(page, 'claims');
  await anchor(page, 'claims.proxy.row.0');
  await typeInto(page, 'claims.proxy.query', noSuchSite);
  assert.equal(await anchored(page, 'claims.proxy.row.0'), false);
  await screenshot(page, 'session-state-typed');
  await clickAnchor(page, 'topbar.logout');

  // Another role on the same page: its org browser starts from an empty query.
  await signInThroughUi(page, 'VP130001');
  await goTo(page, 'org_browser');
  await anchor(page, 'browser.row.0');
  await screenshot(page, 'session-state-next-user');
  await clickAnchor(page, 'topbar.logout');

  // Another municipality: the proxy picker too.
  await signInThroughUi(page, 'VM131024');
  await goTo(page, 'claims');
  await anchor(page, 'claims.proxy.row.0');
  assert.deepEqual(errors, []);
  await context.close();
});
