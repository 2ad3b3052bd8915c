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

TEST_CASE("a size on the wire reads in KB, MB or GB to one decimal, rounded half up") {
    CHECK(vsys::format_data_size(0) == "0.0 KB");
    CHECK(vsys::format_data_size(-5) == "0.0 KB");
    CHECK(vsys::format_data_size(51) == "0.0 KB");
    CHECK(vsys::format_data_size(52) == "0.1 KB");  // 0.0508 KB rounds up
    CHECK(vsys::format_data_size(3277) == "3.2 KB");
    CHECK(vsys::format_data_size(1024 * 1023 + 1000) == "1,024.0 KB");
    CHECK(vsys::format_data_size(1024 * 1024) == "1.0 MB");
    CHECK(vsys::format_data_size(12'986'000) == "12.4 MB");
    CHECK(vsys::format_data_size(605'000'000) == "577.0 MB");
    CHECK(vsys::format_data_size(3LL * 1024 * 1024 * 1024 + 512LL * 1024 * 1024) == "3.5 GB");
}

TEST_SUITE_END();
