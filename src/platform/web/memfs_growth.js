// Emscripten 3.1.6's MEMFS grows a file by only 12.5% once it passes 1 MB, copying it into a new
// array each time: the ~30 MB worksheet that libxlsxwriter writes to /tmp for a 71,000-row XLSX
// export was copied some 30 times, a third of the export's time in wasm (tests/bench/
// bench_exports.cpp). Doubling, as MEMFS already does below 1 MB, copies each byte about once;
// the slack is at most the file's size and is given back when the file is removed.
// A --pre-js of every wasm target that writes files (cmake/web.cmake); it also fixes FS.rename
// (below).
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

// A second fix of Emscripten 3.1.6's file system, in the same pre-js: FS.rename over an existing
// file (every PosixStorage::write_atomic that replaces one: the sync state, the trust state)
// takes the file it replaced out of its folder but not out of FS's lookup table. Once the new
// file is removed (SyncAgent::forget, wiping the device, a kiosk reset), a lookup of the name
// finds the replaced file again, with its old bytes: the app read back the sync state it had
// just removed (tests/unit/session/test_posix_storage.cpp, under node). The replaced node now
// leaves the lookup table too.
Module.preRun.push(function () {
  if (typeof FS === 'undefined' || !FS.rename) return;
  var rename = FS.rename;
  FS.rename = function (oldPath, newPath) {
    var replaced = null;
    try {
      replaced = FS.lookupPath(newPath, { follow: false }).node;
    } catch (e) {
      replaced = null;  // nothing there yet
    }
    var moved = null;
    try {
      moved = FS.lookupPath(oldPath, { follow: false }).node;
    } catch (e) {
      moved = null;
    }
    rename(oldPath, newPath);
    if (replaced && replaced !== moved) FS.hashRemoveNode(replaced);
  };
});
