# Sourced by tools/build and tools/fuzz: compiles through ccache when it is installed
# (tools/bootstrap installs it). A second build of the same sources, in this clone or in
# another clone or worktree on the same machine, then takes seconds instead of minutes;
# on 2 cores the four builds (native, ASan, wasm, fuzz) are most of tools/test's time.
# Paths are hashed relative to the clone (CCACHE_BASEDIR, no working directory in the
# hash), so a fresh clone at another path hits the same entries.
export CCACHE_BASEDIR="$root"
export CCACHE_NOHASHDIR=true
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
# emcc is a script in front of clang-14: ccache's default fingerprint (the compiler file's
# mtime) would miss an upgrade of the clang behind it, and asking `emcc --version` costs a Python
# start per file. So the fingerprint is the versions of every compiler the presets use, read
# once here: an upgrade of any of them starts a fresh cache.
compiler_versions() {
  local v=""
  for c in gcc clang-14; do command -v "$c" >/dev/null && v+="$($c --version 2>/dev/null | head -1);"; done
  [ -f /usr/share/emscripten/emscripten-version.txt ] && v+="emscripten $(cat /usr/share/emscripten/emscripten-version.txt)"
  echo "$v"
}
export CCACHE_COMPILERCHECK=${CCACHE_COMPILERCHECK:-"string:$(compiler_versions)"}

# cmake -D flags that route C and C++ compiles through ccache (none without ccache).
compiler_cache_flags() {
  command -v ccache >/dev/null || return 0
  echo "-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
}

# configure_if_needed BUILD_DIR PRESET: configures once, and again when a build directory
# made before the cache was installed lacks the launcher.
configure_if_needed() {
  local dir=$1 preset=$2 flags
  flags=$(compiler_cache_flags)
  if [ ! -f "$dir/build.ninja" ] ||
     { [ -n "$flags" ] && ! grep -q '^CMAKE_CXX_COMPILER_LAUNCHER' "$dir/CMakeCache.txt"; }; then
    # shellcheck disable=SC2086
    cmake --preset "$preset" -B "$dir" $flags >/dev/null
  fi
}
