// What the report tests share: a report run as window.vsys answers it (with its rows), a
// column's sum, and two Tokyo sites' submitted January 2022 claims (Chiyoda's site for residents
// of Chiyoda, Chuo and Osaka; Chuo's site for Chiyoda's).
#pragma once

#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "app_fixture.hpp"
#include "reports/reservations_fixture.hpp"

namespace vsys::test {

inline nlohmann::json report(AppFixture& f, nlohmann::json args) {
    args["detail"] = true;
    auto v = f.view("report", args);
    REQUIRE_MESSAGE(v["ok"] == true, v.dump());
    return v["view"];
}

inline std::int64_t report_sum(const nlohmann::json& r, const std::string& label) {
    const int c = report_column(r, label);
    std::int64_t s = 0;
    for (const auto& row : r["rows"])
        if (!row[c].is_null()) s += row[c].get<std::int64_t>();
    return s;
}

inline nlohmann::json claim_line(const char* muni, std::int64_t normal) {
    return {{"municipality", muni}, {"form", "new"},   {"category", 2},    {"normal", normal},
            {"outside_hours", 0},   {"holiday", 0},     {"pre_exam_only", 0}};
}

inline void submit_claims(AppFixture& f) {
    const Site& a = f.site_in("131016");
    const Site& b = f.site_in("131024");
    REQUIRE(f.login(site_account(a)));
    REQUIRE(f.run({{"type", "save_claim"}, {"site", a.code}, {"month", "2022-01"},
                   {"lines", {claim_line("131016", 100), claim_line("131024", 40), claim_line("271004", 7)}}})["ok"] == true);
    REQUIRE(f.run({{"type", "submit_claim"}, {"site", a.code}, {"month", "2022-01"}})["ok"] == true);
    f.logout();
    REQUIRE(f.login(site_account(b)));
    REQUIRE(f.run({{"type", "save_claim"}, {"site", b.code}, {"month", "2022-01"}, {"lines", {claim_line("131016", 20)}}})["ok"] == true);
    REQUIRE(f.run({{"type", "submit_claim"}, {"site", b.code}, {"month", "2022-01"}})["ok"] == true);
    f.logout();
}

}  // namespace vsys::test
