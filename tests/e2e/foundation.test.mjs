// End to end in Chromium against nginx: the app shell (issue: foundation).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Server, anchor, clickAnchor, collectErrors, launch, launchPersistent, openApp, root, screenshot, serverAndBrowser,
  site, waitFrames, scrollIntoView } from './lib.mjs';

const env = serverAndBrowser();

async function freshPage(options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  return { context, page };
}

test('the home screen renders Japanese with the bundled font and no missing glyphs', async () => {
  const { context, page } = await freshPage();
  const errors = collectErrors(page);
  await openApp(page, env.server.url);
  const s = await page.evaluate(() => window.vsys.screen());
  assert.equal(s.screen, 'home');
  assert.equal(s.font_loaded, true);
  assert.ok(s.anchors['home.settings'], 'the settings button is on the home screen');
  // Real place names that ImGui's own Japanese ranges miss, and the UI's own words.
  assert.equal(await page.evaluate(() => window.vsys.missingGlyphs('檮原町 嬬恋村 宍粟市 匝瑳市 千代田区 ワクチン希望量の報告')), 0);
  assert.ok(await page.evaluate(() => window.vsys.missingGlyphs('😀')) > 0, 'the probe can fail');
  await screenshot(page, 'home-ja');
  // Idle frames draw nothing (src/platform/web/draw_fingerprint.hpp): the app keeps running
  // every frame, but WebGL draws only when the picture changes, as when another screen opens.
  await waitFrames(page, 5);
  const idle0 = await page.evaluate(() => window.vsys.screen());
  await waitFrames(page, 30);
  const idle1 = await page.evaluate(() => window.vsys.screen());
  assert.ok(idle1.frames - idle0.frames >= 30);
  assert.ok(idle1.frames_drawn - idle0.frames_drawn <= 2, `idle frames drew: ${idle1.frames_drawn - idle0.frames_drawn}`);
  await clickAnchor(page, 'home.settings');
  const opened = await page.evaluate(() => window.vsys.screen());
  assert.equal(opened.screen, 'settings');
  assert.ok(opened.frames_drawn > idle1.frames_drawn, 'the settings screen was drawn');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the language switch turns the UI to English and back, and is remembered', async () => {
  const { context, page } = await freshPage();
  await openApp(page, env.server.url);
  await clickAnchor(page, 'topbar.language');
  await page.waitForFunction(() => window.vsys.view('settings').view.language === 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await waitFrames(page, 3);
  await screenshot(page, 'home-en');
  await page.reload();
  await openApp(page, env.server.url);
  assert.equal(await page.evaluate(() => window.vsys.view('settings').view.language), 'en');
  await clickAnchor(page, 'topbar.language');
  await page.waitForFunction(() => window.vsys.view('settings').view.language === 'ja');
  await context.close();
});

test('Japanese typed through the IME path reaches the document and survives a reload', async () => {
  const { context, page } = await freshPage();
  await openApp(page, env.server.url);
  await clickAnchor(page, 'home.settings');
  assert.equal(await page.evaluate(() => location.hash), '#/settings');
  await clickAnchor(page, 'settings.device_name');
  await page.waitForFunction(() => window.vsys.screen().want_text_input);
  await page.keyboard.insertText('千代田区');
  await waitFrames(page, 2);
  // Key presses shorter than a frame (no delay between down and up, twice in a row) are not
  // lost, and text typed right after them is not eaten by them.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('田区役所');
  await waitFrames(page, 2);
  await screenshot(page, 'settings-typed');
  await clickAnchor(page, 'settings.save');
  // Reloaded once the save is durable, as the top bar says (a reload while 保存中 may lose it).
  await page.waitForFunction(() => window.vsys.view('settings').view.device_name === '千代田区役所' && !window.vsys.screen().saving,
    null, { timeout: 5000 });
  await page.reload();
  await openApp(page, env.server.url);
  assert.equal(await page.evaluate(() => window.vsys.view('settings').view.device_name), '千代田区役所');
  await context.close();
});

test('paste from the system clipboard lands in the focused field', async () => {
  const { context, page } = await freshPage();
  await openApp(page, env.server.url + '#/settings');
  await clickAnchor(page, 'settings.device_name');
  await page.waitForFunction(() => window.vsys.screen().want_text_input);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '札幌市中央区');
    document.getElementById('vsys-ime').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await waitFrames(page, 2);
  await clickAnchor(page, 'settings.save');
  await page.waitForFunction(() => window.vsys.view('settings').view.device_name === '札幌市中央区', null, { timeout: 5000 });
  await context.close();
});

test('the browser Back button returns to the previous screen, and unsaved edits ask first', async () => {
  const { context, page } = await freshPage();
  await openApp(page, env.server.url);
  await clickAnchor(page, 'home.about');
  assert.equal((await page.evaluate(() => window.vsys.screen())).screen, 'about');
  await page.goBack();
  await page.waitForFunction(() => window.vsys.screen().screen === 'home');
  await clickAnchor(page, 'home.settings');
  await clickAnchor(page, 'settings.device_name');
  await page.keyboard.insertText('未保存');
  await waitFrames(page, 2);
  await clickAnchor(page, 'breadcrumb.home');
  await anchor(page, 'leave.discard');
  await screenshot(page, 'leave-confirmation');
  assert.equal((await page.evaluate(() => window.vsys.screen())).screen, 'settings');
  await clickAnchor(page, 'leave.discard');
  await page.waitForFunction(() => window.vsys.screen().screen === 'home');
  await context.close();
});

test('a tap on a touch screen presses a button like a click', async () => {
  const { context, page } = await freshPage({ hasTouch: true });
  await openApp(page, env.server.url);
  const p = await scrollIntoView(page, 'home.about', await anchor(page, 'home.about'));
  await page.touchscreen.tap(p.x, p.y);
  await page.waitForFunction(() => window.vsys.screen().screen === 'about', null, { timeout: 5000 });
  await context.close();
});

test('on a HiDPI screen the canvas is backed by device pixels', async () => {
  const { context, page } = await freshPage({ deviceScaleFactor: 2 });
  await openApp(page, env.server.url);
  const s = await page.evaluate(() => window.vsys.screen());
  assert.equal(s.dpr, 2);
  const backing = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual(backing, [2560, 1440]);
  await screenshot(page, 'home-hidpi');
  await page.setViewportSize({ width: 1000, height: 700 });
  await waitFrames(page, 3);
  const resized = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual(resized, [2000, 1400]);
  await context.close();
});

test('window.vsys refuses unknown commands and bad arguments with a message and changes nothing', async () => {
  const { context, page } = await freshPage();
  await openApp(page, env.server.url);
  const before = await page.evaluate(() => window.vsys.view('about').view.storage);
  const answers = await page.evaluate(async () => Promise.all([
    window.vsys.command({ type: 'no_such_command' }),
    window.vsys.command({ type: 'update_settings', language: 7 }),
    window.vsys.command({ type: 'update_settings', language: 'fr' }),
    window.vsys.command({ type: 'update_settings', extra: 1 }),
    window.vsys.command('not an object'),
    window.vsys.command(undefined),
  ]));
  for (const a of answers) {
    assert.equal(a.ok, false);
    assert.ok(a.error.code && a.error.message, JSON.stringify(a));
  }
  assert.match(answers[0].error.message, /不明なコマンド/);
  assert.deepEqual(await page.evaluate(() => window.vsys.view('about').view.storage), before);
  const unknownView = await page.evaluate(() => window.vsys.view('nothing'));
  assert.equal(unknownView.ok, false);
  await context.close();
});

test('closing the page 100 ms after a command answered loses nothing', async () => {
  const { context, page } = await freshPage();
  await openApp(page, env.server.url);
  const r = await page.evaluate(() => window.vsys.command({ type: 'update_settings', device_name: '閉じる直前' }));
  assert.equal(r.ok, true);
  await page.waitForTimeout(100);
  await page.close();
  const again = await context.newPage();
  await openApp(again, env.server.url);
  assert.equal(await again.evaluate(() => window.vsys.view('settings').view.device_name), '閉じる直前');
  await context.close();
});

test('data survives a full browser restart with the same profile', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsys-profile-'));
  let ctx = await launchPersistent(dir);
  let page = ctx.pages()[0] || await ctx.newPage();
  await openApp(page, env.server.url);
  assert.equal((await page.evaluate(() => window.vsys.command({ type: 'update_settings', device_name: '再起動テスト' }))).ok, true);
  await ctx.close();
  ctx = await launchPersistent(dir);
  page = ctx.pages()[0] || await ctx.newPage();
  await openApp(page, env.server.url);
  assert.equal(await page.evaluate(() => window.vsys.view('settings').view.device_name), '再起動テスト');
  await ctx.close();
});

test('after one online visit the app starts with its data while the server is down', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsys-offline-'));
  const ctx = await launchPersistent(dir);
  const page = ctx.pages()[0] || await ctx.newPage();
  await openApp(page, env.server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10000 }).catch(async () => {
    await page.reload();  // the first visit's page is not controlled until a reload
    await openApp(page, env.server.url);
  });
  assert.equal((await page.evaluate(() => window.vsys.command({ type: 'update_settings', device_name: 'オフライン' }))).ok, true);
  await env.server.stop();
  try {
    await page.reload();
    await openApp(page, env.server.url);
    assert.equal(await page.evaluate(() => window.vsys.view('settings').view.device_name), 'オフライン');
    await screenshot(page, 'offline-start');
  } finally {
    await env.server.start();
    await ctx.close();
  }
});

test('a new build replaces the old one cleanly once its service worker takes over', async () => {
  // A copy of the site, then the same copy stamped as another build (what a deploy does).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsys-site-'));
  cpSync(site, dir, { recursive: true });
  const own = await Server.start(dir);
  const ctx = await launchPersistent(mkdtempSync(path.join(os.tmpdir(), 'vsys-update-')));
  try {
    const page = ctx.pages()[0] || await ctx.newPage();
    await openApp(page, own.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const oldBuild = await page.evaluate(() => window.VSYS_BUILD_ID);
    assert.equal((await page.evaluate(() => window.vsys.command({ type: 'update_settings', device_name: '更新前' }))).ok, true);
    const newBuild = 'f'.repeat(16);
    const later = new Date(Date.now() + 60000);
    for (const f of ['index.html', 'boot.js', 'sw.js']) {
      const file = path.join(dir, f);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll(oldBuild, newBuild));
      utimesSync(file, later, later);  // a deploy's files are newer (nginx's ETag is mtime and size)
    }
    // A deploy ships the build's brotli and gzip copies too: nginx would send the old ones.
    const made = spawnSync(path.join(root, 'tools/gen/precompress.py'), [dir], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    // The browser checks sw.js on navigation; ask now, and wait until the new worker controls the page.
    await page.evaluate(() => new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('no new service worker took over within 90 s')), 90000);
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve());
      navigator.serviceWorker.getRegistration().then((r) => r.update());
    }));
    await page.reload();
    await openApp(page, own.url);
    assert.equal(await page.evaluate(() => window.VSYS_BUILD_ID), newBuild);
    // The old build's cache is gone (the deployment's config.json is kept apart); the data is not.
    await page.waitForFunction((b) => caches.keys().then((all) => {
      const k = all.filter((n) => n.startsWith('vsys-'));
      return k.length === 1 && k[0] === 'vsys-' + b;
    }), newBuild, { timeout: 10000 });
    assert.equal(await page.evaluate(() => window.vsys.view('settings').view.device_name), '更新前');
  } finally {
    await ctx.close();
    await own.stop();
  }
});

test('a browser without WebGL2 gets a clear error page instead of a blank screen', async () => {
  const b = await launch({ args: ['--disable-3d-apis'] });
  const page = await b.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('#failure[data-kind="webgl2"]', { state: 'visible', timeout: 10000 });
  assert.match(await page.textContent('#failure-title'), /WebGL2/);
  await screenshot(page, 'no-webgl2');
  await b.close();
});

test('a browser without WebAssembly exception handling gets a clear error page, not a failed compile', async () => {
  // Chromium has it since version 95 and no flag turns it off: an older engine is played by
  // WebAssembly.validate refusing the page's probe (a module holding `try`), as such an engine does.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() => { WebAssembly.validate = () => false; });
  const page = await context.newPage();
  const wasmRequests = [];
  page.on('request', (r) => { if (/vsys\.(js|wasm)/.test(r.url())) wasmRequests.push(r.url()); });
  await page.goto(env.server.url);
  await page.waitForSelector('#failure[data-kind="wasm_eh"]', { state: 'visible', timeout: 10000 });
  assert.match(await page.textContent('#failure-title'), /例外処理/);
  assert.match(await page.textContent('#failure-en'), /Firefox 100/);
  assert.deepEqual(wasmRequests, [], 'the app itself is not downloaded');
  await screenshot(page, 'no-wasm-eh');
  await context.close();
});
