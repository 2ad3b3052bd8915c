// Report exports read back by decoders that share no code with ours (issue 14): the native unit
// suite writes its golden files (tests/unit/reports/test_export.cpp, VSYS_EXPORT_DIR), then
// Python's cp932 codec, node's TextDecoder('shift_jis') and Chromium's (Debian's /usr/bin/chromium
// through playwright-core, as the e2e tests launch it) decode the CP932 CSV, and Debian's python3-openpyxl reads the XLSX. Debian's Python is
// /usr/bin/python3: the python3 first on PATH may lack openpyxl (TOOLCHAIN.md).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.VSYS_CLI || path.join(root, 'build/native/vsys');
const unitTests = path.join(path.dirname(cli), 'vsys_tests');
const python = '/usr/bin/python3';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsys-exports-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

before(() => {
    const r = spawnSync(unitTests, ['-ts=reports', '-tc=the golden files*', '--no-colors=true'], {
        env: { ...process.env, VSYS_EXPORT_DIR: dir }, encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
});

// What a reader of each file sees: Windows' CP932 turns 〜 into ～ (81 60) and − into －
// (81 7C), ¥ into 0x5C (decoded as a backslash; a yen sign in Japanese fonts), the emoji into 〓.
const cp932Text = [
    '名称,コード,接種回数（回）,金額（円）,日付',
    '①髙～～－\\ｱ〓,011002,12,-1500,2022/01/31',
    '千代田区,131016,,2070,',
    "'=1+1,000123,-12,1234567,2021/12/01",
    '合計,,0,1235137,',
    '',
].join('\r\n');
const utf8Text = '\ufeff' + cp932Text.replace('①髙～～－\\ｱ〓', '①髙〜～−¥ｱ\u{1F489}');

test('the UTF-8 CSV starts with a BOM and decodes to the table as written', () => {
    const bytes = fs.readFileSync(path.join(dir, 'golden-csv.csv'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), utf8Text);
});

test("the CP932 CSV decodes with node's TextDecoder('shift_jis') as Windows would show it", () => {
    const bytes = fs.readFileSync(path.join(dir, 'golden-csv-cp932.csv'));
    assert.equal(new TextDecoder('shift_jis', { fatal: true }).decode(bytes), cp932Text);
});

test("the CP932 CSV decodes with Chromium's own TextDecoder('shift_jis'), the browser the app runs in", async () => {
    const bytes = fs.readFileSync(path.join(dir, 'golden-csv-cp932.csv'));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
        const page = await browser.newPage();
        const text = await page.evaluate((b64) => {
            const b = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
            return new TextDecoder('shift_jis', { fatal: true }).decode(b);
        }, bytes.toString('base64'));
        assert.equal(text, cp932Text);
    } finally {
        await browser.close();
    }
});

test("the CP932 CSV decodes with Python's cp932 codec, strictly", () => {
    const r = spawnSync(python, ['-c', `
import sys
sys.stdout.buffer.write(open(sys.argv[1], 'rb').read().decode('cp932', 'strict').encode('utf-8'))
`, path.join(dir, 'golden-csv-cp932.csv')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, cp932Text);
});

test('openpyxl reads the XLSX back: codes as text, numbers as int, dates as dates, frozen header, autofilter', () => {
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
rows = [[(type(v).__name__, v.isoformat() if hasattr(v, 'isoformat') else v) for v in row]
        for row in ws.iter_rows(values_only=True)]
print(json.dumps({
    'title': ws.title, 'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref, 'rows': rows,
    'formats': [c.number_format for c in ws[2]], 'bold_header': all(c.font.b for c in ws[1]),
    'widths': {k: v.width for k, v in ws.column_dimensions.items()},
    'created': wb.properties.created.isoformat(),
}, ensure_ascii=False))
`;
    const r = spawnSync(python, ['-c', script, path.join(dir, 'golden-xlsx.xlsx')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const x = JSON.parse(r.stdout);
    assert.equal(x.title, 'R999');
    assert.equal(x.freeze, 'A2');
    assert.equal(x.filter, 'A1:E4');  // the header and the rows; the totals row stays below
    assert.ok(x.bold_header);
    assert.equal(x.created, '2022-01-31T00:00:00');
    assert.deepEqual(x.formats, ['General', 'General', '#,##0', '#,##0', 'yyyy/mm/dd']);
    assert.deepEqual(x.rows, [
        [['str', '名称'], ['str', 'コード'], ['str', '接種回数（回）'], ['str', '金額（円）'], ['str', '日付']],
        [['str', '①髙〜～−¥ｱ\u{1F489}'], ['str', '011002'], ['int', 12], ['int', -1500], ['datetime', '2022-01-31T00:00:00']],
        [['str', '千代田区'], ['str', '131016'], ['NoneType', null], ['int', 2070], ['NoneType', null]],
        [['str', '=1+1'], ['str', '000123'], ['int', -12], ['int', 1234567], ['datetime', '2021-12-01T00:00:00']],
        [['str', '合計'], ['NoneType', null], ['int', 0], ['int', 1235137], ['NoneType', null]],
    ]);
    // Widths from the content: the name column is wider than the code column.
    assert.ok(x.widths.A > x.widths.B, JSON.stringify(x.widths));
});
