// `vsys report` (issue 14 item 6): the definitions listed; a report run as an organisation sees
// it over the national demo with its history and over a verified exchange folder; the files
// read back by decoders that share no code with ours; refusals with their exit codes.
// Uses VSYS_CLI (default build/native/vsys).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.resolve(process.env.VSYS_CLI || path.join(root, 'build/native/vsys'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsys-report-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function vsys(...args) {
  return spawnSync(cli, args, { encoding: 'buffer', maxBuffer: 1 << 28, cwd: dir });
}

test('--list names every report with its folder and roles', () => {
  const r = vsys('report', '--list');
  assert.equal(r.status, 0);
  const text = r.stdout.toString('utf8');
  for (const id of ['R101', 'R202', 'R313', 'R505', 'R533', 'R601']) assert.match(text, new RegExp(`^  ${id}\\t`, 'm'));
  assert.match(text, /^R3_市町村レポート$/m);
});

test('R313 over the national demo as 千代田区, in CP932 and as XLSX read back by Python', { timeout: 120000 }, () => {
  const r = vsys('report', 'R313', '--demo', '--as', 'VM131016', '--format', 'csv-cp932', '-o', 'r313.csv');
  assert.equal(r.status, 0, r.stderr.toString());
  assert.match(r.stderr.toString(), /R313 .*: \d+ rows as VM131016/);
  const py = spawnSync('/usr/bin/python3', ['-c', `
import sys
text = open(sys.argv[1], 'rb').read().decode('cp932')
lines = text.split('\\r\\n')
print(lines[0])
print(all(',131016,千代田区,' in l for l in lines[1:] if l and not l.startswith('合計')))
`, path.join(dir, 'r313.csv')], { encoding: 'utf8' });
  assert.equal(py.status, 0, py.stderr);
  const [header, allChiyoda] = py.stdout.trim().split('\n');
  assert.match(header, /^接種月,医療機関コード,医療機関名,市区町村コード,市区町村,接種券付予診票/);
  assert.equal(allChiyoda, 'True');

  const x = vsys('report', 'R305', '--demo', '--as', 'muni:131016', '--format', 'xlsx');
  assert.equal(x.status, 0, x.stderr.toString());
  const file = fs.readdirSync(dir).find((f) => /^R305_千代田区_\d{4}-\d{2}-\d{2}\.xlsx$/.test(f));
  assert.ok(file, 'the default file name says what it is');
  const xl = spawnSync('/usr/bin/python3', ['-c', `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = list(ws.iter_rows(min_row=2, values_only=True))
print(ws.freeze_panes, len(rows) > 1, all(isinstance(r[1], str) and len(r[1]) == 10 for r in rows[:-1]))
`, path.join(dir, file)], { encoding: 'utf8' });
  assert.equal(xl.status, 0, xl.stderr);
  assert.equal(xl.stdout.trim(), 'A2 True True');
});

test('over a verified exchange folder as 鳥取県, and the refusals', { timeout: 120000 }, () => {
  const ex = path.join(dir, 'exchange');
  const w = vsys('demo-data', '--exchange', ex, '--prefecture', '310000', '--codes', '1');
  assert.equal(w.status, 0, w.stderr.toString());
  const r = vsys('report', 'R201', '--exchange', ex, '--as', 'VP310000', '-o', '-');
  assert.equal(r.status, 0, r.stderr.toString());
  const lines = r.stdout.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  assert.ok(lines.length > 2);
  assert.ok(lines.slice(1, -1).every((l) => /,31\d{4},/.test(l)), 'only 鳥取県 rows');
  assert.match(r.stderr.toString(), /root [0-9a-f]{64} \(named by deployment\.json, not pinned\)/);
  // Pinned to the deployment's root, the same rows; pinned to another, nothing is read.
  const root = JSON.parse(fs.readFileSync(path.join(ex, 'deployment.json'), 'utf8')).root;
  const pinned = vsys('report', 'R201', '--exchange', ex, '--root', root, '--as', 'VP310000', '-o', '-');
  assert.equal(pinned.status, 0, pinned.stderr.toString());
  assert.match(pinned.stderr.toString(), /\(pinned\)/);
  assert.deepEqual(pinned.stdout, r.stdout);
  const other = vsys('report', 'R201', '--exchange', ex, '--root', 'a'.repeat(64), '--as', 'VP310000', '-o', '-');
  assert.equal(other.status, 1);
  assert.match(other.stderr.toString(), /names another root than --root/);
  assert.equal(other.stdout.length, 0);
  assert.equal(vsys('report', 'R201', '--exchange', ex, '--root', 'xyz', '--as', 'VP310000').status, 2);
  assert.equal(vsys('report', 'R201', '--demo', '--root', root, '--as', 'VP310000').status, 2);
  // A report of another role, an unknown account, a bad format, a missing source.
  assert.equal(vsys('report', 'R313', '--exchange', ex, '--as', 'VP310000').status, 1);
  assert.equal(vsys('report', 'R313', '--demo', '--as', 'VX999').status, 1);
  assert.equal(vsys('report', 'R313', '--demo', '--as', 'VM131016', '--format', 'pdf').status, 2);
  assert.equal(vsys('report', 'R313', '--as', 'VM131016').status, 2);
});
