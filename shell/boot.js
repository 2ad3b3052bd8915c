// The page's start-up (a file of its own: the Content-Security-Policy allows no inline script).
// Checks WebGL2, WebAssembly's exception handling and IndexedDB, shows a clear error page when
// one is missing, reads where this deployment's exchange is (config.json, same origin), then
// loads the app.
window.VSYS_BUILD_ID = '@BUILD_ID@';
(function () {
  var messages = {
    webgl2: ['このブラウザでは表示できません（WebGL2 が使えません）',
      'お使いのブラウザまたはパソコンが WebGL2 に対応していないか、無効になっています。Chrome・Edge・Firefox・Safari の最新版でお試しください。',
      'This browser cannot show the app: WebGL2 is missing or disabled. Please use a current Chrome, Edge, Firefox or Safari.'],
    wasm_eh: ['このブラウザでは表示できません（WebAssembly の例外処理が使えません）',
      'お使いのブラウザが古いため、アプリを動かせません。Chrome・Edge 95 以降、Firefox 100 以降、Safari 15.2 以降でお試しください。',
      'This browser is too old to run the app: WebAssembly exception handling is missing. Please use Chrome or Edge 95, Firefox 100, Safari 15.2 or later.'],
    indexeddb: ['データを保存できません（IndexedDB が使えません）',
      'プライベートブラウズ（シークレットモード）やブラウザの設定により、端末にデータを保存できません。通常のウィンドウで開くか、設定をご確認ください。',
      'The app cannot keep data on this device: IndexedDB is unavailable (private browsing or a browser setting). Open it in a normal window.'],
    font: ['フォントを読み込めませんでした', '通信状態を確認して、再読み込みしてください。', 'The font could not be loaded. Check the connection and reload.'],
    wasm: ['アプリを起動できませんでした', '再読み込みしてください。解決しない場合はヘルプデスクにお問い合わせください。', 'The app could not start. Reload the page; if this persists, contact the help desk.']
  };
  window.vsysShowError = function (kind, detail) {
    var m = messages[kind] || messages.wasm;
    document.getElementById('loading').style.display = 'none';
    document.getElementById('failure-title').textContent = m[0];
    document.getElementById('failure-ja').textContent = m[1];
    document.getElementById('failure-en').textContent = m[2] + (detail ? ' (' + detail + ')' : '');
    document.getElementById('failure').style.display = 'flex';
    document.getElementById('failure').dataset.kind = kind;
  };
  var probe = document.createElement('canvas');
  var gl = null;
  try { gl = probe.getContext('webgl2'); } catch (e) { gl = null; }
  if (!gl) { window.vsysShowError('webgl2'); return; }
  // The app is built with WebAssembly's exception handling (CMakeLists.txt): a browser without it
  // would fail to compile vsys.wasm. The smallest module that uses it: one function holding
  // `try catch_all end` (type, function and code sections).
  var eh = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);
  if (!window.WebAssembly || !WebAssembly.validate(eh)) { window.vsysShowError('wasm_eh'); return; }
  if (!window.indexedDB) { window.vsysShowError('indexeddb'); return; }
  var bar = document.getElementById('loading-bar');
  // Versioned URLs: the service worker caches exactly these, so a first visit downloads each
  // file once and an old file can never be served under a new build.
  window.vsysFontFetch = fetch('font.ttf?v=@BUILD_ID@');
  window.Module = {
    canvas: document.getElementById('canvas'),
    locateFile: function (path) { return path + '?v=@BUILD_ID@'; },
    setStatus: function (s) {
      var m = /\((\d+)\/(\d+)\)/.exec(s || '');
      if (m) bar.style.width = (100 * m[1] / m[2]) + '%';
    },
    onAbort: function (what) { window.vsysShowError('wasm', String(what)); },
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); }
  };
  document.getElementById('canvas').addEventListener('contextmenu', function (e) { e.preventDefault(); });
  // The exchange lives on an origin of its own (docs/PROTOCOL.md §13); config.json says which.
  // The last one read is kept in localStorage for offline starts (the first visit's fetch
  // happens before the service worker controls the page, so its cache cannot be relied on);
  // without any, the app starts and sync says it is offline.
  var remembered = function () {
    try { return JSON.parse(localStorage.getItem('vsys-config') || 'null'); } catch (e) { return null; }
  };
  var config = fetch('config.json', { cache: 'no-cache' }).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.json();
  }).then(function (c) {
    if (c && typeof c.exchange === 'string') {
      try { localStorage.setItem('vsys-config', JSON.stringify(c)); } catch (e) { /* storage refused: fetch again next time */ }
    }
    return c;
  }).catch(remembered).then(function (c) {
    if (window.VSYS_EXCHANGE === undefined && c && typeof c.exchange === 'string') window.VSYS_EXCHANGE = c.exchange;
  });
  // IndexedDB can exist and still refuse to open (some private modes): probe it first.
  var req;
  try { req = indexedDB.open('vsys-probe'); } catch (e) { window.vsysShowError('indexeddb', String(e)); return; }
  req.onerror = function () { window.vsysShowError('indexeddb', String(req.error)); };
  req.onsuccess = function () {
    req.result.close();
    config.then(function () {
      var s = document.createElement('script');
      s.src = 'vsys.js?v=@BUILD_ID@';
      s.onerror = function () { window.vsysShowError('wasm', 'vsys.js'); };
      document.body.appendChild(s);
    });
  };
  // The service worker after the first frame: its install downloads every file of the build
  // (the rest of the font included), which on a first visit must not compete with the wasm.
  if ('serviceWorker' in navigator) {
    window.addEventListener('vsys-first-frame', function () {
      navigator.serviceWorker.register('sw.js').catch(function (e) { console.warn('service worker:', e); });
    }, { once: true });
  }
})();
