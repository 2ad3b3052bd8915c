// The exchange on a real S3 store: Ceph's RADOS Gateway started by tools/exchange-s3 into a
// folder of this test's own (installing Debian's packages when missing). A failed start fails the
// file, never skips it. Then the CLI against it: deployment init and demo-data --exchange with an
// s3:// URL, verify over S3 (signed and anonymous), PUT over an existing key refused, CORS for the
// app's origin, a wrong secret refused, and mirror folder → RGW → folder (and → nginx → folder)
// giving byte-identical trees, leaving a tampered bundle behind; store users per organisation,
// their keys sealed and rotated. Uses VSYS_CLI (default build/native/vsys).
//
// [SECTION] The cluster, a deployment in a bucket, the store's own rules
// [SECTION] Mirror between folders, RGW and nginx
// [SECTION] Store users: writes per organisation, sealed keys, rotation
// [SECTION] A start that fails
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort, Server } from '../e2e/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.VSYS_CLI || path.join(root, 'build/native/vsys');
const tool = path.join(root, 'tools/exchange-s3');
const signer = path.join(root, 'tools/lib/s3_request.py');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsys-s3-'));
const cluster = path.join(tmp, 'cluster');
const demo = path.join(tmp, 'demo');
let port, bucket, admin;

function run(cmd, args, env = {}) {
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env } });
    if (r.error) throw r.error;
    return { code: r.status, out: r.stdout, err: r.stderr };
}
const signed = () => ({ VSYS_S3_ACCESS_KEY: admin.VSYS_S3_ACCESS_KEY, VSYS_S3_SECRET_KEY: admin.VSYS_S3_SECRET_KEY });
const anonymous = { VSYS_S3_ACCESS_KEY: '', VSYS_S3_SECRET_KEY: '' };
const vsys = (args, env = signed()) => run(cli, args, env);
const s3 = (method, key, ...args) => run('/usr/bin/python3', [signer, method, `http://127.0.0.1:${port}/${key}`, ...args], signed());

function files(dir, prefix = '') {
    const out = [];
    for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
        const p = prefix ? `${prefix}/${e.name}` : e.name;
        if (e.isDirectory()) out.push(...files(dir, p));
        else out.push(p);
    }
    return out.sort();
}
function sameTree(a, b) {
    assert.deepEqual(files(b), files(a));
    for (const f of files(a)) assert.ok(fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))), f);
}
const bad = (out) => out.split('\n').filter((l) => l.startsWith('bad\t')).map((l) => l.split('\t').slice(1, 3));

// [SECTION] The cluster, a deployment in a bucket, the store's own rules

before(async () => {
    port = await freePort();
    const t0 = Date.now();
    const r = run(tool, ['start', cluster, '--port', String(port)]);
    // The install and start times and the cluster's memory, as the tool measured them.
    console.log(r.out.trim().split('\n').map((l) => `# exchange-s3: ${l}`).join('\n'));
    console.log(`# exchange-s3: start (with any install) took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert.equal(r.code, 0, `tools/exchange-s3 start failed:\n${r.out}\n${r.err}`);
    admin = Object.fromEntries(fs.readFileSync(path.join(cluster, 'admin.env'), 'utf8').trim().split('\n')
        .map((l) => l.split('=', 2)));
    bucket = admin.VSYS_S3_URL;
    assert.equal(bucket, `s3://127.0.0.1:${port}/vsys`);
    assert.equal(fs.statSync(path.join(cluster, 'admin.env')).mode & 0o777, 0o600);
    assert.equal(vsys(['demo-data', '--exchange', demo, '--prefecture', '310000', '--bundle-kb', '16']).code, 0);
});

after(() => {
    if (cluster) {
        const r = run(tool, ['stop', cluster]);
        assert.equal(r.code, 0, r.err);
        assert.equal(run(tool, ['status', cluster]).code, 1, 'every daemon stopped');
    }
    fs.rmSync(tmp, { recursive: true, force: true });
});

test('deployment init writes the manifest and the first lookup file into a bucket, and never twice', () => {
    const url = `${bucket}/fresh`;
    const keyFile = path.join(tmp, 'fresh-root.key');
    assert.equal(vsys(['deployment', 'init', url]).code, 2, 'the root key never goes onto a remote exchange: --key');
    const r = vsys(['deployment', 'init', url, '--key', keyFile]);
    assert.equal(r.code, 0, r.err);
    const key = r.out.match(/^root key\t([0-9a-f]{64})$/m)[1];
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    const v = vsys(['verify', url, '--root', key]);
    assert.equal(v.code, 0, v.out);
    assert.match(v.out, /^files\t2 \(0 bundles, 0 pointers, 1 enrolment lookup files, 0 pack files\)$/m);
    const again = vsys(['deployment', 'init', url, '--key', path.join(tmp, 'other.key')]);
    assert.equal(again.code, 1);
    assert.match(again.err, /already holds a deployment/);
});

test('demo-data --exchange writes the demo into the bucket; verify, reading anonymously, accepts it', () => {
    const url = `${bucket}/demo`;
    const t0 = Date.now();
    const w = vsys(['demo-data', '--exchange', url, '--prefecture', '310000', '--bundle-kb', '16']);
    assert.equal(w.code, 0, w.err);
    console.log(`# demo-data to RGW: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const n = files(demo).length;
    // Anonymous: the exchange is public (the mirror below also reads RGW anonymously).
    const v = vsys(['verify', url], anonymous);
    assert.equal(v.code, 0, v.out);
    assert.match(v.out, new RegExp(`^files\\t${n} `, 'm'));
    assert.match(v.out, /^rejected\t0$/m);
    assert.equal(vsys(['demo-data', '--exchange', url, '--prefecture', '310000']).code, 1, 'a deployment is not rewritten');
});

test('RGW refuses a PUT over an existing key with If-None-Match, and any anonymous PUT; the bytes stay', () => {
    const key = `vsys/refuse/${path.basename(files(demo).find((p) => p.startsWith('feeds/')))}`;
    const body = path.join(tmp, 'body.json');
    fs.writeFileSync(body, 'first');
    assert.equal(s3('PUT', key, '--body', body, '--header', 'If-None-Match: *').code, 0);
    fs.writeFileSync(body, 'second');
    const again = s3('PUT', key, '--body', body, '--header', 'If-None-Match: *');
    assert.equal(again.code, 1);
    assert.match(again.out, /^412\n.*PreconditionFailed/s);
    const anon = run('/usr/bin/python3', [signer, 'PUT', `http://127.0.0.1:${port}/vsys/refuse/anon.json`, '--body', body, '--anonymous']);
    assert.match(anon.out, /^403\n/);
    const read = run('/usr/bin/python3', [signer, 'GET', `http://127.0.0.1:${port}/${key}`, '--anonymous']);
    assert.equal(read.out, '200\nfirst\n');
});

test('a wrong secret is refused by the store: the CLI exits 1 naming SignatureDoesNotMatch', () => {
    const r = vsys(['deployment', 'init', `${bucket}/wrong`, '--key', path.join(tmp, 'wrong.key')],
        { VSYS_S3_ACCESS_KEY: admin.VSYS_S3_ACCESS_KEY, VSYS_S3_SECRET_KEY: 'not-the-secret' });
    assert.equal(r.code, 1);
    assert.match(r.err, /HTTP 403 SignatureDoesNotMatch/);
});

test('CORS: the app\'s origin may GET and PUT with SigV4\'s headers and read Date; another origin may not', async () => {
    const url = `http://127.0.0.1:${port}/vsys/demo/deployment.json`;
    const pre = await fetch(url, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:8080',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,content-type,if-none-match,x-amz-content-sha256,x-amz-date' } });
    assert.equal(pre.status, 200);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8080');
    const get = await fetch(url, { headers: { Origin: 'http://127.0.0.1:8080' } });
    assert.equal(get.status, 200);
    assert.match(get.headers.get('access-control-expose-headers'), /Date/);
    const foreign = await fetch(url, { headers: { Origin: 'http://evil.example' } });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
});

// [SECTION] Mirror between folders, RGW and nginx

test('mirror folder → RGW → folder gives a byte-identical tree that verifies; a second run copies nothing', () => {
    const url = `${bucket}/mirrored`;
    const up = vsys(['mirror', demo, url]);
    assert.equal(up.code, 0, up.out + up.err);
    const n = files(demo).length;
    assert.match(up.out, new RegExp(`^copied\\t${n} `, 'm'));
    const back = path.join(tmp, 'back');
    const down = vsys(['mirror', url, back], anonymous);
    assert.equal(down.code, 0, down.out + down.err);
    sameTree(demo, back);
    const diff = run('diff', ['-r', demo, back]);
    assert.equal(diff.code, 0, diff.out);
    assert.equal(vsys(['verify', back]).code, 0);
    const again = vsys(['mirror', demo, url]);
    assert.equal(again.code, 0);
    assert.match(again.out, /^copied\t0 /m);
    assert.match(again.out, new RegExp(`^skipped\\t${n} `, 'm'));
});

test('mirror leaves a tampered bundle and its pointers behind, reports it, and copies the rest', () => {
    const dir = path.join(tmp, 'tampered');
    fs.cpSync(demo, dir, { recursive: true });
    const target = files(dir).filter((p) => p.startsWith('feeds/site_')).pop();
    const bytes = fs.readFileSync(path.join(dir, target));
    const at = bytes.indexOf('"sig":"') + 10;
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    fs.writeFileSync(path.join(dir, target), bytes);
    const url = `${bucket}/tampered`;
    const r = vsys(['mirror', dir, url]);
    assert.equal(r.code, 1);
    assert.deepEqual(bad(r.out), [[target, 'bundle.hash_mismatch']]);
    const name = path.basename(target);
    const pointers = files(dir).filter((p) => p.endsWith(name) && p !== target);
    assert.ok(pointers.length >= 1);
    assert.match(r.out, new RegExp(`^copied\\t${files(dir).length - 1 - pointers.length} `, 'm'));
    const get = (p) => run('/usr/bin/python3', [signer, 'GET', `http://127.0.0.1:${port}/vsys/tampered/${p}`, '--anonymous'])
        .out.split('\n')[0];
    assert.equal(get(target), '404', 'the tampered bundle was not copied');
    for (const p of pointers) assert.equal(get(p), '404', `nor the pointer ${p}`);
    assert.equal(get(files(dir).find((p) => p.startsWith('feeds/') && p !== target)), '200', 'the rest was');
});

test('mirror folder → nginx (HTTP) → folder is byte-identical too', async () => {
    const site = path.join(tmp, 'site');
    fs.mkdirSync(site);
    fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>x</title>');
    const nginx = await Server.start(site);
    try {
        const up = vsys(['mirror', demo, nginx.exchangeUrl]);
        assert.equal(up.code, 0, up.out + up.err);
        const back = path.join(tmp, 'via-nginx');
        const down = vsys(['mirror', nginx.exchangeUrl, back]);
        assert.equal(down.code, 0, down.out + down.err);
        sameTree(demo, back);
        assert.equal(vsys(['verify', nginx.exchangeUrl]).code, 0);
    } finally {
        await nginx.stop();
        fs.rmSync(nginx.prefix, { recursive: true, force: true });
    }
});

// [SECTION] Store users: writes per organisation, sealed keys, rotation

test('s3-users: one organisation\'s key writes its own feed, news and pointers, never another\'s feed', () => {
    const creds = path.join(tmp, 'creds');
    fs.mkdirSync(creds);
    const r = vsys(['deployment', 's3-users', bucket, '--org', 'muni:312011', '--org', 'muni:312029', '--out', creds]);
    assert.equal(r.code, 0, r.out + r.err);
    const keys = (seg) => Object.fromEntries(fs.readFileSync(path.join(creds, `${seg}.env`), 'utf8').trim().split('\n')
        .map((l) => l.split('=', 2)));
    assert.equal(fs.statSync(path.join(creds, 'muni_312011.env')).mode & 0o777, 0o600);
    const a = keys('muni_312011');
    const body = path.join(tmp, 'org.json');
    fs.writeFileSync(body, '{}');
    // The policy covers the bucket's top (the demo lives under prefixes, so nothing here meets it).
    const own = (key) => run('/usr/bin/python3', [signer, 'PUT', `http://127.0.0.1:${port}/vsys/${key}`, '--body', body,
        '--header', 'If-None-Match: *'], { VSYS_S3_ACCESS_KEY: a.VSYS_S3_ACCESS_KEY, VSYS_S3_SECRET_KEY: a.VSYS_S3_SECRET_KEY })
        .out.split('\n')[0];
    assert.equal(own('feeds/muni_312011/0123456789abcdef/0000000001-x.json'), '200');
    assert.equal(own('news/muni_312011/2026-12-06/muni_312011.0123456789abcdef.0000000001-x.json'), '200');
    assert.equal(own('inbox/pref_310000/2026-12-06/muni_312011.0123456789abcdef.0000000001-x.json'), '200');
    assert.equal(own(`packs/pref_310000/2026-12-06/muni_312011.0123456789abcdef.${'a'.repeat(64)}.pack`), '200');
    assert.equal(own(`packs/pref_310000/2026-12-06/muni_312029.0123456789abcdef.${'a'.repeat(64)}.pack`), '403');
    assert.equal(own('feeds/muni_312029/0123456789abcdef/0000000001-x.json'), '403');
    assert.equal(own('feeds/muni_3120110/0123456789abcdef/0000000001-x.json'), '403', 'a longer id is another organisation');
    assert.equal(own('inbox/pref_310000/2026-12-06/muni_312029.0123456789abcdef.0000000001-x.json'), '403');
    assert.equal(own('deployment.json'), '403');
    // The C++ signer with the organisation's key: refused where the organisation may not write.
    const init = vsys(['deployment', 'init', `${bucket}/by-org`, '--key', path.join(tmp, 'org-root.key')],
        { VSYS_S3_ACCESS_KEY: a.VSYS_S3_ACCESS_KEY, VSYS_S3_SECRET_KEY: a.VSYS_S3_SECRET_KEY });
    assert.equal(init.code, 1);
    assert.match(init.err, /HTTP 403 AccessDenied/);
    // What it wrote is public.
    const read = run('/usr/bin/python3', [signer, 'GET',
        `http://127.0.0.1:${port}/vsys/feeds/muni_312011/0123456789abcdef/0000000001-x.json`, '--anonymous']);
    assert.equal(read.out, '200\n{}\n');
});

test('s3-users seals the key to the organisation\'s devices and enrolment codes, once; verify accepts the sealed files', () => {
    const url = `${bucket}/demo`;
    // The keys file of the test above: the user exists, its keys are known, so they are sealed.
    const creds = path.join(tmp, 'creds');
    const lookups = files(demo).filter((p) => p.startsWith('directory/enrolment/'))
        .filter((p) => JSON.parse(fs.readFileSync(path.join(demo, p), 'utf8')).enrolment.org === 'muni:312011').length;
    const r = vsys(['deployment', 's3-users', url, '--org', 'muni:312011', '--out', creds]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /^user\tmuni:312011\tvsys-muni_312011\t.*muni_312011\.env \(kept\)$/m);
    assert.match(r.out, new RegExp(`^sealed\\tmuni:312011\\t1 devices, ${lookups} enrolment codes \\(${lookups + 1} files\\)$`, 'm'));
    const listing = run('/usr/bin/python3', [signer, 'GET', `http://127.0.0.1:${port}/vsys?list-type=2&prefix=demo/credentials/`, '--anonymous']);
    const keys = [...listing.out.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]);
    assert.equal(keys.length, lookups + 1);
    const sealed = JSON.parse(run('/usr/bin/python3', [signer, 'GET', `http://127.0.0.1:${port}/${keys[0].replace(/^/, 'vsys/')}`,
        '--anonymous']).out.split('\n').slice(1).join('\n'));
    const key = fs.readFileSync(path.join(creds, 'muni_312011.env'), 'utf8').match(/^VSYS_S3_ACCESS_KEY=(.*)$/m)[1];
    assert.equal(sealed.key_id, key);
    assert.equal(sealed.org, 'muni:312011');
    assert.ok(!JSON.stringify(sealed).includes(fs.readFileSync(path.join(creds, 'muni_312011.env'), 'utf8')
        .match(/^VSYS_S3_SECRET_KEY=(.*)$/m)[1]), 'the secret only sealed');
    // Again: the same key kept, nothing sealed twice.
    const again = vsys(['deployment', 's3-users', url, '--org', 'muni:312011', '--out', creds]);
    assert.equal(again.code, 0, again.out + again.err);
    assert.match(again.out, /\(kept\)/);
    assert.match(again.out, /^sealed\tmuni:312011\t0 devices, 0 enrolment codes \(0 files\)$/m);
    // An organisation's key cannot write there: only the administrator seals.
    const body = path.join(tmp, 'sealed.json');
    fs.writeFileSync(body, '{}');
    const k = Object.fromEntries(fs.readFileSync(path.join(creds, 'muni_312011.env'), 'utf8').trim().split('\n').map((l) => l.split('=', 2)));
    const forged = run('/usr/bin/python3', [signer, 'PUT', `http://127.0.0.1:${port}/vsys/demo/credentials/muni_312011/${'a'.repeat(64)}.sealed`,
        '--body', body, '--header', 'If-None-Match: *'], { VSYS_S3_ACCESS_KEY: k.VSYS_S3_ACCESS_KEY, VSYS_S3_SECRET_KEY: k.VSYS_S3_SECRET_KEY });
    assert.match(forged.out, /^403\n/);
    const v = vsys(['verify', url], anonymous);
    assert.equal(v.code, 0, v.out);
    assert.match(v.out, /^rejected\t0$/m);
});

test('s3-users --rotate: version 2 sealed beside version 1 to every recipient; the old key is refused a PUT (AccessDenied), the new one writes; the old .env kept', () => {
    const url = `${bucket}/demo`;
    const creds = path.join(tmp, 'creds');
    const env = (file) => Object.fromEntries(fs.readFileSync(path.join(creds, file), 'utf8').trim().split('\n')
        .map((l) => l.split('=', 2)));
    const old = env('muni_312011.env');
    const sealedKeys = () => {
        const listing = run('/usr/bin/python3', [signer, 'GET',
            `http://127.0.0.1:${port}/vsys?list-type=2&prefix=demo/credentials/muni_312011/`, '--anonymous']);
        return [...listing.out.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]);
    };
    const v1 = sealedKeys().filter((k) => /\/[0-9a-f]{64}\.sealed$/.test(k));
    assert.ok(v1.length >= 2, 'the test above sealed version 1');
    const t0 = Date.now();
    const r = vsys(['deployment', 's3-users', url, '--rotate', 'muni:312011', '--out', creds]);
    console.log(`# s3-users --rotate: ${((Date.now() - t0) / 1000).toFixed(1)} s for ${v1.length} recipients`);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /^rotated\tmuni:312011\tversion 2\t.*muni_312011\.env \(version 1 kept in .*muni_312011\.env\.v1\)$/m);
    assert.match(r.out, new RegExp(`^sealed\\tmuni:312011\\t.*\\(${v1.length} files\\)$`, 'm'));
    assert.match(r.out, /^revoked\tmuni:312011\tvsys-muni_312011 \(no longer in the policy/m);
    const fresh = env('muni_312011.env');
    assert.equal(fresh.VSYS_S3_KEY_VERSION, '2');
    assert.notEqual(fresh.VSYS_S3_ACCESS_KEY, old.VSYS_S3_ACCESS_KEY);
    assert.deepEqual(env('muni_312011.env.v1'), old, 'the earlier key file is kept, unchanged');
    assert.equal(fs.statSync(path.join(creds, 'muni_312011.env')).mode & 0o777, 0o600);
    // Version 2 beside version 1 for every recipient: nothing on the exchange was overwritten.
    const keys = sealedKeys();
    const v2 = keys.filter((k) => /\/[0-9a-f]{64}\/2\.sealed$/.test(k));
    assert.deepEqual(v2.map((k) => k.replace(/\/2\.sealed$/, '.sealed')).sort(), v1.sort());
    const file = JSON.parse(run('/usr/bin/python3', [signer, 'GET', `http://127.0.0.1:${port}/vsys/${v2[0]}`, '--anonymous'])
        .out.split('\n').slice(1).join('\n'));
    assert.equal(file.key_id, fresh.VSYS_S3_ACCESS_KEY);
    assert.equal(file.version, 2);
    assert.ok(!JSON.stringify(file).includes(fresh.VSYS_S3_SECRET_KEY), 'the secret only sealed');
    // verify accepts the versioned files; a plain run keeps version 2 and seals nothing twice.
    const v = vsys(['verify', url], anonymous);
    assert.equal(v.code, 0, v.out);
    assert.match(v.out, /^rejected\t0$/m);
    const again = vsys(['deployment', 's3-users', url, '--org', 'muni:312011', '--out', creds]);
    assert.equal(again.code, 0, again.out + again.err);
    assert.match(again.out, /\(kept\)/);
    assert.match(again.out, /^sealed\tmuni:312011\t0 devices, 0 enrolment codes \(0 files\)$/m);
    // The store: the old key refused, the new one writes the organisation's feed (last: verify would
    // count this file as a bad bundle).
    const body = path.join(tmp, 'rotated.json');
    fs.writeFileSync(body, '{}');
    const put = (k, key) => run('/usr/bin/python3', [signer, 'PUT', `http://127.0.0.1:${port}/vsys/${key}`, '--body', body,
        '--header', 'If-None-Match: *'], { VSYS_S3_ACCESS_KEY: k.VSYS_S3_ACCESS_KEY, VSYS_S3_SECRET_KEY: k.VSYS_S3_SECRET_KEY }).out;
    // AccessDenied (the old user is out of the policy), which RGW sends with the bucket's CORS headers
    // so a browser reads it; a removed key's InvalidAccessKeyId comes without them.
    assert.match(put(old, 'demo/feeds/muni_312011/0123456789abcdef/0000000002-x.json'), /^403\n.*AccessDenied/s);
    assert.match(put(fresh, 'demo/feeds/muni_312011/0123456789abcdef/0000000002-x.json'), /^200\n/);
    // The C++ transport reads the refusal as the key's (a device then fetches its key again).
    const refused = vsys(['deployment', 'init', `${bucket}/by-old-key`, '--key', path.join(tmp, 'old-key-root.key')],
        { VSYS_S3_ACCESS_KEY: old.VSYS_S3_ACCESS_KEY, VSYS_S3_SECRET_KEY: old.VSYS_S3_SECRET_KEY });
    assert.equal(refused.code, 1);
    assert.match(refused.err, /refused the write key: HTTP 403 AccessDenied/);
    // A second rotation would overwrite no backup: version 3, version 2's file kept as .v2.
    const third = vsys(['deployment', 's3-users', url, '--rotate', 'muni:312011', '--out', creds]);
    assert.equal(third.code, 0, third.out + third.err);
    assert.match(third.out, /^rotated\tmuni:312011\tversion 3\tvsys-muni_312011-v3\t.*\.env\.v2\)$/m);
    assert.match(third.out, /^revoked\tmuni:312011\tvsys-muni_312011-v2 /m);
    assert.deepEqual(env('muni_312011.env.v2'), fresh);
    assert.match(put(fresh, 'demo/feeds/muni_312011/0123456789abcdef/0000000003-x.json'), /^403\n/);
});

// [SECTION] A start that fails

test('a start that cannot bind its port fails with the gateway\'s log, and leaves nothing running', () => {
    const dir = path.join(tmp, 'clash');
    const r = run(tool, ['start', dir, '--port', String(port)]);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /radosgw|gateway|client\.rgw/);
    assert.equal(run(tool, ['status', dir]).code, 1);
});
