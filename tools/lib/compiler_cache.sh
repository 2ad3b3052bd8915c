# Sourced by tools/build and tools/fuzz: compiles through ccache when it is installed
# (tools/bootstrap installs it). A second build of the same sources, in this clone or in
# another clone or worktree on the same machine, then takes seconds instead of minutes;
# on 2 cores the four builds (native, ASan, wasm, fuzz) are most of tools/test's time.
# Paths are hashed relative to the clone (CCACHE_BASEDIR, no working directory in the
# hash), so a fresh clone at another path hits the same entries.
export CCACHE_BASEDIR="$root"
export CCACHE_NOHASHDIR=true
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
# emcc is a script: ccache cannot fingerprint the clang behind it by mtime, so hash the
# compiler's --version output (which names the Emscripten and clang versions) instead.
export CCACHE_COMPILERCHECK=${CCACHE_COMPILERCHECK:-%compiler% --version}

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
