#include <doctest/doctest.h>

#include "core/base/display_time.hpp"

TEST_SUITE_BEGIN("base");

TEST_CASE("instants show in Japan time with the weekday, in either language") {
    using vsys::display_time;
    CHECK(display_time(std::string_view("2026-12-05T03:12:05Z"), false) == "2026/12/05(土) 12:12");
    CHECK(display_time(std::string_view("2026-12-05T03:12:05Z"), true) == "2026/12/05 (Sat) 12:12");
    // 15:00 UTC is already the next day in Japan (and the next month, and the next year).
    CHECK(display_time(std::string_view("2021-12-31T15:00:00Z"), false) == "2022/01/01(土) 00:00");
    CHECK(display_time(std::string_view("2022-01-31T09:00:00Z"), false) == "2022/01/31(月) 18:00");
    CHECK(display_time(std::string_view("1969-12-31T14:59:59Z"), true) == "1969/12/31 (Wed) 23:59");
    // Not a stored time: shown as it came, never hidden.
    CHECK(display_time(std::string_view("2021-02-30T00:00:00Z"), false) == "2021-02-30T00:00:00Z");
    CHECK(display_time(std::string_view(""), false).empty());
}

TEST_CASE("dates show with the weekday") {
    CHECK(vsys::display_date({2022, 1, 31}, false) == "2022/01/31(月)");
    CHECK(vsys::display_date({2024, 2, 29}, true) == "2024/02/29 (Thu)");
}

TEST_SUITE_END();
