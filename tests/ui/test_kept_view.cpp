// The kept-view helper (ui/shell/kept_view.hpp) against a real App: a view is asked of the
// App once per key (revision, organisation, name, arguments), never again on frames where
// nothing changed, and again after a command that moves the revision on; a screen built on it
// follows a change made outside the screen at the next frame.
#include <doctest/doctest.h>

#include "app/allocation/deliveries_view.hpp"
#include "app/session/settings_contract.hpp"
#include "app/site/site_contract.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using nlohmann::json;
using vsys::test::UiFixture;

void sign_in(UiFixture& f, const std::string& id) {
    REQUIRE(f.login(id));
    f.frames(2);
}

void open(UiFixture& f, const std::string& screen) {
    f.shell.go(screen);
    f.frames(3);
    REQUIRE(f.shell.screen() == screen);
}

}  // namespace

TEST_CASE("a kept view asks the App again only when the revision or its question changes, and keeps a refusal's text") {
    UiFixture f;
    f.frames(3);
    sign_in(f, "VM131016");
    vsys::ui::KeptView<vsys::AboutQuery> about;
    for (int i = 0; i < 5; ++i) about.get(f.app, vsys::AboutQuery{});
    f.frames(5);
    about.get(f.app, vsys::AboutQuery{});
    CHECK(about.loads() == 1);
    CHECK(about.ok());
    REQUIRE(about.view() != nullptr);
    CHECK(about.view()->version == "0.1.0");

    // A refused command changes nothing: the view is not asked again.
    CHECK(f.run({{"type", "update_settings"}, {"device_name", std::string(300, 'x')}})["ok"] == false);
    about.get(f.app, vsys::AboutQuery{});
    CHECK(about.loads() == 1);
    // An applied command moves the revision on: the next get() asks again, once.
    REQUIRE(f.run({{"type", "update_settings"}, {"device_name", "受付PC"}})["ok"] == true);
    about.get(f.app, vsys::AboutQuery{});
    about.get(f.app, vsys::AboutQuery{});
    CHECK(about.loads() == 2);

    // Another question is asked again; a refused one keeps its translated error and no answer.
    vsys::ui::KeptView<vsys::SiteSearchQuery> search;
    search.get(f.app, vsys::SiteSearchQuery{"a", 10});
    search.get(f.app, vsys::SiteSearchQuery{"a", 10});
    CHECK(search.loads() == 1);
    search.get(f.app, vsys::SiteSearchQuery{"ab", 10});
    CHECK(search.loads() == 2);
    search.get(f.app, vsys::SiteSearchQuery{"ab", 0});
    CHECK(search.loads() == 3);
    CHECK_FALSE(search.ok());
    CHECK(search.view() == nullptr);
    CHECK_FALSE(search.error().empty());
}

TEST_CASE("a screen's kept view follows a command that changes the revision: approvals after a decision") {
    UiFixture f;
    f.frames(3);
    const vsys::Site& site = f.site_in("131016");
    sign_in(f, vsys::test::site_account(site));
    REQUIRE(f.run({{"type", "request_vaccine_change"}, {"site", site.code}, {"vaccines", {"pfizer_hub"}}})["ok"] == true);
    f.logout();
    sign_in(f, "VM131016");
    open(f, "approvals");
    REQUIRE(f.anchored("approvals.approve.0"));
    // Decided outside the screen (window.vsys): the next frame shows the inbox without it.
    REQUIRE(f.run({{"type", "decide_vaccine_change"}, {"site", site.code}, {"approve", true}})["ok"] == true);
    f.frames(1);
    CHECK_FALSE(f.anchored("approvals.approve.0"));
}

TEST_SUITE_END();

TEST_CASE("a kept typed view asks the App once per revision and question, answers as the JSON view does, and is refused as the JSON view is") {
    UiFixture f;
    f.frames(3);
    sign_in(f, "VM131016");
    vsys::ui::KeptView<vsys::DeliveriesQuery> deliveries;
    for (int i = 0; i < 4; ++i) deliveries.get(f.app, vsys::DeliveriesQuery{});
    CHECK(deliveries.loads() == 1);
    REQUIRE(deliveries.view() != nullptr);
    // The typed answer and window.vsys's JSON are one codec apart, nothing more.
    auto j = f.app.view("deliveries", json::object());
    REQUIRE(j);
    CHECK(*j == vsys::to_json(*deliveries.view()));
    CHECK((*j)["org"] == "muni:131016");
    REQUIRE(f.run({{"type", "update_settings"}, {"device_name", "受付PC"}})["ok"] == true);
    deliveries.get(f.app, vsys::DeliveriesQuery{});
    CHECK(deliveries.loads() == 2);
    CHECK(deliveries.fresh());
    deliveries.get(f.app, vsys::DeliveriesQuery{});
    CHECK_FALSE(deliveries.fresh());
    // Another question is asked again; one outside the user's subtree is refused through the
    // same access check as the JSON view, with the same translated words.
    vsys::DeliveriesQuery other;
    other.org = "muni:011002";
    deliveries.get(f.app, other);
    CHECK(deliveries.loads() == 3);
    CHECK(deliveries.view() == nullptr);
    CHECK_FALSE(deliveries.ok());
    auto refused = f.app.view("deliveries", {{"org", "muni:011002"}});
    REQUIRE_FALSE(refused);
    CHECK(deliveries.error() == f.app.error_text(refused.error()));
}
