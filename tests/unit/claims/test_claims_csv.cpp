#include <doctest/doctest.h>

#include "core/claims/claims_csv.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;

namespace {

ComputedClaim sample() {
    SiteClaim c{"0110113719", "011002", {2021, 12}, {}};
    c.lines.push_back(ClaimLine{"012025", ClaimForm::new_form, RecipientCategory::with_coupon, {100, 10, 5, 0, 0}});
    c.lines.push_back(ClaimLine{"012025", ClaimForm::old_form, RecipientCategory::no_coupon, {3, 0, 0, 1, 0}});
    c.lines.push_back(ClaimLine{"011002", ClaimForm::additional, RecipientCategory::with_coupon, {7, 0, 1, 0, 0}});
    auto r = compute_claim(c, {}, Date{2022, 1, 5});
    REQUIRE(r);
    return *r;
}

std::vector<std::string> rows(const std::string& csv) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < csv.size()) {
        std::size_t end = csv.find("\r\n", pos);
        REQUIRE(end != std::string::npos);
        out.push_back(csv.substr(pos, end - pos));
        pos = end + 2;
    }
    return out;
}

}  // namespace

TEST_CASE("CSV fields are quoted only when needed, with quotes doubled") {
    CHECK(csv_field("札幌市") == "札幌市");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_line({"a", "b\nc"}) == "a,\"b\nc\"\r\n");
}

TEST_CASE("grouped numbers put a comma every three digits") {
    CHECK(format_grouped(0) == "0");
    CHECK(format_grouped(999) == "999");
    CHECK(format_grouped(2070) == "2,070");
    CHECK(format_grouped(1234567) == "1,234,567");
    CHECK(format_grouped(-1234567) == "-1,234,567");
}

TEST_CASE("the per-municipality claim CSV lists its lines old form first, then the total") {
    auto docs = municipality_claims(sample());
    REQUIRE(docs.size() == 2);
    auto r = rows(municipality_claim_csv(docs[1], {"札幌第一クリニック", "山田 太郎"}));
    REQUIRE(r.size() == 4);
    CHECK(r[0].starts_with("接種年月,提出期限,医療機関コード,医療機関名,代表者,市区町村コード,市区町村名,請求先,様式,区分"));
    CHECK(r[1] == "2021-12,2022-01-11,0110113719,札幌第一クリニック,山田 太郎,012025,函館市,"
                  "北海道国民健康保険団体連合会,旧様式,1,3,0,0,1,0,7750,775,8525");
    CHECK(r[2].find(",新様式,2,100,10,5,0,0,256000,25600,281600") != std::string::npos);
    CHECK(r[3].find(",合計,,103,10,5,1,0,263750,26375,290125") != std::string::npos);
}

TEST_CASE("the summary CSV has one row per municipality routed through the federation, then the total") {
    auto r = rows(claim_summary_csv(claim_summary(sample()), {"札幌第一クリニック", "山田 太郎"}));
    REQUIRE(r.size() == 3);
    CHECK(r[1].find(",012025,函館市,103,10,5,1,0,263750,26375,290125") != std::string::npos);
    CHECK(r[2].find(",合計,,103,10,5,1,0,263750,26375,290125") != std::string::npos);
}

TEST_CASE("the federation totals CSV has municipality rows and site rows, each group with its total") {
    std::vector<ComputedClaim> claims{sample()};
    auto t = federation_totals("010006", {2021, 12}, claims);
    REQUIRE(t);
    auto r = rows(federation_totals_csv(*t));
    REQUIRE(r.size() == 5);
    CHECK(r[1] == "2021-12,北海道国民健康保険団体連合会,市区町村,012025,函館市,103,10,5,1,0,263750,26375,290125");
    CHECK(r[2].find(",市区町村,合計,,") != std::string::npos);
    CHECK(r[3].find(",医療機関,0110113719,,") != std::string::npos);
    CHECK(r[4].ends_with(",263750,26375,290125"));
}

TEST_SUITE_END();
