# The WebAssembly build: Dear ImGui (from `apt-get source imgui`), the app, the static site under
# build/wasm/site/, and the unit tests compiled for node.

# The domain and sync libraries without exception support. Nothing in src/ catches (errors are
# values; JSON is parsed with allow_exceptions = false and type-checked before every get<>), so
# a throw ends the instance either way; without landing pads and unwinding tables they are smaller
# and faster (under Emscripten's JavaScript exceptions, every call that might throw went through an
# invoke_* trampoline: JSON parsing was 1.8x slower, docs/BENCHMARKS.md "Sync"). nlohmann/json
# turns its throws into abort() here. The rest of the build has WebAssembly exceptions
# (CMakeLists.txt); mixing is safe because no exception is ever meant to cross these libraries
# (the wasm unit tests run the mix).
target_compile_options(vsys_core PRIVATE -fno-exceptions)
target_compile_options(vsys_sync PRIVATE -fno-exceptions)
# The screens and Dear ImGui neither throw nor catch either, and nothing catches around a frame:
# an exception from a command called by a screen ends the instance with or without unwinding
# tables in the screens' frames, so they go without (smaller; docs/BENCHMARKS.md). The app layer
# keeps them: main_web.cpp catches a sync's std::bad_alloc through the app's frames, whose
# destructors must run (sync.out_of_memory).
target_compile_options(vsys_ui PRIVATE -fno-exceptions)
target_compile_options(vsys_imgui PRIVATE -fno-exceptions)

# ImGui's GLFW + WebGL2 backends (the core and the screens, vsys_imgui and vsys_ui, are
# cmake/imgui.cmake's); the screens are UI code, optimised for size.
add_library(vsys_imgui_backends STATIC
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(vsys_imgui_backends SYSTEM PUBLIC ${IMGUI_DIR}/backends)
target_link_libraries(vsys_imgui_backends PUBLIC vsys_imgui)
target_compile_options(vsys_imgui_backends PRIVATE -Os -w -fno-exceptions)
target_link_options(vsys_imgui_backends PUBLIC -sUSE_GLFW=3)
target_compile_options(vsys_ui PRIVATE -Os)

file(GLOB VSYS_WEB_SOURCES CONFIGURE_DEPENDS src/platform/web/*.cpp)
set(VSYS_SITE_DIR "${CMAKE_BINARY_DIR}/site")
add_executable(vsys_web ${VSYS_WEB_SOURCES})
target_link_libraries(vsys_web PRIVATE vsys_ui vsys_platform vsys_imgui_backends)
target_compile_definitions(vsys_web PRIVATE VSYS_VERSION="${PROJECT_VERSION}")
target_compile_options(vsys_web PRIVATE -Os ${VSYS_WARNINGS})
set_target_properties(vsys_web PROPERTIES OUTPUT_NAME vsys SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${VSYS_SITE_DIR}")
set(VSYS_GLUE "${CMAKE_SOURCE_DIR}/src/platform/web/glue.js")
set(VSYS_SYNC_JS "${CMAKE_SOURCE_DIR}/src/platform/web/sync.js")
set(VSYS_MEMFS_JS "${CMAKE_SOURCE_DIR}/src/platform/web/memfs_growth.js")  # large files (storage; the XLSX worker's temporary files)
set(VSYS_XLSX_CLIENT_JS "${CMAKE_SOURCE_DIR}/src/platform/web/xlsx_client.js")
set(VSYS_PRINT_JS "${CMAKE_SOURCE_DIR}/src/platform/web/print_window.js")
set(VSYS_HIGH_MEMORY_JS "${CMAKE_SOURCE_DIR}/src/platform/web/high_memory.js")  # WebGL functions that broke past 2 GB
# Linked at -Os: the objects keep their own levels (core and sync -O3, where JSON parsing is six
# times faster than at -Os; the screens -Os), and only Binaryen's whole-program passes optimise for
# size, which leaves out its extra inlining: 4,944,726 → 4,855,162 bytes (-1.8%, issue 12's size
# target; docs/BENCHMARKS.md).
target_link_options(vsys_web PRIVATE
  -Os
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  # Up to 4 GB (wasm32's whole range; 2 GB by default): the nation's device holds the whole
  # country's documents, and its first sync passed 2 GB (docs/BENCHMARKS.md, tools/bench nation).
  # Addresses past 2 GB reach JavaScript as negative numbers: our JS reads the heap with `>>> 0`
  # (Emscripten's own string functions do), never with setValue/getValue (`>>` shifts), and
  # high_memory.js replaces the WebGL functions of 3.1.6 that did not.
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=64MB -sMAXIMUM_MEMORY=4GB
  -lidbfs.js -sFORCE_FILESYSTEM=1
  # No eval or new Function in the generated JS: the page's CSP allows neither (web/nginx.conf.in).
  -sDYNAMIC_EXECUTION=0
  "-sEXPORTED_RUNTIME_METHODS=['FS','ccall','UTF8ToString','stringToUTF8','lengthBytesUTF8','setValue','addRunDependency','removeRunDependency']"
  "-sEXPORTED_FUNCTIONS=['_main','_malloc','_free']"
  "SHELL:--pre-js ${VSYS_GLUE}" "SHELL:--pre-js ${VSYS_SYNC_JS}" "SHELL:--pre-js ${VSYS_MEMFS_JS}"
  "SHELL:--pre-js ${VSYS_XLSX_CLIENT_JS}" "SHELL:--pre-js ${VSYS_PRINT_JS}"
  "SHELL:--js-library ${VSYS_HIGH_MEMORY_JS}")
set_property(TARGET vsys_web APPEND PROPERTY LINK_DEPENDS "${VSYS_GLUE};${VSYS_SYNC_JS};${VSYS_MEMFS_JS};${VSYS_XLSX_CLIENT_JS};${VSYS_PRINT_JS};${VSYS_HIGH_MEMORY_JS}")

# The XLSX worker (platform/web/xlsx_worker/): a module of its own, the in-process writer
# (vsys_xlsx, libxlsxwriter, zlib) behind one C entry, run in a Web Worker by xlsx_client.js so
# that writing and deflating a 71,000-row workbook never blocks the page. xlsx_worker.js is the
# worker's script (the worker's message loop is its --extern-post-js); node can load it too
# (module.exports, the byte-for-byte test against the native writer: tests/e2e/xlsx_worker.test.mjs).
# Fetched after the first frame and precached by the service worker (tools/gen/site.py).
set(VSYS_XLSX_WORKER_JS "${CMAKE_SOURCE_DIR}/src/platform/web/xlsx_worker/worker_main.js")
add_executable(vsys_xlsx_worker src/platform/web/xlsx_worker/xlsx_worker.cpp)
target_link_libraries(vsys_xlsx_worker PRIVATE vsys_xlsx)
target_compile_options(vsys_xlsx_worker PRIVATE ${VSYS_FAST_FLAGS} ${VSYS_WARNINGS})
set_target_properties(vsys_xlsx_worker PROPERTIES OUTPUT_NAME xlsx_worker SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${VSYS_SITE_DIR}")
target_link_options(vsys_xlsx_worker PRIVATE
  -O3 -sALLOW_MEMORY_GROWTH=1 -sDYNAMIC_EXECUTION=0 -sENVIRONMENT=worker,node
  -sMODULARIZE=1 -sEXPORT_NAME=createVsysXlsx
  "-sEXPORTED_RUNTIME_METHODS=['UTF8ToString']"
  "-sEXPORTED_FUNCTIONS=['_malloc','_free','_vsys_xlsx_write','_vsys_xlsx_size','_vsys_xlsx_error','_vsys_xlsx_release']"
  "SHELL:--pre-js ${VSYS_MEMFS_JS}" "SHELL:--extern-post-js ${VSYS_XLSX_WORKER_JS}")
set_property(TARGET vsys_xlsx_worker APPEND PROPERTY LINK_DEPENDS "${VSYS_MEMFS_JS};${VSYS_XLSX_WORKER_JS}")

# The font: BIZ UDGothic (Debian fonts-morisawa-bizud-gothic) cut down to the UI's code points,
# in two files: font.ttf (what the app's own texts and master data use, for the first frame) and
# font-rest.ttf (the rest of JIS X 0208, fetched after the first frame; tools/gen/font_subset.py).
set(VSYS_FONT_SRC "/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf")
if(NOT EXISTS "${VSYS_FONT_SRC}")
  file(GLOB_RECURSE VSYS_FONT_CANDIDATES /usr/share/fonts/*BIZUDGothic-Regular.ttf)
  list(GET VSYS_FONT_CANDIDATES 0 VSYS_FONT_SRC)
endif()
# The characters of the app's code and data (symbols drawn from code, the demo deployment's
# names, claims' fee names) go into font.ttf too; an edit of one re-cuts the font (seconds).
file(GLOB_RECURSE VSYS_FONT_CODE CONFIGURE_DEPENDS src/*.cpp src/*.hpp src/*.js assets/*.tsv)
set(VSYS_FONT_CODE_ARGS "")
foreach(f ${VSYS_FONT_CODE})
  list(APPEND VSYS_FONT_CODE_ARGS --code "${f}")
endforeach()
add_custom_command(OUTPUT "${VSYS_SITE_DIR}/font.ttf" "${VSYS_SITE_DIR}/font-rest.ttf"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${VSYS_SITE_DIR}"
  COMMAND "${VSYS_PYTHON}" "${CMAKE_SOURCE_DIR}/tools/gen/font_subset.py" "${VSYS_FONT_SRC}" "${VSYS_UNICODES}"
          "${VSYS_SITE_DIR}/font.ttf" "${VSYS_SITE_DIR}/font-rest.ttf" ${VSYS_FONT_CODE_ARGS} ${VSYS_GLYPH_TEXTS}
  DEPENDS "${VSYS_UNICODES}" "${CMAKE_SOURCE_DIR}/tools/gen/font_subset.py" ${VSYS_FONT_CODE}
  COMMENT "Subsetting BIZ UDGothic")

# The static site: shell files, service worker stamped with a content hash of everything; then
# a .br and a .gz beside each file that compresses, which nginx serves as they are
# (tools/gen/precompress.py, web/nginx.conf.in).
file(GLOB VSYS_SHELL_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shell/*")
add_custom_command(OUTPUT "${VSYS_SITE_DIR}/sw.js" "${VSYS_SITE_DIR}/index.html"
  COMMAND "${VSYS_PYTHON}" "${CMAKE_SOURCE_DIR}/tools/gen/site.py" "${CMAKE_SOURCE_DIR}/shell" "${VSYS_SITE_DIR}"
  COMMAND "${VSYS_PYTHON}" "${CMAKE_SOURCE_DIR}/tools/gen/precompress.py" "${VSYS_SITE_DIR}"
  DEPENDS vsys_web vsys_xlsx_worker "${VSYS_SITE_DIR}/font.ttf" "${VSYS_SITE_DIR}/font-rest.ttf" ${VSYS_SHELL_FILES} "${CMAKE_SOURCE_DIR}/tools/gen/site.py"
          "${CMAKE_SOURCE_DIR}/tools/gen/precompress.py" "$<TARGET_FILE:vsys_web>" "$<TARGET_FILE:vsys_xlsx_worker>"
  COMMENT "Assembling the static site")
add_custom_target(vsys_site ALL DEPENDS "${VSYS_SITE_DIR}/sw.js")

# The same unit tests, as WebAssembly under node (answers must match the native run).
add_executable(vsys_tests_wasm ${VSYS_TEST_SOURCES})
target_link_libraries(vsys_tests_wasm PRIVATE vsys_platform vsys_xlsx vsys_doctest)  # XLSX in process, as natively
target_include_directories(vsys_tests_wasm PRIVATE tests/unit)  # the shared fixtures
target_compile_options(vsys_tests_wasm PRIVATE ${VSYS_WARNINGS})
target_compile_definitions(vsys_tests_wasm PRIVATE VSYS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
set_target_properties(vsys_tests_wasm PROPERTIES SUFFIX ".js")
target_link_options(vsys_tests_wasm PRIVATE -O3 -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 -sSINGLE_FILE=1 -sENVIRONMENT=node
  "SHELL:--pre-js ${VSYS_MEMFS_JS}")
set_property(TARGET vsys_tests_wasm APPEND PROPERTY LINK_DEPENDS "${VSYS_MEMFS_JS}")

# The benchmark programs as WebAssembly under node, built only on request (tools/bench compares
# each with its native build; same sources and flags as natively).
file(GLOB VSYS_BENCH_SOURCES CONFIGURE_DEPENDS tests/bench/*.cpp)
foreach(src ${VSYS_BENCH_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name}_wasm EXCLUDE_FROM_ALL ${src})
  target_link_libraries(${name}_wasm PRIVATE vsys_platform vsys_xlsx)
  target_compile_options(${name}_wasm PRIVATE ${VSYS_FAST_FLAGS})
  set_target_properties(${name}_wasm PROPERTIES SUFFIX ".js")
  target_link_options(${name}_wasm PRIVATE -O3 -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 -sSINGLE_FILE=1 -sENVIRONMENT=node
    "SHELL:--pre-js ${VSYS_MEMFS_JS}")
  set_property(TARGET ${name}_wasm APPEND PROPERTY LINK_DEPENDS "${VSYS_MEMFS_JS}")
endforeach()
