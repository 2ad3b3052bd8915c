// The page's side of the XLSX worker (--pre-js of vsys.js). The app hands over a table encoded
// by core/reports/report_table_codec.hpp (platform/web/xlsx_worker_client.cpp); a Web Worker
// running xlsx_worker.js (its own small wasm: libxlsxwriter + zlib) writes the workbook, so the
// page keeps drawing frames while the zip is deflated. Jobs are numbered; the app polls a job
// each frame (state: 0 running, 1 done, -1 failed), takes its bytes once, or cancels it, which
// terminates its worker at once. window.vsys.command awaits a job by its number (glue.js).
// One worker is kept for the next export once a job ends well; a cancelled or failed job's
// worker is terminated. The worker's files are fetched after the first frame so that the
// service worker's install finds them in the HTTP cache (it precaches them for offline use).
'use strict';

var vsysXlsx = { next: 1, jobs: {}, idle: null };

function vsysXlsxUrl(file) { return Module.locateFile ? Module.locateFile(file) : file; }

if (typeof window !== 'undefined') {
  window.addEventListener('vsys-first-frame', function () {
    ['xlsx_worker.js', 'xlsx_worker.wasm'].forEach(function (f) {
      fetch(vsysXlsxUrl(f)).then(function (r) { return r.arrayBuffer(); }).catch(function (e) {
        console.warn(f + ':', String(e));  // fetched again when an export needs it
      });
    });
  }, { once: true });
}

function vsysXlsxSettle(job, ok, value) {
  job.state = ok ? 1 : -1;
  if (ok) job.bytes = value;
  else job.error = value;
  job.waiters.forEach(function (w) { w(job); });
  job.waiters = [];
}

// Starts writing the encoded table `bytes` (a Uint8Array the worker may keep); the job's number.
Module.vsysXlsxStart = function (bytes) {
  var id = vsysXlsx.next++;
  var job = { state: 0, bytes: null, error: '', waiters: [], worker: null };
  vsysXlsx.jobs[id] = job;
  var worker = vsysXlsx.idle;
  vsysXlsx.idle = null;
  try {
    worker = worker || new Worker(vsysXlsxUrl('xlsx_worker.js'));
  } catch (e) {
    vsysXlsxSettle(job, false, String(e && e.message || e));
    return id;
  }
  job.worker = worker;
  worker.onmessage = function (e) {
    job.worker = null;
    if (e.data && e.data.ok) {
      if (vsysXlsx.idle) worker.terminate();
      else vsysXlsx.idle = worker;
      vsysXlsxSettle(job, true, new Uint8Array(e.data.bytes));
    } else {
      worker.terminate();
      vsysXlsxSettle(job, false, String(e.data && e.data.error || 'the XLSX worker failed'));
    }
  };
  worker.onerror = function (e) {
    e.preventDefault();
    job.worker = null;
    worker.terminate();
    vsysXlsxSettle(job, false, String(e.message || 'the XLSX worker could not start'));
  };
  worker.postMessage({ table: bytes.buffer }, [bytes.buffer]);
  return id;
};

Module.vsysXlsxState = function (id) {
  var job = vsysXlsx.jobs[id];
  return job ? job.state : -1;
};

// The job's bytes (or error text) as a Promise, and the job forgotten.
Module.vsysXlsxWait = function (id) {
  return new Promise(function (resolve) {
    var job = vsysXlsx.jobs[id];
    if (!job) { resolve({ state: -1, error: 'no such XLSX job' }); return; }
    var done = function (j) { delete vsysXlsx.jobs[id]; resolve({ state: j.state, bytes: j.bytes, error: j.error }); };
    if (job.state !== 0) done(job);
    else job.waiters.push(done);
  });
};

// Cancels a running job (its worker terminated) or forgets a finished one.
Module.vsysXlsxCancel = function (id) {
  var job = vsysXlsx.jobs[id];
  if (!job) return;
  delete vsysXlsx.jobs[id];
  if (job.worker) { job.worker.terminate(); job.worker = null; }
  if (job.state === 0) vsysXlsxSettle(job, false, 'cancelled');
};

// The finished job's bytes copied into the wasm heap (malloc'd: the caller frees); its length
// at *size, or -1 there and its error text (malloc'd) returned when it failed. Forgets the job.
Module.vsysXlsxTake = function (id, sizePtr) {
  var job = vsysXlsx.jobs[id];
  delete vsysXlsx.jobs[id];
  var text = function (s) {
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  };
  // Heap addresses as unsigned numbers: past 2 GB they arrive negative (cmake/web.cmake).
  if (!job || job.state !== 1) {
    HEAP32[(sizePtr >>> 0) >>> 2] = -1;
    return text(job ? job.error : 'no such XLSX job');
  }
  var p = _malloc(Math.max(1, job.bytes.length));
  HEAPU8.set(job.bytes, p >>> 0);
  HEAP32[(sizePtr >>> 0) >>> 2] = job.bytes.length;
  return p;
};

// Base64 of a Uint8Array, a slice at a time (String.fromCharCode takes a bounded argument list).
Module.vsysBase64 = function (bytes) {
  var parts = [];
  for (var i = 0; i < bytes.length; i += 0x6000) {
    parts.push(btoa(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x6000))));
  }
  return parts.join('');
};
