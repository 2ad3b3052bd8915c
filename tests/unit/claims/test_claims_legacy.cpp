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

TEST_CASE("a ticket_forms document: its counts take the site from the owner and the month from the id; anything else is refused") {
    const json body = json::parse(R"({"counts":[{"municipality":"011002","count":120},{"municipality":"012025","count":3}]})");
    auto counts = ticket_forms_from_document("site:0110113719", "2021-10", body);
    REQUIRE(counts);
    REQUIRE(counts->size() == 2);
    CHECK((*counts)[0].site == "0110113719");
    CHECK((*counts)[0].month == YearMonth{2021, 10});
    CHECK((*counts)[1].municipality == "012025");
    CHECK(ticket_forms_body(*counts) == body);
    CHECK(ticket_forms_from_document("venue:0110113719", "2021-11", body));
    auto reason = [](std::string_view owner, std::string_view id, const char* text) {
        auto r = ticket_forms_from_document(owner, id, json::parse(text));
        return r ? std::string("accepted") : r.error().arg("reason");
    };
    const char* good = R"({"counts":[{"municipality":"011002","count":1}]})";
    // The column ended in November 2021.
    CHECK(reason("site:0110113719", "2021-12", good) == "the column ended after 2021-11");
    CHECK(reason("muni:011002", "2021-10", good) == "the owner must be a site or a venue");
    CHECK(reason("site:0110113719", "2021-10-01", good) == "the id must be the month, YYYY-MM");
    CHECK(reason("site:0110113719", "2021-10", R"({"counts":[],"total":1})") != "accepted");
    CHECK(reason("site:0110113719", "2021-10", R"({"counts":[{"municipality":"011002","count":1,"site":"x"}]})") != "accepted");
    CHECK(reason("site:0110113719", "2021-10", R"({"counts":[{"municipality":"011002","count":-1}]})") != "accepted");
    CHECK(reason("site:0110113719", "2021-10", R"({"counts":[{"municipality":"011002","count":1},{"municipality":"011002","count":2}]})") !=
          "accepted");
    CHECK(reason("site:011011371", "2021-10", good) != "accepted");
}

TEST_SUITE_END();
