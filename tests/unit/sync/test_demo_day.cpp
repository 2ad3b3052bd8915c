#include <doctest/doctest.h>

#include "core/allocation/chain_documents.hpp"
#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"
#include "sync/demo_day.hpp"
#include "sync/demo_exchange.hpp"
#include "sync/exchange.hpp"
#include "sync/hierarchy_relations.hpp"
#include "sync/pack.hpp"
#include "sync/pending_transport.hpp"
#include "small_demo.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;

namespace {

// Tottori's demo deployment of a small data set, written on day 1 and packed that evening.
struct DemoDays : vsys::testing::SmallDemoWorld {
    MemoryTransport ex;
    UtcTime day1 = *parse_utc("2021-06-01T09:00:00Z");

    explicit DemoDays(bool site_devices = true) {
        DemoExchangeOptions w;
        w.now = day1;
        w.prefecture = "310000";
        w.site_devices = site_devices;
        w.history = false;
        REQUIRE(write_demo_exchange(data, tree, w, ex));
    }
    std::size_t sites_and_munis() const {
        std::size_t n = 0;
        for (OrgIndex m : tree.children(tree.find("pref:310000"))) {
            if (!tree.active(m) || tree.level(m) != OrgLevel::municipality) continue;
            ++n;
            for (OrgIndex s : tree.children(m)) n += tree.active(s) && tree.level(s) == OrgLevel::site;
        }
        return n;
    }
};

// A device of the nation reading the demo deployment, from nothing.
struct NationReader {
    HierarchyRelations rel;
    TrustState trust;
    SyncState state;
    DocumentStore store;
    explicit NationReader(const Hierarchy& tree) : rel(tree) { trust.root_key = demo_root_key(7).public_hex; }
    SyncReport sync(Transport& t, UtcTime now) { return sync_once(t, rel, "nation", state, trust, store, now); }
};

}  // namespace

TEST_CASE("a demo day continues every feed and reaches the nation in its prefecture's pack") {
    DemoDays demo;
    REQUIRE(pack_demo_day(demo.data, demo.tree, {demo.day1 + 60, "310000"}, demo.ex));
    NationReader nation(demo.tree);
    auto first = nation.sync(demo.ex, demo.day1 + 3600);
    REQUIRE(first.complete);
    CHECK(first.rejected == 0);
    CHECK(first.from_packs > 0);

    const UtcTime day2 = demo.day1 + 86400;
    auto published = publish_demo_day(demo.data, demo.tree, {day2, "310000"}, demo.ex);
    REQUIRE(published);
    const std::size_t below = demo.sites_and_munis();
    CHECK(published->bundles == 2 + below);  // the nation, Tottori, its municipalities and sites
    auto packed = pack_demo_day(demo.data, demo.tree, {day2 + 60, "310000"}, demo.ex);
    REQUIRE(packed);
    CHECK(packed->packer_rejected == 0);
    CHECK(packed->packs >= 20);  // 19 municipalities and the prefecture, each at least one

    auto daily = nation.sync(demo.ex, day2 + 3600);
    REQUIRE(daily.complete);
    CHECK(daily.rejected == 0);
    CHECK(daily.accepted == 2 + below);    // this reader is no nation's device: it reads the nation's feed too
    CHECK(daily.from_packs == 1 + below);  // all but the nation's, the prefecture's own in its pack too
    CHECK(nation.store.current(std::string("nation/") + k_round_kind + "/DEMO-2021-06-02") != nullptr);
    // A site's feed went on from its day-1 bundle: sequence 2, chained to it.
    const std::string site = demo.tree.id(demo.tree.children(demo.tree.find("muni:312011")).front());
    const std::string feed = site + "/" + device_id_of(demo_device_key(7, site).public_hex);
    REQUIRE(nation.trust.feeds.count(feed));
    CHECK(nation.trust.feeds.at(feed).hashes.size() == 2);
}

TEST_CASE("a demo day needs the demo devices' feeds on the exchange and a prefecture the tree knows") {
    DemoDays proxies(false);  // sites have no feed of their own
    auto r = publish_demo_day(proxies.data, proxies.tree, {proxies.day1 + 86400, "310000"}, proxies.ex);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "demo.feed");
    auto unknown = publish_demo_day(proxies.data, proxies.tree, {proxies.day1 + 86400, "990000"}, proxies.ex);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == "demo.prefecture");
}

TEST_CASE("a browser's nation takes the packed days from the packs, not one by one, while they are being read, and lets go of each file once used") {
    // The browser's host (pending_transport.hpp) answers each run's requests before the next:
    // the runs before the packs are in must not ask for the bundles the packs will bring.
    DemoDays demo;
    REQUIRE(pack_demo_day(demo.data, demo.tree, {demo.day1 + 60, "310000"}, demo.ex));
    for (const UtcTime now : {demo.day1 + 3600, demo.day1 + 2 * 86400}) {  // the open day, then a closed one
        CAPTURE(now);
        NationReader nation(demo.tree);
        PendingTransport t;
        std::size_t bundle_gets = 0, pack_gets = 0, from_packs = 0;
        SyncReport r;
        for (int round = 0; round < 50; ++round) {
            r = nation.sync(t, now);
            from_packs += r.from_packs;
            if (r.complete || r.error.code != k_transport_pending) break;
            for (const auto& q : t.take_requests()) {
                if (q.kind == TransportRequest::Kind::list) t.answer_list(q.path, demo.ex.list(q.path));
                if (q.kind != TransportRequest::Kind::get) continue;
                (is_pack_path(q.path) ? pack_gets : bundle_gets) += 1;
                t.answer_get(q.path, demo.ex.get(q.path));
            }
        }
        REQUIRE(r.complete);
        CHECK(r.rejected == 0);
        CHECK(pack_gets >= 1);
        // One by one: the nation's own feed, the prefecture's, its federation's and support's.
        CHECK(bundle_gets <= 4);
        CHECK(from_packs >= demo.sites_and_munis());
        // Every pack opened and every bundle applied was released as the run went: the run ends
        // holding only what it read and did not consume (a first sync of a country in a browser
        // must not hold every file it read at once).
        CHECK(t.bytes_held() * 10 < t.bytes_received());
    }
}

TEST_CASE("a run that goes on after its packs were released reads none of them again and fetches none of their bundles") {
    // One single bundle's answer is held back until the round after the packs': the run is still
    // pending when it has applied what the packs delivered, and its next pass meets the released
    // packs (transport.released), counts them as read, and applies the bundle held back.
    DemoDays demo;
    REQUIRE(pack_demo_day(demo.data, demo.tree, {demo.day1 + 60, "310000"}, demo.ex));
    NationReader nation(demo.tree);
    PendingTransport t;
    std::map<std::string, int> asked;
    std::string held;
    int packs_answered_at = -1;
    SyncReport r;
    std::size_t from_packs = 0, packs_read = 0;
    int passes_after_packs = 0;
    for (int round = 0; round < 50; ++round) {
        r = nation.sync(t, demo.day1 + 2 * 86400);
        from_packs += r.from_packs;
        packs_read += r.packs_read;
        if (packs_answered_at >= 0) ++passes_after_packs;
        if (r.complete || r.error.code != k_transport_pending) break;
        for (const auto& q : t.take_requests()) {
            ++asked[q.path];
            if (q.kind == TransportRequest::Kind::list) t.answer_list(q.path, demo.ex.list(q.path));
            if (q.kind != TransportRequest::Kind::get) continue;
            if (is_pack_path(q.path)) {
                t.answer_get(q.path, demo.ex.get(q.path));
                packs_answered_at = round;
                continue;
            }
            if (held.empty() && q.path.rfind("feeds/", 0) == 0) held = q.path;
            if (q.path == held && (packs_answered_at < 0 || round <= packs_answered_at)) continue;
            t.answer_get(q.path, demo.ex.get(q.path));
        }
    }
    REQUIRE(r.complete);
    CHECK(r.rejected == 0);
    REQUIRE_FALSE(held.empty());
    CHECK(passes_after_packs >= 2);  // the packs' pass, then at least one more
    CHECK(from_packs >= demo.sites_and_munis());
    CHECK(packs_read >= 1);
    for (const auto& entry : asked) {
        const std::string& path = entry.first;
        if (path == held) continue;  // asked by every pass until answered
        CAPTURE(path);
        CHECK(entry.second == 1);  // no pack read again, no bundle a pack brought fetched on its own
    }
    CHECK(nation.state.packs_read.size() == 1);  // the day's packs count as read
    CHECK(t.bytes_held() * 10 < t.bytes_received());
}

TEST_SUITE_END();
