#include <doctest/doctest.h>

#include "core/claims/claims_json.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;
using nlohmann::json;

namespace {

const char* k_issue_example = R"({"site": "0110113719", "site_municipality": "011002", "month": "2022-01",
  "lines": [{"municipality": "011002", "form": "new", "category": 2, "normal": 100, "outside_hours": 10,
             "holiday": 5, "pre_exam_only": 0, "under_6": 0}]})";

json with_line_field(const char* key, json value) {
    json j = json::parse(k_issue_example);
    j["lines"][0][key] = std::move(value);
    return j;
}

}  // namespace

TEST_CASE("the issue's example claim computes to 256,000 yen before tax, paid by Sapporo, due 2022-02-10") {
    auto req = claim_request_from_json(json::parse(k_issue_example));
    REQUIRE(req);
    CHECK_FALSE(req->today);
    auto c = compute_claim(req->claim, req->routing, Date{2022, 2, 1});
    REQUIRE(c);
    json out = to_json(*c);
    CHECK(out["deadline"] == "2022-02-10");
    CHECK(out["lines"][0]["payer"] == "municipality:011002");
    CHECK(out["lines"][0]["amount_before_tax"] == 100 * 2070 + 10 * 2800 + 5 * 4200);
    CHECK(out["total"]["amount_before_tax"] == 256000);
    CHECK(out["total"]["tax"] == 25600);
    CHECK(out["total"]["amount"] == 281600);
}

TEST_CASE("a claim round-trips through its JSON form") {
    auto req = claim_request_from_json(json::parse(k_issue_example));
    REQUIRE(req);
    json once = to_json(req->claim);
    CHECK(once["schema"] == 1);
    auto back = site_claim_from_json(once);
    REQUIRE(back);
    CHECK(to_json(*back) == once);
}

TEST_CASE("the request's today and commissioned settings are read; under_6 may be omitted") {
    json j = json::parse(k_issue_example);
    j["today"] = "2022-01-15";
    j["commissioned"] = {"011002"};
    j["lines"][0].erase("under_6");
    auto req = claim_request_from_json(j);
    REQUIRE(req);
    CHECK(*req->today == Date{2022, 1, 15});
    CHECK(req->claim.lines[0].counts.under_6 == 0);
    auto c = compute_claim(req->claim, req->routing, *req->today);
    REQUIRE(c);
    CHECK(c->lines[0].payer.str() == "federation:010006");
}

TEST_CASE("malformed claims are refused with the field: types, form, category, month, schema") {
    auto code = [](const json& j) {
        auto r = claim_request_from_json(j);
        return r ? std::string("accepted") : r.error().code;
    };
    CHECK(code(json::parse("[]")) == "claims.malformed");
    CHECK(code(with_line_field("normal", "100")) == "claims.malformed");
    CHECK(code(with_line_field("normal", 1.5)) == "claims.malformed");
    CHECK(code(with_line_field("normal", true)) == "claims.malformed");
    CHECK(code(with_line_field("form", "newer")) == "claims.unknown_form");
    CHECK(code(with_line_field("category", 3)) == "claims.unknown_category");
    CHECK(code(with_line_field("category", "2")) == "claims.unknown_category");
    CHECK(code(with_line_field("municipality", 11002)) == "claims.malformed");
    json m = json::parse(k_issue_example);
    m["month"] = "2022-1";
    CHECK(code(m) == "calendar.malformed_month");
    m["month"] = "2022-01";
    m["schema"] = 2;
    CHECK(code(m) == "claims.unsupported_schema");
    m.erase("schema");
    m["today"] = "yesterday";
    CHECK(code(m) == "calendar.malformed_date");
    m.erase("today");
    m["commissioned"] = "011002";
    CHECK(code(m) == "claims.malformed");
}

TEST_CASE("a count beyond int64 is read as too large and refused with the bound, never wrapped") {
    auto req = claim_request_from_json(json::parse(
        R"({"site":"0110113719","site_municipality":"011002","month":"2022-01","lines":[{"municipality":"011002",
            "form":"new","category":2,"normal":18446744073709551615,"outside_hours":0,"holiday":0,"pre_exam_only":0}]})"));
    REQUIRE(req);
    auto c = compute_claim(req->claim, req->routing, Date{2022, 2, 1});
    REQUIRE_FALSE(c);
    CHECK(c.error().code == "claims.count_too_large");
}

TEST_SUITE_END();
