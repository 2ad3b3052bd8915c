// The browser's rounds of a sync run (sync_app.hpp, sync.js): a page killed after any round, a
// bundle that does not read back whole, answers handed over one at a time, and a run the
// browser could not go on with.
//
// [SECTION] A page killed mid-run, and a bundle that does not read back
// [SECTION] Answers one at a time, and an abandoned run
#include <doctest/doctest.h>

#include <optional>
#include <set>

#include "app_fixture.hpp"
#include "sync/replay.hpp"
#include "sync/sync_app_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::test;

// [SECTION] A page killed mid-run, and a bundle that does not read back

// Issue 11, item 2: whatever moment the page dies at, what left it was already stored. Here
// the page is killed after handing over each round of a run in turn: that round's requests
// still reach the exchange, the device reopens with only what its storage held at that moment
// (in the browser, IndexedDB: sync.js saves before it performs a round), publishes again, and
// every feed on the exchange still verifies from its first bundle: no fork, no gap.
namespace {

std::vector<std::pair<sync::TransportRequest, Result<std::string>>> perform(std::vector<sync::TransportRequest> reqs,
                                                                           sync::MemoryTransport& ex) {
    std::vector<std::pair<sync::TransportRequest, Result<std::string>>> answers;
    for (auto& r : reqs) {
        Result<std::string> a = std::string();
        if (r.kind == sync::TransportRequest::Kind::get) {
            a = ex.get(r.path);
        } else if (r.kind == sync::TransportRequest::Kind::list) {
            std::string text;
            if (auto names = ex.list(r.path))
                for (const auto& n : *names) text += n + "\n";
            a = text;
        } else if (auto st = ex.put_new(r.path, r.body); !st) {
            a = st.error();
        }
        answers.emplace_back(std::move(r), std::move(a));
    }
    return answers;
}

// Every feed of the exchange replayed from its first bundle, as `vsys verify` does.
std::vector<sync::Rejection> refusals_on(sync::MemoryTransport& ex, App& app) {
    std::vector<std::string> paths;
    for (const auto& [p, _] : ex.files)
        if (p.rfind("feeds/", 0) == 0) paths.push_back(p);
    sync::TrustState trust;
    trust.root_key = sync::demo_root_key(k_demo_seed).public_hex;
    DocumentStore store;
    return sync::replay_feeds(ex, paths, app.directory(), trust, store).rejected;
}

}  // namespace

TEST_CASE("a page killed after any round of a run never signs a second bundle under a number that left it") {
    int killed_runs = 0;
    for (int kill_round = 0; kill_round < 12; ++kill_round) {
        CAPTURE(kill_round);
        sync::MemoryTransport ex = exchange();
        AppFixture site;
        const Site& s = tottori_site(site, 6);
        REQUIRE(site.login(account_of_site(s)));
        REQUIRE(sync_with(site, ex)["enrolled"] == true);
        REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-66-0001"}})["ok"] == true);

        REQUIRE(site.run({{"type", "sync"}})["ok"] == true);
        std::optional<test::MemoryStorage> saved;
        for (int round = 0; site.app.sync().run().running; ++round) {
            auto reqs = site.app.sync().take_requests();
            if (round == kill_round) {
                saved.emplace();
                saved->files = site.storage.files;  // what the page had saved when the requests left
                perform(std::move(reqs), ex);       // they reach the exchange all the same
                break;
            }
            site.app.sync().deliver(perform(std::move(reqs), ex));
        }
        if (!saved) break;  // the run had fewer rounds: every moment was tried
        ++killed_runs;

        App reopened(*saved, "/data/vsys", {"0.1.0", "test"}, [&] { return site.clock; });
        reopened.open();
        REQUIRE(reopened.command_json(nlohmann::json{{"type", "login"}, {"vsys_id", account_of_site(s)},
                                                     {"password", k_demo_password}}
                                          .dump())["ok"] == true);
        auto st = sync_with(reopened, ex);
        CHECK(st["error"].is_null());
        CHECK(st["outbox"] == 0);
        REQUIRE(reopened.command_json(nlohmann::json{{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-66-0002"}}
                                          .dump())["ok"] == true);
        st = sync_with(reopened, ex);
        CHECK(st["error"].is_null());
        CHECK(st["outbox"] == 0);
        CHECK(refusals_on(ex, reopened).empty());

        AppFixture muni;
        REQUIRE(muni.login(muni_account(s)));
        st = sync_with(muni, ex);
        CHECK(st["rejected"].empty());
        CHECK(muni.view("site", {{"site", s.code}})["view"].dump().find("0857-66-0002") != std::string::npos);
    }
    CHECK(killed_runs >= 3);  // manifest, pull, push and read-back rounds at least
}

TEST_CASE("a run whose bundle does not read back whole ends retryable and keeps the bundle in the outbox") {
    sync::MemoryTransport ex = exchange();
    AppFixture site;
    const Site& s = tottori_site(site, 7);
    REQUIRE(site.login(account_of_site(s)));
    REQUIRE(sync_with(site, ex)["enrolled"] == true);
    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-77-0001"}})["ok"] == true);
    REQUIRE(site.run({{"type", "sync"}})["ok"] == true);
    std::string bundle;
    std::set<std::string> put;
    for (int round = 0; round < 40 && site.app.sync().run().running; ++round) {
        auto answers = perform(site.app.sync().take_requests(), ex);
        for (auto& [req, a] : answers)
            if (req.kind == sync::TransportRequest::Kind::put) put.insert(req.path);
        for (auto& [req, a] : answers)
            if (req.kind == sync::TransportRequest::Kind::get && put.count(req.path) && a) {
                bundle = req.path;
                a = a->substr(0, a->size() - 1);  // the exchange serves a cut copy
            }
        site.app.sync().deliver(answers);
    }
    auto st = site.view("sync_status")["view"];
    REQUIRE_FALSE(bundle.empty());
    CHECK(st["error"]["code"] == "transport.incomplete");
    CHECK(st["error"]["message"].get<std::string>().find(bundle) != std::string::npos);
    CHECK(st["outbox"] == 1);
    // Served whole, the next run counts it (409, read back) and the outbox empties.
    st = sync_with(site, ex);
    CHECK(st["error"].is_null());
    CHECK(st["outbox"] == 0);
    CHECK(refusals_on(ex, site.app).empty());
}

TEST_SUITE_END();

// [SECTION] Answers one at a time, and an abandoned run

TEST_CASE("answers handed over one at a time, as the browser does, sync as a round delivered whole") {
    sync::MemoryTransport ex = exchange();
    AppFixture site;
    const Site& s = tottori_site(site, 8);
    REQUIRE(site.login(account_of_site(s)));
    REQUIRE(sync_with(site, ex)["enrolled"] == true);
    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-88-0001"}})["ok"] == true);
    REQUIRE(site.run({{"type", "sync"}})["ok"] == true);
    std::int64_t done_before = 0;
    for (int round = 0; round < 40 && site.app.sync().run().running; ++round) {
        for (auto& answer : perform(site.app.sync().take_requests(), ex)) {
            site.app.sync().accept({std::move(answer)});
            const std::int64_t done = site.view("sync_status")["view"]["progress"]["done"];
            CHECK(done == done_before + 1);  // the progress moves with every answer
            done_before = done;
        }
        site.app.sync().resume();
    }
    auto st = site.view("sync_status")["view"];
    CHECK(st["error"].is_null());
    CHECK(st["outbox"] == 0);
    AppFixture muni;
    REQUIRE(muni.login(muni_account(s)));
    sync_with(muni, ex);
    CHECK(muni.view("site", {{"site", s.code}})["view"].dump().find("0857-88-0001") != std::string::npos);
}

TEST_CASE("a run the browser could not go on with (its memory ran out) ends with a message; the change waits") {
    sync::MemoryTransport ex = exchange();
    AppFixture site;
    const Site& s = tottori_site(site, 9);
    REQUIRE(site.login(account_of_site(s)));
    REQUIRE(sync_with(site, ex)["enrolled"] == true);
    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-99-0001"}})["ok"] == true);
    REQUIRE(site.run({{"type", "sync"}})["ok"] == true);
    REQUIRE_FALSE(site.app.sync().take_requests().empty());
    site.app.sync().abandon(Error{"sync.out_of_memory", "std::bad_alloc"});
    auto st = site.view("sync_status")["view"];
    CHECK(st["running"] == false);
    CHECK(st["error"]["code"] == "sync.out_of_memory");
    CHECK(st["error"]["message"].get<std::string>().find("メモリが足りず") != std::string::npos);
    CHECK(st["pending"].get<std::int64_t>() + st["outbox"].get<std::int64_t>() > 0);  // nothing lost
    site.app.sync().abandon(Error{"sync.out_of_memory", ""});  // no run: nothing happens
    st = sync_with(site, ex);  // the next run sends it
    CHECK(st["error"].is_null());
    CHECK(st["outbox"] == 0);
}
