// Emscripten 3.1.6's WebGL functions that break once the heap passes 2 GB, linked with
// --js-library so that these definitions replace Emscripten's own.
//
// Why: the app's memory may grow to 4 GB (cmake/web.cmake: the nation's device holds the whole
// country's documents), and a wasm pointer past 2^31 reaches JavaScript as a negative i32. With
// MAXIMUM_MEMORY above 2 GB Emscripten reads its heap unsigned (`>>> 0`, `>>>` in the generated
// code), except where a pointer goes to WebGL as it came: glBufferData and glBufferSubData pass
// it as the source offset into HEAPU8, glTexImage2D and glUniformMatrix4fv shift it with `>>`.
// WebGL refuses a negative offset, so ImGui's vertices and font never reached the GPU and the
// screen stayed blank (tests/e2e/memory_above_2gb.test.mjs). Each function below is Emscripten's
// own for WebGL 2 (the only version the app asks for) with the pointer read unsigned.
mergeInto(LibraryManager.library, {
  glBufferData__sig: 'viiii',
  glBufferData: function(target, size, data, usage) {
    size >>>= 0; data >>>= 0;
    if (data) GLctx.bufferData(target, HEAPU8, usage, data, size);
    else GLctx.bufferData(target, size, usage);
  },

  glBufferSubData__sig: 'viiii',
  glBufferSubData: function(target, offset, size, data) {
    GLctx.bufferSubData(target, offset, HEAPU8, data >>> 0, size >>> 0);
  },

  glTexImage2D__sig: 'viiiiiiiii',
  glTexImage2D__deps: ['$heapObjectForWebGLType', '$heapAccessShiftForWebGLHeap'],
  glTexImage2D: function(target, level, internalFormat, width, height, border, format, type, pixels) {
    if (GLctx.currentPixelUnpackBufferBinding) {
      GLctx.texImage2D(target, level, internalFormat, width, height, border, format, type, pixels);
    } else if (pixels) {
      var heap = heapObjectForWebGLType(type);
      GLctx.texImage2D(target, level, internalFormat, width, height, border, format, type, heap,
                       (pixels >>> 0) >>> heapAccessShiftForWebGLHeap(heap));
    } else {
      GLctx.texImage2D(target, level, internalFormat, width, height, border, format, type, null);
    }
  },

  glUniformMatrix4fv__sig: 'viiii',
  glUniformMatrix4fv__deps: ['$webglGetUniformLocation'],
  glUniformMatrix4fv: function(location, count, transpose, value) {
    GLctx.uniformMatrix4fv(webglGetUniformLocation(location), !!transpose, HEAPF32, (value >>> 0) >>> 2, count * 16);
  },
});
