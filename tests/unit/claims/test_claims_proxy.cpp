// 代行入力 of fee claims: a municipality enters and submits claims on behalf of its own sites
// (versions marked proxy), and only for them; a site enters only its own.
#include <doctest/doctest.h>

#include "app_fixture.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;
using nlohmann::json;

namespace {

json save(const Site& s, json lines) {
    return {{"type", "save_claim"}, {"site", s.code}, {"month", "2022-01"}, {"lines", std::move(lines)}};
}

json one_line(const char* muni) {
    return json::array({{{"municipality", muni}, {"form", "new"}, {"category", 2}, {"normal", 10}, {"outside_hours", 1},
                         {"holiday", 0}, {"pre_exam_only", 0}}});
}

std::size_t claim_versions(test::AppFixture& f) {
    std::size_t n = 0;
    for (const auto& k : f.app.store().keys())
        if (k.find("/claim/") != std::string::npos) ++n;
    return n;
}

}  // namespace

TEST_CASE("a municipality enters and submits a claim for its own site; both versions are marked proxy") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login("VM131016"));
    auto r = f.run(save(site, one_line("131024")));
    REQUIRE_MESSAGE(r["ok"] == true, r.dump());
    CHECK(r["claim"]["total"]["amount_before_tax"] == 10 * 2070 + 2800);
    const auto* saved = f.app.current(site_org_id(site), "claim", "2022-01");
    REQUIRE(saved);
    CHECK(saved->owner == site_org_id(site));
    CHECK(saved->author == "VM131016");
    CHECK(saved->proxy);
    auto v = f.view("claim", {{"site", site.code}, {"month", "2022-01"}});
    REQUIRE(v["ok"] == true);
    CHECK(v["view"]["proxy"] == true);

    r = f.run({{"type", "submit_claim"}, {"site", site.code}, {"month", "2022-01"}});
    REQUIRE_MESSAGE(r["ok"] == true, r.dump());
    const auto* submitted = f.app.current(site_org_id(site), "claim", "2022-01");
    REQUIRE(submitted);
    CHECK(submitted->version == 2);
    CHECK(submitted->proxy);
    CHECK(submitted->body["submitted"] == true);
    CHECK(submitted->body["addressed_to"] == json::array({"federation:130001", "muni:131024"}));

    // The site sees its month as submitted, and the federation receives it like any other.
    f.logout();
    REQUIRE(f.login(test::site_account(site)));
    CHECK(f.view("claim", {{"site", site.code}, {"month", "2022-01"}})["view"]["submitted"] == true);
    f.logout();
    REQUIRE(f.login("VF130001"));
    CHECK(f.view("federation_totals", {{"month", "2022-01"}})["view"]["total"]["amount_before_tax"] == 10 * 2070 + 2800);
}

TEST_CASE("a site's own entry is not marked proxy") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login(test::site_account(site)));
    REQUIRE(f.run(save(site, one_line("131016")))["ok"] == true);
    CHECK_FALSE(f.app.current(site_org_id(site), "claim", "2022-01")->proxy);
    CHECK(f.view("claim", {{"site", site.code}, {"month", "2022-01"}})["view"]["proxy"] == false);
}

TEST_CASE("a municipality entering for another municipality's site is refused with a translated message") {
    test::AppFixture f;
    const Site& other = f.site_in("131024");  // a site in Chuo
    REQUIRE(f.login("VM131016"));           // Chiyoda
    auto r = f.run(save(other, one_line("131024")));
    CHECK(r["error"]["code"] == "claims.proxy_other_municipality");
    const std::string message = r["error"]["message"].get<std::string>();
    CHECK(message.find("中央区") != std::string::npos);
    CHECK(message.find(other.code) != std::string::npos);
    CHECK(message.find("代行入力") != std::string::npos);
    r = f.run({{"type", "submit_claim"}, {"site", other.code}, {"month", "2022-01"}});
    CHECK(r["error"]["code"] == "claims.proxy_other_municipality");
    CHECK(claim_versions(f) == 0);
}

TEST_CASE("a site cannot enter or submit claims for another site, even one of its municipality") {
    test::AppFixture f;
    const Site& mine = f.site_in("131016");
    const Site* neighbour = nullptr;
    for (const auto& s : f.app.directory().demo().sites)
        if (s.municipality == "131016" && s.kind == SiteKind::site && s.code != mine.code) neighbour = &s;
    REQUIRE(neighbour);
    REQUIRE(f.login(test::site_account(mine)));
    CHECK(f.run(save(*neighbour, one_line("131016")))["error"]["code"] == "no_access");
    CHECK(f.run({{"type", "submit_claim"}, {"site", neighbour->code}, {"month", "2022-01"}})["error"]["code"] == "no_access");
    CHECK(claim_versions(f) == 0);
}

TEST_CASE("other upper levels cannot enter claims for a site") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    for (const char* account : {"VP130001", "VF130001"}) {
        REQUIRE(f.login(account));
        CHECK(f.run(save(site, one_line("131016")))["error"]["code"] == "no_access");
        f.logout();
    }
    CHECK(claim_versions(f) == 0);
}

TEST_SUITE_END();
