# libFuzzer targets (tests/fuzz/, preset `fuzz`, run by tools/fuzz): one per parser of untrusted
# input. With VSYS_FUZZ=ON every library is compiled with coverage instrumentation and
# AddressSanitizer + UndefinedBehaviorSanitizer, so a bug anywhere below a parser is caught;
# needs Debian's clang-14 with libclang-rt-14-dev and libfuzzer-14-dev (tools/bootstrap).
option(VSYS_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(NOT VSYS_FUZZ OR VSYS_WEB)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "VSYS_FUZZ needs clang (cmake --preset fuzz uses clang-14)")
endif()

# Instrumented libraries; the link flags travel to everything that links them (vsys,
# vsys_tests and the benchmarks still build in this tree, sanitized).
set(VSYS_FUZZ_COMPILE -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer -g)
foreach(lib vsys_core vsys_sync vsys_app vsys_xlsx vsys_platform)
  target_compile_options(${lib} PRIVATE ${VSYS_FUZZ_COMPILE})
  target_link_options(${lib} INTERFACE -fsanitize=address,undefined)
endforeach()

# The `vsys` tool as a library, so the claim and allocation targets drive its very subcommands
# (input reading included); its main() is renamed, libFuzzer has its own.
add_library(vsys_fuzz_cli STATIC ${VSYS_CLI_SOURCES})
target_link_libraries(vsys_fuzz_cli PUBLIC vsys_platform)
target_compile_definitions(vsys_fuzz_cli PRIVATE main=vsys_cli_main VSYS_VERSION="${PROJECT_VERSION}")
target_compile_options(vsys_fuzz_cli PRIVATE ${VSYS_FUZZ_COMPILE})

# The test deployment, seeds and checks the targets share (fuzz_support.hpp).
add_library(vsys_fuzz_support STATIC tests/fuzz/fuzz_support.cpp tests/fuzz/fuzz_seeds_pack_sealed.cpp)
target_include_directories(vsys_fuzz_support PUBLIC tests/fuzz tests/unit)
target_link_libraries(vsys_fuzz_support PUBLIC vsys_sync)
target_compile_options(vsys_fuzz_support PRIVATE ${VSYS_FUZZ_COMPILE})

set(VSYS_FUZZ_TARGETS bundle bundle_resign archive canonical claim allocation pack sealed_body s3_listing)
foreach(name ${VSYS_FUZZ_TARGETS})
  add_executable(fuzz_${name} tests/fuzz/fuzz_${name}.cpp)
  target_link_libraries(fuzz_${name} PRIVATE vsys_fuzz_support)
  if(name STREQUAL "claim" OR name STREQUAL "allocation")
    target_link_libraries(fuzz_${name} PRIVATE vsys_fuzz_cli)
  elseif(name STREQUAL "s3_listing")
    target_link_libraries(fuzz_${name} PRIVATE vsys_platform)
  endif()
  target_compile_options(fuzz_${name} PRIVATE ${VSYS_FUZZ_COMPILE})
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address,undefined)
endforeach()

# Writes the seed corpora (tools/fuzz runs it into build/fuzz/corpus/<target>/).
add_executable(fuzz_seeds tests/fuzz/fuzz_seeds.cpp)
target_link_libraries(fuzz_seeds PRIVATE vsys_fuzz_support)
target_compile_options(fuzz_seeds PRIVATE ${VSYS_FUZZ_COMPILE})

list(TRANSFORM VSYS_FUZZ_TARGETS PREPEND fuzz_ OUTPUT_VARIABLE VSYS_FUZZ_EXECUTABLES)
add_custom_target(fuzz_all DEPENDS ${VSYS_FUZZ_EXECUTABLES} fuzz_seeds)
