#include <doctest/doctest.h>

#include "core/claims/claims.hpp"
#include "core/claims/claims_routing.hpp"
#include "core/claims/claims_rules.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;

namespace {

ClaimLine line(std::string muni, ClaimForm form, std::int64_t normal, std::int64_t outside = 0, std::int64_t holiday = 0,
               RecipientCategory cat = RecipientCategory::with_coupon) {
    ClaimLine l;
    l.municipality = std::move(muni);
    l.form = form;
    l.category = cat;
    l.counts.normal = normal;
    l.counts.outside_hours = outside;
    l.counts.holiday = holiday;
    return l;
}

SiteClaim sapporo_claim(YearMonth month, std::vector<ClaimLine> lines) {
    return SiteClaim{"0110113719", "011002", month, std::move(lines)};
}

const Date k_today{2024, 3, 1};

std::string refusal(const SiteClaim& c, const Date& today = k_today) {
    auto r = compute_claim(c, {}, today);
    return r ? std::string("accepted") : r.error().code;
}

}  // namespace

TEST_CASE("golden line amounts: one vaccination 2,070, outside hours 2,800, holiday 4,200 before tax") {
    auto c = compute_claim(sapporo_claim({2022, 1}, {line("011002", ClaimForm::new_form, 1),
                                                     line("012025", ClaimForm::new_form, 0, 1),
                                                     line("012033", ClaimForm::new_form, 0, 0, 1)}),
                           {}, k_today);
    REQUIRE(c);
    CHECK(c->lines[0].amounts == Amounts{2070, 207, 2277});
    CHECK(c->lines[1].amounts == Amounts{2800, 280, 3080});
    CHECK(c->lines[2].amounts == Amounts{4200, 420, 4620});
    CHECK(c->total == Amounts{9070, 907, 9977});
}

TEST_CASE("a line prices pre-examinations and the under-6 add-on once it is in force") {
    ClaimLine l = line("011002", ClaimForm::new_form, 10);
    l.counts.pre_exam_only = 2;
    l.counts.under_6 = 3;
    auto c = compute_claim(sapporo_claim({2022, 11}, {l}), {}, k_today);
    REQUIRE(c);
    CHECK(c->lines[0].amounts.amount_before_tax == 10 * 2070 + 2 * 1540 + 3 * 660);
    CHECK(c->lines[0].amounts.tax == (10 * 2070 + 2 * 1540 + 3 * 660) / 10);
}

TEST_CASE("up to November 2021 outside-hours and holiday counts are refused: claimed outside V-SYS") {
    CHECK(refusal(sapporo_claim({2021, 11}, {line("011002", ClaimForm::old_form, 5, 1)})) == "claims.addons_outside_vsys");
    CHECK(refusal(sapporo_claim({2021, 6}, {line("011002", ClaimForm::new_form, 5, 0, 1)})) == "claims.addons_outside_vsys");
    auto c = compute_claim(sapporo_claim({2021, 11}, {line("011002", ClaimForm::old_form, 5)}), {}, k_today);
    REQUIRE(c);  // the fee itself is claimed
    CHECK(c->total.amount_before_tax == 5 * 2070);
}

TEST_CASE("from December 2021 the new and additional-dose forms claim the add-ons with the fee") {
    auto c = compute_claim(sapporo_claim({2021, 12}, {line("011002", ClaimForm::new_form, 1, 1, 1),
                                                      line("011002", ClaimForm::additional, 1, 1, 1)}),
                           {}, k_today);
    REQUIRE(c);
    CHECK(c->lines[0].amounts.amount_before_tax == 2070 + 2800 + 4200);
    CHECK(c->lines[1].amounts.amount_before_tax == 2070 + 2800 + 4200);
}

TEST_CASE("an old form from December 2021 is claimed as normal only: add-on counts refused as claimed separately") {
    auto r = compute_claim(sapporo_claim({2022, 3}, {line("011002", ClaimForm::old_form, 4, 0, 2)}), {}, k_today);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "claims.old_form_addons_separate");
    CHECK(r.error().arg("line") == "1");
    CHECK(refusal(sapporo_claim({2022, 3}, {line("011002", ClaimForm::old_form, 4)})) == "accepted");
}

TEST_CASE("the add-on rules are data: each form and period maps to how its add-ons are claimed") {
    const auto& rules = addon_rules();
    REQUIRE(rules.size() == 4);
    CHECK(addon_claim_for(rules, ClaimForm::additional, {2021, 11}) == AddonClaim::outside_vsys);
    CHECK(addon_claim_for(rules, ClaimForm::additional, {2021, 12}) == AddonClaim::in_vsys);
    CHECK(addon_claim_for(rules, ClaimForm::old_form, {2021, 12}) == AddonClaim::separately);
    CHECK(addon_claim_for(rules, ClaimForm::new_form, {2020, 1}) == AddonClaim::outside_vsys);  // no rule: refused
    CHECK(parse_addon_rules("form\tvalid_from\tvalid_to\taddons\nold\t2021-12-01\t\tmaybe\n").error().code ==
          "claims.bad_rule_row");
}

TEST_CASE("negative and huge counts are refused with the field and the bound") {
    auto neg = compute_claim(sapporo_claim({2022, 1}, {line("011002", ClaimForm::new_form, -1)}), {}, k_today);
    CHECK(neg.error().code == "claims.negative_count");
    CHECK(neg.error().arg("field") == "normal");
    auto huge = compute_claim(sapporo_claim({2022, 1}, {line("011002", ClaimForm::new_form, 1, k_max_count + 1)}), {}, k_today);
    CHECK(huge.error().code == "claims.count_too_large");
    CHECK(huge.error().arg("max") == "1000000");
    CHECK(refusal(sapporo_claim({2022, 1}, {line("011002", ClaimForm::new_form, k_max_count, k_max_count, k_max_count)})) ==
          "accepted");
}

TEST_CASE("unknown, prefecture and inactive municipalities are refused") {
    CHECK(refusal(sapporo_claim({2022, 1}, {line("999999", ClaimForm::new_form, 1)})) == "claims.unknown_municipality");
    CHECK(refusal(sapporo_claim({2022, 1}, {line("010006", ClaimForm::new_form, 1)})) == "claims.unknown_municipality");
    CHECK(refusal(sapporo_claim({2022, 1}, {line("016969", ClaimForm::new_form, 1)})) == "claims.inactive_municipality");
    SiteClaim c = sapporo_claim({2022, 1}, {line("011002", ClaimForm::new_form, 1)});
    c.site_municipality = "011001";
    CHECK(refusal(c) == "claims.unknown_municipality");
}

TEST_CASE("a vaccination month after today's month is refused; today's own month is accepted") {
    SiteClaim c = sapporo_claim({2022, 2}, {line("011002", ClaimForm::new_form, 1)});
    CHECK(refusal(c, Date{2022, 1, 31}) == "claims.future_month");
    CHECK(refusal(c, Date{2022, 2, 1}) == "accepted");
}

TEST_CASE("other refusals: bad site code, no lines, duplicate lines, too many under-6, months before the fees") {
    SiteClaim c = sapporo_claim({2022, 1}, {line("011002", ClaimForm::new_form, 1)});
    c.site = "011011371";
    CHECK(refusal(c) == "claims.bad_site_code");
    CHECK(refusal(sapporo_claim({2022, 1}, {})) == "claims.no_lines");
    CHECK(refusal(sapporo_claim({2022, 1}, {line("011002", ClaimForm::new_form, 1), line("011002", ClaimForm::new_form, 2)})) ==
          "claims.duplicate_line");
    CHECK(refusal(sapporo_claim({2022, 1}, {line("011002", ClaimForm::new_form, 1),
                                            line("011002", ClaimForm::new_form, 2, 0, 0, RecipientCategory::no_coupon)})) ==
          "accepted");
    ClaimLine u = line("011002", ClaimForm::new_form, 1);
    u.counts.under_6 = 2;
    CHECK(refusal(sapporo_claim({2022, 11}, {u})) == "claims.under_6_exceeds");
    u.counts.under_6 = 1;
    CHECK(refusal(sapporo_claim({2022, 9}, {u})) == "claims.fee_not_in_force");
    CHECK(refusal(sapporo_claim({2021, 1}, {line("011002", ClaimForm::old_form, 1)})) == "claims.no_fee_schedule");
}

TEST_CASE("own residents are claimed from the municipality unless it commissioned the federation; others via the federation") {
    RoutingSettings none;
    CHECK(route_line("011002", "011002", none)->str() == "municipality:011002");
    CHECK(route_line("011002", "012025", none)->str() == "federation:010006");
    CHECK(route_line("011002", "131016", none)->str() == "federation:010006");  // another prefecture's resident
    RoutingSettings commissioned{{"011002"}};
    CHECK(route_line("011002", "011002", commissioned)->str() == "federation:010006");
    CHECK(route_line("011002", "011002", commissioned)->org_id() == "federation:010006");
    CHECK(route_line("011002", "011002", none)->org_id() == "muni:011002");
}

TEST_CASE("deadline: the 10th of the next month, moved past a public holiday or a weekend") {
    CHECK(*claim_deadline({2021, 12}) == Date{2022, 1, 11});  // 2022-01-10 was 成人の日
    CHECK(*claim_deadline({2022, 8}) == Date{2022, 9, 12});   // 2022-09-10 was a Saturday
    CHECK(*claim_deadline({2022, 1}) == Date{2022, 2, 10});   // a Thursday
    CHECK(claim_deadline({2050, 12}).error().code == "calendar.out_of_range");
    auto c = compute_claim(sapporo_claim({2021, 12}, {line("011002", ClaimForm::new_form, 1)}), {}, k_today);
    REQUIRE(c);
    CHECK(c->deadline == Date{2022, 1, 11});
}

namespace vsys::assets {
std::string_view strings_tsv();
}

TEST_CASE("every error code of claims, fees and calendar has a translated message") {
    const char* codes[] = {"calendar.malformed_date",       "calendar.malformed_month",     "calendar.out_of_range",
                           "calendar.before_reiwa",         "fees.bad_row",                 "claims.bad_rule_row",
                           "claims.no_fee_schedule",        "claims.unknown_municipality",  "claims.inactive_municipality",
                           "claims.negative_count",         "claims.count_too_large",       "claims.under_6_exceeds",
                           "claims.fee_not_in_force",       "claims.addons_outside_vsys",   "claims.old_form_addons_separate",
                           "claims.bad_site_code",          "claims.future_month",          "claims.no_lines",
                           "claims.duplicate_line",         "claims.amount_overflow",       "claims.malformed",
                           "claims.unknown_form",           "claims.unknown_category",      "claims.unsupported_schema",
                           "claims.legacy_malformed"};
    std::string_view tsv = vsys::assets::strings_tsv();
    for (const char* c : codes) {
        std::string key = std::string("\nerr.") + c + "\t";
        CHECK_MESSAGE(tsv.find(key) != std::string_view::npos, c);
    }
}

TEST_SUITE_END();
