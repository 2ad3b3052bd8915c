#include <doctest/doctest.h>

#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"
#include "sync/demo_exchange.hpp"
#include "sync/directory.hpp"
#include "sync/exchange.hpp"
#include "sync/hierarchy_relations.hpp"
#include "sync/replay.hpp"
#include "small_demo.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;

namespace {

// A small national data set (one site per municipality and a few more), written for Tottori
// (19 municipalities): fast enough for the wasm test run.
struct SmallDemo : vsys::testing::SmallDemoWorld {
    MemoryTransport ex;
    DemoExchangeOptions options;
    DemoExchangeReport report;

    explicit SmallDemo(std::string prefecture = "310000", bool site_devices = true) {
        options.now = *parse_utc("2021-06-01T09:00:00Z");
        options.prefecture = std::move(prefecture);
        options.site_devices = site_devices;
        report = *write_demo_exchange(data, tree, options, ex);
    }
    std::vector<std::string> paths(const std::string& prefix) const {
        std::vector<std::string> out;
        for (const auto& [path, bytes] : ex.files)
            if (path.compare(0, prefix.size(), prefix) == 0) out.push_back(path);
        return out;
    }
    const DemoAccount& account(const std::string& org) const {
        for (const auto& a : data.accounts)
            if (a.org == org) return a;
        FAIL("no account for " << org);
        return data.accounts.front();
    }
};

}  // namespace

TEST_CASE("every bundle of the demo deployment verifies and applies as any client would check it") {
    SmallDemo demo;
    HierarchyRelations rel(demo.tree);
    TrustState trust;
    trust.root_key = demo_root_key(7).public_hex;
    DocumentStore store;
    auto feeds = demo.paths("feeds/");
    CHECK(feeds.size() == demo.report.bundles);
    auto rep = replay_feeds(demo.ex, feeds, rel, trust, store);
    CHECK(rep.rejected.empty());
    CHECK(rep.accepted.size() == feeds.size());
    CHECK(store.size() == demo.report.documents);
    // The nation, Tottori, its 19 municipalities and their sites, its federation and support.
    std::size_t expected = 1 + 1 + 2;
    for (OrgIndex m : demo.tree.children(demo.tree.find("pref:310000")))
        expected += 1 + demo.tree.children(m).size();
    CHECK(demo.report.organisations == expected);
    CHECK(demo.tree.find("muni:312011") != k_no_org);
    CHECK(trust.feeds.size() == expected);
}

TEST_CASE("demo master data arrive as documents of their owners: site_info of a site, population of a municipality") {
    SmallDemo demo;
    HierarchyRelations rel(demo.tree);
    TrustState trust;
    trust.root_key = demo_root_key(7).public_hex;
    DocumentStore store;
    replay_feeds(demo.ex, demo.paths("feeds/"), rel, trust, store);
    const auto* pop = store.current("muni:312011/population/main");
    REQUIRE(pop);
    for (const auto& p : demo.data.populations)
        if (p.code == "312011") CHECK(pop->body["total"].get<std::int64_t>() == p.total);
    std::size_t site_infos = 0, accounts = 0;
    for (const auto* d : store.all()) {
        site_infos += d->kind == "site_info";
        accounts += d->kind == "account";
        if (d->kind == "site_info") CHECK(site_from_json(d->body));
    }
    CHECK(accounts == demo.report.organisations);
    std::size_t sites = 0;
    for (OrgIndex m : demo.tree.children(demo.tree.find("pref:310000"))) sites += demo.tree.children(m).size();
    CHECK(site_infos == sites);
}

TEST_CASE("without site devices, each municipality publishes its sites' master data as verified proxy versions") {
    SmallDemo demo("310000", false);
    HierarchyRelations rel(demo.tree);
    TrustState trust;
    trust.root_key = demo_root_key(7).public_hex;
    DocumentStore store;
    auto rep = replay_feeds(demo.ex, demo.paths("feeds/"), rel, trust, store);
    CHECK(rep.rejected.empty());
    CHECK(store.size() == demo.report.documents);
    CHECK(demo.paths("feeds/site_").empty());
    std::size_t proxies = 0;
    for (const auto* d : store.all())
        if (d->kind == "site_info") {
            CHECK(d->proxy);
            CHECK(rel.parent_of(d->owner).rfind("muni:", 0) == 0);
            ++proxies;
        }
    std::size_t sites = 0;
    for (OrgIndex m : demo.tree.children(demo.tree.find("pref:310000"))) sites += demo.tree.children(m).size();
    CHECK(proxies == sites);
    CHECK(demo.report.organisations == 1 + 1 + 2 + demo.tree.children(demo.tree.find("pref:310000")).size() + sites);
}

TEST_CASE("the demo deployment is the same bytes for the same seed and time") {
    SmallDemo a, b;
    CHECK(a.ex.files == b.ex.files);
    CHECK(a.report.root_key == demo_root_key(7).public_hex);
    CHECK(demo_root_key(8).public_hex != a.report.root_key);
}

TEST_CASE("a municipality syncing the demo exchange pulls its subtree and its ancestors' news, nothing else") {
    SmallDemo demo;
    HierarchyRelations rel(demo.tree);
    TrustState trust;
    trust.root_key = demo_root_key(7).public_hex;
    DocumentStore store;
    SyncState state;
    auto rep = sync_once(demo.ex, rel, "muni:312011", state, trust, store, demo.options.now + 3600);
    CHECK(rep.complete);
    CHECK(rep.rejected == 0);
    const std::size_t sites = demo.tree.children(demo.tree.find("muni:312011")).size();
    // Its own feed, its sites' feeds, the prefecture's and the nation's.
    CHECK(rep.accepted == 1 + sites + 1 + 1);
    CHECK(trust.feeds.count("muni:312012/" + device_id_of(demo_device_key(7, "muni:312012").public_hex)) == 0);
}

TEST_CASE("a browser enrols with a demo code found through its lookup file, and the code works only once") {
    SmallDemo demo;
    HierarchyRelations rel(demo.tree);
    const std::string org = demo.tree.id(demo.tree.children(demo.tree.find("muni:312011")).front());
    const DemoAccount& acc = demo.account(org);
    const std::string code = demo_enrolment_code(7, acc.vsys_id, 1);
    const KeyPair code_key = enrolment_key(*decode_enrolment_code(code));
    auto entry_text = demo.ex.get(enrolment_entry_path(code_key.public_hex));
    REQUIRE(entry_text);
    auto entry = parse_enrolment_entry(*entry_text);
    REQUIRE(entry);
    CHECK(check_enrolment_entry(*entry, demo_root_key(7).public_hex, rel));

    // The reader has the whole demo exchange; the new device's first bundle verifies there.
    TrustState trust;
    trust.root_key = demo_root_key(7).public_hex;
    DocumentStore store;
    replay_feeds(demo.ex, demo.paths("feeds/"), rel, trust, store);
    const UtcTime later = demo.options.now + 10 * k_seconds_per_day;
    Seed s1{}, s2{};
    s1[0] = 1;
    s2[0] = 2;
    auto first = claim_enrolment(code, entry->enrolment, entry->issuer_chain, trust.spent, key_pair_from_seed(s1), later);
    REQUIRE(first);
    FeedWriter feed{org, first->device, first->chain, 0, ""};
    auto bundle = *write_bundle(feed, later, {first->document}, {});
    VerifyContext ctx{trust, store, rel};
    Verdict v = verify_bundle(bundle.bytes, bundle.name, ctx);
    CHECK(v.error.code == "");
    REQUIRE(commit(v, trust, store));

    auto second = claim_enrolment(code, entry->enrolment, entry->issuer_chain, trust.spent, key_pair_from_seed(s2), later);
    REQUIRE_FALSE(second);
    CHECK(second.error().code == "enrolment.spent");
}

TEST_CASE("every demo enrolment lookup file checks against the demo root; an unknown prefecture is refused") {
    SmallDemo demo;
    HierarchyRelations rel(demo.tree);
    auto lookups = demo.paths("directory/enrolment/");
    CHECK(lookups.size() == demo.report.lookup_files);
    CHECK(lookups.size() == demo.report.organisations);
    for (const auto& p : lookups) {
        auto e = parse_enrolment_entry(demo.ex.files[p]);
        REQUIRE(e);
        CHECK(check_enrolment_entry(*e, demo_root_key(7).public_hex, rel));
        CHECK_FALSE(check_enrolment_entry(*e, demo_root_key(8).public_hex, rel));
    }
    MemoryTransport ex;
    DemoExchangeOptions o;
    o.prefecture = "990000";
    auto r = write_demo_exchange(demo.data, demo.tree, o, ex);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "demo.prefecture");
}

TEST_CASE("deployment.json round-trips and refuses a malformed root") {
    DeploymentManifest m{std::string(64, 'a'), "2021-06-01T00:00:00Z", true, 7, 1800, 20, "310000"};
    auto back = parse_manifest(encode_manifest(m));
    REQUIRE(back);
    CHECK(back->root_key == m.root_key);
    CHECK(back->demo);
    CHECK(back->seed == 7);
    CHECK(back->prefecture == "310000");
    DeploymentManifest plain{std::string(64, 'b'), "2021-06-01T00:00:00Z"};
    CHECK_FALSE(parse_manifest(encode_manifest(plain))->demo);
    CHECK(parse_manifest("{\"schema\":1,\"root\":\"ab\",\"created\":\"2021-06-01T00:00:00Z\"}").error().code ==
          "deployment.manifest");
}

TEST_SUITE_END();
