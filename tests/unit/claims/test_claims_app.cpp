// Fee claims through the app (commands save_claim, submit_claim, set_claim_routing; views claim,
// claim_print, federation_totals, municipality_claims, claim_legacy): a site's month, its
// refusals, submission, and what the federation and the municipality see.
#include <doctest/doctest.h>

#include "app_fixture.hpp"
#include "app/claims/claims_app.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;
using nlohmann::json;

namespace {

json line(const char* muni, const char* form, int category, std::int64_t normal, std::int64_t outside = 0,
          std::int64_t holiday = 0) {
    return {{"municipality", muni}, {"form", form},       {"category", category},   {"normal", normal},
            {"outside_hours", outside}, {"holiday", holiday}, {"pre_exam_only", 0}};
}

json save(const Site& s, const char* month, json lines) {
    return {{"type", "save_claim"}, {"site", s.code}, {"month", month}, {"lines", std::move(lines)}};
}

std::size_t claim_versions(test::AppFixture& f) {
    std::size_t n = 0;
    for (const auto& k : f.app.store().keys())
        if (k.find("/claim/") != std::string::npos) ++n;
    return n;
}

// Chiyoda's site: Chiyoda residents go to Chiyoda directly; Chuo (Tokyo) and Osaka residents
// through the Tokyo federation.
json three_municipalities() {
    return json::array({line("131016", "new", 2, 100, 10, 5), line("131024", "new", 2, 40, 0, 2),
                        line("271004", "old", 1, 7)});
}

}  // namespace

TEST_CASE("a site saves a month of claims for several municipalities and the claim view prices and routes them") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login(test::site_account(site)));
    auto r = f.run(save(site, "2022-01", three_municipalities()));
    REQUIRE_MESSAGE(r["ok"] == true, r.dump());
    auto v = f.view("claim", {{"site", site.code}, {"month", "2022-01"}});
    REQUIRE(v["ok"] == true);
    const json& c = v["view"];
    CHECK(c["saved"] == true);
    CHECK(c["submitted"] == false);
    CHECK(c["valid"] == true);
    CHECK(c["deadline"] == "2022-02-10");
    REQUIRE(c["lines"].size() == 3);
    CHECK(c["lines"][0]["payer"] == "municipality:131016");
    CHECK(c["lines"][0]["municipality_name"] == "千代田区");
    CHECK(c["lines"][0]["amount_before_tax"] == 100 * 2070 + 10 * 2800 + 5 * 4200);
    CHECK(c["lines"][1]["payer"] == "federation:130001");
    CHECK(c["lines"][2]["payer"] == "federation:130001");
    const std::int64_t before = 100 * 2070 + 10 * 2800 + 5 * 4200 + 40 * 2070 + 2 * 4200 + 7 * 2070;
    CHECK(c["total"]["amount_before_tax"] == before);
    CHECK(c["total"]["amount"] == before + before / 10);
    // A second save of the same month is a new version of the same document.
    REQUIRE(f.run(save(site, "2022-01", json::array({line("131016", "new", 2, 1)})))["ok"] == true);
    CHECK(f.app.current(site_org_id(site), "claim", "2022-01")->version == 2);
}

TEST_CASE("the dated add-on rules refuse with translated messages and store nothing") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login(test::site_account(site)));
    auto r = f.run(save(site, "2021-11", json::array({line("131016", "new", 2, 10, 3)})));
    CHECK(r["error"]["code"] == "claims.addons_outside_vsys");
    CHECK(r["error"]["message"].get<std::string>().find("V-SYS 外") != std::string::npos);
    r = f.run(save(site, "2022-01", json::array({line("131016", "old", 2, 10, 0, 1)})));
    CHECK(r["error"]["code"] == "claims.old_form_addons_separate");
    CHECK(r["error"]["message"].get<std::string>().find("別途") != std::string::npos);
    // Up to November 2021 the fee itself is claimed.
    CHECK(f.run(save(site, "2021-11", json::array({line("131016", "old", 2, 10)})))["ok"] == true);
    CHECK(claim_versions(f) == 1);
}

TEST_CASE("a month after today's month is refused; today's month is accepted") {
    test::AppFixture f;  // 2022-02-01 09:00 in Japan
    const Site& site = f.site_in("131016");
    REQUIRE(f.login(test::site_account(site)));
    auto r = f.run(save(site, "2022-03", json::array({line("131016", "new", 2, 1)})));
    CHECK(r["error"]["code"] == "claims.future_month");
    CHECK(f.run(save(site, "2022-02", json::array({line("131016", "new", 2, 1)})))["ok"] == true);
    CHECK(claim_versions(f) == 1);
}

TEST_CASE("bad input stores nothing: unknown fields, negative counts, unknown municipalities, malformed months") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login(test::site_account(site)));
    json bad_field = line("131016", "new", 2, 1);
    bad_field["normall"] = 5;
    CHECK(f.run(save(site, "2022-01", json::array({bad_field})))["error"]["code"] == "arg.unknown");
    // A count is read by the claims screen's own rule (app/claims/number_rules.hpp): the same code.
    CHECK(f.run(save(site, "2022-01", json::array({line("131016", "new", 2, -1)})))["error"]["code"] ==
          "number.negative");
    CHECK(f.run(save(site, "2022-01", json::array({line("999999", "new", 2, 1)})))["error"]["code"] ==
          "claims.unknown_municipality");
    CHECK(f.run(save(site, "2022-13", json::array({line("131016", "new", 2, 1)})))["error"]["code"] ==
          "calendar.malformed_month");
    CHECK(f.run(save(site, "2022-01", json::array()))["error"]["code"] == "claims.no_lines");
    CHECK(f.run(save(site, "2022-01", "x"))["error"]["code"] == "arg.type");
    CHECK(f.run({{"type", "save_claim"}, {"site", site.code}, {"month", "2022-01"}})["error"]["code"] == "arg.missing");
    CHECK(claim_versions(f) == 0);
}

TEST_CASE("a site cannot save claims for another site") {
    test::AppFixture f;
    REQUIRE(f.login(test::site_account(f.site_in("131016"))));
    auto r = f.run(save(f.site_in("131024"), "2022-01", json::array({line("131016", "new", 2, 1)})));
    CHECK(r["error"]["code"] == "no_access");
    CHECK(claim_versions(f) == 0);
}

TEST_CASE("submitting makes the month final: a new version, refused twice, and no more edits") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login(test::site_account(site)));
    const json submit = {{"type", "submit_claim"}, {"site", site.code}, {"month", "2022-01"}};
    CHECK(f.run(submit)["error"]["code"] == "claims.not_saved");
    REQUIRE(f.run(save(site, "2022-01", three_municipalities()))["ok"] == true);
    auto r = f.run(submit);
    REQUIRE_MESSAGE(r["ok"] == true, r.dump());
    const auto* d = f.app.current(site_org_id(site), "claim", "2022-01");
    REQUIRE(d);
    CHECK(d->version == 2);
    CHECK(d->body["submitted"] == true);
    CHECK(d->body["addressed_to"] == json::array({"federation:130001", "muni:131016", "muni:131024", "muni:271004"}));
    CHECK(f.run(submit)["error"]["code"] == "claims.already_submitted");
    CHECK(f.run(save(site, "2022-01", three_municipalities()))["error"]["code"] == "claims.already_submitted");
    CHECK(f.view("claim", {{"site", site.code}, {"month", "2022-01"}})["view"]["submitted"] == true);
}

TEST_CASE("the print view gives each municipality's claim and the summary as HTML and CSV") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login(test::site_account(site)));
    REQUIRE(f.run(save(site, "2022-01", three_municipalities()))["ok"] == true);
    auto v = f.view("claim_print", {{"site", site.code}, {"month", "2022-01"}});
    REQUIRE_MESSAGE(v["ok"] == true, v.dump());
    const json& p = v["view"];
    REQUIRE(p["municipalities"].size() == 3);
    CHECK(p["municipalities"][0]["municipality"] == "131016");
    CHECK(p["municipalities"][0]["html"].get<std::string>().find("市区町村別請求書") != std::string::npos);
    CHECK(p["summary"]["html"].get<std::string>().find("請求総括書") != std::string::npos);
    CHECK(p["summary"]["csv"].get<std::string>().find("合計") != std::string::npos);
    // The summary covers the lines routed through the federation only.
    const std::int64_t via = 40 * 2070 + 2 * 4200 + 7 * 2070;
    CHECK(p["summary"]["total"]["amount_before_tax"] == via);
}

TEST_CASE("the federation's totals equal the sum of the sites' routed lines; drafts and direct lines are not in them") {
    test::AppFixture f;
    const Site& a = f.site_in("131016");
    const Site& b = f.site_in("131024");
    REQUIRE(f.login(test::site_account(a)));
    REQUIRE(f.run(save(a, "2022-01", three_municipalities()))["ok"] == true);
    REQUIRE(f.run({{"type", "submit_claim"}, {"site", a.code}, {"month", "2022-01"}})["ok"] == true);
    f.logout();
    REQUIRE(f.login(test::site_account(b)));
    REQUIRE(f.run(save(b, "2022-01", json::array({line("131016", "new", 1, 20), line("131024", "additional", 2, 30, 3)})))["ok"] ==
            true);
    REQUIRE(f.run({{"type", "submit_claim"}, {"site", b.code}, {"month", "2022-01"}})["ok"] == true);
    // A draft of another month and site counts nowhere.
    REQUIRE(f.run(save(b, "2021-12", json::array({line("131016", "new", 2, 99)})))["ok"] == true);
    f.logout();

    REQUIRE(f.login("VF130001"));
    auto v = f.view("federation_totals", {{"month", "2022-01"}});
    REQUIRE_MESSAGE(v["ok"] == true, v.dump());
    const json& t = v["view"];
    const std::int64_t a_routed = 40 * 2070 + 2 * 4200 + 7 * 2070;  // Chuo and Osaka residents of site a
    const std::int64_t b_routed = 20 * 2070;                        // Chiyoda residents of site b (Chuo's own go direct)
    CHECK(t["total"]["amount_before_tax"] == a_routed + b_routed);
    CHECK(t["total"]["amount"] == (a_routed + b_routed) * 11 / 10);
    REQUIRE(t["by_site"].size() == 2);
    std::int64_t sum = 0;
    for (const auto& row : t["by_site"]) sum += row["amount"].get<std::int64_t>();
    CHECK(sum == t["total"]["amount"]);
    sum = 0;
    for (const auto& row : t["by_municipality"]) sum += row["amount"].get<std::int64_t>();
    CHECK(sum == t["total"]["amount"]);
    CHECK(t["by_municipality"][0]["name"] == "千代田区");
    CHECK(t["csv"].get<std::string>().find("合計") != std::string::npos);

    // Once Chuo commissions the federation, its own site's Chuo residents go through it too.
    f.logout();
    REQUIRE(f.login("VM131024"));
    REQUIRE(f.run({{"type", "set_claim_routing"}, {"municipality", "131024"}, {"commissioned", true}})["ok"] == true);
    f.logout();
    REQUIRE(f.login("VF130001"));
    const std::int64_t b_chuo = 30 * 2070 + 3 * 2800;
    CHECK(f.view("federation_totals", {{"month", "2022-01"}})["view"]["total"]["amount_before_tax"] ==
          a_routed + b_routed + b_chuo);
}

TEST_CASE("another prefecture's federation, and a municipality, cannot open a federation's totals") {
    test::AppFixture f;
    REQUIRE(f.login("VF270008"));
    CHECK(f.view("federation_totals", {{"month", "2022-01"}, {"prefecture", "130001"}})["error"]["code"] == "no_access");
    CHECK(f.view("federation_totals", {{"month", "2022-01"}})["ok"] == true);
    f.logout();
    REQUIRE(f.login("VM131016"));
    CHECK(f.view("federation_totals", {{"month", "2022-01"}, {"prefecture", "130001"}})["error"]["code"] == "no_access");
}

TEST_CASE("a municipality sees the claims about its residents, direct and via the federation") {
    test::AppFixture f;
    const Site& a = f.site_in("131016");
    const Site& b = f.site_in("131024");
    REQUIRE(f.login(test::site_account(a)));
    REQUIRE(f.run(save(a, "2022-01", three_municipalities()))["ok"] == true);
    REQUIRE(f.run({{"type", "submit_claim"}, {"site", a.code}, {"month", "2022-01"}})["ok"] == true);
    f.logout();
    REQUIRE(f.login(test::site_account(b)));
    REQUIRE(f.run(save(b, "2022-01", json::array({line("131016", "new", 1, 20)})))["ok"] == true);
    REQUIRE(f.run({{"type", "submit_claim"}, {"site", b.code}, {"month", "2022-01"}})["ok"] == true);
    f.logout();
    REQUIRE(f.login("VM131016"));
    auto v = f.view("municipality_claims", {{"month", "2022-01"}});
    REQUIRE_MESSAGE(v["ok"] == true, v.dump());
    const json& m = v["view"];
    REQUIRE(m["direct"].size() == 1);
    CHECK(m["direct"][0]["site"] == a.code);
    REQUIRE(m["via_federation"].size() == 1);
    CHECK(m["via_federation"][0]["site"] == b.code);
    CHECK(m["total"]["amount_before_tax"] == (100 * 2070 + 10 * 2800 + 5 * 4200) + 20 * 2070);
    CHECK(f.view("municipality_claims", {{"month", "2022-01"}, {"municipality", "131024"}})["error"]["code"] ==
          "no_access");
}

TEST_CASE("legacy ticket-form counts are the ticket_forms documents', per site (R533) and per municipality of residence (R313)") {
    {
        // A device without the history has none: they are documents, not generated.
        test::AppFixture f;
        REQUIRE(f.login("VM131016"));
        auto m = f.view("claim_legacy", {{"municipality", "131016"}});
        REQUIRE(m["ok"] == true);
        CHECK(m["view"]["rows"].empty());
        CHECK(m["view"]["total"] == 0);
    }
    test::AppFixture f(true);  // the kiosk: the demo world's history of the nation and 東京都
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    // What the store holds: one of 千代田区's sites' counts, and those of its residents wherever
    // they were vaccinated.
    std::string site;
    std::int64_t site_total = 0, residents_total = 0;
    bool elsewhere = false;
    for (const auto& doc : stored_ticket_forms(f.app)) {
        for (const auto& c : doc.counts) {
            const Site* s = f.app.directory().generated_site(c.site);
            REQUIRE(s);
            if (site.empty() && s->municipality == "131016") site = c.site;
            if (c.site == site) site_total += c.count;
            if (c.municipality == "131016") {
                residents_total += c.count;
                elsewhere = elsewhere || s->municipality != "131016";
            }
        }
    }
    REQUIRE(!site.empty());
    CHECK(elsewhere);
    auto s = f.view("claim_legacy", {{"site", site}});
    REQUIRE_MESSAGE(s["ok"] == true, s.dump());
    CHECK(s["view"]["report"] == "R533");
    CHECK(s["view"]["total"] == site_total);
    for (const auto& r : s["view"]["rows"]) CHECK(r["month"].get<std::string>() <= "2021-11");
    auto m = f.view("claim_legacy", {{"municipality", "131016"}});
    REQUIRE(m["ok"] == true);
    CHECK(m["view"]["report"] == "R313");
    CHECK(m["view"]["total"] == residents_total);
    for (const auto& r : m["view"]["rows"]) CHECK(r["municipality"] == "131016");
    CHECK(f.view("claim_legacy", {{"municipality", "131024"}})["error"]["code"] == "no_access");
    CHECK(f.view("claim_legacy", json::object())["error"]["code"] == "arg.missing");
}

TEST_SUITE_END();
