// The training kiosk (cmd_kiosk.cpp, sync/kiosk_identity.hpp): a role switcher without
// passwords, keys under a kiosk root that no deployment trusts, no sync of any kind, and a
// reset to the clean demo state.
#include <doctest/doctest.h>

#include "app/kiosk/kiosk_history.hpp"
#include "app_fixture.hpp"

#include <map>
#include <set>
#include "sync/certificate.hpp"
#include "sync/crypto.hpp"
#include "sync/demo_exchange.hpp"
#include "sync/kiosk_identity.hpp"

TEST_SUITE_BEGIN("session");

using namespace vsys;
using vsys::test::AppFixture;
using vsys::test::site_account;

namespace {

std::vector<sync::Certificate> stored_chain(const App& app, const std::string& vsys_id) {
    std::vector<sync::Certificate> out;
    const auto* d = app.current("device", "chain", vsys_id);
    REQUIRE(d);
    for (const auto& c : d->body["chain"]) out.push_back(*sync::certificate_from_json(c));
    return out;
}

sync::Seed kiosk_secret(const App& app) {
    sync::Seed s{};
    const auto* d = app.current("device", "kiosk", "secret");
    REQUIRE(d);
    REQUIRE(crypto::from_hex(d->body.value("secret", ""), s.data(), s.size()));
    return s;
}

}  // namespace

TEST_CASE("the role switcher signs in without a password, with a key chained to the kiosk's own root") {
    AppFixture k(true);
    const std::string id = site_account(k.site_in("131016"));
    auto r = k.run({{"type", "kiosk_switch"}, {"vsys_id", id}});
    REQUIRE(r["ok"] == true);
    CHECK(r["session"]["vsys_id"] == id);
    CHECK(r["session"]["role"] == "site");
    CHECK(k.app.session().signed_in());

    const auto chain = stored_chain(k.app, id);
    CHECK(chain.size() == 8);  // site ← muni ← prefecture ← nation ← root, a device and a code each
    const sync::Seed secret = kiosk_secret(k.app);
    const auto root = sync::kiosk_root_key(secret).public_hex;
    auto signer = sync::verify_chain(chain, root, k.app.directory(), k.clock, {}, nullptr);
    REQUIRE(signer);
    CHECK(signer->account == id);
    CHECK(k.app.session().device_public == chain.front().key);
    // The demo deployment (and so every deployment) refuses it: its root never signed it.
    auto demo = sync::verify_chain(chain, sync::demo_root_key(k_demo_seed).public_hex, k.app.directory(), k.clock, {},
                                   nullptr);
    REQUIRE_FALSE(demo);
    CHECK(demo.error().code == "cert.issuer");

    // Switching back later reuses the stored chain; switching to another role needs nothing typed.
    const std::size_t keys = k.app.store().keys().size();
    REQUIRE(k.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    CHECK(k.app.session().role == Role::municipality);
    REQUIRE(k.run({{"type", "kiosk_switch"}, {"vsys_id", id}})["ok"] == true);
    CHECK(k.app.store().keys().size() == keys + 1);  // only the municipality's chain was added
    CHECK(k.run({{"type", "kiosk_switch"}, {"vsys_id", "VX999999"}})["error"]["code"] == "unlock.unknown_account");
}

TEST_CASE("every account of the role switcher gets a kiosk device, whatever its role") {
    AppFixture k(true);
    auto v = k.view("kiosk");
    REQUIRE(v["ok"] == true);
    CHECK(v["view"]["kiosk"] == true);
    const auto& accounts = v["view"]["accounts"];
    REQUIRE(accounts.size() >= 7);
    std::set<std::string> roles;
    for (const auto& a : accounts) {
        auto r = k.run({{"type", "kiosk_switch"}, {"vsys_id", a["vsys_id"]}});
        REQUIRE_MESSAGE(r["ok"] == true, r.dump());
        roles.insert(a["role"].get<std::string>());
        auto home = k.view("home");
        CHECK_FALSE(home["view"]["buttons"].empty());
    }
    CHECK(roles == std::set<std::string>{"nation", "prefecture", "municipality", "site", "federation", "support"});
}

TEST_CASE("outside the kiosk there is no role switcher and no reset") {
    AppFixture f;
    CHECK(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VN000000"}})["error"]["code"] == "kiosk.off");
    CHECK(f.run({{"type", "kiosk_reset"}})["error"]["code"] == "kiosk.off");
    CHECK_FALSE(f.app.session().signed_in());
    auto v = f.view("kiosk");
    CHECK(v["view"]["kiosk"] == false);
    CHECK_FALSE(v["view"].contains("accounts"));
}

TEST_CASE("the kiosk never syncs, exports or imports, while a normal device would") {
    AppFixture k(true), normal;
    const std::string id = site_account(k.site_in("131016"));
    REQUIRE(k.run({{"type", "kiosk_switch"}, {"vsys_id", id}})["ok"] == true);
    const std::string code = k.site_in("131016").code;
    REQUIRE(k.run({{"type", "update_site_info"}, {"site", code}, {"phone", "03-0000-1111"}})["ok"] == true);

    auto s = k.run({{"type", "sync"}});
    CHECK(s["error"]["code"] == "sync.kiosk");
    CHECK(k.app.sync().take_requests().empty());
    CHECK_FALSE(k.app.sync().run().running);
    CHECK(k.run({{"type", "export_bundle"}})["error"]["code"] == "sync.kiosk");
    CHECK(k.run({{"type", "import_bundle"}, {"data", "anything"}})["error"]["code"] == "sync.kiosk");
    CHECK(k.view("sync_status")["view"]["kiosk"] == true);
    CHECK(k.app.sync().state().outbox.empty());

    // The same steps on a device of the demo deployment go to the exchange.
    REQUIRE(normal.login(id));
    REQUIRE(normal.run({{"type", "sync"}})["ok"] == true);
    CHECK_FALSE(normal.app.sync().take_requests().empty());
    CHECK(normal.view("sync_status")["view"]["kiosk"] == false);
}

TEST_CASE("inside the kiosk a municipality issues a code and the site enrols a device with it") {
    AppFixture k(true);
    const std::string site = site_account(k.site_in("131016"));
    REQUIRE(k.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    auto issued = k.run({{"type", "issue_enrolment_code"}, {"vsys_id", site}});
    REQUIRE(issued["ok"] == true);
    k.logout();
    auto enrolled = k.run({{"type", "enrol"}, {"vsys_id", site}, {"code", issued["code"]}, {"password", "training-1"}});
    REQUIRE_MESSAGE(enrolled["ok"] == true, enrolled.dump());
    CHECK_FALSE(enrolled.contains("claim_at_sync"));  // claimed here, from the kiosk's own certificate
    CHECK(k.login(site, "training-1"));
    // The enrolled device's chain ends at the kiosk root too.
    const auto root = sync::kiosk_root_key(kiosk_secret(k.app)).public_hex;
    CHECK(sync::verify_chain(stored_chain(k.app, site), root, k.app.directory(), k.clock, {}, nullptr));
}

TEST_CASE("the reset removes what trainees made, keeps the device's settings, and survives a reload") {
    AppFixture k(true);
    REQUIRE(k.run({{"type", "update_settings"}, {"language", "en"}, {"device_name", "研修PC 3"}})["ok"] == true);
    const std::string id = site_account(k.site_in("131016"));
    REQUIRE(k.run({{"type", "kiosk_switch"}, {"vsys_id", id}})["ok"] == true);
    const sync::Seed first_secret = kiosk_secret(k.app);
    const std::string code = k.site_in("131016").code;
    REQUIRE(k.run({{"type", "update_site_info"}, {"site", code}, {"phone", "03-0000-2222"}})["ok"] == true);
    CHECK(k.view("kiosk")["view"]["trainee_documents"] == 1);
    CHECK(k.view("site", {{"site", code}})["view"].dump().find("03-0000-2222") != std::string::npos);

    REQUIRE(k.run({{"type", "kiosk_reset"}})["ok"] == true);
    CHECK_FALSE(k.app.session().signed_in());
    CHECK(k.view("kiosk")["view"]["trainee_documents"] == 0);
    CHECK(k.app.current("device", "kiosk", "secret") == nullptr);
    CHECK(k.app.current("device", "chain", id) == nullptr);
    CHECK(k.app.language() == Language::en);
    CHECK(k.app.settings().device_name == "研修PC 3");

    // Opened again from storage: still clean, settings kept.
    App reopened(k.storage, "/kiosk/vsys", {"0.1.0", "test", true}, [&] { return k.clock; });
    reopened.open();
    // Only the settings were kept of what was stored; the rest is the demo history, again.
    CHECK(reopened.store().pending().empty());
    std::set<std::string> history_keys;
    for (const auto& v : kiosk_history(reopened)) history_keys.insert(v.key());
    CHECK(reopened.store().keys().size() == 1 + history_keys.size());
    CHECK(reopened.language() == Language::en);
    REQUIRE(reopened.command_json(nlohmann::json{{"type", "kiosk_switch"}, {"vsys_id", id}}.dump())["ok"] == true);
    CHECK(reopened.view_json("site", nlohmann::json{{"site", code}}.dump())["view"].dump().find("03-0000-2222") ==
          std::string::npos);
    // A fresh kiosk root after the reset.
    CHECK(kiosk_secret(reopened) != first_secret);
}

TEST_CASE("the kiosk opens on the demo world's history, and a reset returns to it") {
    AppFixture k(true);
    k.clock = 1796428800;  // 2026-12-05: every history round listed (the fixture's day is before some)
    k.app.open();
    const auto history = kiosk_history(k.app);
    REQUIRE(history.size() > 100);
    for (const auto& v : history) CHECK(k.app.store().contains(v.hash));
    CHECK(k.view("kiosk")["view"]["trainee_documents"] == 0);
    REQUIRE(k.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    // 千代田区 sees the past rounds with their states, and its own ④ of a delivered round.
    std::map<std::string, std::string> states;
    const auto rounds = k.view("rounds");
    INFO(rounds.dump().substr(0, 400));
    for (const auto& r : rounds["view"]["rounds"]) states[r["code"].get<std::string>()] = r["state"].get<std::string>();
    CHECK(states["PF12_R8"] == "delivered");
    CHECK(states["TM3rd02クール"] == "locked");
    CHECK(states["PFchild02クール"] == "allocating");
    CHECK(states["PF12_R11"] == "requests");
    CHECK(states.count("PF12_R7") == 0);  // closed: no longer listed
    CHECK(states["PF12_R10"] == "requests");  // the trainees' round is untouched
    CHECK(k.app.current("muni:131016", "allocation", "PF12_R8") != nullptr);

    REQUIRE(k.run({{"type", "kiosk_reset"}})["ok"] == true);
    CHECK(k.app.store().contains(history.back().hash));
    CHECK(k.view("kiosk")["view"]["trainee_documents"] == 0);
}

TEST_SUITE_END();
