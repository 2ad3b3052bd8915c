// The master-data targets that only the real app in Chromium can answer: searching ~70,000
// sites, wasm memory with the national data set loaded, and the CPU time of an organisation-
// browser frame over it (as the nation, whose subtree is every site).
import { Server, launch, openApp, waitFrames } from '../e2e/lib.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function browserMaster(site) {
  const server = await Server.start(site);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openApp(page, server.url);
    const login = await page.evaluate(() => window.vsys.command({ type: 'login', vsys_id: 'VN000000', password: 'vsys-demo' }));
    if (!login.ok) throw new Error('sign-in failed: ' + JSON.stringify(login.error));
    // Name-prefix queries over the whole country, timed around window.vsys.view (so the JSON
    // round trip is included: an upper bound on the search itself).
    const queries = ['東京', '千代田', 'さっぽろ', '013', 'クリニック', '内科', '札幌市中央', 'おおさか', '1', '駅前'];
    const searchMs = await page.evaluate((qs) => qs.map((q) => {
      window.vsys.view('org_search', { query: q, limit: 100 });  // warm
      const t = performance.now();
      for (let i = 0; i < 5; i++) window.vsys.view('org_search', { query: q, limit: 100 });
      return (performance.now() - t) / 5;
    }), queries);
    await page.evaluate(() => { location.hash = '#/org_browser'; });
    await waitFrames(page, 20);
    const frames = [];
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, 400);  // scroll the 70,000-row table
      await waitFrames(page, 1);
      frames.push(await page.evaluate(() => { const s = window.vsys.screen(); return [s.ui_ms, s.frame_ms]; }));
    }
    const screen = await page.evaluate(() => window.vsys.screen());
    return {
      searchWorstMs: Math.max(...searchMs),
      searchMedianMs: median(searchMs),
      memoryBytes: screen.wasm_memory_bytes,
      frameMedianMs: median(frames.map((f) => f[0])),
      frameWorstMs: Math.max(...frames.map((f) => f[0])),
      frameWithGlMedianMs: median(frames.map((f) => f[1])),
      rows: (await page.evaluate(() => window.vsys.view('org_search', { query: '', limit: 100000 }).view.count)),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
