// The main thread during the nation's largest XLSX export, in headless Chromium against nginx:
//   node tests/bench/browser_export.mjs [SITE_DIR] [RUNS]
// SITE_DIR defaults to build/wasm/site (give an older build's site to compare). The nation
// (VN000000) opens R104 (one row per account, ~72,800 rows), chooses XLSX in the export dialog
// and exports through it, RUNS times (default 3). From the click on エクスポート to the download,
// a Chromium trace (devtools.timeline) of the page's main thread gives the longest task in
// wall time and the most CPU time any one task took on that thread (the trace's thread time):
// on these shared cores with software GL a frame often waits for the GPU process, so a task
// can be long in wall time while the main thread computed for a few milliseconds; its CPU time
// is closer to what the export itself holds the thread for. The app's own work per frame
// (window.vsys.screen().ui_ms: views, screens, ImGui and the export's steps, no GL), read at
// every animation frame, separates it from drawing. Also: the longest gap between two animation
// frames, the ImGui frames the app ran meanwhile, and (a build with the XLSX worker) when the
// last row was handed to the worker. Prints one line per run and the medians.
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { anchor, clickAnchor, launch, mainThreadTasks, openApp, root, Server, signIn, traceCategories } from '../e2e/lib.mjs';

const siteDir = path.resolve(root, process.argv[2] || 'build/wasm/site');
const runs = Number(process.argv[3] || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await Server.start(siteDir);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  await openApp(page, server.url);
  await signIn(page, 'VN000000');
  await page.evaluate(() => { location.hash = '#/reports/R104'; });
  await anchor(page, 'reports.count');
  const rows = (await page.evaluate(() => window.vsys.view('report', { report: 'R104' }))).view.row_count;
  const results = [];
  for (let i = 0; i < runs; i++) {
    await clickAnchor(page, 'reports.export');
    await clickAnchor(page, 'reports.export.format.xlsx');
    const target = await anchor(page, 'reports.export.run');
    await page.mouse.move(target.x, target.y);
    await page.evaluate(() => {
      const w = window.vsysExportProbe = { last: 0, gap: 0, frames0: window.vsys.screen().frames, on: true,
        t0: performance.now(), handed: null };
      // A build with the XLSX worker: when the rows were all handed over to it.
      if (Module.vsysXlsxStart && !Module.vsysXlsxStart.probed) {
        const start = Module.vsysXlsxStart;
        Module.vsysXlsxStart = function (bytes) { window.vsysExportProbe.handed = performance.now(); return start(bytes); };
        Module.vsysXlsxStart.probed = true;
      }
      w.ui = 0;
      const tick = (t) => {
        if (w.last) w.gap = Math.max(w.gap, t - w.last);
        w.last = t;
        w.ui = Math.max(w.ui, window.vsys.screen().ui_ms);
        if (w.on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const tracePath = path.join(os.tmpdir(), `vsys-export-trace-${process.pid}.json`);
    await browser.startTracing(page, { path: tracePath, categories: traceCategories });
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.mouse.click(target.x, target.y)]);
    const ms = Date.now() - t0;
    await browser.stopTracing();
    const tasks = mainThreadTasks(JSON.parse(readFileSync(tracePath, 'utf8')));
    rmSync(tracePath, { force: true });
    await download.path();
    const probe = await page.evaluate(() => {
      const w = window.vsysExportProbe;
      w.on = false;
      return { gap: w.gap, frames: window.vsys.screen().frames - w.frames0, ui: Math.max(w.ui, window.vsys.screen().ui_ms),
        handedMs: w.handed === null ? null : w.handed - w.t0 };
    });
    const longest = tasks.reduce((a, t) => (t.wall > a.wall ? t : a), { wall: 0, cpu: 0 });
    const task = longest.wall;
    const cpu = Math.max(0, ...tasks.map((t) => t.cpu));
    results.push({ ms, task, cpu, ...probe });
    console.log(`run ${i + 1}: R104 (${rows} rows) as XLSX in ${ms} ms; longest task ${task.toFixed(0)} ms ` +
      `(${longest.cpu.toFixed(0)} ms of it on the CPU); most CPU in one task ${cpu.toFixed(0)} ms; ` +
      `the app's own work at most ${probe.ui.toFixed(0)} ms of a frame; ` +
      `longest gap between animation frames ${probe.gap.toFixed(0)} ms; ${probe.frames} ImGui frames` +
      (probe.handedMs === null ? '' : `; rows handed to the worker after ${probe.handedMs.toFixed(0)} ms`));
  }
  console.log(`median of ${runs} (${path.relative(root, siteDir) || siteDir}): export ${median(results.map((r) => r.ms))} ms; ` +
    `longest task ${median(results.map((r) => r.task)).toFixed(0)} ms; most CPU in one task ` +
    `${median(results.map((r) => r.cpu)).toFixed(0)} ms; the app's own work at most ` +
    `${median(results.map((r) => r.ui)).toFixed(0)} ms of a frame; longest frame gap ` +
    `${median(results.map((r) => r.gap)).toFixed(0)} ms; ${median(results.map((r) => r.frames))} ImGui frames`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
