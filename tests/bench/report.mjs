// Shared pieces of the benchmark runner: the machine description, load average, number
// formatting, medians, and the targets table (printed to the terminal and written to the doc).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

function firstLine(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'not found';
  return (r.stdout || r.stderr).split('\n').find((l) => l.trim() !== '') || 'unknown';
}

function readOr(file, fallback) {
  try { return readFileSync(file, 'utf8'); } catch { return fallback; }
}

export function loadAverage() {
  return readOr('/proc/loadavg', '? ? ?').split(' ').slice(0, 3).join(' / ');
}

export function stamp() {
  return new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

// Rows of [label, value] describing this machine and toolchain.
export function machineRows(root) {
  const cpuinfo = readOr('/proc/cpuinfo', '');
  const model = (/^model name\s*:\s*(.*)$/m.exec(cpuinfo) || [])[1] || os.cpus()[0]?.model || 'unknown';
  const mhz = (/^cpu MHz\s*:\s*([\d.]+)$/m.exec(cpuinfo) || [])[1];
  const osName = (/^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readOr('/etc/os-release', '')) || [])[1] || os.type();
  const git = spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  const dirty = spawnSync('git', ['-C', root, 'status', '--porcelain'], { encoding: 'utf8' });
  const commit = git.status === 0
    ? git.stdout.trim() + (dirty.stdout.trim() ? ' with uncommitted changes' : '') : 'unknown';
  return [
    ['CPU', model + (mhz ? ` (${Math.round(Number(mhz))} MHz)` : '')],
    ['Cores', String(os.cpus().length)],
    ['Memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ['OS', `${osName}, Linux ${os.release()}`],
    ['Native compiler', firstLine('g++', ['--version'])],
    ['Emscripten', firstLine('emcc', ['--version']).replace(/ \(Emscripten gcc\/clang-like replacement.*?\)/, '').replace(/ \(\)$/, '')],
    ['node', process.version],
    ['Chromium', firstLine('/usr/bin/chromium', ['--version'])],
    ['Commit', commit],
    ['Load average (1/5/15 min) at start', loadAverage()],
  ];
}

export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

const grouped = (v, digits) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// A value with its unit, with as many decimals as a reader needs.
export function fmt(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const a = Math.abs(value);
  const digits = ['bytes', 'requests', 'bundles'].includes(unit) || a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3;
  return `${grouped(value, digits)} ${unit}`.trim();
}

export function ratio(r) {
  return r === null || Number.isNaN(r) ? '—' : `${r.toFixed(2)}×`;
}

// A target: { target, measured, pass } with pass true, false, or null (not measured / report only).
export function verdict(t) {
  if (t.pass === true) return 'PASS';
  if (t.pass === false) return 'MISS';
  return t.report ? 'REPORTED' : 'NOT MEASURED';
}

export function targetTable(targets) {
  const rows = targets.map((t) => `| ${t.target} | ${t.measured} | ${verdict(t)} |`);
  return ['| target | measured | result |', '|---|---|---|', ...rows].join('\n');
}

export function printTargets(area, targets) {
  for (const t of targets) console.log(`${area}: ${verdict(t).padEnd(12)} ${t.target} — measured ${t.measured}`);
}
