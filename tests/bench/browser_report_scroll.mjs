// "The table scrolls at one frame per scroll step" (issue 14's Targets), in headless Chromium
// against nginx:
//   node tests/bench/browser_report_scroll.mjs [SITE_DIR] [STEPS]
// SITE_DIR defaults to build/wasm/site. The training kiosk (?kiosk: the demo world's history of
// the nation) signs in as the nation (VN000000, its role card's kiosk_switch), opens the nation's
// largest report, R104 (one row per account, ~72,800 rows), and 「詳細を表示」; the pointer rests
// on the table and the wheel turns STEPS times (default 30), one notch (100 px) each, as
// tests/bench/browser_master.mjs scrolls the organisation browser. A requestAnimationFrame loop
// started after the app's own (so it runs after the app's frame in every animation frame) samples
// window.vsys.screen() every animation frame: for each step, the ImGui frames from the wheel event
// to the first frame whose table has moved (1: the next frame shows the step), and that frame's
// CPU time (ui_ms: views, screen, ImGui, no GL) and wall time with WebGL submission (frame_ms).
// Two passes of STEPS: at the top of the table and half way down it. Prints one line per step
// and, per pass, the medians and worst cases.
import path from 'node:path';
import { anchor, clickAnchor, launch, openApp, root, Server, waitFrames } from '../e2e/lib.mjs';

const siteDir = path.resolve(root, process.argv[2] || 'build/wasm/site');
const steps = Number(process.argv[3] || 30);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await Server.start(siteDir);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  // Before the app's scripts: glue.js takes wheel events at the window's capture phase and stops
  // them there, so the probe's listener must come first. It notes the ImGui frame each step
  // arrives after.
  await context.addInitScript(() => {
    window.vsysWheelFrames = [];
    window.addEventListener('wheel', () => {
      if (window.vsys && window.vsys.screen) window.vsysWheelFrames.push(window.vsys.screen().frames);
    }, { capture: true, passive: true });
  });
  const page = await context.newPage();
  await openApp(page, server.url + '?kiosk');
  const switched = await page.evaluate(() => window.vsys.command({ type: 'kiosk_switch', vsys_id: 'VN000000' }));
  if (!switched.ok) throw new Error('kiosk_switch failed: ' + JSON.stringify(switched.error));
  await page.evaluate(() => { location.hash = '#/reports/R104'; });
  await anchor(page, 'reports.count');
  await clickAnchor(page, 'reports.detail');
  await anchor(page, 'reports.table.row.0');
  await waitFrames(page, 20);
  const rows = (await page.evaluate(() => window.vsys.view('report', { report: 'R104' }))).view.row_count;
  // The table's scrolling window: the one that can scroll furthest.
  const table = await page.evaluate(() => Object.entries(window.vsys.screen().scroll).sort((a, b) => b[1].max - a[1].max)[0][0]);
  const at = await anchor(page, 'reports.table.row.0');
  await page.mouse.move(at.x, at.y + 120);
  await waitFrames(page, 3);
  // Two passes: at the top of the table, then half way down (~900,000 px), reached with large
  // wheel turns, where float positions are coarsest.
  for (const pass of ['top', 'middle']) {
    if (pass === 'middle') {
      for (let i = 0; i < 400; i++) {
        const s = await page.evaluate((name) => window.vsys.screen().scroll[name], table);
        if (s.y >= s.max / 2) break;
        await page.mouse.wheel(0, 20000);
        await waitFrames(page, 1);
      }
      await waitFrames(page, 5);
    }
    await page.evaluate((name) => {
      const p = window.vsysScrollProbe = { samples: [], on: true };
      window.vsysWheelFrames.length = 0;
      const tick = () => {
        const s = window.vsys.screen();
        p.samples.push({ frames: s.frames, y: s.scroll[name] ? s.scroll[name].y : null, ui: s.ui_ms, frame: s.frame_ms });
        if (p.on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);  // registered after the app's next frame: runs after it
    }, table);
    await waitFrames(page, 3);
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(0, 100);
      await waitFrames(page, 4);
    }
    const probe = await page.evaluate(() => {
      window.vsysScrollProbe.on = false;
      return { ...window.vsysScrollProbe, wheels: window.vsysWheelFrames };
    });
    const results = [];
    for (const wheelFrame of probe.wheels) {
      const before = [...probe.samples].reverse().find((s) => s.frames <= wheelFrame);
      const moved = probe.samples.find((s) => s.frames > wheelFrame && before && s.y !== before.y);
      if (!moved) { results.push({ frames: Infinity, ui: NaN, frame: NaN, y: NaN }); continue; }
      results.push({ frames: moved.frames - wheelFrame, ui: moved.ui, frame: moved.frame, y: moved.y });
    }
    results.forEach((r, i) => console.log(`${pass} step ${i + 1}: ${r.frames} frame(s), ui ${r.ui.toFixed(2)} ms, with GL ${r.frame.toFixed(2)} ms, at ${Math.round(r.y)} px`));
    const framesPer = results.map((r) => r.frames);
    const ui = results.map((r) => r.ui);
    const gl = results.map((r) => r.frame);
    console.log(`R104 as the nation (${rows} rows), ${pass} of the table, ${results.length} wheel steps: frames from the step to the moved table ` +
      `median ${median(framesPer)}, worst ${Math.max(...framesPer)}; steps shown by the next frame ${framesPer.filter((f) => f === 1).length}/${results.length}; ` +
      `CPU per frame (ui_ms) median ${median(ui).toFixed(2)} ms, worst ${Math.max(...ui).toFixed(2)} ms; ` +
      `with WebGL submission (frame_ms) median ${median(gl).toFixed(2)} ms`);
  }
} finally {
  await browser.close();
  await server.stop();
}
