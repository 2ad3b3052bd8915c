// The native-vs-wasm areas (master, allocation, sync, claims): runs a benchmark program natively
// and the same sources compiled to wasm under node, alternating, several times; takes the median
// of each figure over the runs (each program already reports medians of its own repetitions);
// and checks the issue's targets. Figures come from the programs' `BENCH {json}` lines:
// {"id", "label", "value", "unit"}; their Markdown rows are kept as the raw output.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median, ratio } from './report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Per area: the program, how many native+wasm pairs to run, and its targets.
const areas = {
  master: { program: 'bench_master', runs: 3, targets: masterTargets },
  allocation: { program: 'bench_allocation', runs: 3, targets: allocationTargets, extra: peers },
  // The nation's part holds the national exchange and its packs in memory, 2.26 GB of files alone
  // (docs/BENCHMARKS.md "Packs"): the last wasm run stopped there, past wasm's default 2 GB. So
  // wasm runs Tokyo only, and the nation in a browser is measured in Chromium instead
  // (`tools/bench nation`, browser_nation_sync.mjs).
  sync: { program: 'bench_sync', runs: 1, targets: syncTargets, wasmArgs: ['tokyo'] },
  claims: { program: 'bench_claims', runs: 3, targets: claimsTargets },
  exports: { program: 'bench_exports', runs: 1, targets: exportsTargets },
  reports: { program: 'bench_reports', runs: 1, targets: reportsTargets },
  stock: { program: 'bench_stock', runs: 3, targets: stockTargets },
};

function run(cmd, args, what) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 30 * 60 * 1000 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what} exited ${r.status ?? r.signal}: ${(r.stderr || '').trim().slice(-2000)}`);
  const metrics = {};
  const rows = [];
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('BENCH ')) {
      const m = JSON.parse(line.slice(6));
      metrics[m.id] = m;
    } else if (line.startsWith('|')) {
      rows.push(line);
    }
  }
  if (Object.keys(metrics).length === 0) throw new Error(`${what} printed no BENCH lines`);
  console.log(`  ${what}: ${seconds.toFixed(1)} s`);
  return { metrics, rows };
}

// Median of each figure over the runs; the labels and units of the first run.
function collect(runs) {
  const out = {};
  for (const r of runs) {
    for (const [id, m] of Object.entries(r.metrics)) {
      out[id] ??= { id, label: m.label, unit: m.unit, values: [] };
      out[id].values.push(m.value);
    }
  }
  for (const m of Object.values(out)) m.value = median(m.values);
  return out;
}

// How many times slower wasm is: times are compared directly, rates inversely; counts have none.
function slowdown(unit, native, wasm) {
  if (!(native > 0) || !(wasm > 0)) return null;
  if (['ms', 'us', 's'].includes(unit)) return wasm / native;
  if (unit.endsWith('/s')) return native / wasm;
  return null;
}

function comparisonTable(native, wasm) {
  const lines = ['| figure | native | wasm (node) | wasm/native |', '|---|---|---|---|'];
  for (const [id, n] of Object.entries(native)) {
    const w = wasm[id];
    const r = w ? slowdown(n.unit, n.value, w.value) : null;
    const note = r === null && w && w.value === n.value ? 'same' : ratio(r);
    lines.push(`| ${n.label} | ${fmt(n.value, n.unit)} | ${w ? fmt(w.value, w.unit) : '—'} | ${note} |`);
  }
  return lines.join('\n');
}

export async function compareArea(area, opts) {
  const spec = areas[area];
  const nativeBin = path.join(opts.native, spec.program);
  const wasmJs = path.join(opts.wasm, `${spec.program}_wasm.js`);
  for (const f of [nativeBin, wasmJs]) if (!existsSync(f)) throw new Error(`${f} is missing: run tools/bench, which builds it`);
  const nativeRuns = [];
  const wasmRuns = [];
  // Alternate which goes first, so a change in the machine's load hits both alike.
  for (let i = 0; i < spec.runs; i++) {
    const n = () => nativeRuns.push(run(nativeBin, [], `${spec.program} native, run ${i + 1}/${spec.runs}`));
    const w = () => wasmRuns.push(run(process.execPath, [wasmJs, ...(spec.wasmArgs || [])],
      `${spec.program} wasm${spec.wasmArgs ? ' ' + spec.wasmArgs.join(' ') : ''}, run ${i + 1}/${spec.runs}`));
    if (i % 2 === 0) { n(); w(); } else { w(); n(); }
  }
  const native = collect(nativeRuns);
  const wasm = collect(wasmRuns);
  const body = [
    '### Native and wasm',
    '',
    `\`${spec.program}\` (tests/bench/${spec.program}.cpp): ` + (spec.runs === 1
      ? 'one native run, then one wasm run; each figure is the program\'s own median (where it repeats).'
      : `${spec.runs} native and ${spec.runs} wasm runs, alternating; each figure is the median over the runs ` +
        'of the program\'s own median (where it repeats).'),
    '',
    comparisonTable(native, wasm),
  ];
  let extraTargets = [];
  if (spec.extra) {
    const extra = await spec.extra(opts);
    body.push('', ...extra.body);
    extraTargets = extra.targets;
  }
  body.push('', '<details><summary>Raw output of the last runs (the programs\' own rows)</summary>', '',
    'Native:', '', '```text', ...nativeRuns.at(-1).rows, '```', '', 'wasm under node:', '', '```text',
    ...wasmRuns.at(-1).rows, '```', '', '</details>');
  return { targets: [...spec.targets(native, wasm), ...extraTargets], body: body.join('\n') };
}

// A figure, or throws naming the missing id (the program's output changed).
function need(metrics, id, where) {
  const m = metrics[id];
  if (!m) throw new Error(`the ${where} run printed no BENCH line "${id}"`);
  return m;
}

function allocationTargets(native, wasm) {
  const methods = Object.keys(native).filter((id) => id.startsWith('round.')).map((id) => id.slice(6));
  const rows = methods.map((m) => ({ m, n: need(native, `round.${m}`, 'native').value, w: need(wasm, `round.${m}`, 'wasm').value }));
  const ham = rows.find((r) => r.m === 'hamilton');
  const slowest = rows.reduce((a, b) => (b.w > a.w ? b : a));
  const worstRatio = rows.reduce((a, b) => (b.w / b.n > a.w / a.n ? b : a));
  return [
    { target: 'one national round (47 → 1,741 → ~70,000), Hamilton (default), wasm under node ≤ 50 ms',
      measured: fmt(ham.w, 'ms'), pass: ham.w <= 50 },
    { target: `one national round, slowest of the ${rows.length} methods, wasm under node ≤ 50 ms`,
      measured: `${fmt(slowest.w, 'ms')} (${slowest.m})`, pass: slowest.w <= 50 },
    { target: 'national round, Hamilton: wasm ≤ 1.5× native',
      measured: `${ratio(ham.w / ham.n)} (${fmt(ham.w, 'ms')} / ${fmt(ham.n, 'ms')})`, pass: ham.w / ham.n <= 1.5 },
    { target: 'national round, worst method: wasm ≤ 1.5× native',
      measured: `${ratio(worstRatio.w / worstRatio.n)} (${worstRatio.m})`, pass: worstRatio.w / worstRatio.n <= 1.5 },
  ];
}

// The npm peers at equal size (tests/bench/apportion_peers.mjs against the native CLI).
async function peers(opts) {
  const cli = path.join(opts.native, 'vsys');
  const script = path.join(root, 'tests/bench/apportion_peers.mjs');
  const r = spawnSync(process.execPath, [script, cli], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 20 * 60 * 1000 });
  if (r.status !== 0) throw new Error(`apportion_peers.mjs exited ${r.status ?? r.signal}: ${(r.stderr || '').trim()}`);
  const rows = r.stdout.split('\n').filter((l) => l.startsWith('|'));
  console.log('  apportion_peers.mjs:\n' + rows.map((l) => '    ' + l).join('\n'));
  const targets = rows.filter((l) => /--jsonl/.test(l)).map((l) => {
    const cells = l.split('|').map((c) => c.trim());
    return { target: `npm peer at equal size (${cells[2]}, ${cells[3]} children): our speed-up, per problem in one process`,
      measured: cells[5], pass: null, report: true };
  });
  return { targets, body: ['### npm peers at equal size', '',
    'tests/bench/apportion_peers.mjs: the npm packages against `vsys allocate` (native CLI) on the same problem, ' +
      'same machine, same run; medians.', '', ...rows] };
}

// The verify ratio is taken from CPU time (each program measures its own process): the machine
// is shared, and wall-clock ratios of two runs minutes apart swing with the other jobs' load.
function syncTargets(native, wasm) {
  const n = need(native, 'verify.cpu_rate', 'native').value;
  const w = need(wasm, 'verify.cpu_rate', 'wasm').value;
  const nWall = need(native, 'verify.rate', 'native').value;
  const wWall = need(wasm, 'verify.rate', 'wasm').value;
  const siteBytes = need(native, 'daily.site.bytes', 'native').value;
  const nation = need(native, 'daily.nation.bytes', 'native');
  const nationReq = need(native, 'daily.nation.requests', 'native').value;
  const nationTime = need(native, 'daily.nation.time', 'native').value;
  const prefReq = need(native, 'daily.prefecture.requests', 'native').value;
  const first = need(native, 'first.municipality.bytes', 'native').value;
  const firstTime = need(native, 'first.municipality.time', 'native').value;
  const firstWasmTime = wasm['first.municipality.time']?.value;
  const outside = need(native, 'first.municipality.outside', 'native').value;
  const total = need(native, 'exchange.national.bytes', 'native').value;
  return [
    { target: 'verify + apply a Tokyo-sized history: wasm ≤ 2.5× native (documents per second, CPU time)',
      measured: `${ratio(n / w)} (${fmt(n, 'docs/s')} native, ${fmt(w, 'docs/s')} wasm; by wall clock ${ratio(nWall / wWall)}: ` +
        `${fmt(nWall, 'docs/s')}, ${fmt(wWall, 'docs/s')})`, pass: n / w <= 2.5 },
    { target: 'a site\'s daily sync (one new round) ≤ 100 KB (100,000 bytes)',
      measured: fmt(siteBytes, 'bytes'), pass: siteBytes <= 100000 },
    // Issue 16: with packs (docs/PROTOCOL.md §16), the wards and prefectures having packed their day.
    { target: 'the nation\'s daily sync (every organisation published once) ≤ 500 requests and ≤ 30 MB (30,000,000 bytes)',
      measured: `${fmt(nationReq, 'requests')}, ${fmt(nation.value, 'bytes')}, ${fmt(nationTime, 's')} native ` +
        `(${nation.label.replace(/^.*: /, '')})`, pass: nationReq <= 500 && nation.value <= 30000000 },
    { target: 'a prefecture\'s daily sync (Tokyo, one new round) ≤ 100 requests',
      measured: fmt(prefReq, 'requests'), pass: prefReq <= 100 },
    { target: 'a new municipality\'s first sync of its subtree: time and bytes, not the rest of the country',
      measured: `${fmt(first, 'bytes')} (${(100 * first / total).toFixed(3)}% of the ${fmt(total, 'bytes')} national exchange), ` +
        `${fmt(firstTime, 's')} native` + (firstWasmTime ? `, ${fmt(firstWasmTime, 's')} wasm` : '') +
        `; ${outside} bundles from outside its subtree and ancestors`, pass: outside === 0 },
  ];
}

// The "totals recomputed" is read two ways: the whole month from the entered claims
// (validate, price, route, total: what bench_claims marks with the target), and the totals
// stage alone from already priced claims.
function exportsTargets(native, wasm) {
  const row = (id, what, limit) => {
    const w = need(wasm, id, 'wasm').value;
    const n = need(native, id, 'native').value;
    return { target: `the nation's largest report (71,000 rows × 8 columns) as ${what} in wasm ≤ ${fmt(limit, 'ms')}`,
      measured: `${fmt(w, 'ms')} (${ratio(w / n)} native's ${fmt(n, 'ms')})`, pass: w <= limit };
  };
  return [row('csv', 'CSV in UTF-8', 300), row('csv_cp932', 'CSV in CP932', 300), row('xlsx', 'XLSX', 3000)];
}

// The nation's reports over the national demo history: the target is the largest one (one
// row per site or account, ~71,000 rows) computed in wasm within 300 ms. bench_reports times
// every report of the nation; the others are figures in the table below the targets.
function reportsTargets(native, wasm) {
  const out = [];
  const rowsOf = (m) => Number((/\((\d+) rows\)/.exec(m.label) || [0, 0])[1]);
  const ids = Object.keys(native).filter((k) => k.startsWith('run.'));
  if (ids.length === 0) throw new Error('the native run printed no BENCH line "run.*"');
  const largest = ids.reduce((a, b) => (rowsOf(native[b]) > rowsOf(native[a]) ? b : a));
  {
    const w = need(wasm, largest, 'wasm');
    const n = need(native, largest, 'native').value;
    out.push({ target: `the nation's largest report, ${w.label}: computed in wasm ≤ 300 ms`,
      measured: `${fmt(w.value, 'ms')} (${ratio(w.value / n)} native's ${fmt(n, 'ms')})`, pass: w.value <= 300 });
  }
  for (const [f, limit] of [['csv', 300], ['csv-cp932', 300], ['xlsx', 3000]]) {
    const w = need(wasm, `export.${f}`, 'wasm');
    out.push({ target: `${w.label}, the largest of them, exported in wasm ≤ ${fmt(limit, 'ms')}`, measured: fmt(w.value, 'ms'),
      pass: w.value <= limit });
  }
  return out;
}

function stockTargets(native, wasm) {
  const w = need(wasm, 'replay', 'wasm').value;
  const n = need(native, 'replay', 'native').value;
  const wc = need(wasm, 'replay.copy', 'wasm').value;
  return [
    { target: 'a site\'s five-year ledger (10,000 events) replayed in ≤ 5 ms in wasm',
      measured: `${fmt(w, 'ms')} (${ratio(w / n)} native's ${fmt(n, 'ms')}); with the events copied in ${fmt(wc, 'ms')}`, pass: w <= 5 },
    ...[['r212', 1000, 'R212 for the largest prefecture (Tokyo-sized, each site answering 10 stock requests)'],
      ['r311', 100, 'R311 for the largest municipality']].map(([id, limit, what]) => {
      const wr = need(wasm, id, 'wasm');
      const nr = need(native, id, 'native').value;
      const again = need(wasm, `${id}.warm`, 'wasm').value;
      return { target: `${what} computed in ≤ ${fmt(limit, 'ms')} in wasm`,
        measured: `${fmt(wr.value, 'ms')} after a change (${ratio(wr.value / nr)} native's ${fmt(nr, 'ms')}), ${fmt(again, 'ms')} again; ${wr.label}`,
        pass: wr.value <= limit };
    }),
  ];
}

function claimsTargets(native, wasm) {
  const w = need(wasm, 'month', 'wasm').value;
  const n = need(native, 'month', 'native').value;
  const wt = need(wasm, 'totals', 'wasm').value;
  const nt = need(native, 'totals', 'native').value;
  return [
    { target: 'a federation\'s month (9,000 sites × 40 municipalities of residence): validate, price, route and total in wasm < 200 ms',
      measured: `${fmt(w, 'ms')} (${ratio(w / n)} native's ${fmt(n, 'ms')})`, pass: w < 200 },
    { target: 'the same month: federation totals alone, from the priced claims, in wasm < 200 ms',
      measured: `${fmt(wt, 'ms')} (${ratio(wt / nt)} native's ${fmt(nt, 'ms')})`, pass: wt < 200 },
  ];
}

function masterTargets(native, wasm) {
  const n = need(native, 'generate', 'native').value;
  const w = need(wasm, 'generate', 'wasm').value;
  const search = wasm['search.worst'];
  const mem = wasm['memory.data'];
  const memIndex = wasm['memory.index'];
  return [
    { target: 'national demo data set generated natively ≤ 2 s', measured: fmt(n, 'ms'), pass: n <= 2000 },
    { target: 'national demo data generation, wasm/native', measured: `${ratio(w / n)} (wasm ${fmt(w, 'ms')})`,
      pass: null, report: true },
    { target: 'search of ~70,000 sites by name prefix < 16 ms in wasm in Chromium',
      measured: search ? `not in Chromium; worst query in wasm under node: ${fmt(search.value / 1000, 'ms')}` : 'not measured',
      pass: null },
    { target: 'national demo data loaded in the browser ≤ 256 MB of wasm memory',
      measured: mem ? `not in Chromium; estimate in wasm under node: data ${fmt(mem.value, 'MB')}` +
        (memIndex ? ` + index ${fmt(memIndex.value, 'MB')}` : '') : 'not measured', pass: null },
    { target: 'a frame of the organisation browser over the national data < 16 ms of CPU in wasm',
      measured: 'not measured (needs the app in Chromium)', pass: null },
  ];
}
