#include <doctest/doctest.h>

#include "core/claims/claims_legacy.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;
using nlohmann::json;

namespace {

const char* k_counts = R"([
  {"site": "0110113719", "municipality": "012025", "month": "2021-10", "count": 12},
  {"site": "0110113719", "municipality": "011002", "month": "2021-10", "count": 120},
  {"site": "0110113719", "municipality": "011002", "month": "2021-09", "count": 80},
  {"site": "0110200019", "municipality": "011002", "month": "2021-09", "count": 5}
])";

}  // namespace

TEST_CASE("legacy ticket-form counts read per site (R533) by month then municipality, with a total") {
    auto counts = legacy_counts_from_json(json::parse(k_counts));
    REQUIRE(counts);
    auto v = legacy_view_for_site(*counts, "0110113719");
    REQUIRE(v.rows.size() == 3);
    CHECK(to_iso(v.rows[0].month) == "2021-09");
    CHECK(v.rows[1].municipality == "011002");
    CHECK(v.rows[2].municipality == "012025");
    CHECK(v.total == 212);
    CHECK(legacy_view_csv(v).ends_with("合計,,,,212\r\n"));
}

TEST_CASE("legacy ticket-form counts read per municipality (R313) by month then site") {
    auto counts = legacy_counts_from_json(json::parse(k_counts));
    REQUIRE(counts);
    auto v = legacy_view_for_municipality(*counts, "011002");
    REQUIRE(v.rows.size() == 3);
    CHECK(v.rows[0].site == "0110113719");
    CHECK(v.rows[1].site == "0110200019");
    CHECK(v.total == 205);
    CHECK(legacy_counts_from_json(to_json(*counts))->size() == counts->size());
}

TEST_CASE("malformed legacy counts are refused: types, codes, months, negative or duplicate counts") {
    auto code = [](const char* text) {
        auto r = legacy_counts_from_json(json::parse(text));
        return r ? std::string("accepted") : r.error().code;
    };
    CHECK(code("{}") == "claims.legacy_malformed");
    CHECK(code(R"([{"site":"0110113719","municipality":"011002","month":"2021-10","count":-1}])") == "claims.legacy_malformed");
    CHECK(code(R"([{"site":"0110113719","municipality":"999999","month":"2021-10","count":1}])") == "claims.legacy_malformed");
    CHECK(code(R"([{"site":"011011371","municipality":"011002","month":"2021-10","count":1}])") == "claims.legacy_malformed");
    CHECK(code(R"([{"site":"0110113719","municipality":"011002","month":"2021-13","count":1}])") == "claims.legacy_malformed");
    CHECK(code(R"([{"site":"0110113719","municipality":"011002","month":"2021-10","count":"1"}])") == "claims.legacy_malformed");
    CHECK(code(R"([{"site":"0110113719","municipality":"011002","month":"2021-10","count":1},
                   {"site":"0110113719","municipality":"011002","month":"2021-10","count":2}])") == "claims.legacy_malformed");
}

TEST_SUITE_END();
