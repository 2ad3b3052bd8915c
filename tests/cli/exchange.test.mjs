// The exchange folder from the command line: `vsys deployment init`, `vsys demo-data --exchange`
// and `vsys verify`. A small demo subset (Tottori, tiny bundles so feeds hold many) is written
// once; each attack works on its own copy and must make verify exit 1 naming the file and why.
// Uses VSYS_CLI (default build/native/vsys).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.VSYS_CLI || path.join(root, 'build/native/vsys');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsys-exchange-'));
const demo = path.join(tmp, 'demo');

function vsys(...args) {
    const r = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.error) throw r.error;
    return { code: r.status, out: r.stdout, err: r.stderr };
}

// Every file under dir, as exchange paths.
function files(dir, prefix = '') {
    const out = [];
    for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
        const p = prefix ? `${prefix}/${e.name}` : e.name;
        if (e.isDirectory()) out.push(...files(dir, p));
        else out.push(p);
    }
    return out.sort();
}

function copyOfDemo(name) {
    const dir = path.join(tmp, name);
    fs.cpSync(demo, dir, { recursive: true });
    return dir;
}

// The "bad" lines of verify's output: [path, code].
function bad(out) {
    return out.split('\n').filter((l) => l.startsWith('bad\t')).map((l) => l.split('\t').slice(1, 3));
}

before(() => {
    const r = vsys('demo-data', '--exchange', demo, '--prefecture', '310000', '--bundle-kb', '16');
    assert.equal(r.code, 0, r.err);
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('deployment init writes a root key only its owner can read, the layout, and the nation\'s first code', () => {
    const dir = path.join(tmp, 'new');
    const r = vsys('deployment', 'init', dir);
    assert.equal(r.code, 0, r.err);
    const key = r.out.match(/^root key\t([0-9a-f]{64})$/m)[1];
    assert.match(r.out, new RegExp(`^fingerprint\\t${key.slice(0, 4)}-${key.slice(4, 8)}-`, 'm'));
    assert.match(r.out, /^enrolment code\t[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/m);
    assert.equal(fs.statSync(path.join(dir, 'root.key')).mode & 0o777, 0o600);
    const secret = JSON.parse(fs.readFileSync(path.join(dir, 'root.key'), 'utf8'));
    assert.equal(secret.public, key);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'deployment.json'), 'utf8')).root, key);
    for (const sub of ['feeds', 'inbox', 'news', 'directory/enrolment']) assert.ok(fs.statSync(path.join(dir, sub)).isDirectory());
    assert.equal(fs.readdirSync(path.join(dir, 'directory/enrolment')).length, 1);

    const v = vsys('verify', dir, '--root', key);
    assert.equal(v.code, 0, v.out);
    assert.match(v.err, /root\.key is a secret key/);

    const again = vsys('deployment', 'init', dir);
    assert.equal(again.code, 1);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'root.key'), 'utf8')).public, key);
});

test('the demo exchange verifies: every bundle, pointer and enrolment lookup file', () => {
    const r = vsys('verify', demo);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^rejected\t0$/m);
    const feeds = files(demo).filter((p) => p.startsWith('feeds/'));
    assert.match(r.out, new RegExp(`^bundles\\t${feeds.length} verified of ${feeds.length}$`, 'm'));
    assert.ok(feeds.length > 342, 'small bundles give feeds of several bundles');
    assert.deepEqual(bad(r.out), []);
});

test('personal data is on the exchange only sealed: R505\'s lists carry no row, and an analyst\'s mirror reads none', () => {
    let sealed = 0;
    for (const p of files(demo).filter((f) => f.startsWith('feeds/'))) {
        const text = fs.readFileSync(path.join(demo, p), 'utf8');
        for (const member of ['"birth":', '"slot":']) assert.ok(!text.includes(member), `${p} holds ${member}`);
        sealed += (text.match(/"kind":"reservations"/g) || []).length;
    }
    assert.ok(sealed > 0, 'the history has reservation lists');
    // The municipality's own mirror cannot open them either: the report says how many it holds unread.
    const r = vsys('report', 'R505', '--exchange', demo, '--as', 'VM312011', '--format', 'csv', '-o', '-');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out.replace(/^\uFEFF/, '').trim().split('\r\n').length, 1, 'the header row alone');
    assert.match(r.err, /: 0 rows as VM312011 .*; [1-9]\d* sealed documents for this organisation not readable here/);
});

test('one altered byte of one bundle: verify exits 1 naming the file (hash mismatch)', () => {
    const dir = copyOfDemo('altered');
    const target = files(dir).find((p) => p.startsWith('feeds/site_'));
    const bytes = fs.readFileSync(path.join(dir, target));
    const at = bytes.indexOf('"sig":"') + 10;
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    fs.writeFileSync(path.join(dir, target), bytes);
    const r = vsys('verify', dir);
    assert.equal(r.code, 1);
    assert.deepEqual(bad(r.out), [[target, 'bundle.hash_mismatch']]);
});

test('a bundle deleted in the middle of a feed: the next one is a gap, its pointers dangle', () => {
    const dir = copyOfDemo('deleted');
    const feed = files(dir).filter((p) => p.startsWith('feeds/muni_312011/'));
    assert.ok(feed.length >= 3, `feed has ${feed.length} bundles`);
    fs.rmSync(path.join(dir, feed[1]));
    const r = vsys('verify', dir);
    assert.equal(r.code, 1);
    const found = bad(r.out);
    assert.ok(found.some(([p, c]) => p === feed[2] && c === 'bundle.gap'), r.out);
    const name = path.basename(feed[1]);
    const dangling = found.filter(([p, c]) => c === 'pointer.target');
    assert.ok(dangling.length >= 1 && dangling.every(([p]) => p.endsWith(name)), r.out);
    assert.match(r.out, /^bad\t\S+\tbundle\.gap\tEarlier bundles are missing/m);
});

test('forged files: a bundle under another root, a stray file, a misnamed bundle', () => {
    const other = path.join(tmp, 'other');
    assert.equal(vsys('demo-data', '--exchange', other, '--prefecture', '310000', '--seed', '2').code, 0);
    const foreign = files(other).find((p) => p.startsWith('feeds/site_'));
    const dir = copyOfDemo('forged');
    fs.mkdirSync(path.join(dir, path.dirname(foreign)), { recursive: true });
    fs.copyFileSync(path.join(other, foreign), path.join(dir, foreign));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    const someFeed = path.dirname(files(dir).find((p) => p.startsWith('feeds/site_')));
    fs.writeFileSync(path.join(dir, someFeed, 'latest.json'), '{}');

    const r = vsys('verify', dir);
    assert.equal(r.code, 1);
    const found = bad(r.out);
    assert.ok(found.some(([p, c]) => p === foreign && c === 'cert.issuer'), r.out);
    assert.ok(found.some(([p, c]) => p === 'notes.txt' && c === 'exchange.path'), r.out);
    assert.ok(found.some(([p, c]) => p === `${someFeed}/latest.json` && c === 'bundle.name'), r.out);
    assert.equal(found.length, 3, r.out);
});

test('a pinned root that deployment.json does not name fails everything signed under the other', () => {
    const r = vsys('verify', demo, '--root', 'ab'.repeat(32));
    assert.equal(r.code, 1);
    assert.ok(bad(r.out).some(([p, c]) => p === 'deployment.json' && c === 'deployment.root'));
    assert.ok(bad(r.out).some(([, c]) => c === 'cert.issuer'));
});

test('usage errors exit 2', () => {
    assert.equal(vsys('verify').code, 2);
    assert.equal(vsys('verify', path.join(tmp, 'missing')).code, 2);
    assert.equal(vsys('deployment').code, 2);
    assert.equal(vsys('demo-data', '--exchange').code, 2);
    assert.equal(vsys('demo-data', '--exchange', path.join(tmp, 'x'), '--bundle-kb', '0').code, 2);
    const unknown = vsys('demo-data', '--exchange', path.join(tmp, 'y'), '--prefecture', '990000');
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /No such prefecture: 990000/);
});

test('demo-data --pack packs the day, --day goes on by one day, and everything still verifies', () => {
    const dir = path.join(tmp, 'days');
    const twoDaysAgo = new Date(Date.now() - 2 * 86400e3).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const a = vsys('demo-data', '--exchange', dir, '--prefecture', '310000', '--time', twoDaysAgo, '--pack');
    assert.equal(a.code, 0, a.err);
    assert.match(a.out, /^packs\t(\d+) \(the packers read \d+ bundles, refused 0\)/m);
    const day0 = twoDaysAgo.slice(0, 10);
    // 鳥取県's 19 municipalities packed for it, and 鳥取県 for the nation, on that day.
    assert.ok(files(dir).filter((f) => f.startsWith(`packs/pref_310000/${day0}/muni_`) && f.endsWith('.pack')).length >= 19);
    assert.ok(files(dir).some((f) => f.startsWith(`packs/nation/${day0}/pref_310000.`) && f.endsWith('.pack')));

    const b = vsys('demo-data', '--exchange', dir, '--day');
    assert.equal(b.code, 0, b.err);
    const today = new Date().toISOString().slice(0, 10);
    assert.match(b.out, new RegExp(`^day\\t${today} \\(round DEMO-${today}\\)$`, 'm'));
    const bundles = Number(b.out.match(/^bundles\t(\d+) /m)[1]);
    assert.ok(bundles > 300, b.out);  // the nation, 鳥取県, its municipalities and sites
    assert.ok(files(dir).some((f) => f.startsWith(`packs/nation/${today}/pref_310000.`) && f.endsWith('.pack')));
    const v = vsys('verify', dir);
    assert.equal(v.code, 0, v.out + v.err);
    assert.match(v.out, /^rejected\t0$/m);

    // A deployment whose sites have no demo devices cannot go on by a day: the message names
    // the organisation whose feed is missing. Nor can a folder with no deployment.
    const proxies = path.join(tmp, 'proxies');
    assert.equal(vsys('demo-data', '--exchange', proxies, '--prefecture', '310000', '--no-site-devices').code, 0);
    const c = vsys('demo-data', '--exchange', proxies, '--day');
    assert.equal(c.code, 1);
    assert.match(c.err, /feed is not on the exchange \(site:/);
    const none = vsys('demo-data', '--exchange', path.join(tmp, 'nothing'), '--day');
    assert.equal(none.code, 1);
    assert.equal(vsys('demo-data', '--exchange', dir, '--time', 'yesterday').code, 2);
});
