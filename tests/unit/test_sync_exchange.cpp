#include <doctest/doctest.h>

#include "sync/exchange.hpp"
#include "test_sync_fixture.hpp"

using namespace vsys;
using namespace vsys::sync;
using namespace vsys::sync::testing;

namespace {

// One organisation's device: its own store, trust and sync state over a shared exchange.
struct Device {
    std::string org;
    FeedWriter* feed;
    TrustState trust;
    DocumentStore store;
    SyncState state;

    Device(World& w, const std::string& o) : org(o), feed(&w.dev[o]) { trust.root_key = w.root.public_hex; }

    void write(const std::string& kind, const std::string& id, nlohmann::json body, const std::string& owner = "",
               std::vector<std::string> to = {}) {
        auto d = *store.successor(owner.empty() ? org : owner, kind, id, std::move(body));
        d.author = "U";
        d.time = "2021-06-02T00:00:00Z";
        seal(d);
        store.apply(d, Origin::local);
        auto f = *write_bundle(*feed, t0() + 3600, {d}, to);
        state.outbox.push_back({f, org, device_id_of(feed->key.public_hex), to, {d.hash}});
    }
    SyncReport sync(Transport& t, World& w, UtcTime now = t0() + 7200) {
        return sync_once(t, w.rel, org, state, trust, store, now);
    }
};

}  // namespace

TEST_CASE("exchange paths: feeds, inbox and news folders, pointers that name their bundle") {
    CHECK(feed_folder("muni:131016", "0123456789abcdef") == "feeds/muni_131016/0123456789abcdef");
    std::string name = bundle_file_name(3, std::string(64, 'c'));
    PointerTarget p;
    REQUIRE(parse_pointer(pointer_name("site:0110113719", "0123456789abcdef", name), p));
    CHECK(p.org == "site:0110113719");
    CHECK(p.seq == 3);
    CHECK(p.path() == "feeds/site_0110113719/0123456789abcdef/" + name);
    TestRelations rel;
    CHECK(pointer_folders(rel, "site:0110113719", {}) ==
          std::vector<std::string>{"inbox/muni_131016", "inbox/nation", "inbox/pref_130001", "inbox/site_0110113719"});
    CHECK(pull_folders(rel, "site:0110113719") ==
          std::vector<std::string>{"inbox/site_0110113719", "news/muni_131016", "news/pref_130001", "news/nation"});
}

TEST_CASE("a request goes up, an allocation comes down, each side pulls only its folders") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016"), other(w, "muni:131024");
    site.write("request", "r1", {{"boxes", 3}});
    CHECK(site.sync(ex, w).pushed == 1);
    CHECK(site.store.pending().empty());

    auto r = muni.sync(ex, w);
    CHECK(r.complete);
    CHECK(r.accepted == 1);
    CHECK(muni.store.size() == 1);
    CHECK(other.sync(ex, w).accepted == 0);  // another ward never sees it

    muni.write("allocation", "r1", {{"site:0110113719", 3}});
    muni.sync(ex, w);
    auto back = site.sync(ex, w);
    CHECK(back.accepted == 1);  // the ward's allocation (its own request came back on its first sync)
    CHECK(site.store.size() == 2);
    CHECK(site.state.rejected.empty());
}

TEST_CASE("offline, bundles queue; when the exchange returns everything converges once") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    ex.offline = true;
    site.write("stock", "main", {{"vials", 1}});
    site.write("stock", "main", {{"vials", 2}});
    auto r = site.sync(ex, w);
    CHECK_FALSE(r.complete);
    CHECK(r.error.code == "transport.offline");
    CHECK(site.state.outbox.size() == 2);
    ex.offline = false;
    // A push interrupted after the bundle but before its pointers resumes without duplicates.
    ex.put_new(feed_folder(site.org, device_id_of(site.feed->key.public_hex)) + "/" + site.state.outbox[0].file.name,
               site.state.outbox[0].file.bytes);
    CHECK(site.sync(ex, w).pushed == 2);
    CHECK(muni.sync(ex, w).accepted == 2);
    CHECK(muni.sync(ex, w).fetched == 0);
    CHECK(muni.store.current("site:0110113719/stock/main")->body["vials"] == 2);
}

TEST_CASE("a rejected bundle is kept with its reason and applies nothing") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    site.write("allocation", "x", {{"boxes", 1}});
    site.sync(ex, w);
    auto r = muni.sync(ex, w);
    CHECK(r.rejected == 1);
    REQUIRE(muni.state.rejected.size() == 1);
    CHECK(muni.state.rejected[0].error.code == "authority.kind");
    CHECK(muni.store.size() == 0);
}
