// The app's sync runs (sync_app.hpp) against a real demo deployment in memory: browsers enrol
// with demo codes, publish what their users did, pull what concerns them, keep going offline,
// export and import bundle files, and show and resolve conflicts. The browser's rounds of a run
// (a page killed after one, answers one at a time): test_sync_rounds.cpp.
//
// [SECTION] Enrolment, store keys and publishing
// [SECTION] Offline, conflicts and bundle files carried by hand
// [SECTION] Other deployments, codes issued on a device, the training kiosk
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <set>

#include "app_fixture.hpp"
#include "core/directory/catalog.hpp"
#include "sync/demo_exchange.hpp"
#include "sync/directory.hpp"
#include "sync/replay.hpp"
#include "sync/store_credential.hpp"
#include "sync/sync_app_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::test;

// [SECTION] Enrolment, store keys and publishing

TEST_CASE("a browser enrols with a demo code, publishes its site's change, and the municipality receives it") {
    auto& ex = exchange();
    AppFixture site, muni;
    const Site& s = tottori_site(site);
    REQUIRE(site.login(account_of_site(s)));
    auto st = sync_with(site, ex);
    CHECK(st["error"].is_null());
    CHECK(st["enrolled"] == true);
    CHECK(st["last_success"].is_string());
    CHECK(st["rejected"].empty());

    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-00-1234"}})["ok"] == true);
    CHECK(site.view("sync_status")["view"]["pending"] == 1);
    st = sync_with(site, ex);
    CHECK(st["pending"] == 0);
    CHECK(st["outbox"] == 0);

    REQUIRE(muni.login(muni_account(s)));
    st = sync_with(muni, ex);
    CHECK(st["error"].is_null());
    CHECK(st["rejected"].empty());
    auto v = muni.view("site", {{"site", s.code}});
    REQUIRE(v["ok"] == true);
    CHECK(v["view"].dump().find("0857-00-1234") != std::string::npos);
}

TEST_CASE("on an exchange that needs a store key, a device without one reads and keeps its change; a refused key is not kept; a typed one is") {
    sync::MemoryTransport ex = exchange();  // a copy: nothing of this test reaches the others
    AppFixture site;
    const Site& s = tottori_site(site, 2);
    site.app.sync().require_store_key(true);
    REQUIRE(site.login(account_of_site(s)));
    auto st = sync_with(site, ex);
    CHECK(st["error"]["code"] == "sync.read_only");
    CHECK(st["enrolled"] == true);
    CHECK(st["read_only"] == true);
    CHECK(st["store_key"].is_null());
    CHECK(st["last_success"].is_string());  // the pull went through
    CHECK(st["outbox"] == 1);               // its enrolment waits
    const std::string device = site.app.session().device_public;
    const auto feeds = ex.list("feeds/" + sync::org_segment("site:" + s.code)).value();  // the demo's device only
    CHECK(std::find(feeds.begin(), feeds.end(), sync::device_id_of(device)) == feeds.end());
    CHECK(site.app.sync().summary().read_only);
    // A file under its device key's name, sealed to another key: refused, not kept.
    const sync::StoreCredential key{"site:" + s.code, "VSYSAKSITE", "secret", 1};
    REQUIRE(ex.put_new(sync::credential_path(key.org, device),
                       *sync::seal_store_credential(key, sync::generate_key_pair().public_hex)));
    st = sync_with(site, ex);
    CHECK(st["error"]["code"] == "sync.read_only");
    CHECK(st["store_key"].is_null());
    CHECK(st["outbox"] == 1);
    // The fallback: the operator's key typed in by hand; then the outbox goes up.
    auto refused = site.run({{"type", "set_store_key"}, {"key_id", "VSYS AK"}, {"secret", "x"}});
    CHECK(refused["error"]["code"] == "sync.store_key_format");
    REQUIRE(site.run({{"type", "set_store_key"}, {"key_id", "VSYSAKTYPED"}, {"secret", "typed-secret"}})["ok"] == true);
    CHECK(site.view("sync_status")["view"]["read_only"] == false);
    st = sync_with(site, ex);
    CHECK(st["error"].is_null());
    CHECK(st["store_key"]["key_id"] == "VSYSAKTYPED");
    CHECK(st["outbox"] == 0);
}

TEST_CASE("a store key the operator sealed to an enrolment code is opened by the device that claims it, kept, and used to send") {
    sync::MemoryTransport ex = exchange();
    AppFixture site;
    const Site& s = tottori_site(site, 3);
    const std::string account = account_of_site(s);
    const sync::StoreCredential key{"site:" + s.code, "VSYSAKSITE3", "the-secret", 2};
    // Sealed to every demo code of the account, as `vsys deployment s3-users` does.
    for (std::uint32_t n = 1; n <= 3; ++n) {
        auto code = sync::decode_enrolment_code(sync::demo_enrolment_code(k_demo_seed, account, n));
        REQUIRE(code);
        const std::string recipient = sync::enrolment_key(*code).public_hex;
        REQUIRE(ex.put_new(sync::credential_path(key.org, recipient, key.version), *sync::seal_store_credential(key, recipient)));
    }
    site.app.sync().require_store_key(true);
    REQUIRE(site.login(account));
    auto st = sync_with(site, ex);
    CHECK(st["error"].is_null());
    CHECK(st["read_only"] == false);
    CHECK(st["store_key"] == nlohmann::json{{"key_id", "VSYSAKSITE3"}, {"version", 2}});
    CHECK(st["outbox"] == 0);
    const auto feeds = ex.list("feeds/" + sync::org_segment(key.org)).value();
    CHECK(std::find(feeds.begin(), feeds.end(), sync::device_id_of(site.app.session().device_public)) != feeds.end());
    auto kept = site.app.sync().store_key();
    REQUIRE(kept);
    CHECK(kept->secret_key == "the-secret");
    // Never in a document (so never in a bundle or an export).
    for (const auto* v : site.app.store().all()) CHECK(v->body.dump().find("the-secret") == std::string::npos);
}

// [SECTION] Offline, conflicts and bundle files carried by hand

TEST_CASE("offline, the change waits through a reload and goes up when the exchange returns") {
    sync::MemoryTransport ex = exchange();  // a copy: this test's own deployment
    AppFixture site;
    const Site& s = tottori_site(site, 1);
    REQUIRE(site.login(account_of_site(s)));
    REQUIRE(sync_with(site, ex)["enrolled"] == true);
    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-11-2222"}})["ok"] == true);
    ex.offline = true;
    auto st = sync_with(site, ex);
    CHECK(st["error"]["code"] == "transport.offline");
    CHECK(st["pending"] == 1);

    // The tab is closed and opened again: nothing is lost.
    App reopened(site.storage, "/data/vsys", {"0.1.0", "test"}, [&] { return site.clock; });
    reopened.open();
    REQUIRE(reopened.command_json(nlohmann::json{{"type", "login"}, {"vsys_id", account_of_site(s)},
                                                 {"password", k_demo_password}}
                                      .dump())["ok"] == true);
    CHECK(reopened.view_json("sync_status", "{}")["view"]["pending"] == 1);
    ex.offline = false;
    st = sync_with(reopened, ex);
    CHECK(st["error"].is_null());
    CHECK(st["outbox"] == 0);
    CHECK(st["pending"] == 0);
    CHECK(st["report"]["pushed"] == 1);

    // Signed once: reopened again, nothing waits and nothing is sent twice.
    App third(site.storage, "/data/vsys", {"0.1.0", "test"}, [&] { return site.clock; });
    third.open();
    CHECK(third.store().pending().empty());
    CHECK(third.sync().state().outbox.empty());
}

TEST_CASE("two devices of one site edit the same document: the conflict is shown with both versions and resolved") {
    sync::MemoryTransport ex = exchange();
    AppFixture a, b, muni;
    const Site& s = tottori_site(a, 2);
    REQUIRE(a.login(account_of_site(s)));
    REQUIRE(b.login(account_of_site(s)));
    REQUIRE(sync_with(a, ex)["enrolled"] == true);
    REQUIRE(sync_with(b, ex)["enrolled"] == true);  // took the next unclaimed code
    REQUIRE(a.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-22-0001"}})["ok"] == true);
    REQUIRE(b.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-22-0002"}})["ok"] == true);
    sync_with(a, ex);
    auto st = sync_with(b, ex);
    CHECK(st["rejected"].empty());
    REQUIRE(st["conflicts"].size() == 1);
    const auto& heads = st["conflicts"][0]["heads"];
    REQUIRE(heads.size() == 2);
    const std::string key = st["conflicts"][0]["key"];
    // Shown by what a user calls it, never by its key or its members' names (issue 13 item 5).
    CHECK(st["conflicts"][0]["title"] == "医療機関の情報（" + s.name + "）");
    for (const auto& h : heads) {
        const std::string summary = h["summary"];
        CHECK(summary.find("電話番号: 0857-22-000") != std::string::npos);
        CHECK(summary.find("contact") == std::string::npos);
        CHECK(summary.find("phone") == std::string::npos);
        CHECK(summary.find("insurance") == std::string::npos);  // the code's kind by its name
        CHECK(summary.find(s.municipality) == std::string::npos);  // the municipality by its name
        CHECK(summary.find("形式の版") == std::string::npos);      // the format's version says nothing here
        CHECK(summary.find("種類: 医療機関") != std::string::npos);  // the site's kind by its name, not "site"
        CHECK(summary.find("[") == std::string::npos);            // lists by how many, not "[2]"
    }
    std::string keep;
    for (const auto& h : heads)
        if (h["body"].dump().find("0857-22-0001") != std::string::npos) keep = h["hash"];
    REQUIRE_FALSE(keep.empty());
    // The local edit was not overwritten: both are there until someone chooses.
    REQUIRE(b.run({{"type", "resolve_conflict"}, {"key", key}, {"keep", keep}})["ok"] == true);
    CHECK(sync_with(b, ex)["conflicts"].empty());
    CHECK(sync_with(a, ex)["conflicts"].empty());
    REQUIRE(muni.login(muni_account(s)));
    st = sync_with(muni, ex);
    CHECK(st["conflicts"].empty());
    CHECK(muni.view("site", {{"site", s.code}})["view"].dump().find("0857-22-0001") != std::string::npos);
}

TEST_CASE("a conflict over one of several documents of an organisation is titled by the document's name, never its id") {
    sync::MemoryTransport ex = exchange();
    AppFixture a, b;
    // A Tottori hub: the sites that report requests of a round (希望量).
    const Site* hub = nullptr;
    for (const auto& site : a.app.directory().demo().sites)
        if (site.kind == SiteKind::site && site.municipality.rfind("31", 0) == 0 && site.vaccines.has(VaccineCategory::pfizer_hub)) {
            hub = &site;
            break;
        }
    REQUIRE(hub);
    const Site& s = *hub;
    REQUIRE(a.login(account_of_site(s)));
    REQUIRE(b.login(account_of_site(s)));
    REQUIRE(sync_with(a, ex)["enrolled"] == true);
    REQUIRE(sync_with(b, ex)["enrolled"] == true);
    // The first round this site may report a request for: each device reports its own number.
    std::string round;
    const nlohmann::json rounds = a.view("rounds");  // kept: the loop reads into it
    for (const auto& r : rounds["view"]["rounds"]) {
        const std::string code = r["code"];
        if (a.run({{"type", "report_request"}, {"site", s.code}, {"round", code}, {"boxes", 3}})["ok"] == true) {
            round = code;
            break;
        }
    }
    REQUIRE_FALSE(round.empty());
    REQUIRE(b.run({{"type", "report_request"}, {"site", s.code}, {"round", round}, {"boxes", 5}})["ok"] == true);
    sync_with(a, ex);
    auto st = sync_with(b, ex);
    REQUIRE(st["conflicts"].size() == 1);
    const Round* r = Catalog::builtin().find_round(round);
    REQUIRE(r);
    const std::string title = st["conflicts"][0]["title"];
    CHECK(title == "希望量：" + r->name + "（" + s.name + "）");
    CHECK(title.find(round) == std::string::npos);
    REQUIRE(b.run({{"type", "update_settings"}, {"language", "en"}})["ok"] == true);
    CHECK(b.view("sync_status")["view"]["conflicts"][0]["title"] == "Request: " + r->name + " (" + s.name + ")");
}

TEST_CASE("a bundle file carried to another browser imports and verifies; altered, it is refused whole") {
    sync::MemoryTransport ex = exchange();
    AppFixture site, muni;
    const Site& s = tottori_site(site, 3);
    REQUIRE(site.login(account_of_site(s)));
    REQUIRE(sync_with(site, ex)["enrolled"] == true);
    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-33-3333"}})["ok"] == true);
    auto exported = site.run({{"type", "export_bundle"}});
    REQUIRE(exported["ok"] == true);
    const std::string data = exported["data"];
    CHECK(exported["file_name"].get<std::string>().find(".vsysbundle") != std::string::npos);

    REQUIRE(muni.login(muni_account(s)));
    sync_with(muni, ex);
    std::string altered = data;
    altered[altered.size() / 2] ^= 1;
    auto bad = muni.run({{"type", "import_bundle"}, {"data", altered}});
    CHECK(bad["ok"] == false);
    CHECK(bad["error"]["code"].get<std::string>().rfind("archive.", 0) == 0);
    auto in = muni.run({{"type", "import_bundle"}, {"data", data}});
    REQUIRE(in["ok"] == true);
    CHECK(in["accepted"] == 1);
    CHECK(in["rejected"].empty());
    CHECK(muni.view("site", {{"site", s.code}})["view"].dump().find("0857-33-3333") != std::string::npos);
    auto again = muni.run({{"type", "import_bundle"}, {"data", data}});
    CHECK(again["accepted"] == 0);
    CHECK(again["skipped"] == 1);
    // The same bundle arriving later through the exchange changes nothing.
    sync_with(site, ex);
    auto st = sync_with(muni, ex);
    CHECK(st["rejected"].empty());
}

// [SECTION] Other deployments, codes issued on a device, the training kiosk

TEST_CASE("an exchange of another deployment is refused before anything is read from it") {
    sync::MemoryTransport ex;
    sync::DeploymentManifest m;
    m.root_key = std::string(64, 'a');
    m.created = "2022-01-01T00:00:00Z";
    ex.put_new(sync::k_manifest_path, sync::encode_manifest(m));
    AppFixture f;
    REQUIRE(f.login(account_of_site(tottori_site(f))));
    auto st = sync_with(f, ex);
    CHECK(st["error"]["code"] == "sync.wrong_root");
    CHECK(ex.gets == 1);
    sync::MemoryTransport empty;
    CHECK(sync_with(f, empty)["error"]["code"] == "sync.no_deployment");
}

TEST_CASE("a code issued by the municipality on its device enrols a new device elsewhere, through the exchange") {
    sync::MemoryTransport ex = exchange();
    AppFixture muni, clinic;
    const Site& s = tottori_site(muni, 4);
    REQUIRE(muni.login(muni_account(s)));
    REQUIRE(sync_with(muni, ex)["enrolled"] == true);
    auto issued = muni.run({{"type", "issue_enrolment_code"}, {"vsys_id", account_of_site(s)}});
    REQUIRE(issued["ok"] == true);
    const std::string code = issued["code"];
    CHECK(sync_with(muni, ex)["error"].is_null());  // the enrolment document and its lookup file go up

    // The clinic's PC has never seen this code: it is checked for form, kept, and claimed at sync.
    CHECK(clinic.run({{"type", "enrol"}, {"vsys_id", account_of_site(s)}, {"code", "NOT-A-CODE"}, {"password", "clinic-pass-1"}})["ok"] ==
          false);
    auto enrolled = clinic.run({{"type", "enrol"}, {"vsys_id", account_of_site(s)}, {"code", code}, {"password", "clinic-pass-1"}});
    REQUIRE(enrolled["ok"] == true);
    CHECK(enrolled["claim_at_sync"] == true);
    REQUIRE(clinic.login(account_of_site(s), "clinic-pass-1"));
    auto st = sync_with(clinic, ex);
    CHECK(st["error"].is_null());
    CHECK(st["enrolled"] == true);
    // The municipality's bundle with the code's certificate is taken by its readers (the
    // document's id is the code's key, as every reader checks).
    CHECK_MESSAGE(st["rejected"].empty(), st["rejected"].dump());

    // A second device trying the same code later is refused: the code is spent.
    AppFixture other;
    REQUIRE(other.run({{"type", "enrol"}, {"vsys_id", account_of_site(s)}, {"code", code}, {"password", "other-pass-1"}})["ok"] == true);
    REQUIRE(other.login(account_of_site(s), "other-pass-1"));
    st = sync_with(other, ex);
    CHECK(st["enrolled"] == false);
    CHECK(st["error"]["code"] == "sync.no_enrolment");
}

TEST_CASE("a bundle signed in the training kiosk and put on the exchange by hand is refused by the deployment") {
    sync::MemoryTransport ex = exchange();
    AppFixture kiosk(true), muni;
    const Site& s = tottori_site(kiosk, 5);
    REQUIRE(kiosk.run({{"type", "kiosk_switch"}, {"vsys_id", account_of_site(s)}})["ok"] == true);
    REQUIRE(kiosk.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-55-5555"}})["ok"] == true);

    // The kiosk itself never sends it; here someone builds the bundle from its keys and pushes it.
    const auto* chain_doc = kiosk.app.current("device", "chain", account_of_site(s));
    REQUIRE(chain_doc);
    sync::FeedWriter writer{site_org_id(s), kiosk.app.session().device_key, {}, 0, ""};
    for (const auto& c : chain_doc->body["chain"]) writer.chain.push_back(*sync::certificate_from_json(c));
    const auto* edit = kiosk.app.current(site_org_id(s), "site_info", "main");
    REQUIRE(edit);
    sync::SyncState state;
    sync::TrustState trust;
    REQUIRE(sync::queue_bundle(writer, state, trust, {*edit}, {}, kiosk.clock));
    DocumentStore scratch;
    auto pushed = sync::sync_once(ex, kiosk.app.directory(), site_org_id(s), state, trust, scratch, kiosk.clock);
    REQUIRE(pushed.pushed == 1);

    REQUIRE(muni.login(muni_account(s)));
    auto st = sync_with(muni, ex);
    REQUIRE(st["rejected"].size() == 1);
    CHECK(st["rejected"][0]["code"] == "cert.issuer");
    CHECK(muni.view("site", {{"site", s.code}})["view"].dump().find("0857-55-5555") == std::string::npos);
}

TEST_SUITE_END();
