// Times the npm peers (hare-niemeyer, sainte-lague) against `vsys allocate` on the same
// problem: 1,741 children (the municipalities) with PRNG populations, 10,000 units. Our time
// is measured two ways: one CLI process per problem (spawn + JSON parse + split + print), and
// per problem inside one --jsonl process running 50 copies (spawn amortised).
// Usage: node tests/bench/apportion_peers.mjs [path/to/vsys] [children]   (or VSYS_CLI=...)
// Prints Markdown table rows: | implementation | method | children | ms per problem | our speed-up |
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const hareNiemeyer = (await import(pathToFileURL(require.resolve('hare-niemeyer')))).default;
const sainteLague = (await import(pathToFileURL(require.resolve('sainte-lague')))).default;

const cli = process.argv[2] || process.env.VSYS_CLI || path.join(root, 'build/native/vsys');
const n = Number(process.argv[3] || 1741);
const total = 10000;

let seed = 1741;
function random() {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const children = Array.from({ length: n }, (_, k) => ({ id: `m${k}`, weight: 200 + Math.floor(random() * 400000) }));
const votes = Object.fromEntries(children.map((c) => [c.id, c.weight]));

function timeMs(f, runs) {
    const times = [];
    for (let r = 0; r < runs; r++) {
        const t0 = process.hrtime.bigint();
        f();
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}

function ours(method) {
    const line = JSON.stringify({ total, method, children });
    const run = (input, args) => {
        const r = spawnSync(cli, ['allocate', ...args], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`vsys allocate failed: ${r.stderr}`);
        return r.stdout;
    };
    const single = timeMs(() => run(line, []), 5);
    const copies = 50;
    const batch = Array(copies).fill(line).join('\n') + '\n';
    const amortised = timeMs(() => run(batch, ['--jsonl']), 3) / copies;
    return { single, amortised };
}

const rows = [];
const peers = [
    ['hare-niemeyer', 'hamilton', () => hareNiemeyer(votes, total, false)],
    ['sainte-lague', 'sainte_lague', () => sainteLague(votes, total, { draw: true })],
];
console.log('| implementation | method | children | ms per problem | our speed-up |');
console.log('|---|---|---|---|---|');
for (const [name, method, f] of peers) {
    const peerMs = timeMs(f, 3);
    const o = ours(method);
    rows.push([name, method, peerMs, o]);
    console.log(`| npm ${name} | ${method} | ${n} | ${peerMs.toFixed(1)} | |`);
    console.log(`| vsys allocate, one process per problem | ${method} | ${n} | ${o.single.toFixed(2)} | ${(peerMs / o.single).toFixed(0)}× |`);
    console.log(`| vsys allocate --jsonl, per problem | ${method} | ${n} | ${o.amortised.toFixed(2)} | ${(peerMs / o.amortised).toFixed(0)}× |`);
}
