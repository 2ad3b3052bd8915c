// The claims' typed contracts (app/claims/*_view.hpp, claim_commands.hpp) keep window.vsys's
// JSON as it was: every claims view, asked by every demo role over one scenario (saved, submitted
// and draft months, a commissioned municipality, refused and malformed questions), answers exactly
// the JSON recorded before the views were typed (claims_views.golden.json; long texts, the print
// views' HTML and CSV, by length and hash; long arrays by size, hash and first rows).
// VSYS_RECORD_GOLDEN=1 writes the file again: only for a deliberate change of the contract.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "app_fixture.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;
using nlohmann::json;

namespace contract_test {

inline json line(const char* muni, const char* form, int category, std::int64_t normal, std::int64_t outside = 0,
                 std::int64_t holiday = 0) {
    return {{"municipality", muni}, {"form", form},       {"category", category},   {"normal", normal},
            {"outside_hours", outside}, {"holiday", holiday}, {"pre_exam_only", 0}};
}

// Chiyoda's site A has a submitted January and a draft December; Chuo's site B a submitted
// January; Chuo has commissioned the federation.
struct Scenario {
    test::AppFixture f;
    const Site* a = nullptr;
    const Site* b = nullptr;
    Scenario() {
        a = &f.site_in("131016");
        b = &f.site_in("131024");
        REQUIRE(f.login(test::site_account(*a)));
        const json jan = json::array({line("131016", "new", 2, 100, 10, 5), line("131024", "new", 2, 40, 0, 2),
                                      line("271004", "old", 1, 7)});
        REQUIRE(f.run({{"type", "save_claim"}, {"site", a->code}, {"month", "2022-01"}, {"lines", jan}})["ok"] == true);
        REQUIRE(f.run({{"type", "submit_claim"}, {"site", a->code}, {"month", "2022-01"}})["ok"] == true);
        REQUIRE(f.run({{"type", "save_claim"},
                       {"site", a->code},
                       {"month", "2021-12"},
                       {"lines", json::array({line("131016", "additional", 2, 3)})}})["ok"] == true);
        f.logout();
        REQUIRE(f.login("VM131024"));
        REQUIRE(f.run({{"type", "set_claim_routing"}, {"municipality", "131024"}, {"commissioned", true}})["ok"] == true);
        f.logout();
        REQUIRE(f.login(test::site_account(*b)));
        REQUIRE(f.run({{"type", "save_claim"},
                       {"site", b->code},
                       {"month", "2022-01"},
                       {"lines", json::array({line("131024", "new", 2, 20, 1), line("131016", "new", 1, 4)})}})["ok"] == true);
        REQUIRE(f.run({{"type", "submit_claim"}, {"site", b->code}, {"month", "2022-01"}})["ok"] == true);
        f.logout();
    }

    // Every question of the claims' views, as "name args".
    std::vector<std::pair<std::string, json>> questions() const {
        const std::string sa = a->code, sb = b->code;
        const json good = json::array({line("131016", "new", 2, 12, 1)});
        const json bad = json::array({line("131016", "new", 2, 1), line("131016", "new", 2, 2), line("999999", "new", 2, 1),
                                      line("131016", "old", 2, 1, 0, 1)});
        json text_count = good;
        text_count[0]["normal"] = "１２";
        return {{"claim", {{"site", sa}, {"month", "2022-01"}}},
                {"claim", {{"site", sa}, {"month", "2021-12"}}},
                {"claim", {{"site", sa}, {"month", "2021-11"}}},
                {"claim", {{"site", sb}, {"month", "2022-01"}}},
                {"claim", {{"site", sa}, {"month", "2022-13"}}},
                {"claim", {{"site", "0000000000"}, {"month", "2022-01"}}},
                {"claim_print", {{"site", sa}, {"month", "2022-01"}}},
                {"claim_print", {{"site", sa}, {"month", "2021-12"}}},
                {"claim_print", {{"site", sa}, {"month", "2021-11"}}},
                {"claim_print", {{"site", sb}, {"month", "2022-01"}}},
                {"claim_check", {{"site", sa}, {"month", "2022-02"}, {"lines", good}}},
                {"claim_check", {{"site", sa}, {"month", "2022-02"}, {"lines", bad}}},
                {"claim_check", {{"site", sa}, {"month", "2021-11"}, {"lines", json::array({line("131016", "new", 2, 1, 3)})}}},
                {"claim_check", {{"site", sa}, {"month", "2022-03"}, {"lines", good}}},
                {"claim_check", {{"site", sa}, {"month", "2022-02"}, {"lines", json::array()}}},
                {"claim_check", {{"site", sa}, {"month", "2022-02"}}},
                {"claim_check", {{"site", sa}, {"month", "2022-02"}, {"lines", text_count}}},
                {"claim_check", {{"site", sb}, {"month", "2022-02"}, {"lines", good}}},
                {"claim_legacy", {{"site", sa}}},
                {"claim_legacy", {{"municipality", "131016"}}},
                {"claim_legacy", {{"municipality", "131024"}}},
                {"claim_legacy", json::object()},
                {"federation_totals", {{"month", "2022-01"}}},
                {"federation_totals", {{"month", "2022-01"}, {"prefecture", "130001"}}},
                {"federation_totals", {{"month", "2021-12"}, {"prefecture", "130001"}}},
                {"federation_totals", json::object()},
                {"municipality_claims", {{"month", "2022-01"}}},
                {"municipality_claims", {{"month", "2022-01"}, {"municipality", "131016"}}},
                {"municipality_claims", {{"month", "2022-01"}, {"municipality", "131024"}}},
                {"municipality_claims", {{"month", "x"}}}};
    }
};

inline std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

// Long texts (HTML, CSV) as their length and hash, so the file stays readable.
inline json condensed(const json& j) {
    if (j.is_string() && j.get_ref<const std::string&>().size() > 200) {
        const std::string& s = j.get_ref<const std::string&>();
        char buf[64];
        std::snprintf(buf, sizeof buf, "#%zu:%016llx", s.size(), static_cast<unsigned long long>(fnv1a(s)));
        return buf;
    }
    if (j.is_object()) {
        json out = json::object();
        for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = condensed(it.value());
        return out;
    }
    if (j.is_array() && j.size() > 12) {  // the legacy counts of a municipality's sites: thousands of rows
        json head = json::array();
        for (std::size_t i = 0; i < 3; ++i) head.push_back(condensed(j[i]));
        char buf[32];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fnv1a(j.dump())));
        return {{"rows", j.size()}, {"hash", buf}, {"head", head}};
    }
    if (j.is_array()) {
        json out = json::array();
        for (const auto& v : j) out.push_back(condensed(v));
        return out;
    }
    return j;
}

}  // namespace contract_test

namespace vsys::assets {
std::string_view claims_views_golden();
}

TEST_CASE("every claims view answers window.vsys the JSON it answered before it was typed, for every demo role") {
    using namespace contract_test;
    Scenario s;
    std::vector<std::string> who = {""};
    for (const auto* acc : s.f.app.directory().sample_accounts()) who.push_back(acc->vsys_id);
    json answers = json::object();
    for (const auto& id : who) {
        if (!id.empty()) REQUIRE(s.f.login(id));
        for (const auto& [name, args] : s.questions())
            answers[(id.empty() ? "-" : id) + " " + name + " " + args.dump()] = condensed(s.f.view(name, args));
        if (!id.empty()) s.f.logout();
    }
    const std::string path = std::string(VSYS_SOURCE_DIR) + "/tests/unit/claims/claims_views.golden.json";
    if (std::getenv("VSYS_RECORD_GOLDEN")) {
        std::ofstream(path) << answers.dump(1) << "\n";
        MESSAGE("recorded " << answers.size() << " answers in " << path);
        return;
    }
    // Embedded at build time (CMakeLists.txt), so the wasm run under node compares it too.
    const json golden = json::parse(vsys::assets::claims_views_golden());
    CHECK(golden.size() == answers.size());
    for (auto it = golden.begin(); it != golden.end(); ++it) {
        const auto got = answers.find(it.key());
        REQUIRE_MESSAGE(got != answers.end(), it.key());
        CHECK_MESSAGE(*got == it.value(), it.key() << "\n  was: " << it.value().dump() << "\n  now: " << got->dump());
    }
}
