# Sources generated at build time from data in assets/: embedded text assets and the UI glyph
# ranges. Python is Debian's /usr/bin/python3 (it has fontTools for the wasm font subset).
set(VSYS_GENERATED_DIR "${CMAKE_BINARY_DIR}/generated")
file(MAKE_DIRECTORY "${VSYS_GENERATED_DIR}")

set(VSYS_EMBEDDED_ASSETS
  "strings_tsv|assets/i18n/strings.tsv|app"
  "local_gov_tsv|assets/master/local_gov.tsv|core"
)
file(GLOB VSYS_EMBED_EXTRA CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/*/embed.cmake")
foreach(extra ${VSYS_EMBED_EXTRA})
  include(${extra})
endforeach()

set(VSYS_GENERATED_CORE_SOURCES)
set(VSYS_GENERATED_APP_SOURCES)
foreach(entry ${VSYS_EMBEDDED_ASSETS})
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 symbol)
  list(GET parts 1 rel)
  list(GET parts 2 layer)
  set(out "${VSYS_GENERATED_DIR}/asset_${symbol}.cpp")
  add_custom_command(OUTPUT "${out}"
    COMMAND "${VSYS_PYTHON}" "${CMAKE_SOURCE_DIR}/tools/gen/embed.py" ${symbol} "${CMAKE_SOURCE_DIR}/${rel}" "${out}"
    DEPENDS "${CMAKE_SOURCE_DIR}/${rel}" "${CMAKE_SOURCE_DIR}/tools/gen/embed.py"
    COMMENT "Embedding ${rel}")
  if(layer STREQUAL "core")
    list(APPEND VSYS_GENERATED_CORE_SOURCES "${out}")
  else()
    list(APPEND VSYS_GENERATED_APP_SOURCES "${out}")
  endif()
endforeach()

# Every text the UI shows from data: strings, places, report definitions, stock's reasons and
# conditions, product names (the font subset fails the build on a character it has no glyph for).
file(GLOB VSYS_GLYPH_DATA CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/reports/*.tsv" "${CMAKE_SOURCE_DIR}/assets/stock/*.tsv"
     "${CMAKE_SOURCE_DIR}/assets/catalog/*.tsv")
set(VSYS_GLYPH_TEXTS "${CMAKE_SOURCE_DIR}/assets/i18n/strings.tsv" "${CMAKE_SOURCE_DIR}/assets/master/local_gov.tsv"
    ${VSYS_GLYPH_DATA})
set(VSYS_UNICODES "${VSYS_GENERATED_DIR}/ui_unicodes.txt")
add_custom_command(OUTPUT "${VSYS_GENERATED_DIR}/glyph_ranges.cpp" "${VSYS_UNICODES}"
  COMMAND "${VSYS_PYTHON}" "${CMAKE_SOURCE_DIR}/tools/gen/glyph_ranges.py"
          --imgui "${VSYS_DEPS_DIR}/imgui/imgui_draw.cpp"
          --out-cpp "${VSYS_GENERATED_DIR}/glyph_ranges.cpp" --out-unicodes "${VSYS_UNICODES}"
          ${VSYS_GLYPH_TEXTS}
  DEPENDS ${VSYS_GLYPH_TEXTS} "${CMAKE_SOURCE_DIR}/tools/gen/glyph_ranges.py"
  COMMENT "Computing the UI glyph ranges")
list(APPEND VSYS_GENERATED_APP_SOURCES "${VSYS_GENERATED_DIR}/glyph_ranges.cpp")

# The CP932 (Windows-31J) export table (tools/gen/cp932.py), from Debian's `locales` charmap: the
# Windows table with the NEC and IBM extensions, so ① and 髙 encode as Windows writes them.
set(VSYS_CP932_CHARMAP "/usr/share/i18n/charmaps/WINDOWS-31J.gz" CACHE FILEPATH "Debian locales' Windows-31J charmap")
if(NOT EXISTS "${VSYS_CP932_CHARMAP}")
  message(FATAL_ERROR "${VSYS_CP932_CHARMAP} missing: run tools/bootstrap (package locales)")
endif()
add_custom_command(OUTPUT "${VSYS_GENERATED_DIR}/cp932_table.cpp"
  COMMAND "${VSYS_PYTHON}" "${CMAKE_SOURCE_DIR}/tools/gen/cp932.py" "${VSYS_CP932_CHARMAP}" "${VSYS_GENERATED_DIR}/cp932_table.cpp"
  DEPENDS "${VSYS_CP932_CHARMAP}" "${CMAKE_SOURCE_DIR}/tools/gen/cp932.py"
  COMMENT "Generating the CP932 table from ${VSYS_CP932_CHARMAP}")
list(APPEND VSYS_GENERATED_CORE_SOURCES "${VSYS_GENERATED_DIR}/cp932_table.cpp")
