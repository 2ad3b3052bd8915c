// The stock rules as dated data (assets/stock/*.tsv): they parse, say what the deck and
// FACTS.md say, and refuse malformed data naming the file and line.
#include <doctest/doctest.h>

#include "core/stock/stock_rules.hpp"
#include "stock_world.hpp"

namespace vsys::assets {
std::string_view stock_doses_tsv();
std::string_view stock_shelf_life_tsv();
std::string_view stock_transfer_matrix_tsv();
std::string_view stock_transfer_conditions_tsv();
std::string_view stock_transfer_caps_tsv();
std::string_view stock_reasons_tsv();
std::string_view stock_purge_tsv();
}  // namespace vsys::assets

TEST_SUITE_BEGIN("stock");

using namespace vsys;
using namespace vsys::stock_test;

namespace {

Result<StockRules> parse_with(std::string_view doses, std::string_view matrix, std::string_view caps) {
    return StockRules::parse(doses.empty() ? assets::stock_doses_tsv() : doses, assets::stock_shelf_life_tsv(),
                             matrix.empty() ? assets::stock_transfer_matrix_tsv() : matrix,
                             assets::stock_transfer_conditions_tsv(), caps.empty() ? assets::stock_transfer_caps_tsv() : caps,
                             assets::stock_reasons_tsv(), assets::stock_purge_tsv());
}

}  // namespace

TEST_CASE("the embedded stock rules parse and say what the sources say") {
    auto parsed = parse_with({}, {}, {});
    INFO((parsed.ok() ? std::string() : parsed.error().detail));
    REQUIRE(parsed.ok());
    const StockRules& r = StockRules::builtin();
    CHECK(r.caps().size() == 2);

    // Doses per vial, dated.
    CHECK(r.doses_per_vial(VaccineProduct::pfizer_12, DoseKind::primary, d("2021-05-31")) == 5);
    CHECK(r.doses_per_vial(VaccineProduct::pfizer_12, DoseKind::primary, d("2021-06-01")) == 6);
    CHECK(r.doses_per_vial(VaccineProduct::pfizer_12, DoseKind::booster, d("2022-02-01")) == 6);
    CHECK(r.doses_per_vial(VaccineProduct::pfizer_5_11, DoseKind::primary, d("2022-03-01")) == 10);
    CHECK(r.doses_per_vial(VaccineProduct::takeda_moderna, DoseKind::primary, d("2022-03-01")) == 10);
    CHECK(r.doses_per_vial(VaccineProduct::takeda_moderna, DoseKind::booster, d("2022-03-01")) == 15);
    CHECK(r.doses_per_vial(VaccineProduct::pfizer_12, DoseKind::primary, d("2020-01-01")) == 0);
    CHECK(stock_doses(r, VaccineProduct::takeda_moderna, DoseKind::booster, 3, d("2022-03-01")) == 45);

    // Shelf life: Pfizer 12+ 6 → 9 → 12 → 15 → 18 months, Moderna 6 → 7 → 9.
    std::vector<int> pfizer, moderna;
    for (const auto& s : r.shelf_lives()) (s.product == VaccineProduct::pfizer_12 ? pfizer : moderna).push_back(s.months);
    CHECK(pfizer == std::vector<int>{6, 9, 12, 15, 18});
    CHECK(r.shelf_life_months(VaccineProduct::takeda_moderna, d("2021-06-01")) == 6);
    CHECK(r.shelf_life_months(VaccineProduct::takeda_moderna, d("2021-08-01")) == 7);
    CHECK(r.shelf_life_months(VaccineProduct::takeda_moderna, d("2022-01-01")) == 9);

    // The matrix of DOMAIN.md §5, all 25 cells.
    using C = VaccineCategory;
    const C all[] = {C::pfizer_hub, C::pfizer_satellite, C::pfizer_child, C::tm_general, C::tm_workplace};
    const bool domain[5][5] = {{1, 1, 0, 0, 0}, {1, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 0}};
    for (int f = 0; f < 5; ++f)
        for (int t = 0; t < 5; ++t) {
            CAPTURE(f);
            CAPTURE(t);
            CHECK(r.matrix_allows(all[f], all[t]) == domain[f][t]);
        }

    // The cap: 5 vials until 2022-01-30, none from 2022-01-31.
    const TransferCap* before = r.cap_on(d("2022-01-30"));
    REQUIRE(before);
    CHECK(before->max_vials == 5);
    CHECK(before->valid_to == d("2022-01-30"));
    const TransferCap* after = r.cap_on(d("2022-01-31"));
    REQUIRE(after);
    CHECK_FALSE(after->max_vials.has_value());

    // Conditions: ultra_low_box only to a hub; the frozen condition only for Pfizer 12+.
    auto ids = [&](VaccineProduct p, VaccineCategories receiver, Date on) {
        std::vector<std::string> out;
        for (const auto* c : r.conditions_for(p, receiver, on)) out.push_back(c->id);
        return out;
    };
    CHECK(ids(VaccineProduct::pfizer_12, cats({C::pfizer_hub}), d("2022-02-01")) ==
          std::vector<std::string>{"cool_2_8_3h", "frozen_minus60_minus10_3h", "ultra_low_box"});
    CHECK(ids(VaccineProduct::pfizer_12, cats({C::pfizer_satellite}), d("2022-02-01")) ==
          std::vector<std::string>{"cool_2_8_3h", "frozen_minus60_minus10_3h"});
    CHECK(ids(VaccineProduct::takeda_moderna, cats({C::tm_general}), d("2022-02-01")) == std::vector<std::string>{"cool_2_8_3h"});

    // Reasons, with what they need.
    CHECK(r.reasons(ReasonList::wastage).size() == 5);
    CHECK(r.find_reason(ReasonList::wastage, "cold_chain")->needs == ReasonNeeds::excursion);
    CHECK(r.find_reason(ReasonList::wastage, "other")->needs == ReasonNeeds::text);
    CHECK(r.find_reason(ReasonList::wastage, "expired")->name_ja == "有効期限切れ");
    CHECK(r.find_reason(ReasonList::count_below, "used"));
    CHECK(r.find_reason(ReasonList::count_above, "found"));
    CHECK(r.find_reason(ReasonList::refusal, "other")->needs == ReasonNeeds::text);
    CHECK_FALSE(r.find_reason(ReasonList::refusal, "used"));

    // The purge: 2022-01-31 18:00 JST, told 7 days before.
    CHECK(r.purge().cutoff_unix == days_since_epoch(d("2022-01-31")) * 86400 + 9 * 3600);
    CHECK(r.purge().notice_days == 7);
}

TEST_CASE("malformed stock rules are refused naming the file and the line") {
    auto bad_doses = parse_with("# c\nproduct\tkind\tvalid_from\tvalid_to\tdoses\tbasis\npfizer_12\tprimary\t2021-01-01\t\t0\tpublic\n", {}, {});
    REQUIRE_FALSE(bad_doses.ok());
    CHECK(bad_doses.error().code == "stock.bad_rules");
    CHECK(bad_doses.error().arg("file") == "doses.tsv");
    CHECK(bad_doses.error().arg("line") == "3");

    auto overlap = parse_with({}, {}, "valid_from\tvalid_to\tmax_vials\tbasis\n2021-01-01\t2022-01-31\t5\tp\n2022-01-31\t\t\tp\n");
    REQUIRE_FALSE(overlap.ok());
    CHECK(overlap.error().arg("file") == "transfer_caps.tsv");

    auto short_matrix = parse_with({}, "from\tpfizer_hub\tpfizer_satellite\tpfizer_child\ttm_general\ttm_workplace\npfizer_hub\t○\t○\t×\t×\t×\n", {});
    REQUIRE_FALSE(short_matrix.ok());
    CHECK(short_matrix.error().arg("file") == "transfer_matrix.tsv");

    auto bad_cell = parse_with({}, "from\tpfizer_hub\tpfizer_satellite\tpfizer_child\ttm_general\ttm_workplace\npfizer_hub\tyes\t○\t×\t×\t×\n", {});
    REQUIRE_FALSE(bad_cell.ok());
    CHECK(bad_cell.error().arg("reason") == "cells must be ○ or ×");
}

TEST_CASE("expiry: extensions of the shelf life apply to lots already delivered; months keep the day, clamped") {
    const StockRules& r = StockRules::builtin();
    CHECK(add_months_clamped(d("2021-08-31"), 1) == d("2021-09-30"));
    CHECK(add_months_clamped(d("2021-12-15"), 3) == d("2022-03-15"));
    CHECK(add_months_clamped(d("2024-01-31"), 1) == d("2024-02-29"));
    // A Pfizer lot received under the 6-month rule gains 3 months when 9 months applies ...
    CHECK(effective_expiry(r, VaccineProduct::pfizer_12, d("2021-10-31"), d("2021-05-01"), d("2021-10-01")) == d("2022-01-31"));
    // ... and 6 once 12 months applies; on its receipt day nothing moves.
    CHECK(effective_expiry(r, VaccineProduct::pfizer_12, d("2021-10-31"), d("2021-05-01"), d("2021-12-01")) == d("2022-04-30"));
    CHECK(effective_expiry(r, VaccineProduct::pfizer_12, d("2021-10-31"), d("2021-05-01"), d("2021-05-01")) == d("2021-10-31"));
    // A lot received after an extension was printed with it: no further move.
    CHECK(effective_expiry(r, VaccineProduct::takeda_moderna, d("2022-08-01"), d("2021-11-20"), d("2022-06-01")) == d("2022-08-01"));
}

TEST_CASE("category_for_product: the category a site acts in for the product it moves") {
    using C = VaccineCategory;
    CHECK(category_for_product(cats({C::pfizer_hub, C::tm_general}), VaccineProduct::pfizer_12) == C::pfizer_hub);
    CHECK(category_for_product(cats({C::pfizer_satellite}), VaccineProduct::pfizer_12) == C::pfizer_satellite);
    CHECK(category_for_product(cats({C::pfizer_hub, C::tm_general}), VaccineProduct::takeda_moderna) == C::tm_general);
    CHECK(category_for_product(cats({C::tm_workplace}), VaccineProduct::takeda_moderna) == C::tm_workplace);
    CHECK_FALSE(category_for_product(cats({C::pfizer_hub}), VaccineProduct::pfizer_5_11));
    CHECK_FALSE(category_for_product(cats({}), VaccineProduct::pfizer_12));
}

TEST_SUITE_END();
