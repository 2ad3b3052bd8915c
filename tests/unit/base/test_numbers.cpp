#include <doctest/doctest.h>

#include <cstdint>

#include "core/base/numbers.hpp"

TEST_SUITE_BEGIN("base");

using namespace vsys;

TEST_CASE("an ideal share in hundredths is rounded half up, exactly, from its fraction") {
    CHECK(scaled_decimal(2070, 6043260, 7064182) == 207086);  // 0.8554… rounds up
    CHECK(scaled_decimal(0, 1, 3) == 33);
    CHECK(scaled_decimal(1, 1, 200) == 101);   // exactly half a hundredth rounds up
    CHECK(scaled_decimal(1, 199, 200) == 200);  // rounding carries into the whole part
    CHECK(scaled_decimal(5, 0, 7) == 500);
    CHECK(scaled_decimal(1234567, 0, 1, 0) == 1234567);
    CHECK(scaled_decimal(3, 2, 0) == 300);  // no denominator: the whole part only
    // No overflow for the largest numerators a division can leave.
    CHECK(scaled_decimal(0, INT64_MAX - 1, INT64_MAX) == 100);
}

TEST_SUITE_END();
