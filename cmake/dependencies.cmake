# Third-party code, all from Debian: nlohmann/json and doctest headers from their -dev packages,
# libsodium from libsodium-dev natively or compiled from `apt-get source libsodium` for wasm,
# Dear ImGui 1.86 from `apt-get source imgui` (tools/bootstrap fetches both into .deps/).

# Emscripten must not see /usr/include as a whole (it would shadow its own libc), so the two
# header-only libraries are exposed through a directory holding only links to them.
set(VSYS_SHIM_INCLUDE "${CMAKE_BINARY_DIR}/include-shim")
file(MAKE_DIRECTORY "${VSYS_SHIM_INCLUDE}")
foreach(dir nlohmann doctest)
  if(NOT EXISTS "/usr/include/${dir}")
    message(FATAL_ERROR "/usr/include/${dir} missing: run tools/bootstrap")
  endif()
  file(CREATE_LINK "/usr/include/${dir}" "${VSYS_SHIM_INCLUDE}/${dir}" SYMBOLIC)
endforeach()

add_library(vsys_json INTERFACE)
target_include_directories(vsys_json SYSTEM INTERFACE "${VSYS_SHIM_INCLUDE}")
add_library(vsys_doctest INTERFACE)
target_include_directories(vsys_doctest SYSTEM INTERFACE "${VSYS_SHIM_INCLUDE}")

if(EMSCRIPTEN)
  set(SODIUM_SRC "${VSYS_DEPS_DIR}/libsodium/src/libsodium")
  if(NOT EXISTS "${SODIUM_SRC}")
    message(FATAL_ERROR "${SODIUM_SRC} missing: run tools/bootstrap")
  endif()
  # A copy of the public headers with the generated version.h beside them (it includes
  # "export.h" relative to itself).
  file(COPY "${SODIUM_SRC}/include" DESTINATION "${CMAKE_BINARY_DIR}/sodium-gen")
  set(SODIUM_GEN "${CMAKE_BINARY_DIR}/sodium-gen/include/sodium")
  set(VERSION 1.0.18)
  set(SODIUM_LIBRARY_VERSION_MAJOR 10)
  set(SODIUM_LIBRARY_VERSION_MINOR 3)
  set(SODIUM_LIBRARY_MINIMAL_DEF "")
  configure_file("${SODIUM_SRC}/include/sodium/version.h.in" "${SODIUM_GEN}/version.h" @ONLY)
  file(GLOB_RECURSE SODIUM_SOURCES "${SODIUM_SRC}/*.c")
  add_library(vsys_sodium STATIC ${SODIUM_SOURCES})
  target_include_directories(vsys_sodium SYSTEM PUBLIC "${CMAKE_BINARY_DIR}/sodium-gen/include")
  target_include_directories(vsys_sodium PRIVATE "${SODIUM_GEN}")
  target_compile_definitions(vsys_sodium PRIVATE CONFIGURED=1 NATIVE_LITTLE_ENDIAN=1 HAVE_WEAK_SYMBOLS=1)
  target_compile_options(vsys_sodium PRIVATE -O2 -w)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
  add_library(vsys_sodium INTERFACE)
  target_link_libraries(vsys_sodium INTERFACE PkgConfig::SODIUM)
endif()
