#include <doctest/doctest.h>

#include "core/base/result.hpp"

TEST_SUITE_BEGIN("base");

TEST_CASE("a Result holds either a value or an error with a code and arguments") {
    vsys::Result<int> good = 7;
    CHECK(good.ok());
    CHECK(*good == 7);
    vsys::Result<int> bad = vsys::Error{"code.length", "wrong length", {{"expected", "10"}}};
    CHECK_FALSE(bad.ok());
    CHECK(bad.error().code == "code.length");
    CHECK(bad.error().arg("expected") == "10");
    CHECK(bad.error().arg("missing").empty());
}

TEST_SUITE_END();
