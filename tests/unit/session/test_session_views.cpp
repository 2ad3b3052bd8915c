// The settings and session views, typed (settings_contract.hpp, session_contract.hpp): window.vsys's
// JSON is the typed answer through its one codec, with the members that the kiosk scripts, the
// CLI, sync.js and the e2e tests read, named here so that a codec that renames, drops, adds or
// retypes one fails.
#include <doctest/doctest.h>

#include <set>

#include "app/session/session_contract.hpp"
#include "app/session/settings_contract.hpp"
#include "app_fixture.hpp"
#include "typed_view_check.hpp"

TEST_SUITE_BEGIN("session");

using namespace vsys;
using nlohmann::json;
using vsys::test::AppFixture;
using vsys::test::members;
using vsys::test::same_view;

namespace {

void check_settings(AppFixture& f) {
    const json j = same_view(f, SettingsQuery{});
    CHECK(members(j) == std::set<std::string>{"language", "device_name", "idle_lock_minutes", "theme", "text_size"});
    const Settings s = *f.app.ask(SettingsQuery{});  // a copy: the Result is a temporary
    CHECK(j["language"] == language_code(s.language));
    CHECK(j["device_name"] == s.device_name);
    CHECK(j["idle_lock_minutes"].is_number_integer());
    CHECK(j["idle_lock_minutes"] == s.idle_lock_minutes);
    CHECK(j["theme"] == (s.high_contrast ? "high_contrast" : "light"));
    CHECK(j["text_size"].is_number_integer());
    CHECK(j["text_size"] == s.text_size);
}

void check_session(AppFixture& f, const std::string& id) {
    const json j = same_view(f, SessionQuery{});
    const SessionView v = *f.app.ask(SessionQuery{});
    if (id.empty()) {
        CHECK(j == json{{"signed_in", false}});
        CHECK_FALSE(v.signed_in);
        return;
    }
    CHECK(members(j) == std::set<std::string>{"signed_in", "vsys_id", "name", "role", "org", "org_name"});
    CHECK(j["signed_in"] == true);
    CHECK(j["vsys_id"] == id);
    CHECK(v.vsys_id == id);
    CHECK(v.role == f.app.session().role);
    CHECK(j["role"] == role_id(f.app.session().role));
    CHECK(j["org"] == f.app.session().org);
    CHECK(j["org_name"] == f.app.directory().org_name(f.app.session().org));
    CHECK(j["name"] == f.app.session().name);
}

}  // namespace

TEST_CASE("settings answers typed what window.vsys answers as JSON, signed out, for each demo role and once changed") {
    AppFixture f;
    check_settings(f);
    for (const char* id : {"VM131016", "VP130001", "VF130001"}) {
        REQUIRE(f.login(id));
        check_settings(f);
        f.logout();
    }
    REQUIRE(f.run({{"type", "update_settings"}, {"language", "en"}, {"device_name", "受付PC"}, {"idle_lock_minutes", 30},
                   {"theme", "high_contrast"}, {"text_size", 120}})["ok"] == true);
    check_settings(f);
    CHECK(f.view("settings")["view"] == json{{"language", "en"}, {"device_name", "受付PC"}, {"idle_lock_minutes", 30},
                                             {"theme", "high_contrast"}, {"text_size", 120}});
    CHECK(f.view("settings", {{"extra", 1}})["error"]["code"] == "arg.unknown");
}

TEST_CASE("session answers typed what window.vsys answers as JSON, signed out and for each demo role") {
    AppFixture f;
    check_session(f, "");
    const Site& s = f.site_in("131016");
    for (const std::string& id : {test::site_account(s), std::string("VM131016"), std::string("VP130001"), std::string("VF130001")}) {
        REQUIRE(f.login(id));
        check_session(f, id);
        f.logout();
        check_session(f, "");
    }
    CHECK(f.view("session", {{"extra", 1}})["error"]["code"] == "arg.unknown");
}

TEST_CASE("the login answer carries the session view's JSON") {
    AppFixture f;
    const json r = f.run({{"type", "login"}, {"vsys_id", "VM131016"}, {"password", k_demo_password}});
    REQUIRE(r["ok"] == true);
    CHECK(r["session"] == to_json(*f.app.ask(SessionQuery{})));
}
