// The benchmark runner behind `tools/bench AREA...`: runs each area, prints its targets with
// PASS/MISS, and rewrites that area's section of docs/BENCHMARKS.md (between
// `<!-- bench:AREA -->` and `<!-- /bench:AREA -->`), leaving the other sections as they were.
// The machine section is rewritten on every run. tools/bench builds first; this script only runs.
// Usage: node tests/bench/run.mjs [--native DIR] [--wasm DIR] [--doc FILE] AREA...
// Exits 1 when a benchmark program fails (a MISS is a finding, not a failure).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineRows, loadAverage, stamp, targetTable, printTargets } from './report.mjs';
import { compareArea } from './compare.mjs';
import { startupArea } from './startup.mjs';
import { browserMaster } from './browser_master.mjs';
import { exchangeArea } from './load_exchange.mjs';
import { nationArea } from './browser_nation_sync.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const areaOrder = ['startup', 'master', 'allocation', 'sync', 'nation', 'claims', 'exchange', 'exports', 'reports', 'stock'];
const titles = {
  startup: 'Startup and the first visit (issues 2, 16)',
  master: 'Master data (issue 3)',
  allocation: 'Allocation (issue 4)',
  sync: 'Sync (issue 5)',
  nation: 'The nation\'s daily sync in Chromium (issue 16)',
  claims: 'Claims (issue 6)',
  exchange: 'Exchange under load (issue 11)',
  exports: 'Report exports (issue 14)',
  reports: 'Reports over the national demo history (issue 14)',
  stock: 'Stock ledger (issue 15)',
};

function parseArgs(argv) {
  const opts = { native: path.join(root, 'build/native'), wasm: path.join(root, 'build/wasm'),
    doc: path.join(root, 'docs/BENCHMARKS.md'), areas: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--native' || a === '--wasm' || a === '--doc') opts[a.slice(2)] = path.resolve(argv[++i]);
    else if (a === 'all') opts.areas.push(...areaOrder);
    else if (areaOrder.includes(a)) opts.areas.push(a);
    else throw new Error(`unknown area or option: ${a} (areas: ${areaOrder.join(', ')}, all)`);
  }
  if (opts.areas.length === 0) throw new Error(`name an area: ${areaOrder.join(', ')}, all`);
  opts.areas = areaOrder.filter((a) => opts.areas.includes(a));
  return opts;
}

const intro = `# Benchmarks

Figures measured by \`tools/bench AREA\` (areas: ${areaOrder.join(', ')};
\`tools/bench all\` runs every area). Each run builds what it needs, then rewrites only its own section below, between its
markers; the machine description is rewritten on every run. The machine is shared with other
jobs, so each section records the load average before and after its runs; every timing is a
median, and timings are printed here, never asserted by tests. A target is PASS when the measured
figure meets it and MISS otherwise; NOT MEASURED marks a target this tool cannot measure yet.
Native programs are built with g++ -O3 (preset \`native\`); the same sources are compiled with
Emscripten -O3 and run under node (\`<name>_wasm.js\`, preset \`wasm\`).
`;

function skeleton() {
  const parts = [intro, '<!-- bench:machine -->\n<!-- /bench:machine -->\n'];
  for (const a of areaOrder) {
    parts.push(`<!-- bench:${a} -->\n## ${titles[a]}\n\n_Not measured yet: run \`tools/bench ${a}\`._\n<!-- /bench:${a} -->\n`);
  }
  return parts.join('\n');
}

// Replaces the text between a section's markers; a missing section is appended at the end.
function replaceSection(doc, name, body) {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const i = doc.indexOf(open);
  const j = doc.indexOf(close);
  const block = `${open}\n${body.trimEnd()}\n${close}`;
  if (i < 0 || j < i) return doc.trimEnd() + '\n\n' + block + '\n';
  return doc.slice(0, i) + block + doc.slice(j + close.length);
}

function writeDoc(file, doc) {
  const tmp = file + '.tmp';
  writeFileSync(tmp, doc);
  renameSync(tmp, file);
}

function machineSection(machine) {
  const rows = machine.map(([k, v]) => `| ${k} | ${v} |`).join('\n');
  return `## Machine\n\nDescribed at the last run (${stamp()}).\n\n| | |\n|---|---|\n${rows}\n`;
}

function areaSection(area, result, before, after, machine) {
  const cpu = machine.find(([k]) => k === 'CPU')[1];
  const cores = machine.find(([k]) => k === 'Cores')[1];
  const lines = [`## ${titles[area]}`, '',
    `Measured ${stamp()} on ${cpu}, ${cores} cores; load average (1/5/15 min) ${before} before, ${after} after.`,
    '', '### Targets', '', targetTable(result.targets), '', result.body.trimEnd()];
  return lines.join('\n') + '\n';
}

// Replaces the master area's "not in Chromium" rows by the figures measured in the app.
function withBrowserMaster(result, b) {
  const ms = (v) => `${v.toFixed(2)} ms`;
  const rows = {
    'search of': { measured: `worst of 10 name/reading/code queries ${ms(b.searchWorstMs)}, median ${ms(b.searchMedianMs)} (window.vsys.view round trip)`, pass: b.searchWorstMs < 16 },
    'national demo data loaded': { measured: `${(b.memoryBytes / 1048576).toFixed(0)} MB of wasm memory (signed in as the nation, organisation browser open)`, pass: b.memoryBytes <= 256 * 1048576 },
    'a frame of the organisation browser': { measured: `building the frame (views, screen, ImGui; no GL): median ${ms(b.frameMedianMs)}, worst ${ms(b.frameWorstMs)} over 30 scrolled frames of ${b.rows.toLocaleString('en')} rows; with WebGL submission on SwiftShader: median ${ms(b.frameWithGlMedianMs)}`, pass: b.frameMedianMs < 16 },
  };
  for (const t of result.targets)
    for (const [prefix, row] of Object.entries(rows))
      if (t.target.startsWith(prefix)) Object.assign(t, row);
  return result;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const machine = machineRows(root);
  let doc = existsSync(opts.doc) ? readFileSync(opts.doc, 'utf8') : skeleton();
  doc = replaceSection(doc, 'machine', machineSection(machine));
  writeDoc(opts.doc, doc);
  let failed = false;
  const summary = [];
  for (const area of opts.areas) {
    console.log(`\n== ${area}`);
    const before = loadAverage();
    let result;
    try {
      result = area === 'startup' ? await startupArea(opts)
        : area === 'exchange' ? await exchangeArea(opts) : area === 'nation' ? await nationArea(opts)
        : await compareArea(area, opts);
      if (area === 'master') result = withBrowserMaster(result, await browserMaster(path.join(opts.wasm, 'site')));
    } catch (e) {
      failed = true;
      console.error(`bench ${area}: ${e.message}`);
      continue;
    }
    const after = loadAverage();
    printTargets(area, result.targets);
    summary.push([area, result.targets]);
    // Re-read: another area's run may have written the file meanwhile.
    doc = existsSync(opts.doc) ? readFileSync(opts.doc, 'utf8') : skeleton();
    doc = replaceSection(doc, area, areaSection(area, result, before, after, machine));
    writeDoc(opts.doc, doc);
    console.log(`bench ${area}: section rewritten in ${path.relative(root, opts.doc)} (load ${before} → ${after})`);
  }
  if (summary.length > 1) {
    console.log('\n== summary');
    for (const [area, targets] of summary) printTargets(area, targets);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
