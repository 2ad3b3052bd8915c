// The federation's totals key municipalities by integer id and sites by code: the same rows
// whatever path a line takes, and rows of one code merged. Also the messages of this issue's
// later error codes.
#include <doctest/doctest.h>

#include <string_view>

#include "core/claims/claims_documents.hpp"
#include "core/claims/claims_rules.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;

namespace vsys::assets {
std::string_view strings_tsv();
}

namespace {

const Date k_today{2022, 2, 1};

ComputedClaim priced(const std::string& site, std::initializer_list<const char*> residences) {
    SiteClaim c{site, "131016", {2022, 1}, {}};
    std::int64_t n = 1;
    for (const char* m : residences)
        c.lines.push_back(ClaimLine{m, ClaimForm::new_form, RecipientCategory::with_coupon, {10 * n++, 1, 1, 0, 0}});
    auto r = compute_claim(c, {}, k_today);
    REQUIRE(r);
    return *r;
}

}  // namespace

TEST_CASE("two claims of one site make one site row; a municipality's row is the same by id or by code") {
    std::vector<ComputedClaim> claims = {priced("1310000001", {"131024", "271004"}), priced("1310000002", {"131024"}),
                                         priced("1310000001", {"131032"})};
    auto t = federation_totals("130001", {2022, 1}, claims);
    REQUIRE(t);
    REQUIRE(t->by_site.size() == 2);
    CHECK(t->by_site[0].code == "1310000001");
    Amounts first;
    for (const auto* c : {&claims[0], &claims[2]}) REQUIRE(add_amounts(first, c->total));
    CHECK(t->by_site[0].amounts == first);
    REQUIRE(t->by_municipality.size() == 3);
    CHECK(t->by_municipality[0].code == "131024");
    CHECK(t->by_municipality[0].counts.normal == 10 + 10);

    // Lines built without an id (not by compute_claim) are looked up by code: same totals.
    for (auto& c : claims)
        for (auto& l : c.lines) l.municipality_id = k_no_local_gov;
    auto again = federation_totals("130001", {2022, 1}, claims);
    REQUIRE(again);
    REQUIRE(again->by_municipality.size() == t->by_municipality.size());
    for (std::size_t i = 0; i < t->by_municipality.size(); ++i) {
        CHECK(again->by_municipality[i].code == t->by_municipality[i].code);
        CHECK(again->by_municipality[i].amounts == t->by_municipality[i].amounts);
    }
    CHECK(again->total == t->total);
}

TEST_CASE("compute_claim gives every priced line the id of its municipality") {
    const ComputedClaim c = priced("1310000001", {"131024", "271004"});
    for (const auto& l : c.lines) CHECK(l.municipality_id == local_gov_id(l.line.municipality));
}

TEST_CASE("a duplicate line is named by its municipality, form and category") {
    SiteClaim c{"1310000001", "131016", {2022, 1}, {}};
    c.lines.push_back(ClaimLine{"271004", ClaimForm::additional, RecipientCategory::no_coupon, {1, 0, 0, 0, 0}});
    c.lines.push_back(ClaimLine{"131024", ClaimForm::new_form, RecipientCategory::with_coupon, {1, 0, 0, 0, 0}});
    c.lines.push_back(ClaimLine{"271004", ClaimForm::additional, RecipientCategory::no_coupon, {2, 0, 0, 0, 0}});
    auto s = validate_claim(c, k_today);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "claims.duplicate_line");
    CHECK(s.error().arg("municipality") == "271004");
    CHECK(s.error().arg("form") == "additional");
    CHECK(s.error().arg("category") == "1");
}

TEST_CASE("the proxy-entry and representative error codes have translated messages") {
    const std::string_view tsv = assets::strings_tsv();
    for (const char* c : {"claims.proxy_other_municipality", "site.representative.utf8", "site.representative.control",
                          "site.representative.too_long"})
        CHECK_MESSAGE(tsv.find(std::string("\nerr.") + c + "\t") != std::string_view::npos, c);
}

TEST_SUITE_END();
