#include <doctest/doctest.h>

#include "core/claims/claims_print.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;

namespace {

ComputedClaim december_2021() {
    SiteClaim c{"0110113719", "011002", {2021, 12}, {}};
    c.lines.push_back(ClaimLine{"012025", ClaimForm::new_form, RecipientCategory::with_coupon, {100, 10, 5, 0, 0}});
    c.lines.push_back(ClaimLine{"012025", ClaimForm::old_form, RecipientCategory::no_coupon, {1000, 0, 0, 0, 0}});
    auto r = compute_claim(c, {}, Date{2022, 1, 5});
    REQUIRE(r);
    return *r;
}

}  // namespace

TEST_CASE("the per-municipality claim prints with 令和 dates, grouped right-aligned amounts and the claimant") {
    auto docs = municipality_claims(december_2021());
    REQUIRE(docs.size() == 1);
    std::string html = municipality_claim_html(docs[0], {"札幌<第一>クリニック", "山田 太郎"});
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(html.find("size: A4") != std::string::npos);
    CHECK(html.find("函館市長") != std::string::npos);
    CHECK(html.find("北海道国民健康保険団体連合会") != std::string::npos);
    CHECK(html.find("令和3年12月分") != std::string::npos);
    CHECK(html.find("令和4年1月11日") != std::string::npos);
    CHECK(html.find("札幌&lt;第一&gt;クリニック") != std::string::npos);
    CHECK(html.find("<td class=\"n\">2,070,000</td>") != std::string::npos);  // 1,000 old-form vaccinations
    CHECK(html.find("<td class=\"n\">2,326,000</td>") != std::string::npos);  // the total before tax
    CHECK(html.find("旧様式") < html.find("新様式"));
}

TEST_CASE("the summary for the federation prints one row per municipality and the total") {
    std::string html = claim_summary_html(claim_summary(december_2021()), {"札幌第一クリニック", "山田 太郎"});
    CHECK(html.find("国保連提出用請求総括書") != std::string::npos);
    CHECK(html.find("北海道国民健康保険団体連合会　御中") != std::string::npos);
    CHECK(html.find("<td>012025</td><td>函館市</td>") != std::string::npos);
    CHECK(html.find("<td class=\"n\">2,558,600</td>") != std::string::npos);  // 2,326,000 + 10 % tax
}

TEST_CASE("HTML escaping covers the five special characters") {
    CHECK(html_escape("a&b<c>\"d'") == "a&amp;b&lt;c&gt;&quot;d&#39;");
}

TEST_SUITE_END();
