// The 同期 panel's typed contract (app/sync/sync_contract.hpp): what the screen reads typed is
// what window.vsys reads as JSON, one codec apart; the typed commands act as their JSON twins;
// a conflict's versions are summarised for the screen as members, never as raw JSON.
#include <doctest/doctest.h>

#include "app/sync/sync_contract.hpp"
#include "sync_app_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::test;

TEST_CASE("the typed sync status is the sync_status view, and a conflict's versions read as members") {
    sync::MemoryTransport ex = exchange();
    AppFixture a, b;
    const Site& s = tottori_site(a, 4);
    REQUIRE(a.login(account_of_site(s)));
    REQUIRE(b.login(account_of_site(s)));
    REQUIRE(sync_with(a, ex)["enrolled"] == true);
    REQUIRE(sync_with(b, ex)["enrolled"] == true);
    REQUIRE(a.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-44-0001"}})["ok"] == true);
    REQUIRE(b.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-44-0002"}})["ok"] == true);
    sync_with(a, ex);
    const nlohmann::json st = sync_with(b, ex);
    auto typed = b.app.ask(SyncStatusQuery{});
    REQUIRE(typed);
    CHECK(to_json(*typed) == st);
    REQUIRE(typed->conflicts.size() == 1);
    REQUIRE(typed->conflicts[0].heads.size() == 2);
    std::string keep;
    for (const auto& h : typed->conflicts[0].heads) {
        CHECK(h.summary.find("電話番号: 0857-44-000") != std::string::npos);  // by its label, not "contact.phone"
        CHECK(h.summary.find('{') == std::string::npos);
        CHECK(h.summary.find("_resolves") == std::string::npos);
        if (h.summary.find("0857-44-0001") != std::string::npos) keep = h.hash;
    }
    REQUIRE_FALSE(keep.empty());
    // The typed command is checked and applied as the JSON one: a wrong hash refused alike.
    auto wrong = b.app.run(ResolveConflict{typed->conflicts[0].key, "nope"});
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == "sync.unknown_version");
    CHECK(b.run({{"type", "resolve_conflict"}, {"key", typed->conflicts[0].key}, {"keep", "nope"}})["error"]["code"] ==
          "sync.unknown_version");
    REQUIRE(b.app.run(ResolveConflict{typed->conflicts[0].key, keep}));
    CHECK(b.app.ask(SyncStatusQuery{})->conflicts.empty());
}

TEST_CASE("a typed export and import answer what window.vsys answers for the same file") {
    sync::MemoryTransport ex = exchange();
    AppFixture site, first, second;
    const Site& s = tottori_site(site, 5);
    REQUIRE(site.login(account_of_site(s)));
    REQUIRE(sync_with(site, ex)["enrolled"] == true);
    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-55-5555"}})["ok"] == true);
    auto file = site.app.run(ExportBundle{});
    REQUIRE(file);
    CHECK(file->file_name.find(".vsysbundle") != std::string::npos);
    CHECK_FALSE(file->data.empty());
    CHECK(site.app.sync().state().outbox.size() == 1);  // signed once, kept until it is on the exchange

    REQUIRE(first.login(muni_account(s)));
    REQUIRE(second.login(muni_account(s)));
    sync_with(first, ex);
    sync_with(second, ex);
    auto typed = first.app.run(ImportBundle{file->data});
    REQUIRE(typed);
    CHECK(typed->accepted == 1);
    nlohmann::json answered = second.run({{"type", "import_bundle"}, {"data", file->data}});
    REQUIRE(answered["ok"] == true);
    const nlohmann::json members = to_json(*typed);
    for (auto it = members.begin(); it != members.end(); ++it) CHECK(answered[it.key()] == it.value());
    // A damaged file is refused by the typed path with the JSON path's code.
    std::string damaged = file->data;
    damaged[damaged.size() / 2] ^= 0x20;
    auto refused = first.app.run(ImportBundle{damaged});
    nlohmann::json refused_json = second.run({{"type", "import_bundle"}, {"data", damaged}});
    if (refused) CHECK(to_json(*refused)["rejected"] == refused_json["rejected"]);
    else CHECK(refused.error().code == refused_json["error"]["code"]);
}
