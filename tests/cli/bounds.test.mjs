// Bounded, strict input for every `vsys` subcommand (issue 11, finding 5; docs/PROTOCOL.md
// "Input limits"): inputs over the limit are refused early, duplicate keys and unknown fields
// are refused, and no message quotes more than an excerpt of the input or a raw control
// character. Uses VSYS_CLI (default build/native/vsys).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.VSYS_CLI || path.join(root, 'build/native/vsys');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsys-bounds-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const MiB = 1 << 20;
const LIMIT = 16 * MiB; // cli.hpp k_max_input_bytes

function vsys(args, input) {
    const started = process.hrtime.bigint();
    const r = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 256 * MiB, timeout: 60_000 });
    if (r.error) throw r.error;
    return { code: r.status, out: r.stdout, err: r.stderr, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

// No raw C0 control (but the newlines and tabs that separate output), DEL or C1 control, and
// no bidirectional override: what a terminal or log viewer would act on.
function assertClean(text) {
    assert.doesNotMatch(text, /[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/u);
}

const claim = {
    site: '0110113719',
    site_municipality: '011002',
    month: '2022-01',
    today: '2022-02-01',
    lines: [{ municipality: '011002', form: 'new', category: 2, normal: 1, outside_hours: 0, holiday: 0, pre_exam_only: 0 }],
};

test('allocate refuses an input over the limit early, without reading it whole', () => {
    const r = vsys(['allocate'], '['.repeat(LIMIT + 1));
    assert.equal(r.code, 2);
    assert.match(r.err, /larger than the limit of 16777216 bytes/);
    assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
    // Just under the limit, deep nesting is refused by its own limit, at once.
    const deep = vsys(['allocate'], '['.repeat(LIMIT - 1));
    assert.equal(deep.code, 1);
    assert.match(deep.err, /\(json\.too_deep\)/);
});

test('allocate refuses duplicate keys, and more children than the limit', () => {
    const dup = vsys(['allocate'], '{"total":10,"total":5,"children":[{"id":"a","weight":1}]}');
    assert.equal(dup.code, 1);
    assert.match(dup.err, /json\.duplicate_key/);
    assert.match(dup.err, /total/);
    const child = vsys(['allocate'], '{"total":10,"children":[{"id":"a","weight":1,"weight":2}]}');
    assert.match(child.err, /json\.duplicate_key/);

    const kids = (n) => JSON.stringify({ total: 1000, children: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, weight: 1 })) });
    assert.equal(vsys(['allocate'], kids(100_000)).code, 0);
    const over = vsys(['allocate'], kids(100_001));
    assert.equal(over.code, 1);
    assert.match(over.err, /allocation\.too_many_children/);
});

test('allocate --jsonl answers a line over the limit with an error and goes on with the next', () => {
    const ok = JSON.stringify({ total: 3, children: [{ id: 'a', weight: 1 }] });
    const r = vsys(['allocate', '--jsonl'], `${ok}\n"${'x'.repeat(LIMIT)}"\n${ok}\n`);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 3);
    assert.equal(lines[0].total, 3);
    assert.equal(lines[1].error.code, 'json.too_large');
    assert.equal(lines[1].error.args.size, String(LIMIT + 2));
    assert.equal(lines[2].total, 3);
    assert.ok(r.out.length < 2000);
});

test('claim refuses a misspelt field as the app does, and duplicate keys', () => {
    assert.equal(vsys(['claim'], JSON.stringify(claim)).code, 0);
    const misspelt = structuredClone(claim);
    misspelt.lines[0].under6 = 5;
    const r = vsys(['claim'], JSON.stringify(misspelt));
    assert.equal(r.code, 1);
    assert.match(r.err, /lines\[0\]\.under6: unknown field \[claims\.unknown_field\]/);
    const top = vsys(['claim'], JSON.stringify({ ...claim, todya: '2022-02-02' }));
    assert.match(top.err, /todya.*claims\.unknown_field/);
    const dup = vsys(['claim'], JSON.stringify(claim).replace('"month":"2022-01"', '"month":"2022-01","month":"2021-12"'));
    assert.equal(dup.code, 2);
    assert.match(dup.err, /json\.duplicate_key/);
    const big = vsys(['claim'], ' '.repeat(LIMIT + 1));
    assert.equal(big.code, 2);
    assert.match(big.err, /larger than the limit/);
});

test('messages quote at most about 100 characters of the input and no control character', () => {
    const key = `\x1b[31m${'k'.repeat(1_000_000)}`;
    const r = vsys(['allocate'], `{"total":1,"children":[],${JSON.stringify(key)}:1}`);
    assert.equal(r.code, 1);
    assert.match(r.err, /allocation\.json_unknown_field/);
    assert.ok(r.err.length < 400, `stderr is ${r.err.length} characters`);
    assertClean(r.err);
    assert.match(r.err, /\\u\{1b\}\[31mkkk/);

    const form = vsys(['claim'], JSON.stringify({ ...claim, lines: [{ ...claim.lines[0], form: 'n\u202e'.repeat(500_000) }] }));
    assert.equal(form.code, 1);
    assert.ok(form.err.length < 600, `stderr is ${form.err.length} characters`);
    assertClean(form.err);

    const cat = vsys(['claim'], JSON.stringify({ ...claim, lines: [{ ...claim.lines[0], category: Array(200_000).fill(7) }] }));
    assert.equal(cat.code, 1);
    assert.ok(cat.err.length < 600, `stderr is ${cat.err.length} characters`);

    const code = vsys(['codes', 'check', `12\n${'9'.repeat(100_000)}`]);
    assert.equal(code.code, 1);
    assert.ok(code.out.length < 600, `stdout is ${code.out.length} characters`);
    assert.equal(code.out.trim().split('\n').length, 1);

    const cmd = vsys([`x\x07${'y'.repeat(100_000)}`]);
    assert.equal(cmd.code, 2);
    assert.ok(cmd.err.length < 1500);
    assertClean(cmd.err.split('\n')[0]);
});

test('verify refuses a --root that is not a public key, and files larger than a bundle may be, unread', () => {
    const dir = path.join(tmp, 'exchange');
    const init = vsys(['deployment', 'init', dir]);
    assert.equal(init.code, 0, init.err);
    const key = init.out.match(/^root key\t([0-9a-f]{64})$/m)[1];
    for (const bad of ['xyz', key.toUpperCase(), key.slice(1), `${key}0`, '']) {
        const r = vsys(['verify', dir, '--root', bad]);
        assert.equal(r.code, 2, `--root ${bad}`);
        assert.match(r.err, /--root must be the root's public key, 64 lower-case hex digits/);
    }
    assert.equal(vsys(['verify', dir, '--root', key]).code, 0);

    fs.writeFileSync(path.join(dir, 'feeds', 'huge.json'), Buffer.alloc(4 * MiB + 1, 0x20));
    fs.writeFileSync(path.join(dir, `bad\x1b[2Jname`), 'x');
    const r = vsys(['verify', dir, '--root', key]);
    assert.equal(r.code, 1);
    assert.match(r.out, /^bad\tfeeds\/huge\.json\tbundle\.too_large\tThe file is over the size limit \(4194305 bytes, limit 4194304\)$/m);
    assert.match(r.out, /^bad\tbad\\u\{1b\}\[2Jname\texchange\.path\t/m);
    assertClean(r.out);
});
