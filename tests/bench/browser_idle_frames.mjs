// What a frame costs at rest, in the training kiosk and in a plain browser (issue 14: the kiosk's
// frames cost 3–5 ms more on every screen, traced to the top bar's sync summary walking every
// document version each frame), in headless Chromium against nginx:
//   node tests/bench/browser_idle_frames.mjs [SITE_DIR] [FRAMES]
// SITE_DIR defaults to build/wasm/site. The nation (VN000000) is signed in twice: in the kiosk
// (?kiosk, its role card's kiosk_switch: the demo world's history, ~40,000 versions) and with its
// password in a plain browser. On each screen the app is left alone for FRAMES frames (default
// 60) while a requestAnimationFrame loop that runs after the app's frame samples
// window.vsys.screen().ui_ms (views, screen, ImGui; no GL). Prints the median and worst per
// screen and mode.
import path from 'node:path';
import { launch, openApp, root, Server, signIn, goTo, waitFrames } from '../e2e/lib.mjs';

const siteDir = path.resolve(root, process.argv[2] || 'build/wasm/site');
const frames = Number(process.argv[3] || 60);
const screens = ['home', 'reports', 'org_browser', 'sync'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await Server.start(siteDir);
const browser = await launch();
try {
  for (const mode of ['kiosk', 'plain']) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await openApp(page, server.url + (mode === 'kiosk' ? '?kiosk' : ''));
    if (mode === 'kiosk') {
      const r = await page.evaluate(() => window.vsys.command({ type: 'kiosk_switch', vsys_id: 'VN000000' }));
      if (!r.ok) throw new Error('kiosk_switch failed: ' + JSON.stringify(r.error));
    } else {
      await signIn(page, 'VN000000');
    }
    for (const screen of screens) {
      await goTo(page, screen);
      await waitFrames(page, 10);
      const samples = await page.evaluate((n) => new Promise((done) => {
        const out = [];
        const tick = () => {
          out.push(window.vsys.screen().ui_ms);
          if (out.length >= n) done(out);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }), frames);
      console.log(`${mode.padEnd(5)} ${screen.padEnd(12)} ui_ms median ${median(samples).toFixed(2)} ms, worst ${Math.max(...samples).toFixed(2)} ms over ${samples.length} frames`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
