// The XLSX worker's message loop (--extern-post-js of xlsx_worker.js, cmake/web.cmake). The page
// (platform/web/xlsx_client.js) posts {table: ArrayBuffer}, a table encoded by
// core/reports/report_table_codec.hpp; the worker answers {ok: true, bytes: ArrayBuffer} (the
// workbook, transferred) or {ok: false, error}. The page cancels by terminating the worker.
// The wasm is fetched under the worker's own ?v=<build> so the service worker's cache serves it.
// Under node (the byte-for-byte test) none of this runs: the file exports createVsysXlsx.
if (typeof importScripts === 'function' && typeof self !== 'undefined' && typeof self.postMessage === 'function') {
  (function () {
    var version = self.location.search || '';
    var ready = createVsysXlsx({ locateFile: function (path) { return path + version; } });
    self.onmessage = function (event) {
      ready.then(function (M) {
        var table = new Uint8Array(event.data.table);
        var p = M._malloc(Math.max(1, table.length));
        M.HEAPU8.set(table, p);
        var out = M._vsys_xlsx_write(p, table.length);
        M._free(p);
        if (out) {
          var bytes = M.HEAPU8.slice(out, out + M._vsys_xlsx_size());
          M._vsys_xlsx_release();
          self.postMessage({ ok: true, bytes: bytes.buffer }, [bytes.buffer]);
        } else {
          var error = M.UTF8ToString(M._vsys_xlsx_error());
          M._vsys_xlsx_release();
          self.postMessage({ ok: false, error: error });
        }
      }).catch(function (e) {
        self.postMessage({ ok: false, error: String(e && e.message || e) });
      });
    };
  })();
}
