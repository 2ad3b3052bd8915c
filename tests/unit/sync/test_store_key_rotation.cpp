// The organisation's store key over its life on a device (PROTOCOL §15 "Rotation", "The key at
// rest"): the operator rotates it and the store refuses the old one (a test double for the store
// injects the 403, as RGW answers a removed key); the device fetches the sealed key again once,
// keeps a newer version and sends in the same run, or ends the run saying the key was refused
// with its outbox intact. The key is kept sealed to the account's device key, and a key file in
// the clear form of earlier builds is sealed on first read.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <set>

#include "app_fixture.hpp"
#include "sync/demo_exchange.hpp"
#include "sync/directory.hpp"
#include "sync/store_credential.hpp"
#include "sync/sync_app_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::test;

namespace {

// Every byte the device stored, as one text to search.
std::string stored_bytes(const AppFixture& f) {
    std::string all;
    for (const auto& [path, bytes] : f.storage.files) all += path + "\n" + bytes + "\n";
    return all;
}

}  // namespace

TEST_CASE("a store key refused after a rotation is fetched again: version 2 is kept and the same run publishes the bundle") {
    sync::MemoryTransport ex = exchange();
    AppFixture site;
    const Site& s = tottori_site(site, 4);
    site.app.sync().require_store_key(true);
    REQUIRE(site.login(account_of_site(s)));
    const std::string device = site.app.session().device_public;
    StoreKeys store{{"VSYSAKV1"}};
    seal_for(ex, site_key(s, 1), device);
    auto st = sync_with(site, ex, store.fault(site.app));
    REQUIRE(st["error"].is_null());
    REQUIRE(st["store_key"]["version"] == 1);
    REQUIRE(st["outbox"] == 0);

    // The operator rotates: version 2 sealed beside version 1, the old key removed at the store.
    seal_for(ex, site_key(s, 2), device);
    store.valid = {"VSYSAKV2"};
    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-44-0002"}})["ok"] == true);
    const std::size_t feed_before = ex.list("feeds/" + sync::org_segment("site:" + s.code) + "/" + sync::device_id_of(device))->size();
    st = sync_with(site, ex, store.fault(site.app));
    CHECK(st["error"].is_null());
    CHECK(store.refused == 1);  // refused once, then sent with version 2
    CHECK(st["store_key"] == nlohmann::json{{"key_id", "VSYSAKV2"}, {"version", 2}});
    CHECK(st["key_refused"] == false);
    CHECK(st["outbox"] == 0);
    CHECK(st["pending"] == 0);
    CHECK(st["report"]["pushed"] == 1);
    CHECK(ex.list("feeds/" + sync::org_segment("site:" + s.code) + "/" + sync::device_id_of(device))->size() == feed_before + 1);
    CHECK_FALSE(site.app.sync().summary().key_refused);
    // Kept for the next run: nothing refused, nothing fetched again.
    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-44-0003"}})["ok"] == true);
    st = sync_with(site, ex, store.fault(site.app));
    CHECK(st["error"].is_null());
    CHECK(store.refused == 1);
}

TEST_CASE("a store key refused with nothing newer ends the run sync.key_refused, once, with the outbox intact; a later key sends it") {
    sync::MemoryTransport ex = exchange();
    AppFixture site;
    const Site& s = tottori_site(site, 5);
    site.app.sync().require_store_key(true);
    REQUIRE(site.login(account_of_site(s)));
    const std::string device = site.app.session().device_public;
    StoreKeys store{{"VSYSAKV1"}};
    seal_for(ex, site_key(s, 1), device);
    REQUIRE(sync_with(site, ex, store.fault(site.app))["error"].is_null());

    // The old key removed at the store, the new one not sealed to this device yet.
    store.valid = {"VSYSAKV2"};
    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-55-0001"}})["ok"] == true);
    auto st = sync_with(site, ex, store.fault(site.app));
    CHECK(st["error"]["code"] == "sync.key_refused");
    CHECK(st["key_refused"] == true);
    CHECK(st["read_only"] == false);  // it holds a key; the store refuses it
    CHECK(store.refused == 1);        // the push refused once, never retried with the same key
    CHECK(st["outbox"] == 1);         // the bundle waits
    CHECK(st["pending"] == 1);        // the change it holds, not yet on the exchange
    CHECK(st["store_key"]["version"] == 1);
    const std::string message = st["error"]["message"];
    CHECK(message.find("VSYSAKV1") != std::string::npos);
    CHECK(site.app.sync().summary().key_refused);
    CHECK_FALSE(site.app.sync().summary().exchange_unreachable);

    // An hour later, the next run: the outbox's PUT (pull phase) refused once; the run still
    // reads the exchange through, then ends the same way.
    site.clock += 3600;
    st = sync_with(site, ex, store.fault(site.app));
    CHECK(st["error"]["code"] == "sync.key_refused");
    CHECK(store.refused == 2);
    CHECK(st["outbox"] == 1);
    CHECK(st["last_success"] == sync::format_utc(site.clock));

    // The operator seals version 2 to this device: the next run sends what waited.
    seal_for(ex, site_key(s, 2), device);
    st = sync_with(site, ex, store.fault(site.app));
    CHECK(st["error"].is_null());
    CHECK(store.refused == 3);
    CHECK(st["store_key"]["version"] == 2);
    CHECK(st["outbox"] == 0);
    CHECK_FALSE(site.app.sync().summary().key_refused);
}

TEST_CASE("a write that fails as if offline while reads go through (an unknown key's 403 without CORS) fetches the key again; nothing newer ends offline, outbox intact") {
    sync::MemoryTransport ex = exchange();
    AppFixture site;
    const Site& s = tottori_site(site, 8);
    site.app.sync().require_store_key(true);
    REQUIRE(site.login(account_of_site(s)));
    const std::string device = site.app.session().device_public;
    seal_for(ex, site_key(s, 1), device);
    REQUIRE(sync_with(site, ex)["error"].is_null());
    // The store no longer knows version 1's key and answers without CORS: the page sees no answer.
    int blind = 0;
    const PutFault no_cors = [&](const sync::TransportRequest&) -> std::optional<Error> {
        const auto key = site.app.sync().store_key();
        if (key && key->version >= 2) return std::nullopt;
        ++blind;
        return Error{"transport.offline", "the exchange cannot be reached", {{"detail", "Failed to fetch"}}};
    };
    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-88-0001"}})["ok"] == true);
    auto st = sync_with(site, ex, no_cors);
    CHECK(st["error"]["code"] == "transport.offline");  // nothing newer: it may well have been offline
    CHECK(blind == 1);
    CHECK(st["outbox"] == 1);
    CHECK(st["store_key"]["version"] == 1);
    seal_for(ex, site_key(s, 2), device);
    st = sync_with(site, ex, no_cors);
    CHECK(st["error"].is_null());
    CHECK(blind == 2);
    CHECK(st["store_key"]["version"] == 2);
    CHECK(st["outbox"] == 0);
}

TEST_CASE("the store key is kept sealed to the account's device key: no secret in the device's storage, opened at sign-in") {
    sync::MemoryTransport ex = exchange();
    AppFixture site;
    const Site& s = tottori_site(site, 6);
    site.app.sync().require_store_key(true);
    REQUIRE(site.login(account_of_site(s)));
    const std::string device = site.app.session().device_public;
    seal_for(ex, site_key(s, 3), device);
    REQUIRE(sync_with(site, ex)["store_key"]["version"] == 3);
    CHECK(stored_bytes(site).find("secret-of-version-3") == std::string::npos);
    // Typed in by hand: sealed the same way.
    REQUIRE(site.run({{"type", "set_store_key"}, {"key_id", "VSYSAKTYPED"}, {"secret", "typed-by-hand-secret"}})["ok"] == true);
    CHECK(stored_bytes(site).find("typed-by-hand-secret") == std::string::npos);
    // A fresh page: signed out, nothing to open with; signed in, the key opens in memory.
    App reopened(site.storage, "/data/vsys", {"0.1.0", "test"}, [&] { return site.clock; });
    reopened.open();
    reopened.sync().require_store_key(true);
    CHECK_FALSE(reopened.sync().store_key());
    REQUIRE(reopened.command_json(nlohmann::json{{"type", "login"}, {"vsys_id", account_of_site(s)},
                                                 {"password", k_demo_password}}
                                      .dump())["ok"] == true);
    auto kept = reopened.sync().store_key();
    REQUIRE(kept);
    CHECK(kept->secret_key == "typed-by-hand-secret");
}

TEST_CASE("a store key file in the old clear form is read once, sealed to the device key and the clear file removed") {
    sync::MemoryTransport ex = exchange();
    AppFixture site;
    const Site& s = tottori_site(site, 7);
    const std::string org = "site:" + s.code;
    const std::string clear_path = "/data/vsys/sync/store-key-" + sync::org_segment(org) + ".json";
    // As earlier builds wrote it.
    site.storage.files[clear_path] = nlohmann::json{{"access_key", "VSYSAKCLEAR"}, {"key_id", "VSYSAKCLEAR"}, {"org", org},
                                                    {"secret_key", "the-clear-secret"}, {"version", 1}}
                                         .dump();
    site.app.sync().require_store_key(true);
    REQUIRE(site.login(account_of_site(s)));
    auto st = site.view("sync_status")["view"];
    CHECK(st["read_only"] == false);
    CHECK(st["store_key"]["key_id"] == "VSYSAKCLEAR");
    CHECK(site.storage.files.count(clear_path) == 0);
    CHECK(stored_bytes(site).find("the-clear-secret") == std::string::npos);
    const std::string sealed_path = "/data/vsys/sync/store-key-" + sync::org_segment(org) + "-" +
                                    sync::device_id_of(site.app.session().device_public) + ".json";
    REQUIRE(site.storage.files.count(sealed_path) == 1);
    auto opened = sync::open_store_credential(site.storage.files[sealed_path], site.app.session().device_key, org);
    REQUIRE(opened);
    CHECK(opened->secret_key == "the-clear-secret");
    // And it writes with it.
    StoreKeys store{{"VSYSAKCLEAR"}};
    st = sync_with(site, ex, store.fault(site.app));
    CHECK(st["error"].is_null());
    CHECK(st["outbox"] == 0);
    CHECK(store.refused == 0);
}

TEST_SUITE_END();
