// The reports each level has (issue 14, Deliver 5: requests, allocations ①–⑤ with their locks,
// deliveries, claims per month per site and per municipality of residence, accounts), and the
// rules behind all of them: over the kiosk's history (the nation and 東京都), no role is shown a
// row about an organisation outside its scope, and every total is the sum of its rows.
#include <doctest/doctest.h>

#include <sstream>

#include "allocation/chain_app_fixture.hpp"
#include "app/reports/reports_app.hpp"
#include "reports/report_run_helpers.hpp"

TEST_SUITE_BEGIN("reports");

using namespace vsys;
using nlohmann::json;
using test::report;
using test::report_column;
using test::report_sum;

namespace {

std::int64_t claim_total(test::AppFixture& f, const Site& s) {
    const json v = f.view("claim", {{"site", s.code}, {"month", "2022-01"}});
    REQUIRE_MESSAGE(v["ok"] == true, v.dump());
    return v["view"]["total"]["amount"].get<std::int64_t>();
}

std::int64_t residents_total(test::AppFixture& f, const char* muni) {
    REQUIRE(f.login(std::string("VM") + muni));
    const json v = f.view("municipality_claims", {{"month", "2022-01"}});
    f.logout();
    REQUIRE_MESSAGE(v["ok"] == true, v.dump());
    return v["view"]["total"]["amount"].get<std::int64_t>();
}

}  // namespace

TEST_CASE("claims per month at every level: by site and by municipality of residence, reconciling to the yen") {
    test::AppFixture f;
    test::submit_claims(f);
    const Site& a = f.site_in("131016");
    const Site& b = f.site_in("131024");
    REQUIRE(f.login(test::site_account(a)));
    const std::int64_t site_a = claim_total(f, a);
    // The site: its month per municipality of residence, with the payer of each.
    auto own = report(f, {{"report", "R504"}, {"month", "2022-01"}});
    CHECK(own["row_count"] == 3);  // Chiyoda, Chuo, Osaka
    CHECK(report_sum(own, "請求額") == site_a);
    for (const auto& row : own["rows"]) CHECK(!row[report_column(own, "請求先（名称）")].get<std::string>().empty());
    CHECK(report_sum(report(f, {{"report", "R503"}, {"month", "2022-01"}}), "請求額") == site_a);
    f.logout();
    REQUIRE(f.login(test::site_account(b)));
    const std::int64_t site_b = claim_total(f, b);
    auto other = report(f, {{"report", "R504"}, {"month", "2022-01"}});
    REQUIRE(other["row_count"] == 1);  // Chuo's site sees its own claim only
    CHECK(other["rows"][0][report_column(other, "市区町村コード")] == "131016");
    CHECK(report_sum(other, "請求額") == site_b);
    f.logout();

    const std::int64_t chiyoda = residents_total(f, "131016"), chuo = residents_total(f, "131024"),
                       osaka = residents_total(f, "271004");
    CHECK(chiyoda + chuo + osaka == site_a + site_b);

    // Tokyo: its sites' claims, and the claims about its residents (Osaka's are Osaka's).
    REQUIRE(f.login("VP130001"));
    CHECK(report_sum(report(f, {{"report", "R204"}, {"month", "2022-01"}}), "請求額") == site_a + site_b);
    auto tokyo = report(f, {{"report", "R206"}, {"month", "2022-01"}});
    CHECK(tokyo["row_count"] == 3);
    CHECK(report_sum(tokyo, "請求額") == chiyoda + chuo);
    for (const auto& row : tokyo["rows"]) CHECK(row[report_column(tokyo, "市区町村コード")].get<std::string>().rfind("13", 0) == 0);
    CHECK(report_sum(report(f, {{"report", "R206"}, {"month", "2022-01"}, {"municipality", "131016"}}), "請求額") == chiyoda);
    f.logout();

    // The nation: every claim, by site and by municipality of residence, the totals alike.
    REQUIRE(f.login("VN000000"));
    auto by_site = report(f, {{"report", "R107"}, {"month", "2022-01"}});
    CHECK(by_site["row_count"] == 2);
    CHECK(report_sum(by_site, "請求額") == site_a + site_b);
    auto by_residence = report(f, {{"report", "R106"}, {"month", "2022-01"}});
    CHECK(by_residence["row_count"] == 4);
    CHECK(report_sum(by_residence, "請求額") == site_a + site_b);
    CHECK(report_sum(report(f, {{"report", "R106"}, {"month", "2022-01"}, {"municipality", "271004"}}), "請求額") == osaka);
    CHECK(report(f, {{"report", "R106"}, {"month", "2021-12"}})["row_count"] == 0);
}

TEST_CASE("① per prefecture for the nation, ④ and ⑤'s lock for a site, reconciling to the box; a site's own accounts") {
    test::Chain f;
    f.through_five();
    // The nation: ① per prefecture, and what Tokyo did with it (②, ③, ⑤).
    f.as("VP130001");
    const std::int64_t tokyo_one = f.view("round_state", {{"round", test::k_round}})["view"]["amount"];
    const std::int64_t tokyo_two = report_sum(report(f, {{"report", "R202"}, {"round", test::k_round}}), "配分量");
    f.as("VN000000");
    auto prefectures = report(f, {{"report", "R108"}, {"round", test::k_round}});
    CHECK(prefectures["row_count"] == 47);
    bool tokyo = false;
    for (const auto& row : prefectures["rows"]) {
        if (row[report_column(prefectures, "都道府県コード")] != "130001") continue;
        tokyo = true;
        CHECK(row[report_column(prefectures, "①配分量")] == tokyo_one);
        CHECK(row[report_column(prefectures, "②市町村への配分")] == tokyo_two);
        CHECK(row[report_column(prefectures, "③ロック")] == "ロック済");
        CHECK(row[report_column(prefectures, "⑤ロック済")] == 1);  // Chiyoda's ④
        CHECK(row[report_column(prefectures, "希望量")] == 8);
    }
    CHECK(tokyo);
    CHECK(report_sum(prefectures, "①配分量") == 100000);  // the round's boxes, split by population (no caps)
    CHECK(report_sum(prefectures, "希望量") == 8);

    const Site& hub = *f.hubs[0];
    f.as(test::site_account(hub));
    auto own = report(f, {{"report", "R506"}, {"round", test::k_round}});
    REQUIRE(own["row_count"] == 1);
    CHECK(own["rows"][0][report_column(own, "配分量")] == 5);
    CHECK(own["rows"][0][report_column(own, "⑤ロック")] == "ロック済");
    // The municipality's R302 row of this site says the same.
    f.as("VM131016");
    auto muni = report(f, {{"report", "R302"}, {"round", test::k_round}});
    for (const auto& row : muni["rows"])
        if (row[report_column(muni, "医療機関コード")] == hub.code) CHECK(row[report_column(muni, "配分量")] == 5);

    f.as(test::site_account(hub));
    auto accounts = report(f, {{"report", "R507"}});
    std::int64_t expected = 0;
    for (const auto& a : f.app.directory().demo().accounts) expected += a.org == site_org_id(hub);
    CHECK(accounts["row_count"] == expected);
    for (const auto& row : accounts["rows"]) CHECK(row[report_column(accounts, "組織コード")] == hub.code);
}

namespace {

// The organisation a row is about, read from its code columns: the residents' municipality for
// the claims by residence, else the most precise of site, municipality, organisation and
// prefecture codes. A site's own reports name only the municipalities of its patients: ""
// (their rows are checked by the site's own tests).
std::string row_org(App& app, const ReportDefinition& d, const json& r, const json& row) {
    bool names_site = false;
    for (const auto& c : r["columns"]) names_site = names_site || c["label"] == "医療機関コード";
    if (d.visible_to(OrgRole::site) && !d.visible_to(OrgRole::municipality) && !names_site) return "";
    auto cell = [&](const char* label) -> std::string {
        for (std::size_t i = 0; i < r["columns"].size(); ++i)
            if (r["columns"][i]["label"] == label && row[i].is_string()) return row[i].get<std::string>();
        return "";
    };
    const std::string site = cell("医療機関コード"), muni = cell("市区町村コード"), org = cell("組織コード");
    // About the residents' municipality (R304, R313), wherever they were vaccinated.
    if (d.source == "claims_by_residence" || d.source == "ticket_form_counts") return "muni:" + muni;
    if (!site.empty())
        if (const Site* s = app.directory().generated_site(site)) return site_org_id(*s);
    if (!muni.empty()) return "muni:" + muni;
    if (!org.empty()) {
        for (const char* prefix : {"muni:", "pref:", "site:", "venue:"})
            if (app.directory().tree().find(prefix + org) != k_no_org) return prefix + org;
    }
    const std::string pref = cell("都道府県コード");
    return pref.empty() ? "" : "pref:" + pref;
}

}  // namespace

TEST_CASE("over the kiosk's history no role is shown a row about an organisation outside its scope, and totals are the sums of the rows") {
    test::AppFixture f(true);
    std::size_t rows = 0;
    for (const DemoAccount* a : f.app.directory().sample_accounts()) {
        REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", a->vsys_id}})["ok"] == true);
        const std::string viewer = f.app.session().org;
        for (const ReportDefinition* d : reports_for_user(f.app)) {
            json args{{"report", d->id}};
            auto r = report(f, args);
            std::size_t outside = 0;
            std::string first;
            for (const auto& row : r["rows"]) {
                ++rows;
                const std::string org = row_org(f.app, *d, r, row);
                if (org.empty()) continue;  // a site's own report names no organisation
                // The service desk's reports cover every organisation.
                bool ok = d->scope == ReportScope::everywhere || org == viewer || f.app.directory().in_subtree(org, viewer);
                // Addressed to a federation: what its prefecture's sites claim through it.
                if (!ok && d->scope == ReportScope::subtree_addressed && viewer.rfind("federation:", 0) == 0) {
                    const std::string site = row[report_column(r, "医療機関コード")].get<std::string>();
                    ok = site.compare(0, 2, viewer, std::string("federation:").size(), 2) == 0;
                }
                if (!ok && outside++ == 0) first = row.dump();
            }
            std::ostringstream what;
            what << a->vsys_id << " " << d->id << ": " << outside << " rows outside, first " << first;
            CHECK_MESSAGE(outside == 0, what.str());
            // Over this much data too, every total is the sum of its column's rows.
            for (std::size_t c = 0; c < r["columns"].size(); ++c)
                if (r["columns"][c]["total"].get<bool>())
                    CHECK_MESSAGE(r["totals"][c] == report_sum(r, r["columns"][c]["label"]), a->vsys_id << " " << d->id);
        }
    }
    CHECK(rows > 10000);  // the history gives the reports rows to look at
}

TEST_SUITE_END();
