// Screen state belongs to one signed-in user: what a user typed or chose on a screen (a search
// query, a round, a claim month) is gone when the next user signs in on the same page, whatever
// their role and however the first one signed out.
#include <doctest/doctest.h>

#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using nlohmann::json;
using vsys::test::UiFixture;

// Signs in through the App (as a page's script may) and lets the Shell see it.
void sign_in(UiFixture& f, const std::string& id) {
    REQUIRE(f.login(id));
    f.frames(2);
}

// Signs out with the top bar's button, as a user does.
void sign_out_by_button(UiFixture& f) {
    REQUIRE(f.click("topbar.logout"));
    REQUIRE_FALSE(f.app.session().signed_in());
    f.frames(2);
}

void open(UiFixture& f, const std::string& screen, const std::string& param = "") {
    f.shell.go(screen, param);
    f.frames(3);
    REQUIRE(f.shell.screen() == screen);
}

const std::string k_no_such_site = "zzqqxx";

}  // namespace

TEST_CASE("a query typed into the org browser is gone when a user of another role signs in after sign-out") {
    UiFixture f;
    f.frames(3);
    sign_in(f, "VM131016");  // 千代田区
    open(f, "org_browser");
    REQUIRE(f.anchored("browser.row.0"));
    REQUIRE(f.click("browser.query"));
    f.type(k_no_such_site);
    CHECK_FALSE(f.anchored("browser.row.0"));  // the query is in force: nothing matches
    CHECK(f.frame_text().find(k_no_such_site) != std::string::npos);
    sign_out_by_button(f);

    sign_in(f, "VP130001");  // 東京都
    open(f, "org_browser");
    CHECK(f.frame_text().find(k_no_such_site) == std::string::npos);
    CHECK(f.anchored("browser.row.0"));  // every site of the prefecture, as for a first visit
}

TEST_CASE("a query typed into the proxy site picker is gone when the next user signs in after sign-out") {
    UiFixture f;
    f.frames(3);
    sign_in(f, "VM131016");
    open(f, "claims");
    REQUIRE(f.anchored("claims.proxy.row.0"));
    REQUIRE(f.click("claims.proxy.query"));
    f.type(k_no_such_site);
    CHECK_FALSE(f.anchored("claims.proxy.row.0"));
    sign_out_by_button(f);

    sign_in(f, "VM131024");  // 中央区, another municipality
    open(f, "claims");
    CHECK(f.frame_text().find(k_no_such_site) == std::string::npos);
    CHECK(f.anchored("claims.proxy.row.0"));
}

TEST_CASE("a round chosen by the nation is not the round a prefecture sees first after sign-out") {
    UiFixture f;
    f.frames(3);
    sign_in(f, "VN000000");
    const json rounds = f.view("rounds")["view"]["rounds"];
    REQUIRE(rounds.size() >= 2);
    const std::string first = rounds[0]["name"], second = rounds[1]["name"];
    REQUIRE(first.find(second) == std::string::npos);
    REQUIRE(second.find(first) == std::string::npos);
    open(f, "allocation");
    REQUIRE(f.click("alloc.round"));
    REQUIRE(f.click("alloc.round.1"));
    f.frames(2);
    REQUIRE(f.frame_text().find(second) != std::string::npos);
    sign_out_by_button(f);

    sign_in(f, "VP130001");
    REQUIRE(f.view("rounds")["view"]["rounds"][0]["name"] == first);
    open(f, "allocation");
    const std::string text = f.frame_text();
    CHECK(text.find(first) != std::string::npos);
    CHECK(text.find(second) == std::string::npos);
}

TEST_CASE("a claim month a municipality chose for its site is back to the default when the site signs in after sign-out") {
    UiFixture f;
    f.frames(3);
    const vsys::Site& site = f.site_in("131016");
    sign_in(f, "VM131016");
    open(f, "claims", site.code);  // 代行入力 for its own site
    // The fixture's clock is 2022-02-01: the default month is the one before, 2022-01.
    REQUIRE(f.frame_text().find("2022年1月") != std::string::npos);
    REQUIRE(f.click("claims.month.prev"));
    REQUIRE(f.frame_text().find("2021年12月") != std::string::npos);
    sign_out_by_button(f);

    sign_in(f, vsys::test::site_account(site));
    open(f, "claims");
    const std::string text = f.frame_text();
    CHECK(text.find("2022年1月") != std::string::npos);
    CHECK(text.find("2021年12月") == std::string::npos);
}

TEST_CASE("a month chosen on the municipality's claims is back to the default for the next municipality user") {
    UiFixture f;
    f.frames(3);
    sign_in(f, "VM131016");
    open(f, "municipality_claims");
    REQUIRE(f.click("municipality_claims.month.prev"));
    REQUIRE(f.frame_text().find("2021年12月") != std::string::npos);
    // Signed out by the App (a page's script, the idle lock), not by the button.
    f.logout();
    f.frames(2);
    sign_in(f, "VM131024");
    open(f, "municipality_claims");
    const std::string text = f.frame_text();
    CHECK(text.find("2022年1月") != std::string::npos);
    CHECK(text.find("2021年12月") == std::string::npos);
}

// The training kiosk switches roles without signing out first, and its reset signs out too.
TEST_CASE("in the training kiosk a role switch and the reset each drop what the previous trainee typed") {
    UiFixture f(1366, 768, true);
    f.frames(3);
    std::string muni, pref;
    const json kiosk = f.view("kiosk");
    for (const auto& a : kiosk["view"]["accounts"]) {
        if (a["role"] == "municipality" && muni.empty()) muni = a["vsys_id"];
        if (a["role"] == "prefecture" && pref.empty()) pref = a["vsys_id"];
    }
    REQUIRE_FALSE(muni.empty());
    REQUIRE_FALSE(pref.empty());
    auto type_query_as = [&](const std::string& id) {
        REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", id}})["ok"] == true);
        f.frames(2);
        open(f, "org_browser");
        REQUIRE(f.anchored("browser.row.0"));
        REQUIRE(f.click("browser.query"));
        f.type(k_no_such_site);
        REQUIRE_FALSE(f.anchored("browser.row.0"));
    };
    type_query_as(muni);
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", pref}})["ok"] == true);  // no sign-out between
    f.frames(2);
    open(f, "org_browser");
    CHECK(f.anchored("browser.row.0"));

    type_query_as(muni);
    CHECK(f.shell.reset_kiosk().empty());
    f.frames(2);
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", muni}})["ok"] == true);
    f.frames(2);
    open(f, "org_browser");
    CHECK(f.anchored("browser.row.0"));
}

TEST_SUITE_END();
