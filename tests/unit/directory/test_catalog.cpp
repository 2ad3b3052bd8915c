#include <doctest/doctest.h>

#include "core/directory/catalog.hpp"

TEST_SUITE_BEGIN("directory");

using namespace vsys;

namespace {
Date d(const char* s) { return *parse_iso_date(s); }
}  // namespace

TEST_CASE("the embedded catalog parses with the three products and the demo rounds") {
    const auto& c = Catalog::builtin();
    REQUIRE(c.products().size() >= 3);
    REQUIRE(c.find_round("PF12_R9"));
    REQUIRE(c.find_round("PFchild01クール"));
    REQUIRE(c.find_round("TM3rd01クール"));
    CHECK(c.find_round("PFchild01クール")->product == VaccineProduct::pfizer_5_11);
    CHECK(c.find_round("nope") == nullptr);
}

TEST_CASE("packaging is dated: Pfizer 12+ counted 5 doses a vial early and 6 later") {
    const auto& c = Catalog::builtin();
    const auto* early = c.product_at(VaccineProduct::pfizer_12, d("2021-03-01"));
    const auto* late = c.product_at(VaccineProduct::pfizer_12, d("2021-08-01"));
    REQUIRE(early);
    REQUIRE(late);
    CHECK(early->doses_per_box() == 975);
    CHECK(late->doses_per_box() == 1170);
    CHECK(c.product_at(VaccineProduct::pfizer_12, d("2020-12-01")) == nullptr);
    const auto* child = c.product_at(VaccineProduct::pfizer_5_11, d("2022-03-01"));
    REQUIRE(child);
    CHECK(child->vials_per_box == 10);
    CHECK(child->doses_per_vial == 10);
    CHECK(c.product_at(VaccineProduct::takeda_moderna, d("2022-01-10"))->doses_per_box() == 100);
}

TEST_CASE("an old or closed round is not listed and a future one not yet") {
    const auto& c = Catalog::builtin();
    const Round& r9 = *c.find_round("PF12_R9");
    CHECK_FALSE(round_listed(r9, RoundState::closed, d("2021-08-01")));
    CHECK_FALSE(round_listed(r9, RoundState::delivered, d("2021-10-01")));  // past listed_until
    CHECK(round_listed(r9, RoundState::delivered, d("2021-09-30")));
    const Round& child = *c.find_round("PFchild01クール");
    CHECK_FALSE(round_listed(child, RoundState::requests, d("2022-01-31")));
    CHECK(round_listed(child, RoundState::requests, d("2022-02-01")));
    CHECK(round_listed(child, RoundState::allocating, d("2030-01-01")));
}

TEST_CASE("requests are open only in state requests and inside the request window") {
    const auto& c = Catalog::builtin();
    const Round& r9 = *c.find_round("PF12_R9");
    CHECK(requests_open(r9, RoundState::requests, d("2021-07-16")));
    CHECK_FALSE(requests_open(r9, RoundState::requests, d("2021-07-17")));
    CHECK_FALSE(requests_open(r9, RoundState::allocating, d("2021-07-10")));
}

TEST_CASE("a hub requests Pfizer 12+, a satellite and a workplace venue do not request") {
    CHECK(requested_product(VaccineCategory::pfizer_hub) == VaccineProduct::pfizer_12);
    CHECK(requested_product(VaccineCategory::pfizer_child) == VaccineProduct::pfizer_5_11);
    CHECK(requested_product(VaccineCategory::tm_general) == VaccineProduct::takeda_moderna);
    CHECK_FALSE(requested_product(VaccineCategory::pfizer_satellite));
    CHECK_FALSE(requested_product(VaccineCategory::tm_workplace));
    VaccineCategories sat;
    sat.add(VaccineCategory::pfizer_satellite);
    CHECK(may_request(sat, VaccineProduct::pfizer_12, "site:1").error().code == "chain.satellite_request");
    CHECK(may_request(sat, VaccineProduct::pfizer_5_11, "site:1").error().code == "chain.product_not_handled");
    VaccineCategories work;
    work.add(VaccineCategory::tm_workplace);
    CHECK(may_request(work, VaccineProduct::takeda_moderna, "venue:1").error().code == "chain.workplace_request");
    sat.add(VaccineCategory::pfizer_child);
    CHECK(may_request(sat, VaccineProduct::pfizer_5_11, "site:1"));
}

TEST_CASE("population modes only where children have populations, the child round by child population") {
    using enum SimMode;
    CHECK(valid_modes(VaccineProduct::pfizer_12, SplitLevel::nation) == std::vector{eligible_population, request});
    CHECK(valid_modes(VaccineProduct::takeda_moderna, SplitLevel::prefecture) ==
          std::vector{eligible_population, request});
    CHECK(valid_modes(VaccineProduct::pfizer_5_11, SplitLevel::prefecture) == std::vector{child_population, request});
    CHECK(valid_modes(VaccineProduct::pfizer_12, SplitLevel::municipality) == std::vector{request});
    CHECK_FALSE(mode_valid(VaccineProduct::pfizer_12, SplitLevel::nation, child_population));
    CHECK_FALSE(mode_valid(VaccineProduct::pfizer_5_11, SplitLevel::municipality, child_population));
    CHECK(parse_sim_mode("child_population") == child_population);
    CHECK_FALSE(parse_sim_mode("population"));
}

TEST_CASE("a malformed catalog row is refused with its file and line") {
    const char* products = "product\tvalid_from\tvalid_to\tvials_per_box\tdoses_per_vial\tneedle_boxes_per_box\t"
                           "syringe_boxes_per_box\tbasis\tname_ja\tname_en\n"
                           "pfizer_12\t2021-01-01\t\t195\t0\t1\t1\tpublic\tP\tP\n";
    auto bad = Catalog::parse(products, "");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == "catalog.bad_row");
    CHECK(bad.error().arg("line") == "2");
    const char* overlap = "pfizer_12\t2021-01-01\t\t195\t5\t1\t1\tpublic\tP\tP\n"
                          "pfizer_12\t2021-06-01\t\t195\t6\t1\t1\tpublic\tP\tP\n";
    CHECK(Catalog::parse(overlap, "").error().code == "catalog.overlap");
    const char* rounds = "R1\tpfizer_12\tn\t2021-01-01\t\t2021-02-01\t2021-02-14\t\trequests\n"
                         "R1\tpfizer_12\tn\t2021-01-01\t\t2021-02-01\t2021-02-14\t\trequests\n";
    CHECK(Catalog::parse("", rounds).error().code == "catalog.duplicate_round");
    CHECK_FALSE(valid_round_code("a/b"));
    CHECK_FALSE(valid_round_code("a@b"));
    CHECK_FALSE(valid_round_code("a b"));
    CHECK(valid_round_code("TM3rd01クール"));
}

TEST_SUITE_END();
