#include <doctest/doctest.h>

#include "core/base/calendar.hpp"

TEST_SUITE_BEGIN("base");

using namespace vsys;

TEST_CASE("ISO dates and months parse strictly and print back") {
    auto d = parse_iso_date("2022-01-11");
    REQUIRE(d);
    CHECK(*d == Date{2022, 1, 11});
    CHECK(to_iso(*d) == "2022-01-11");
    auto m = parse_year_month("2021-12");
    REQUIRE(m);
    CHECK(to_iso(*m) == "2021-12");
    for (const char* bad : {"2022-1-11", "2022-02-30", "2021-02-29", "22-01-11", "2022-01-1x", "+022-01-11", ""})
        CHECK(parse_iso_date(bad).error().code == "calendar.malformed_date");
    for (const char* bad : {"2022-13", "2022-00", "2022-1", "2022/01", "202201", "2022-01-01", "-022-01"})
        CHECK(parse_year_month(bad).error().code == "calendar.malformed_month");
    CHECK(parse_iso_date("2024-02-29"));
}

TEST_CASE("day arithmetic round-trips and knows the weekdays") {
    CHECK(days_since_epoch(Date{1970, 1, 1}) == 0);
    CHECK(date_from_days(-1) == Date{1969, 12, 31});
    for (std::int64_t n = -800000; n <= 800000; n += 997) CHECK(days_since_epoch(date_from_days(n)) == n);
    CHECK(add_days(Date{2021, 12, 31}, 1) == Date{2022, 1, 1});
    CHECK(add_days(Date{2024, 2, 28}, 1) == Date{2024, 2, 29});
    CHECK(weekday(Date{2022, 1, 10}) == Weekday::monday);
    CHECK(weekday(Date{2022, 9, 10}) == Weekday::saturday);
    CHECK(weekday(Date{2019, 5, 1}) == Weekday::wednesday);
    CHECK(next_month(YearMonth{2021, 12}) == YearMonth{2022, 1});
    CHECK(last_day(YearMonth{2100, 2}) == Date{2100, 2, 28});
}

TEST_CASE("the holiday data is sorted, states its coverage and knows 成人の日 2022") {
    auto hs = public_holidays();
    REQUIRE(hs.size() > 500);
    CHECK(holidays_first_covered() == Date{2019, 1, 1});
    CHECK(holidays_last_covered() == Date{2050, 12, 31});
    for (std::size_t i = 1; i < hs.size(); ++i) CHECK(hs[i - 1].date < hs[i].date);
    const auto* h = find_public_holiday(Date{2022, 1, 10});
    REQUIRE(h);
    CHECK(h->name == "成人の日");
    CHECK(find_public_holiday(Date{2022, 1, 11}) == nullptr);
    // A substitute holiday (振替休日) is in the data too.
    CHECK(find_public_holiday(Date{2021, 8, 9}));
}

TEST_CASE("a business day is a weekday that is not a public holiday") {
    CHECK(*is_business_day(Date{2022, 1, 11}));
    CHECK_FALSE(*is_business_day(Date{2022, 1, 10}));  // 成人の日
    CHECK_FALSE(*is_business_day(Date{2022, 9, 10}));  // Saturday
    CHECK(*business_day_on_or_after(Date{2022, 9, 10}) == Date{2022, 9, 12});
    CHECK(*business_day_on_or_after(Date{2022, 1, 10}) == Date{2022, 1, 11});
    CHECK(*business_day_on_or_after(Date{2022, 2, 10}) == Date{2022, 2, 10});
}

TEST_CASE("business days outside the holiday data are refused, not guessed") {
    CHECK(is_business_day(Date{2051, 1, 10}).error().code == "calendar.out_of_range");
    CHECK(is_business_day(Date{2018, 12, 31}).error().code == "calendar.out_of_range");
    CHECK(business_day_on_or_after(Date{2050, 12, 31}).error().code == "calendar.out_of_range");
}

TEST_CASE("令和 dates print with 元年 for the first year and refuse earlier dates") {
    CHECK(*format_reiwa(Date{2022, 1, 11}) == "令和4年1月11日");
    CHECK(*format_reiwa(Date{2019, 5, 1}) == "令和元年5月1日");
    CHECK(*format_reiwa(YearMonth{2021, 12}) == "令和3年12月");
    CHECK(format_reiwa(Date{2019, 4, 30}).error().code == "calendar.before_reiwa");
    CHECK(format_reiwa(YearMonth{2019, 4}).error().code == "calendar.before_reiwa");
}

TEST_SUITE_END();
