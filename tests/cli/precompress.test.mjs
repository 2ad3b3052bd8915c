// tools/gen/precompress.py, the site's build step that makes the copies nginx sends as they are
// (brotli_static, gzip_static): a copy decodes to its file, exists only where it is smaller, is
// made again when its file changes, and never outlives its file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tool = path.join(root, 'tools/gen/precompress.py');

function run(dir) {
  const r = spawnSync(tool, [dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

test('each text, wasm or font file gets a brotli and a gzip copy that decode to it, only where smaller', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsys-precompress-'));
  try {
    const script = Buffer.from('function hello() { return "こんにちは"; }\n'.repeat(500));
    writeFileSync(path.join(dir, 'app.js'), script);
    writeFileSync(path.join(dir, 'noise.wasm'), randomBytes(64));  // incompressible: copies would be larger
    writeFileSync(path.join(dir, 'photo.png'), script);             // not a kind that is compressed
    writeFileSync(path.join(dir, 'gone.js.br'), 'a copy whose file was removed');
    run(dir);
    assert.deepEqual(brotliDecompressSync(readFileSync(path.join(dir, 'app.js.br'))), script);
    assert.deepEqual(gunzipSync(readFileSync(path.join(dir, 'app.js.gz'))), script);
    assert.ok(readFileSync(path.join(dir, 'app.js.br')).length < readFileSync(path.join(dir, 'app.js.gz')).length);
    for (const f of ['noise.wasm.br', 'noise.wasm.gz', 'photo.png.br', 'photo.png.gz', 'gone.js.br']) {
      assert.equal(existsSync(path.join(dir, f)), false, f);
    }
    // Deterministic (gzip -n: no name, no time), and made again when the file changes.
    const first = readFileSync(path.join(dir, 'app.js.gz'));
    rmSync(path.join(dir, 'app.js.gz'));
    run(dir);
    assert.deepEqual(readFileSync(path.join(dir, 'app.js.gz')), first);
    const changed = Buffer.from('export const v = 2;\n'.repeat(300));
    writeFileSync(path.join(dir, 'app.js'), changed);
    const later = new Date(Date.now() + 60000);
    utimesSync(path.join(dir, 'app.js'), later, later);
    run(dir);
    assert.deepEqual(brotliDecompressSync(readFileSync(path.join(dir, 'app.js.br'))), changed);
    assert.deepEqual(gunzipSync(readFileSync(path.join(dir, 'app.js.gz'))), changed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
