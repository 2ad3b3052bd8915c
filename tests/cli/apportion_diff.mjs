// Differential test of `vsys allocate` against two npm implementations nobody here wrote:
// hare-niemeyer (largest remainder) and sainte-lague (Webster). Thousands of random problems
// go through our CLI in one process (--jsonl) and through the peers, and the results must
// agree unit for unit.
//
// Ties. Both peers work in floating point and do not break ties the way we do:
// - hare-niemeyer with draw=false returns the raw fractional share for every party whose
//   remainder ties at the cut (instead of drawing lots). We compute the tie exactly (BigInt
//   remainders w·S mod W) and then require: the parties the peer left fractional are exactly
//   the ones tied at the cut, and every other party matches us.
// - sainte-lague with draw=false throws "result is ambiguous" when quotients tie at the cut.
//   We compute the tie exactly and require: the peer throws if and only if there is a tie.
// Floating point is safe at these sizes: weights <= 10^6 and <= 300 children keep distinct
// remainders and quotients far apart compared with the peers' 12-14 decimal rounding.
//
// Usage: node tests/cli/apportion_diff.mjs [path/to/vsys] [count] [seed]
//        (or VSYS_CLI=path/to/vsys). Prints "N passed, N failed"; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const hareNiemeyer = (await import(pathToFileURL(require.resolve('hare-niemeyer')))).default;
const sainteLague = (await import(pathToFileURL(require.resolve('sainte-lague')))).default;

const cli = process.argv[2] || process.env.VSYS_CLI || path.join(root, 'build/native/vsys');
const count = Number(process.argv[3] || process.env.DIFF_COUNT || 3000);
let seed = Number(process.argv[4] || process.env.DIFF_SEED || 20210512) >>> 0;

// mulberry32: a small deterministic PRNG, so a failing problem can be reproduced by seed.
function random() {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const below = (n) => Math.floor(random() * n);

function randomProblem(i) {
    const method = i % 2 === 0 ? 'hamilton' : 'sainte_lague';
    const r = random();
    const n = r < 0.7 ? 1 + below(30) : r < 0.95 ? 30 + below(120) : 150 + below(151);
    const scale = [10, 1000, 1000000][below(3)];
    const children = [];
    for (let k = 0; k < n; k++) {
        const kind = below(12);
        // Zeros and repeated weights make ties; the rest is spread over the scale.
        const weight = kind === 0 ? 0 : kind === 1 ? Math.ceil(scale / 4) : 1 + below(scale);
        children.push({ id: `p${k}`, weight });
    }
    if (children.every((c) => c.weight === 0)) children[0].weight = 1;
    const total = 1 + below(r < 0.5 ? 50 : 2000);
    return { total, method, children };
}

// Exact tie at the Hamilton cut: the set of parties whose remainder equals the cut remainder,
// or null when the leftover units fall between two different remainders.
function hamiltonTie(p) {
    const S = BigInt(p.total);
    const W = p.children.reduce((s, c) => s + BigInt(c.weight), 0n);
    const rems = p.children.map((c) => (BigInt(c.weight) * S) % W);
    const floors = p.children.reduce((s, c) => s + (BigInt(c.weight) * S) / W, 0n);
    const leftover = Number(S - floors);
    if (leftover === 0) return null;
    const sorted = [...rems].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    if (sorted[leftover - 1] !== sorted[leftover]) return null;
    const cut = sorted[leftover];
    return new Set(p.children.filter((_, k) => rems[k] === cut).map((c) => c.id));
}

// Exact tie at the Sainte-Laguë cut: the weakest quotient that won, w/(a-1/2), equals the
// strongest that lost, w/(a+1/2). Quotients compared as fractions 2w/(2a±1).
function sainteLagueTie(p, units) {
    let won = null;
    let lost = null;
    const less = (x, y) => x[0] * y[1] < y[0] * x[1];
    p.children.forEach((c, k) => {
        const a = BigInt(units[k]);
        const w = BigInt(c.weight);
        if (c.weight === 0) return;
        if (a > 0n) {
            const q = [2n * w, 2n * a - 1n];
            if (!won || less(q, won)) won = q;
        }
        const q = [2n * w, 2n * a + 1n];
        if (!lost || less(lost, q)) lost = q;
    });
    return won && lost && won[0] * lost[1] === lost[0] * won[1];
}

const problems = Array.from({ length: count }, (_, i) => randomProblem(i));
const run = spawnSync(cli, ['allocate', '--jsonl'], {
    input: problems.map((p) => JSON.stringify(p)).join('\n') + '\n',
    maxBuffer: 1 << 30,
    encoding: 'utf8',
});
if (run.error || run.status !== 0) {
    console.error(`cannot run ${cli} allocate --jsonl:`, run.error?.message ?? run.stderr);
    process.exit(2);
}
const results = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
if (results.length !== problems.length) {
    console.error(`expected ${problems.length} result lines, got ${results.length}`);
    process.exit(2);
}

let passed = 0;
let failed = 0;
const stats = { hamilton: 0, hamiltonTies: 0, sainteLague: 0, sainteLagueTies: 0 };
const fail = (i, why) => {
    failed++;
    if (failed <= 10) console.error(`problem ${i}: ${why}\n  ${JSON.stringify(problems[i])}`);
};

problems.forEach((p, i) => {
    const ours = results[i].children.map((c) => c.units);
    const votes = Object.fromEntries(p.children.map((c) => [c.id, c.weight]));
    if (p.method === 'hamilton') {
        stats.hamilton++;
        const peer = hareNiemeyer(votes, p.total, false);
        const tie = hamiltonTie(p);
        if (tie) stats.hamiltonTies++;
        for (const [k, c] of p.children.entries()) {
            const v = peer[c.id];
            const fractional = !Number.isInteger(v);
            if (fractional !== Boolean(tie && tie.has(c.id)))
                return fail(i, `${c.id}: peer ${fractional ? 'left a tie' : 'decided'} (${v}), exact tie: ${Boolean(tie?.has(c.id))}`);
            if (!fractional && v !== ours[k]) return fail(i, `${c.id}: hare-niemeyer ${v}, ours ${ours[k]}`);
        }
    } else {
        stats.sainteLague++;
        const tie = sainteLagueTie(p, ours);
        if (tie) stats.sainteLagueTies++;
        let peer = null;
        try {
            peer = sainteLague(votes, p.total, { draw: false });
        } catch (e) {
            if (!tie) return fail(i, `sainte-lague refused an untied problem: ${e.message}`);
            passed++;
            return;
        }
        if (tie) return fail(i, 'sainte-lague decided a problem that ties exactly at the cut');
        for (const [k, c] of p.children.entries())
            if (peer[c.id] !== ours[k]) return fail(i, `${c.id}: sainte-lague ${peer[c.id]}, ours ${ours[k]}`);
    }
    passed++;
});

console.log(
    `hare-niemeyer: ${stats.hamilton} problems (${stats.hamiltonTies} with an exact tie at the cut); ` +
        `sainte-lague: ${stats.sainteLague} problems (${stats.sainteLagueTies} with an exact tie at the cut)`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
