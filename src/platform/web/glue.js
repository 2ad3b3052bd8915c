// Browser glue, linked with --pre-js. It owns what Emscripten 3.1.6 does not do for us:
//   storage   IDBFS mounted at /data (the training kiosk, ?kiosk: /kiosk, a database of its
//             own) and read before main() runs (syncfs(true));
//             saves made durable by syncfs(false), coalesced, never delayed by a timer; the
//             browser asks before the tab closes or reloads while one is under way
//   font      font.ttf fetched (in parallel with the wasm) and written to /assets; font-rest.ttf
//             after the first frame, or with it when the service worker has it
//   text      Japanese IME through a hidden <textarea> placed at ImGui's caret; paste
//   touch     touch events turned into mouse events (GLFW 3 in 3.1.6 ignores touch positions)
//   wheel     wheel events given to the app with their deltaMode (GLFW passes raw deltaY)
//   api       window.vsys.command / view, the automation API used by tests and kiosk scripts
//             (an XLSX export's answer waits for its worker: xlsx_client.js)
// See TOOLCHAIN.md for why each workaround exists.
'use strict';

Module.preRun = Module.preRun || [];
// ?kiosk (not ?kiosk=0) opens the training kiosk (app.hpp AppInfo::kiosk).
Module.vsysKiosk = (function () {
  if (typeof location === 'undefined') return false;
  var v = new URLSearchParams(location.search).get('kiosk');
  return v !== null && v !== '0' && v !== 'false';
})();
Module.preRun.push(function () {
  vsysTrackChanges();
  vsysWatchIndexedDb();
  var root = Module.vsysKiosk ? '/kiosk' : '/data';
  FS.mkdir(root);
  FS.mount(IDBFS, {}, root);
  addRunDependency('vsys-idbfs');
  FS.syncfs(true, function (err) {
    if (err) Module.vsysStorageProblem = String(err);
    removeRunDependency('vsys-idbfs');
  });
  FS.mkdir('/assets');
  addRunDependency('vsys-font');
  (window.vsysFontFetch || fetch('font.ttf')).then(function (r) {
    if (!r.ok) throw new Error('font.ttf: HTTP ' + r.status);
    return r.arrayBuffer();
  }).then(function (buf) {
    FS.writeFile('/assets/font.ttf', new Uint8Array(buf));
    removeRunDependency('vsys-font');
  }, function (e) {
    if (window.vsysShowError) window.vsysShowError('font', String(e));
  });
  vsysLoadFontRest();
  vsysInstallInput();
  vsysGuardUnload();
});

// The rest of the font (font-rest.ttf, ~1 MB: kanji the app's own texts and place names do not
// use; tools/gen/font_subset.py). A page the service worker controls has it in the worker's cache
// and waits for it like the rest, so the first frame has every glyph; a first visit fetches it
// after the first frame, so it never competes with the wasm. main_web.cpp merges it into the
// atlas once Module.vsysFontRestReady is set. Without it only rare kanji show as "?": a failure
// is logged, never an error page.
function vsysLoadFontRest() {
  var url = Module.locateFile ? Module.locateFile('font-rest.ttf') : 'font-rest.ttf';
  var load = function (done) {
    fetch(url).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    }).then(function (buf) {
      FS.writeFile('/assets/font-rest.ttf', new Uint8Array(buf));
      Module.vsysFontRestReady = true;
    }, function (e) {
      console.warn('font-rest.ttf:', String(e));
    }).then(done);
  };
  if (navigator.serviceWorker && navigator.serviceWorker.controller) {
    addRunDependency('vsys-font-rest');
    load(function () { removeRunDependency('vsys-font-rest'); });
  } else {
    window.addEventListener('vsys-first-frame', function () { load(function () {}); }, { once: true });
  }
}

// --- durable saves -------------------------------------------------------------------------
// A waiter joins the next syncfs that starts after it asked: a syncfs already running may have
// read the file tree before the caller's write, so it cannot answer for it.
// A syncfs walks the whole tree and reads IndexedDB's index even when nothing changed, so the
// file system's changing calls mark the tree dirty (the syscalls look these FS functions up at
// call time) and a flush with nothing new to save answers at once. A caller with nothing new
// while one runs waits for that one: it started after the caller's last change.
// unsaved: the last flush failed (the quota, an abort): changes are held by the page alone until
// one succeeds.
var vsysFlushState = { running: false, queue: [], current: [], dirty: false, failure: null, abort: null, unsaved: false };
// Emscripten 3.1.6's IDBFS loses IndexedDB's failures: its handlers pass `this.error` from arrow
// functions (undefined, so a failed put counts as stored and syncfs reports success) and it has
// no handler for a transaction's abort (how Chromium reports a quota exceeded at commit, after
// which syncfs never calls back at all). Every transaction this page opens reports here: a failed
// request is kept as the flush's failure, an abort ends the flush with the browser's error.
function vsysWatchIndexedDb() {
  if (typeof IDBDatabase === 'undefined') return;
  var open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function () {
    var t = open.apply(this, arguments);
    t.addEventListener('error', function (e) {
      var err = e.target && e.target.error;
      if (err && !vsysFlushState.failure) vsysFlushState.failure = err.name + ': ' + err.message;
    });
    t.addEventListener('abort', function () {
      var err = t.error;
      var text = err ? err.name + ': ' + err.message : (vsysFlushState.failure || 'AbortError: the transaction was aborted');
      if (vsysFlushState.abort) vsysFlushState.abort(text);
    });
    return t;
  };
}
function vsysTrackChanges() {
  ['write', 'mknod', 'truncate', 'rename', 'unlink', 'rmdir', 'mkdir', 'symlink', 'chmod', 'utime'].forEach(function (name) {
    var f = FS[name];
    FS[name] = function () { vsysFlushState.dirty = true; return f.apply(this, arguments); };
  });
}
function vsysRunFlush() {
  vsysFlushState.running = true;
  vsysFlushState.dirty = false;  // changes from now on need the next syncfs
  vsysFlushState.failure = null;
  var batch = vsysFlushState.current = vsysFlushState.queue;
  vsysFlushState.queue = [];
  var ended = false;
  var end = function (err) {
    if (ended) return;  // an abort answered first; IDBFS may still call back later, or never
    ended = true;
    vsysFlushState.abort = null;
    if (!err && vsysFlushState.failure) err = vsysFlushState.failure;
    vsysFlushState.running = false;
    if (err) vsysFlushState.dirty = true;
    vsysFlushState.unsaved = !!err;
    vsysFlushState.current = [];
    batch.forEach(function (w) { w(err ? String(err) : null); });
    if (vsysFlushState.queue.length) vsysRunFlush();
  };
  vsysFlushState.abort = end;
  FS.syncfs(false, end);
}
Module.vsysFlush = function () {
  return new Promise(function (resolve) {
    if (!vsysFlushState.dirty) {
      if (!vsysFlushState.running) resolve(null);
      else vsysFlushState.current.push(resolve);
      return;
    }
    vsysFlushState.queue.push(resolve);
    if (!vsysFlushState.running) vsysRunFlush();
  });
};

// A tab closed or reloaded while a save is on its way to IndexedDB (保存中: usually a few
// milliseconds, longer on a slow disk or a large store), or after one failed (the device's
// storage full: the page alone holds the changes), would lose them: the browser's own question
// comes first. Never for what is saved on the device (an outbox is kept, and sent by the next
// sync).
function vsysSaveUnderWay() {
  return vsysFlushState.running || vsysFlushState.queue.length > 0 || vsysFlushState.unsaved;
}
function vsysGuardUnload() {
  window.addEventListener('beforeunload', function (e) {
    if (!vsysSaveUnderWay()) return;
    e.preventDefault();
    e.returnValue = '';  // Chromium shows its own words; any text here is ignored
  });
}

// --- text input: IME, paste, key handling -----------------------------------------------------
var vsysIme = { ta: null, composing: false, wanted: false };
function vsysSendText(s) {
  if (s) Module.ccall('vsys_ime_text', null, ['string'], [s]);
}
function vsysInstallInput() {
  var ta = document.createElement('textarea');
  ta.id = 'vsys-ime';
  ta.setAttribute('autocomplete', 'off');
  ta.setAttribute('autocorrect', 'off');
  ta.setAttribute('autocapitalize', 'off');
  ta.setAttribute('spellcheck', 'false');
  ta.setAttribute('aria-hidden', 'true');
  ta.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:24px;opacity:0;border:0;padding:0;' +
    'margin:0;resize:none;overflow:hidden;z-index:-1;font-size:16px;';
  document.body.appendChild(ta);
  vsysIme.ta = ta;
  ta.addEventListener('compositionstart', function () { vsysIme.composing = true; });
  ta.addEventListener('compositionend', function (e) {
    vsysIme.composing = false;
    vsysSendText(e.data || ta.value);
    ta.value = '';
  });
  ta.addEventListener('input', function () {
    if (vsysIme.composing) return;
    vsysSendText(ta.value);
    ta.value = '';
  });
  ta.addEventListener('paste', function (e) {
    var text = (e.clipboardData || window.clipboardData).getData('text');
    e.preventDefault();
    vsysSendText(text.replace(/\r\n?/g, '\n'));
  });
  // Typed characters arrive through the textarea's input event; GLFW's own keypress handler
  // would deliver them a second time, so it must not see keypresses aimed at the textarea.
  window.addEventListener('keypress', function (e) {
    if (e.target === ta) e.stopImmediatePropagation();
  }, true);
  window.addEventListener('keydown', function (e) {
    if (e.target !== ta) return;
    if (vsysIme.composing || e.isComposing || e.keyCode === 229) {
      e.stopImmediatePropagation();  // keys that edit the preedit text are the IME's, not ImGui's
      return;
    }
    if (e.key === 'Enter' || e.key === 'Tab') e.preventDefault();
  }, true);
  window.addEventListener('keyup', function (e) {
    if (e.target === ta && (vsysIme.composing || e.isComposing)) e.stopImmediatePropagation();
  }, true);

  // Wheel and touchpad: taken from GLFW (3.1.6 hands ImGui the raw deltaY, reversed and ~30
  // times a notch) and given to the app with its deltaMode (ui/shell/wheel.hpp normalises it).
  // Window capture runs before the canvas's own listeners; preventDefault keeps Ctrl + wheel
  // from zooming the page (the app changes its text size instead).
  var canvas = Module.canvas;
  window.addEventListener('wheel', function (e) {
    if (e.target !== canvas) return;
    e.preventDefault(); e.stopImmediatePropagation();
    Module.ccall('vsys_wheel', null, ['number', 'number', 'number', 'number'],
      [e.deltaX || 0, e.deltaY || 0, e.deltaMode || 0, e.ctrlKey ? 1 : 0]);
  }, { capture: true, passive: false });

  // Touch: one finger acts as the mouse; two fingers scroll.
  var lastY = null;
  function mouse(type, t) {
    canvas.dispatchEvent(new MouseEvent(type, { clientX: t.clientX, clientY: t.clientY, screenX: t.screenX,
      screenY: t.screenY, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true,
      view: window }));
  }
  canvas.addEventListener('touchstart', function (e) {
    e.preventDefault(); e.stopImmediatePropagation();
    if (e.touches.length === 1) { mouse('mousemove', e.touches[0]); mouse('mousedown', e.touches[0]); }
    lastY = e.touches.length === 2 ? (e.touches[0].clientY + e.touches[1].clientY) / 2 : null;
  }, { capture: true, passive: false });
  canvas.addEventListener('touchmove', function (e) {
    e.preventDefault(); e.stopImmediatePropagation();
    if (e.touches.length === 2 && lastY !== null) {
      var y = (e.touches[0].clientY + e.touches[1].clientY) / 2;
      canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: lastY - y, deltaMode: 0, clientX: e.touches[0].clientX,
        clientY: y, bubbles: true, cancelable: true }));
      lastY = y;
    } else if (e.touches.length === 1) {
      mouse('mousemove', e.touches[0]);
    }
  }, { capture: true, passive: false });
  function end(e) {
    e.preventDefault(); e.stopImmediatePropagation();
    if (e.changedTouches.length && e.touches.length === 0 && lastY === null) mouse('mouseup', e.changedTouches[0]);
    if (e.touches.length < 2) lastY = null;
  }
  canvas.addEventListener('touchend', end, { capture: true, passive: false });
  canvas.addEventListener('touchcancel', end, { capture: true, passive: false });
  // The canvas never takes focus from the textarea (its keys reach GLFW through window
  // listeners anyway); focus returns to the textarea on pointer up while ImGui wants text
  // (mobile keyboards need focus() inside a user gesture).
  canvas.addEventListener('mousedown', function (e) { e.preventDefault(); });
  canvas.addEventListener('focus', function () { if (vsysIme.wanted) ta.focus({ preventScroll: true }); });
  canvas.addEventListener('mouseup', function () { if (vsysIme.wanted) ta.focus({ preventScroll: true }); }, true);
}

// Called by the app after each frame: where the caret is, in CSS pixels.
Module.vsysImeUpdate = function (wanted, x, y, h) {
  var ta = vsysIme.ta;
  if (!ta) return;
  ta.style.left = x + 'px';
  ta.style.top = y + 'px';
  ta.style.height = Math.max(16, h) + 'px';
  if (wanted && document.activeElement !== ta) ta.focus({ preventScroll: true });
  if (!wanted && vsysIme.wanted) { ta.blur(); ta.value = ''; vsysIme.composing = false; }
  vsysIme.wanted = wanted;
};

// --- automation API: window.vsys ---------------------------------------------------------------
var vsysReady = {};
vsysReady.promise = new Promise(function (resolve) { vsysReady.resolve = resolve; });
vsysReady.done = false;
Module.vsysAppReady = function () { vsysReady.done = true; Module.vsysAppReadyDone = true; vsysReady.resolve(); };
var vsysNotReady = { ok: false, error: { code: 'app.not_ready', message: 'The app is still starting (window.vsys.ready)' } };

// The code and message from the string table (storage_failure_web.cpp): a full quota is
// storage.full and says what to do, anything else storage.write with the browser's words.
function vsysStorageFailure(err) {
  var en = document.documentElement.lang === 'en';
  var e = JSON.parse(Module.ccall('vsys_storage_failure', 'string', ['string', 'number'], [String(err), en ? 1 : 0]));
  return { ok: false, error: e };
}

// An XLSX export answers the job its worker runs (cmd_export_report.cpp): the answer callers get
// carries the workbook in data_base64 once the worker is done, as every other export does.
function vsysAwaitXlsx(r) {
  if (!r || !r.ok || typeof r.xlsx_job !== 'number') return r;
  var id = r.xlsx_job;
  delete r.xlsx_job;
  return Module.vsysXlsxWait(id).then(function (job) {
    if (job.state !== 1) {
      var en = document.documentElement.lang === 'en';
      return { ok: false, error: JSON.parse(Module.ccall('vsys_xlsx_failure', 'string', ['string', 'number'], [job.error, en ? 1 : 0])) };
    }
    r.data_base64 = Module.vsysBase64(job.bytes);
    return r;
  });
}

window.vsys = {
  ready: vsysReady.promise,
  // Resolves with {ok: true, ...} once the change is durable in IndexedDB, or {ok: false, error}.
  // Every command is flushed, not only those that answer versions: some change stored state
  // without a version (export_bundle signs a bundle into the outbox, import_bundle and sync
  // write the sync state, kiosk_reset removes files), and an answer may carry what it names
  // out of the page (an exported file): it must not outlive a tab closed right after it.
  // A command that changed no file answers at once (vsysFlush knows the tree is clean).
  command: function (obj) {
    return vsysReady.promise.then(function () {
      var text;
      try { text = JSON.stringify(obj); } catch (e) { text = ''; }
      // Long commands (an imported bundle file) go through the heap, not ccall's stack copy.
      var r = JSON.parse(text && text.length > 65536 ? UTF8ToString(Module.vsysCallWithString('vsys_command', text))
                                                     : Module.ccall('vsys_command', 'string', ['string'], [text === undefined ? '' : text]));
      return Module.vsysFlush().then(function (err) {
        if (!err || !r.ok) return r;
        if (typeof r.xlsx_job === 'number') Module.vsysXlsxCancel(r.xlsx_job);  // no answer will take it
        return vsysStorageFailure(err);
      }).then(vsysAwaitXlsx);
    });
  },
  // Answers the view as a JSON object: {ok: true, view: {...}} or {ok: false, error}.
  view: function (name, args) {
    if (!vsysReady.done) return vsysNotReady;
    var text = args === undefined ? '' : JSON.stringify(args);
    return JSON.parse(Module.ccall('vsys_view', 'string', ['string', 'string'], [String(name), text || '']));
  },
  // The screen on show and the frame count, for tests that wait for the UI to settle.
  screen: function () { return JSON.parse(Module.ccall('vsys_screen', 'string', [], [])); },
  // How many characters of the text the UI font cannot show.
  missingGlyphs: function (text) { return Module.ccall('vsys_missing_glyphs', 'number', ['string'], [String(text)]); }
};
