// `vsys stock` (issue 15 item 9): a ledger given as JSON replayed; the balances, transfers in
// transit and the accounting per lot on success; the first refused event with its rule (exit 1);
// malformed input refused naming the member (exit 2). Uses VSYS_CLI (default build/native/vsys).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.resolve(process.env.VSYS_CLI || path.join(root, 'build/native/vsys'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsys-stock-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function stock(input, ...args) {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  return spawnSync(cli, ['stock', ...args], { input: text, encoding: 'utf8' });
}

const HUB = '1310000011';
const SAT = '1310000029';

// A hub's lot received, moved to its satellite, partly wasted, a transfer refused and one in transit.
function sample() {
  return {
    sites: { [HUB]: ['pfizer_hub'], [SAT]: ['pfizer_satellite'], '1310000037': ['tm_general'] },
    events: [
      { date: '2022-01-20', kind: 'receipt', site: HUB, product: 'pfizer_12', lot: 'FK0108', expiry: '2022-04-30', vials: 195 },
      { date: '2022-01-31', kind: 'transfer', from: HUB, to: SAT, product: 'pfizer_12', lot: 'FK0108', vials: 30, condition: 'cool_2_8_3h' },
      { date: '2022-01-31', kind: 'transfer_receipt', site: SAT, transfer: 1 },
      { date: '2022-02-01', kind: 'transfer', from: HUB, to: SAT, product: 'pfizer_12', lot: 'FK0108', vials: 10, condition: 'cool_2_8_3h' },
      { date: '2022-02-02', kind: 'wastage', site: SAT, product: 'pfizer_12', lot: 'FK0108', vials: 2, reason: 'cold_chain',
        from: '2022-02-02T08:00', to: '2022-02-02T09:30', temperature: 12.5 },
      { date: '2022-02-03', kind: 'transfer', from: HUB, to: SAT, product: 'pfizer_12', lot: 'FK0108', vials: 5, condition: 'cool_2_8_3h' },
      { date: '2022-02-03', kind: 'transfer_refusal', site: SAT, transfer: 5, reason: 'not_expected' },
      { date: '2022-02-10', kind: 'count', site: HUB, product: 'pfizer_12', lot: 'FK0108', vials: 150, reason: 'used' },
    ],
  };
}

test('a ledger replayed: balances in vials and doses, in transit, the accounting identity per lot', () => {
  const file = path.join(dir, 'ledger.json');
  fs.writeFileSync(file, JSON.stringify(sample()));
  for (const r of [stock('', file), stock(sample())]) {  // FILE, and stdin
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.balances, [
      { site: HUB, product: 'pfizer_12', lot: 'FK0108', vials: 150, doses: 900 },
      { site: SAT, product: 'pfizer_12', lot: 'FK0108', vials: 28, doses: 168 },
    ]);
    assert.deepEqual(out.in_transit, [{ transfer: 3, vials: 10 }]);
    assert.deepEqual(out.accounting[0], {
      site: HUB, product: 'pfizer_12', lot: 'FK0108', received: 195, transferred_in: 0, transferred_out: 40, wasted: 0,
      count_difference: 5, on_hand: 150,
    });
    for (const a of out.accounting)
      assert.equal(a.received + a.transferred_in, a.on_hand + a.transferred_out + a.wasted + a.count_difference);
  }
});

function refused(mutate) {
  const input = sample();
  mutate(input);
  const r = stock(input);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  return JSON.parse(r.stdout).refused;
}

test('each refusal names the first refused event and its rule', () => {
  let x = refused((i) => { i.events[1].date = '2022-01-30'; });
  assert.deepEqual([x.index, x.rule], [1, 'transfer.max_vials']);
  assert.match(x.message, /at most 5 vials a transfer until 2022-01-30/);

  x = refused((i) => { i.sites[SAT] = ['tm_general']; });
  assert.deepEqual([x.index, x.rule], [1, 'transfer.matrix']);
  assert.match(x.message, /from pfizer_hub to none/);
  x = refused((i) => { i.sites[SAT] = ['pfizer_child']; i.events[1].product = 'pfizer_5_11'; i.sites[HUB] = ['pfizer_child', 'pfizer_hub']; i.events[0].product = 'pfizer_5_11'; i.events[1].to = '1310000037'; });
  assert.equal(x.rule, 'transfer.matrix');
  assert.match(x.message, /from pfizer_child to none/);

  x = refused((i) => { i.events[5].vials = 500; });
  assert.deepEqual([x.index, x.rule], [5, 'stock.below_zero']);
  assert.match(x.message, /holds 155 vials: 500 is 345 short/);

  x = refused((i) => { i.events[1].date = '2022-08-01'; });  // past even the extended expiry
  assert.deepEqual([x.index, x.rule], [1, 'lot.expired']);

  x = refused((i) => { i.events[1].condition = 'ultra_low_box'; });
  assert.deepEqual([x.index, x.rule], [1, 'transfer.condition']);

  x = refused((i) => { i.events[6].transfer = 4; });
  assert.deepEqual([x.index, x.rule], [6, 'transfer.unknown']);
  x = refused((i) => { i.events[6].transfer = 1; });
  assert.deepEqual([x.index, x.rule], [6, 'transfer.answered']);
  x = refused((i) => { i.events[6].site = HUB; });
  assert.deepEqual([x.index, x.rule], [6, 'transfer.not_addressed']);

  x = refused((i) => { i.events[4].reason = 'broken'; i.events[4].vials = 31; });
  assert.deepEqual([x.index, x.rule], [4, 'stock.below_zero']);
  x = refused((i) => { delete i.events[4].temperature; delete i.events[4].from; delete i.events[4].to; });
  assert.deepEqual([x.index, x.rule], [4, 'stock.excursion']);
  x = refused((i) => { i.events[4].reason = 'other'; });
  assert.deepEqual([x.index, x.rule], [4, 'stock.reason_text']);
  x = refused((i) => { delete i.events[7].reason; });
  assert.deepEqual([x.index, x.rule], [7, 'count.reason_required']);
  x = refused((i) => { i.events[7].reason = 'found'; });
  assert.deepEqual([x.index, x.rule], [7, 'stock.reason']);
  x = refused((i) => { i.events[0].site = '9999999999'; });
  assert.deepEqual([x.index, x.rule], [0, 'stock.unknown_site']);
  x = refused((i) => { i.events[0].lot = 'FK 0108'; });
  assert.deepEqual([x.index, x.rule], [0, 'stock.lot_format']);
  x = refused((i) => { i.events[1].to = HUB; });
  assert.deepEqual([x.index, x.rule], [1, 'transfer.self']);
});

test('from 2022-01-31 the cap is lifted: 1, 5, 6 and 500 vials accepted', () => {
  const input = sample();
  input.events = [input.events[0]];
  input.events[0].vials = 1000;
  input.events[0].expiry = '2022-12-31';
  for (const v of [1, 5, 6, 500])
    input.events.push({ date: '2022-01-31', kind: 'transfer', from: HUB, to: SAT, product: 'pfizer_12', lot: 'FK0108', vials: v, condition: 'cool_2_8_3h' });
  const r = stock(input);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.balances[0].vials, 1000 - 512);
  assert.deepEqual(out.in_transit.map((t) => t.vials), [1, 5, 6, 500]);
});

test('malformed input is refused with exit 2 and a message naming the member', () => {
  const cases = [
    ['{"sites": {}, "sites": {}, "events": []}', /same key twice/],
    ['not json', /not accepted JSON/],
    [{ sites: {}, events: [], extra: 1 }, /input\.extra: unknown member/],
    [{ sites: {}, events: {} }, /events: expected an array/],
    [{ sites: { [HUB]: ['pfizer_base'] }, events: [] }, /sites\.1310000011: expected pfizer_hub/],
    [{ sites: {}, events: [{ date: '2022-01-20', kind: 'receipt', site: HUB, product: 'pfizer_12', lot: 'A', expiry: '2022-04-30', vials: 1.5 }] }, /events\[0\]\.vials: expected an integer/],
    [{ sites: {}, events: [{ date: '2022-01-20', kind: 'receipt', site: HUB, product: 'pfizer_12', lot: 'A', expiry: '2022-04-30', vials: '1' }] }, /events\[0\]\.vials: expected an integer/],
    [{ sites: {}, events: [{ date: '2022-01-20', kind: 'receipt', site: HUB, product: 'pfizer_12', lot: 'A', expiry: '2022-04-30', vials: 1, colour: 'red' }] }, /events\[0\]\.colour: unknown member/],
    [{ sites: {}, events: [{ date: '2022-01-20', kind: 'receipt', site: HUB, product: 'astrazeneca', lot: 'A', expiry: '2022-04-30', vials: 1 }] }, /events\[0\]\.product/],
    [{ sites: {}, events: [{ date: '2022-02-30', kind: 'receipt', site: HUB, product: 'pfizer_12', lot: 'A', expiry: '2022-04-30', vials: 1 }] }, /events\[0\]\.date: expected a date/],
    [{ sites: {}, events: [{ date: '2022-01-20', kind: 'delivery' }] }, /events\[0\]\.kind: expected receipt/],
    [{ sites: {}, events: [{ date: '2022-01-20', kind: 'receipt', site: HUB, product: 'pfizer_12', lot: 'A', vials: 1 }] }, /events\[0\]\.expiry: missing/],
    [{ sites: {}, events: [{ date: '2022-01-20', kind: 'transfer_receipt', site: HUB, transfer: -1 }] }, /events\[0\]\.transfer/],
  ];
  for (const [input, message] of cases) {
    const r = stock(input);
    assert.equal(r.status, 2, `${JSON.stringify(input)}: ${r.stdout}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
  }
  const usage = spawnSync(cli, ['stock', 'a', 'b'], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /usage: vsys stock/);
});
