// The unit test runner: the same doctest suite runs natively and as WebAssembly under node.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    return context.run();
}
