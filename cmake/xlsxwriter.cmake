# libxlsxwriter 1.1.4 and zlib 1.2.13 from Debian's sources (`apt-get source libxlsxwriter zlib`,
# fetched by tools/bootstrap into .deps/), built as static libraries for native and wasm alike so
# that the XLSX export is the same code in the CLI, the tests and the browser. Both compile with
# emcc 3.1.6 unchanged (TOOLCHAIN.md); minizip's encryption is compiled out (NOCRYPT, NOUNCRYPT)
# since nothing here writes encrypted zips. -O2 as measured in TOOLCHAIN.md; third-party code,
# so its warnings are silenced (-w) rather than patched.
set(ZLIB_SRC "${VSYS_DEPS_DIR}/zlib")
set(XLSXWRITER_SRC "${VSYS_DEPS_DIR}/libxlsxwriter")
foreach(dir "${ZLIB_SRC}/zlib.h" "${XLSXWRITER_SRC}/include/xlsxwriter.h")
  if(NOT EXISTS "${dir}")
    message(FATAL_ERROR "${dir} missing: run tools/bootstrap")
  endif()
endforeach()

add_library(vsys_zlib STATIC
  ${ZLIB_SRC}/adler32.c ${ZLIB_SRC}/crc32.c ${ZLIB_SRC}/deflate.c ${ZLIB_SRC}/inflate.c
  ${ZLIB_SRC}/inffast.c ${ZLIB_SRC}/inftrees.c ${ZLIB_SRC}/trees.c ${ZLIB_SRC}/zutil.c)
target_include_directories(vsys_zlib SYSTEM PUBLIC "${ZLIB_SRC}")
target_compile_options(vsys_zlib PRIVATE -O2 -w)

file(GLOB XLSXWRITER_SOURCES "${XLSXWRITER_SRC}/src/*.c")
add_library(vsys_xlsxwriter STATIC ${XLSXWRITER_SOURCES}
  ${XLSXWRITER_SRC}/third_party/minizip/ioapi.c ${XLSXWRITER_SRC}/third_party/minizip/zip.c
  ${XLSXWRITER_SRC}/third_party/tmpfileplus/tmpfileplus.c ${XLSXWRITER_SRC}/third_party/md5/md5.c
  ${XLSXWRITER_SRC}/third_party/dtoa/emyg_dtoa.c)
target_include_directories(vsys_xlsxwriter SYSTEM PUBLIC "${XLSXWRITER_SRC}/include")
target_compile_definitions(vsys_xlsxwriter PRIVATE NOCRYPT NOUNCRYPT)
target_compile_options(vsys_xlsxwriter PRIVATE -O2 -w)
target_link_libraries(vsys_xlsxwriter PUBLIC vsys_zlib)

# The XLSX writer over libxlsxwriter (app/reports/xlsx_export.cpp), on the core alone: the native
# app links it (make_xlsx_exporter in process), and so do the browser's XLSX worker module
# (cmake/web.cmake) and the wasm tests and benchmarks; the browser app does not.
add_library(vsys_xlsx STATIC "${CMAKE_SOURCE_DIR}/src/app/reports/xlsx_export.cpp")
target_link_libraries(vsys_xlsx PUBLIC vsys_core PRIVATE vsys_xlsxwriter)
target_compile_options(vsys_xlsx PRIVATE ${VSYS_FAST_FLAGS} ${VSYS_WARNINGS})
