#include <doctest/doctest.h>

#include <string>

#include "core/base/date_entry.hpp"

TEST_SUITE_BEGIN("base");

namespace {
using vsys::Date;
using vsys::YearMonth;
const vsys::DateRule k_stock_day{"stock.label.date", {2021, 2, 14}, {2026, 12, 6}};
const vsys::MonthRule k_claim_month{"claims.month", {2021, 2}, {2026, 11}};

std::string date_code(std::string_view typed) {
    auto r = vsys::read_date(typed, k_stock_day);
    return r ? "ok" : r.error().code;
}
std::string month_code(std::string_view typed) {
    auto r = vsys::read_month(typed, k_claim_month);
    return r ? "ok" : r.error().code;
}
}  // namespace

TEST_CASE("a date field reads the ways a Japanese office writes a date as the same date") {
    const Date d{2022, 1, 31};
    CHECK(*vsys::read_date("2022-01-31", k_stock_day) == d);
    CHECK(*vsys::read_date("2022/1/31", k_stock_day) == d);
    CHECK(*vsys::read_date("2022.01.31", k_stock_day) == d);
    CHECK(*vsys::read_date("20220131", k_stock_day) == d);
    CHECK(*vsys::read_date("２０２２／０１／３１", k_stock_day) == d);  // typed with a Japanese IME
    CHECK(*vsys::read_date("2022年1月31日", k_stock_day) == d);
    CHECK(*vsys::read_date("令和4年1月31日", k_stock_day) == d);
    CHECK(*vsys::read_date("R4.1.31", k_stock_day) == d);
    CHECK(*vsys::read_date("Ｒ４．１．３１", k_stock_day) == d);
    CHECK(*vsys::read_date(" 2022/01/31(月) ", k_stock_day) == d);  // as the app shows it, copied back
    CHECK(*vsys::read_date("2022/01/31 (Mon)", k_stock_day) == d);
    CHECK(*vsys::read_date("令和3年5月1日", k_stock_day) == Date{2021, 5, 1});
}

TEST_CASE("a date field refuses what is not exactly one real date, never rolling it over") {
    CHECK(date_code("") == "date.empty");
    CHECK(date_code("　 ") == "date.empty");
    CHECK(date_code("2022-02-30") == "date.not_a_date");  // not 2022-03-02
    CHECK(date_code("2022-13-01") == "date.not_a_date");
    CHECK(date_code("22/1/31") == "date.not_a_date");  // a two-digit year is ambiguous
    CHECK(date_code("2022-01") == "date.not_a_date");
    CHECK(date_code("2022-01-31-1") == "date.not_a_date");
    CHECK(date_code("2022-01-31x") == "date.not_a_date");
    CHECK(date_code("2022/01/31(火)x") == "date.not_a_date");
    CHECK(date_code("2022/01/31(祝)") == "date.not_a_date");  // only a weekday is ignored
    CHECK(date_code("2022-001-31") == "date.not_a_date");
    CHECK(date_code("令和0年1月1日") == "date.not_a_date");
    CHECK(date_code("99999999999999999999") == "date.not_a_date");
    CHECK(date_code("2021-02-13") == "date.out_of_range");
    CHECK(date_code("2026-12-07") == "date.out_of_range");
    CHECK(date_code("2021-02-14") == "ok");
    CHECK(date_code("2026-12-06") == "ok");
}

TEST_CASE("a date refusal names the field by its label and states the range as the screens show dates") {
    auto r = vsys::read_date("2026-12-31", k_stock_day);
    REQUIRE_FALSE(r);
    CHECK(r.error().arg("label") == "stock.label.date");
    CHECK(r.error().arg("min") == "2021/02/14");
    CHECK(r.error().arg("max") == "2026/12/06");
    CHECK(r.error().arg("text") == "2026-12-31");
}

TEST_CASE("a month field reads a month in the same ways, and 令和元年 as 2019") {
    const YearMonth m{2021, 12};
    CHECK(*vsys::read_month("2021-12", k_claim_month) == m);
    CHECK(*vsys::read_month("2021/12", k_claim_month) == m);
    CHECK(*vsys::read_month("202112", k_claim_month) == m);
    CHECK(*vsys::read_month("２０２１年１２月", k_claim_month) == m);
    CHECK(*vsys::read_month("令和3年12月", k_claim_month) == m);
    CHECK(*vsys::read_month("R3/12", k_claim_month) == m);
    const vsys::MonthRule any{"claims.month", {2019, 1}, {2030, 12}};
    CHECK(*vsys::read_month("令和元年5月", any) == YearMonth{2019, 5});
    CHECK(month_code("") == "month.empty");
    CHECK(month_code("2021-13") == "month.not_a_month");
    CHECK(month_code("2021-00") == "month.not_a_month");
    CHECK(month_code("2021-12-01") == "month.not_a_month");
    CHECK(month_code("December") == "month.not_a_month");
    CHECK(month_code("2021-01") == "month.out_of_range");  // before the first claimable month
    CHECK(month_code("2026-12") == "month.out_of_range");  // not past the rule's latest
}

TEST_CASE("a calendar page starts on the Sunday on or before the 1st and holds the whole month") {
    const auto page = vsys::calendar_page({2022, 1});  // 2022-01-01 was a Saturday
    CHECK(page.front() == Date{2021, 12, 26});
    CHECK(vsys::weekday(page.front()) == vsys::Weekday::sunday);
    CHECK(page[6] == Date{2022, 1, 1});
    CHECK(page.back() == Date{2022, 2, 5});
    const auto may = vsys::calendar_page({2022, 5});  // the 1st a Sunday: the page starts on it
    CHECK(may.front() == Date{2022, 5, 1});
    for (int m = 1; m <= 12; ++m) {
        const auto p = vsys::calendar_page({2024, m});
        CHECK(p.front() <= vsys::first_day({2024, m}));
        CHECK(p.back() >= vsys::last_day({2024, m}));
    }
    CHECK(vsys::previous_month({2022, 1}) == YearMonth{2021, 12});
    CHECK(vsys::previous_month({2022, 5}) == YearMonth{2022, 4});
}

TEST_SUITE_END();
