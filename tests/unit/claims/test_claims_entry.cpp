// A month of claims as it is typed (core/claims/claims_entry.hpp and the app's claim_check view):
// every line is judged on its own, a repeated key is refused on the later line only, the totals
// add up the lines that keep the rules, and the whole month's refusal stands beside them.
#include <doctest/doctest.h>

#include "app_fixture.hpp"
#include "core/claims/claims_entry.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;
using nlohmann::json;

namespace {

ClaimLine line(const char* muni, std::int64_t normal) {
    ClaimLine l;
    l.municipality = muni;
    l.counts.normal = normal;
    return l;
}

const Date k_today{2022, 2, 1};

}  // namespace

TEST_CASE("a line repeating an earlier line's municipality, form and category is refused on the later line only") {
    SiteClaim claim{"0110113719", "131016", YearMonth{2022, 1}, {line("131016", 10), line("131024", 5), line("131016", 3)}};
    const EntryCheck c = check_entry(claim, RoutingSettings{}, k_today);
    REQUIRE(c.lines.size() == 3);
    CHECK_FALSE(c.lines[0].error);
    CHECK_FALSE(c.lines[1].error);
    REQUIRE(c.lines[2].error);
    CHECK(c.lines[2].error->code == "claims.duplicate_line");
    CHECK(c.lines[2].amounts.amount == 0);
    // The totals are the two lines that keep the rules, and the month itself is refused.
    CHECK(c.counts.normal == 15);
    CHECK(c.total.amount == c.lines[0].amounts.amount + c.lines[1].amounts.amount);
    REQUIRE(c.claim_error);
    CHECK(c.claim_error->code == "claims.duplicate_line");
}

TEST_CASE("each typed line is priced and routed as compute_claim prices and routes the saved month") {
    SiteClaim claim{"0110113719", "131016", YearMonth{2022, 1}, {line("131016", 10), line("131024", 5)}};
    const EntryCheck c = check_entry(claim, RoutingSettings{}, k_today);
    auto computed = compute_claim(claim, RoutingSettings{}, k_today);
    REQUIRE(computed);
    CHECK_FALSE(c.claim_error);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(c.lines[i].amounts.amount == computed->lines[i].amounts.amount);
        REQUIRE(c.lines[i].payer);
        CHECK(*c.lines[i].payer == computed->lines[i].payer);
    }
    CHECK(c.total.amount == computed->total.amount);
}

TEST_CASE("an unknown municipality refuses its own line and leaves the others priced") {
    SiteClaim claim{"0110113719", "131016", YearMonth{2022, 1}, {line("999999", 10), line("131016", 4)}};
    const EntryCheck c = check_entry(claim, RoutingSettings{}, k_today);
    REQUIRE(c.lines[0].error);
    CHECK_FALSE(c.lines[1].error);
    CHECK(c.lines[1].amounts.amount > 0);
    CHECK(c.counts.normal == 4);
}

TEST_CASE("claim_check tells a municipality why it may not enter another municipality's site, and checks its own") {
    test::AppFixture f;
    const Site& own = f.site_in("131016");
    const Site& other = f.site_in("131024");
    REQUIRE(f.login("VM131016"));
    const json lines = json::array({{{"municipality", "131016"}, {"form", "new"}, {"category", 2}, {"normal", 10},
                                     {"outside_hours", 0}, {"holiday", 0}, {"pre_exam_only", 0}},
                                    {{"municipality", "131016"}, {"form", "new"}, {"category", 2}, {"normal", 1},
                                     {"outside_hours", 0}, {"holiday", 0}, {"pre_exam_only", 0}}});
    auto r = f.view("claim_check", {{"site", other.code}, {"month", "2022-01"}, {"lines", lines}});
    CHECK(r["error"]["code"] == "claims.proxy_other_municipality");
    r = f.view("claim_check", {{"site", own.code}, {"month", "2022-01"}, {"lines", lines}});
    REQUIRE_MESSAGE(r["ok"] == true, r.dump());
    const json& v = r["view"];
    CHECK(v["lines"][0]["ok"] == true);
    CHECK(v["lines"][0]["amounts"]["amount_before_tax"] == 10 * 2070);
    CHECK(v["lines"][0]["municipality_name"] == "千代田区");
    CHECK(v["lines"][1]["ok"] == false);
    CHECK(v["lines"][1]["error"]["code"] == "claims.duplicate_line");
    CHECK(v["claim_error"]["code"] == "claims.duplicate_line");
    CHECK(v["total"]["amount_before_tax"] == 10 * 2070);
}

TEST_SUITE_END();
