// The one exception the product catches: main_web.cpp ends a sync run whose memory ran out
// (std::bad_alloc, thrown under the app's frames) with sync.out_of_memory, and the frames between
// must unwind, their destructors run. The wasm build does this with WebAssembly's own exception
// handling (CMakeLists.txt); this suite runs there too (the wasm suite), so a build whose
// exceptions abort or skip destructors fails here.
#include <doctest/doctest.h>

#include <new>
#include <stdexcept>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("base");

namespace {

struct Unwound {
    std::vector<std::string>& log;
    std::string name;
    ~Unwound() { log.push_back(name); }
};

// Three frames deep, each holding something to release, as a sync's parse under accept_answers.
void allocate_at(int depth, std::vector<std::string>& log) {
    Unwound guard{log, "frame " + std::to_string(depth)};
    std::vector<int> held(1000, depth);
    if (depth == 3) throw std::bad_alloc();
    allocate_at(depth + 1, log);
}

}  // namespace

TEST_CASE("a std::bad_alloc thrown three frames down is caught as std::exception, each frame unwound") {
    std::vector<std::string> log;
    std::string caught;
    bool memory = false;
    try {
        allocate_at(1, log);
    } catch (const std::exception& e) {  // as main_web.cpp's vsys_sync_answer catches
        memory = dynamic_cast<const std::bad_alloc*>(&e) != nullptr;
        caught = e.what();
    }
    CHECK(memory);
    CHECK_FALSE(caught.empty());
    CHECK(log == std::vector<std::string>{"frame 3", "frame 2", "frame 1"});  // innermost first
}

TEST_CASE("a catch can throw again and be caught once more, as abandon_run does") {
    int handled = 0;
    try {
        try {
            throw std::runtime_error("first");
        } catch (const std::exception& e) {
            ++handled;
            throw std::logic_error(std::string(e.what()) + ", then second");
        }
    } catch (const std::logic_error& e) {
        ++handled;
        CHECK(std::string(e.what()) == "first, then second");
    }
    CHECK(handled == 2);
}

TEST_SUITE_END();
