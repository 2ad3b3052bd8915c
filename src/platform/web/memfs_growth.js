// Emscripten 3.1.6's MEMFS grows a file by only 12.5% once it passes 1 MB, copying it into a new
// array each time: the ~30 MB worksheet that libxlsxwriter writes to /tmp for a 71,000-row XLSX
// export was copied some 30 times, a third of the export's time in wasm (tests/bench/
// bench_exports.cpp). Doubling, as MEMFS already does below 1 MB, copies each byte about once;
// the slack is at most the file's size and is given back when the file is removed.
// A --pre-js of every wasm target that writes files (cmake/web.cmake).
Module.preRun = Module.preRun || [];
Module.preRun.push(function () {
  // A program that never touches a file (a benchmark of pure computation) links no MEMFS at all.
  if (typeof MEMFS === 'undefined') return;
  MEMFS.expandFileStorage = function (node, newCapacity) {
    var prevCapacity = node.contents ? node.contents.length : 0;
    if (prevCapacity >= newCapacity) return;
    newCapacity = Math.max(newCapacity, prevCapacity * 2, 256) >>> 0;
    var oldContents = node.contents;
    node.contents = new Uint8Array(newCapacity);
    if (node.usedBytes > 0) node.contents.set(oldContents.subarray(0, node.usedBytes), 0);
  };
});
