// The browser's XLSX worker module (build/wasm/site/xlsx_worker.js + .wasm, loaded here by node)
// writes the very bytes of the native in-process writer: `vsys report … --format xlsx` gives the
// workbook and, with --xlsx-table, the table as the page hands it to the worker; the worker's
// answer for that table must equal the CLI's file, for a small report and the nation's largest.
// A damaged table is refused with an error, not a file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { root, site } from './lib.mjs';

const cli = process.env.VSYS_CLI || path.join(root, 'build/native/vsys');
const dir = mkdtempSync(path.join(os.tmpdir(), 'vsys-xlsx-worker-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let modulePromise;
function workerModule() {
  if (!modulePromise) {
    const create = createRequire(import.meta.url)(path.join(site, 'xlsx_worker.js'));
    modulePromise = create({ wasmBinary: readFileSync(path.join(site, 'xlsx_worker.wasm')) });
  }
  return modulePromise;
}

// What worker_main.js does with a posted table: {ok, bytes} or {ok: false, error}.
async function writeInWorkerModule(table) {
  const M = await workerModule();
  const p = M._malloc(Math.max(1, table.length));
  M.HEAPU8.set(table, p);
  const out = M._vsys_xlsx_write(p, table.length);
  M._free(p);
  const answer = out ? { ok: true, bytes: Buffer.from(M.HEAPU8.slice(out, out + M._vsys_xlsx_size())) }
    : { ok: false, error: M.UTF8ToString(M._vsys_xlsx_error()) };
  M._vsys_xlsx_release();
  return answer;
}

const reports = new Map();
function nativeReport(report, who) {
  if (!reports.has(report)) reports.set(report, runNative(report, who));
  return reports.get(report);
}

function runNative(report, who) {
  const xlsx = path.join(dir, `${report}.xlsx`);
  const table = path.join(dir, `${report}.vxt`);
  const r = spawnSync(cli, ['report', report, '--demo', '--as', who, '--format', 'xlsx', '-o', xlsx, '--xlsx-table', table],
    { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return { xlsx: readFileSync(xlsx), table: readFileSync(table), summary: r.stderr.trim() };
}

for (const [report, who] of [['R313', 'VM131016'], ['R104', 'VN000000']]) {
  test(`${report} as ${who}: the worker module's XLSX is the native writer's, byte for byte`, async () => {
    const native = nativeReport(report, who);
    console.log(`# ${native.summary.split('\n')[0]}; table ${native.table.length} bytes, xlsx ${native.xlsx.length} bytes`);
    assert.equal(native.table.subarray(0, 4).toString('latin1'), 'VXT1');
    const t0 = performance.now();
    const worker = await writeInWorkerModule(native.table);
    console.log(`# the worker module wrote it in ${(performance.now() - t0).toFixed(0)} ms (node)`);
    assert.equal(worker.ok, true, worker.error);
    assert.equal(worker.bytes.length, native.xlsx.length);
    assert.ok(worker.bytes.equals(native.xlsx), 'the same bytes');
  });
}

test('a damaged table is refused by the worker module with a reason', async () => {
  const { table } = nativeReport('R313', 'VM131016');
  const cut = await writeInWorkerModule(table.subarray(0, table.length - 3));
  assert.equal(cut.ok, false);
  assert.match(cut.error, /damaged/);
  const wrong = await writeInWorkerModule(Buffer.from('not a table'));
  assert.equal(wrong.ok, false);
  assert.match(wrong.error, /VXT1/);
});
