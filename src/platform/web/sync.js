// Browser side of the exchange (linked with --pre-js after glue.js). The sync engine runs in
// wasm (app/sync/sync_app.hpp) and hands over the files it needs as requests; this performs them
// with fetch against the exchange (an origin of its own, named by config.json: boot.js sets
// window.VSYS_EXCHANGE; docs/PROTOCOL.md "HTTP"; an `s3://` URL is an S3 store, whose requests
// the wasm builds, signs and reads: vsysPerformS3), several at
// a time, and delivers the answers. It also syncs on its own while someone is signed in: every
// minute, when the browser comes back online, and after a failure with a growing delay.
'use strict';

var vsysSync = {
  base: (typeof window !== 'undefined' && window.VSYS_EXCHANGE) || null,
  parallel: 6,
  intervalMs: (typeof window !== 'undefined' && window.VSYS_SYNC_INTERVAL_MS) || 60000,
  // A request the exchange never answers (a hung server or proxy) ends the run as offline after
  // this long, body included, and the run is retried; fetch alone would wait for ever.
  requestTimeoutMs: (typeof window !== 'undefined' && window.VSYS_REQUEST_TIMEOUT_MS) || 60000,
  failures: 0,
  nextAuto: 0,
  waiters: []
};

// Passes a long string to wasm through the heap: ccall's 'string' copies onto the 5 MB stack.
function vsysCallWithString(name, text) {
  var n = lengthBytesUTF8(text) + 1;
  var p = _malloc(n);
  stringToUTF8(text, p, n);
  try { return Module['_' + name](p); } finally { _free(p); }
}
Module.vsysCallWithString = vsysCallWithString;

function vsysFetch(url, init) {
  init.signal = AbortSignal.timeout(vsysSync.requestTimeoutMs);
  return fetch(url, init);
}

function vsysExchangeUrl(path) {
  return vsysSync.base + path.split('/').map(encodeURIComponent).join('/');
}

function vsysBody(req) {
  return typeof req.body64 === 'string'
    ? Uint8Array.from(atob(req.body64), function (c) { return c.charCodeAt(0); }) : req.body;
}

// An S3 store (docs/PROTOCOL.md §15): the wasm turns the request into HTTP requests one at a
// time (a listing's pages, a PUT signed again with the store's clock) and reads each answer;
// this only performs them. Answers as vsysPerform.
function vsysPerformS3(req) {
  var answers = [];
  var carry;  // a listing's names so far, kept from page to page (each page is read once)
  var body = req.kind === 'put' ? vsysBody(req) : undefined;
  var step = function () {
    var s = JSON.parse(UTF8ToString(vsysCallWithString('vsys_s3_step',
      JSON.stringify({ exchange: vsysSync.base, request: req, answers: answers, carry: carry }))));
    if (s.answer) return Promise.resolve(s.answer);
    if (s.carry) { carry = s.carry; answers = []; }
    var headers = {};
    s.http.headers.forEach(function (h) { headers[h[0]] = h[1]; });
    var init = { method: s.http.method, headers: headers, cache: 'no-store' };
    if (s.http.method === 'PUT') init.body = body;
    return vsysFetch(s.http.url, init).then(function (r) {
      return r.text().then(function (t) {
        answers.push({ status: r.status, date: r.headers.get('Date') || '', body: t });
      });
    }).catch(function (e) {
      answers.push({ status: 0, error: String((e && e.message) || e) });
    }).then(step);
  };
  return step();
}

// One request → {kind, path, ok, data | code, detail}. A network failure is "offline"; an
// HTTP status the protocol does not expect is "failed" with the status.
function vsysPerform(req) {
  if (vsysSync.base && vsysSync.base.indexOf('s3://') === 0) return vsysPerformS3(req);
  // The exchange's clock goes with each answer it gave, as `date` (YYYY-MM-DDTHH:MM:SSZ, from its
  // Date header, exposed through CORS): the days of pointers and cursors are the exchange's, not
  // this device's (docs/PROTOCOL.md §8 "Clock skew").
  var date = '';
  var dated = function (url, init) {
    return vsysFetch(url, init).then(function (r) {
      var t = Date.parse(r.headers.get('Date') || '');
      if (!isNaN(t)) date = new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return r;
    });
  };
  var answer = function (ok, data, code, detail) {
    var a = ok ? { kind: req.kind, path: req.path, ok: true, data: data }
               : { kind: req.kind, path: req.path, ok: false, code: code, detail: detail || '' };
    if (date) a.date = date;
    return a;
  };
  var failed = function (r) { return answer(false, null, 'transport.failed', 'HTTP ' + r.status); };
  var offline = function () { return answer(false, null, 'transport.offline'); };
  // No exchange known (config.json never read): as good as offline.
  if (!vsysSync.base) return Promise.resolve(offline());
  if (req.kind === 'list') {
    return dated(vsysExchangeUrl(req.path) + '/', { cache: 'no-store' }).then(function (r) {
      if (r.status === 404) return answer(true, '');
      if (!r.ok) return failed(r);
      return r.json().then(function (entries) {
        var names = [];
        (Array.isArray(entries) ? entries : []).forEach(function (e) { if (e && typeof e.name === 'string') names.push(e.name); });
        return answer(true, names.join('\n'));
      }, function () { return answer(false, null, 'transport.failed', 'listing is not JSON'); });
    }, offline);
  }
  if (req.kind === 'get') {
    return dated(vsysExchangeUrl(req.path), { cache: 'no-store' }).then(function (r) {
      if (r.status === 404) return answer(false, null, 'transport.not_found', req.path);
      if (!r.ok) return failed(r);
      return r.text().then(function (t) { return answer(true, t); }, offline);
    }, offline);
  }
  // Binary files (a pack's .gz) come as base64 and go out as their bytes.
  var body = vsysBody(req);
  return dated(vsysExchangeUrl(req.path), { method: 'PUT', body: body,
                                         headers: { 'Content-Type': 'application/json' } }).then(function (r) {
    if (r.status === 201 || r.status === 204) return answer(true, '');
    if (r.status === 409) return answer(false, null, 'transport.exists', req.path);
    return failed(r);
  }, offline);
}

// Called from the frame loop (main_web.cpp) with the requests of the running sync.
// Nothing leaves the page before IndexedDB holds the state that names it: a round's requests
// may carry a bundle signed a moment ago, whose sequence number only the outbox and the trust
// state in memory know. Saved first, a tab killed at any moment after can only put that same
// bundle again, never sign another under its number (docs/PROTOCOL.md §13 "Order of writes").
// If the save fails, no request is performed and the run ends with the storage error.
Module.vsysSyncIo = function (text) {
  var reqs = JSON.parse(text);
  Module.vsysFlush().then(function (err) {
    if (!err) { vsysSyncPerform(reqs); return; }
    var code = vsysStorageFailure(err).error.code;  // storage.full or storage.write
    vsysCallWithString('vsys_sync_deliver', JSON.stringify(reqs.map(function (r) {
      return { kind: r.kind, path: r.path, ok: false, code: code, detail: String(err) };
    })));
    Module.vsysFlush().then(vsysSyncSettled);
  });
};

// Each answer goes into the wasm as it comes (the progress bar moves with every file), never the
// round's answers as one string: a round of the nation's first sync holds the whole country,
// more than a JavaScript string may hold, and the page would keep it twice.
function vsysSyncPerform(reqs) {
  var next = 0;
  function worker() {
    if (next >= reqs.length) return Promise.resolve();
    var req = reqs[next++];
    return vsysPerform(req).then(function (a) {
      vsysCallWithString('vsys_sync_answer', JSON.stringify([a]));
      return worker();
    });
  }
  var workers = [];
  for (var w = 0; w < Math.min(vsysSync.parallel, reqs.length); ++w) workers.push(worker());
  Promise.all(workers).then(function () {
    vsysCallWithString('vsys_sync_deliver', '[]');
    // What the run stored (documents, sync state) becomes durable before anyone is told.
    return Module.vsysFlush();
  }).then(vsysSyncSettled);
}

function vsysSyncStatus() {
  var v = window.vsys.view('sync_status');
  return v && v.ok ? v.view : null;
}

function vsysSyncSettled() {
  var s = vsysSyncStatus();
  if (!s || s.running) return;
  if (s.error && s.error.code.indexOf('transport.') === 0) vsysSync.failures++;
  else vsysSync.failures = 0;
  // 5 s, 10 s, 20 s ... up to 5 minutes after failures; the usual interval after success.
  var delay = vsysSync.failures ? Math.min(300000, 5000 * Math.pow(2, vsysSync.failures - 1)) : vsysSync.intervalMs;
  vsysSync.nextAuto = Date.now() + delay;
  var waiters = vsysSync.waiters;
  vsysSync.waiters = [];
  waiters.forEach(function (w) { w(s); });
}
Module.vsysSyncSettled = vsysSyncSettled;

// Starts a run (or joins the one going on); resolves with the sync_status view when it ends.
function vsysSyncNow() {
  return window.vsys.ready.then(function () {
    return new Promise(function (resolve) {
      var r = JSON.parse(Module.ccall('vsys_command', 'string', ['string'], [JSON.stringify({ type: 'sync' })]));
      if (!r.ok) { resolve({ running: false, error: r.error }); return; }
      var s = vsysSyncStatus();
      if (s && !s.running) { Module.vsysFlush().then(function () { vsysSyncSettled(); resolve(s); }); return; }
      vsysSync.waiters.push(resolve);
    });
  });
}

function vsysAutoSync() {
  if (typeof window === 'undefined' || !window.vsys || !Module.vsysAppReadyDone) return;
  // The training kiosk never syncs (the app refuses too); it does not even ask.
  if (window.VSYS_NO_AUTO_SYNC || Module.vsysKiosk || Date.now() < vsysSync.nextAuto) return;
  var session = window.vsys.view('session');
  if (!session || !session.ok || !session.view.signed_in) return;
  var s = vsysSyncStatus();
  if (!s || s.running) return;
  vsysSync.nextAuto = Date.now() + vsysSync.intervalMs;
  vsysSyncNow();
}
if (typeof window !== 'undefined') {
  // Every 5 s; VSYS_SYNC_POLL_MS, like VSYS_SYNC_INTERVAL_MS above, lets a test poll faster.
  setInterval(vsysAutoSync, window.VSYS_SYNC_POLL_MS || 5000);
  window.addEventListener('online', function () { vsysSync.nextAuto = 0; vsysSync.failures = 0; vsysAutoSync(); });
}

// Saving a bundle file: the browser's download.
Module.vsysSaveFile = function (name, text) {
  var blob = new Blob([text], { type: 'application/octet-stream' });
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
};

// Importing a bundle file: the browser's file picker; the content goes to the sync screen.
Module.vsysPickImport = function () {
  var input = document.createElement('input');
  input.type = 'file';
  input.accept = '.vsysbundle,application/octet-stream';
  input.style.display = 'none';
  input.addEventListener('change', function () {
    var f = input.files && input.files[0];
    input.remove();
    if (!f) return;
    f.text().then(function (text) {
      vsysCallWithString('vsys_import_file', text);
      return Module.vsysFlush();
    });
  });
  document.body.appendChild(input);
  input.click();
};

// window.vsys.sync(): sync now; resolves with the sync_status view when the run has ended.
if (typeof window !== 'undefined' && window.vsys) window.vsys.sync = vsysSyncNow;
