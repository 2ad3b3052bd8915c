# Dear ImGui's core (from `apt-get source imgui`, fetched by tools/bootstrap into .deps/imgui),
# for both builds: the web app draws with it, and natively the screens are unit-tested with it
# (tests/ui/: a headless context, no window or GL). The platform backends are web.cmake's.
set(IMGUI_DIR "${VSYS_DEPS_DIR}/imgui")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "${IMGUI_DIR} missing: run tools/bootstrap")
endif()

# ImGui is UI code: optimised for size; the domain code stays at -O3 (see CMakeLists.txt).
add_library(vsys_imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(vsys_imgui SYSTEM PUBLIC ${IMGUI_DIR})
# 32-bit ImWchar: place names may use characters outside the BMP.
target_compile_definitions(vsys_imgui PUBLIC IMGUI_USE_WCHAR32 IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_compile_options(vsys_imgui PRIVATE -Os -w)
if(NOT VSYS_WEB)
  # Natively (the screen tests), ImGui's own checks abort even in Release: tests/ui/imgui_test_config.h.
  target_compile_definitions(vsys_imgui PUBLIC IMGUI_USER_CONFIG="${CMAKE_SOURCE_DIR}/tests/ui/imgui_test_config.h")
endif()

# The screens: src/ui/<feature>/. They see the app's commands and views and the Host interface
# (ui/shell/host.hpp) that the platform implements; never Emscripten (tools/check_layers).
file(GLOB_RECURSE VSYS_UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
add_library(vsys_ui STATIC ${VSYS_UI_SOURCES})
target_link_libraries(vsys_ui PUBLIC vsys_app vsys_imgui)
target_compile_options(vsys_ui PRIVATE ${VSYS_WARNINGS})
