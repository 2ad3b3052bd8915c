// Native builds of Dear ImGui (the headless screen tests): its own consistency checks stay on in
// Release, and a failed one ends the test run with the expression, not silently (NDEBUG would
// compile IM_ASSERT away).
#pragma once
#include <cstdio>
#include <cstdlib>
#define IM_ASSERT(e) \
    ((e) ? (void)0 : (std::fprintf(stderr, "ImGui check failed: %s (%s:%d)\n", #e, __FILE__, __LINE__), std::abort()))
