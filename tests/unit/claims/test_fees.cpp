#include <doctest/doctest.h>

#include <limits>

#include "core/claims/fees.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;

TEST_CASE("the embedded fee schedule parses with the published fees and the inferred under-6 date") {
    const FeeSchedule& s = fee_schedule();
    REQUIRE(s.fees.size() == 5);
    CHECK(fee_on(s, FeeItem::vaccination, Date{2021, 2, 1})->yen == 2070);
    CHECK(fee_on(s, FeeItem::pre_exam_only, Date{2022, 1, 1})->yen == 1540);
    CHECK(fee_on(s, FeeItem::outside_hours, Date{2021, 4, 1})->yen == 730);
    CHECK(fee_on(s, FeeItem::holiday, Date{2021, 4, 1})->yen == 2130);
    CHECK(fee_on(s, FeeItem::outside_hours, Date{2021, 3, 31}) == nullptr);
    const FeeRate* u6 = fee_on(s, FeeItem::under_6, Date{2022, 10, 1});
    REQUIRE(u6);
    CHECK(u6->yen == 660);
    CHECK(u6->inferred);
    CHECK_FALSE(fee_on(s, FeeItem::vaccination, Date{2021, 2, 1})->inferred);
    CHECK(*tax_percent_on(s, Date{2022, 1, 1}) == 10);
}

TEST_CASE("a month's fees are those in force on its first day; months before the programme are refused") {
    auto jan22 = fees_for_month(fee_schedule(), YearMonth{2022, 1});
    REQUIRE(jan22);
    CHECK(jan22->vaccination == 2070);
    CHECK(*jan22->outside_hours == 730);
    CHECK_FALSE(jan22->under_6);
    auto mar21 = fees_for_month(fee_schedule(), YearMonth{2021, 3});
    REQUIRE(mar21);
    CHECK_FALSE(mar21->holiday);
    CHECK(fees_for_month(fee_schedule(), YearMonth{2021, 1}).error().code == "claims.no_fee_schedule");
}

TEST_CASE("golden amounts: 2,070 yen, 2,800 outside hours, 4,200 on a holiday, before tax") {
    auto f = *fees_for_month(fee_schedule(), YearMonth{2022, 1});
    CHECK(f.vaccination == 2070);
    CHECK(f.vaccination + *f.outside_hours == 2800);
    CHECK(f.vaccination + *f.holiday == 4200);
}

TEST_CASE("consumption tax is rounded down below one yen, per line") {
    CHECK(consumption_tax(2070, 10) == 207);
    CHECK(consumption_tax(2079, 10) == 207);  // 207.9 → 207
    CHECK(consumption_tax(2070, 8) == 165);   // 165.6 → 165
    CHECK(consumption_tax(0, 10) == 0);
    const std::int64_t big = std::numeric_limits<std::int64_t>::max() / 2;
    CHECK(consumption_tax(big, 10) == big / 10);  // exact without overflow
    CHECK(amounts_with_tax(256000, 10) == Amounts{256000, 25600, 281600});
}

TEST_CASE("adding amounts refuses to overflow and leaves the total unchanged") {
    Amounts a{std::numeric_limits<std::int64_t>::max() - 5, 0, std::numeric_limits<std::int64_t>::max() - 5};
    Amounts before = a;
    CHECK_FALSE(add_amounts(a, Amounts{10, 1, 11}));
    CHECK(a == before);
    CHECK(add_amounts(a, Amounts{5, 0, 5}));
}

TEST_CASE("a fee schedule with bad rows is refused with the line number") {
    const char* header = "kind\titem\tvalue\tvalid_from\tvalid_to\tbasis\tlabel\n";
    auto bad = [&](const std::string& row) { return parse_fee_schedule(std::string(header) + row); };
    CHECK(bad("fee\tvaccination\t2070\t2021-02-15\t\tpublic\tx\n").error().code == "fees.bad_row");
    CHECK(bad("fee\tvaccination\t2070\t2021-02-01\t2021-03-15\tpublic\tx\n").error().arg("line") == "2");
    CHECK(!bad("fee\tvaccination\t-1\t2021-02-01\t\tpublic\tx\n"));
    CHECK(!bad("fee\tvaccination\t100001\t2021-02-01\t\tpublic\tx\n"));
    CHECK(!bad("fee\tbonus\t1\t2021-02-01\t\tpublic\tx\n"));
    CHECK(!bad("fee\tvaccination\t1\t2021-02-01\t\tguessed\tx\n"));
    CHECK(!bad("tax\tconsumption_tax\t101\t2021-02-01\t\tpublic\tx\n"));
    CHECK(!bad("fee\tholiday\t1\t2021-02-01\t\tpublic\tx\nfee\tholiday\t2\t2022-01-01\t\tpublic\tx\n"));
    auto ok = bad("fee\tholiday\t1\t2021-02-01\t2021-12-31\tpublic\tx\nfee\tholiday\t2\t2022-01-01\t\tpublic\tx\n");
    REQUIRE(ok);
    CHECK(fee_on(*ok, FeeItem::holiday, Date{2022, 1, 1})->yen == 2);
}

TEST_SUITE_END();
