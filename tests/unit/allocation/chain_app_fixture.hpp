// The allocation chain run through the app as the demo accounts (test_allocation_app.cpp and the
// reports' tests): Chiyoda's hubs request, the nation sets ①, Tokyo registers ②, the nation
// locks ③, Chiyoda registers ④, Tokyo locks ⑤.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app_fixture.hpp"

namespace vsys::test {

using nlohmann::json;
inline constexpr const char* k_round = "PF12_R10";

// Chiyoda's sites that request Pfizer 12+ (hubs, not satellites).
inline std::vector<const Site*> chiyoda_hubs(AppFixture& f) {
    std::vector<const Site*> out;
    for (const auto& s : f.app.directory().demo().sites)
        if (s.municipality == "131016" && s.kind == SiteKind::site && s.vaccines.has(VaccineCategory::pfizer_hub))
            out.push_back(&s);
    return out;
}

inline std::string code_of(const json& answer) { return answer["ok"] == true ? std::string() : answer["error"]["code"].get<std::string>(); }

struct Chain : AppFixture {
    std::vector<const Site*> hubs;
    Chain() {
        hubs = chiyoda_hubs(*this);
        REQUIRE(hubs.size() >= 2);
    }
    void as(const std::string& id) {
        logout();
        REQUIRE(login(id));
    }
    void requests() {
        as(site_account(*hubs[0]));
        REQUIRE(code_of(run({{"type", "report_request"}, {"site", hubs[0]->code}, {"round", k_round}, {"boxes", 5}})) == "");
        as(site_account(*hubs[1]));
        REQUIRE(code_of(run({{"type", "report_request"}, {"site", hubs[1]->code}, {"round", k_round}, {"boxes", 3}})) == "");
    }
    void nation_amounts() {
        as("VN000000");
        REQUIRE(code_of(run({{"type", "set_round_state"}, {"round", k_round}, {"state", "allocating"}})) == "");
        REQUIRE(code_of(run({{"type", "set_prefecture_amounts"}, {"round", k_round},
                             {"simulation", {{"mode", "eligible_population"}, {"total", 100000}}}})) == "");
    }
    void tokyo_amounts() {
        as("VP130001");
        REQUIRE(code_of(run({{"type", "register_municipality_amounts"}, {"round", k_round},
                             {"simulation", {{"mode", "eligible_population"}}}})) == "");
    }
    void nation_lock() {
        as("VN000000");
        REQUIRE(code_of(run({{"type", "lock_prefecture"}, {"round", k_round}, {"prefecture", "pref:130001"}})) == "");
    }
    void chiyoda_amounts() {
        as("VM131016");
        REQUIRE(code_of(run({{"type", "register_site_amounts"}, {"round", k_round}, {"simulation", {{"mode", "request"}}}})) == "");
    }
    void tokyo_lock() {
        as("VP130001");
        REQUIRE(code_of(run({{"type", "lock_sites"}, {"round", k_round}, {"municipalities", {"muni:131016"}}})) == "");
    }
    // The whole chain, requests to ⑤'s lock, for tests that need a finished round (the reports').
    void through_five() {
        requests();
        nation_amounts();
        tokyo_amounts();
        nation_lock();
        chiyoda_amounts();
        tokyo_lock();
    }
};

}  // namespace vsys::test
