#include <doctest/doctest.h>

#include "sync/exchange.hpp"
#include "test_sync_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;
using namespace vsys::sync::testing;


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
    site.write("request", "r1", request_body("r1", 3));
    CHECK(site.sync(ex, w).pushed == 1);
    CHECK(site.store.pending().empty());

    auto r = muni.sync(ex, w);
    CHECK(r.complete);
    CHECK(r.accepted == 1);
    CHECK(muni.store.size() == 1);
    CHECK(other.sync(ex, w).accepted == 0);  // another ward never sees it

    muni.write("allocation", "r1", site_amounts_body("r1", 3));
    muni.sync(ex, w);
    auto back = site.sync(ex, w);
    CHECK(back.accepted == 1);  // the ward's allocation (never its own request: a writer knows its bundles)
    CHECK(site.store.size() == 2);
    CHECK(site.state.rejected.empty());
}

TEST_CASE("offline, bundles queue; when the exchange returns everything converges once") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    ex.offline = true;
    site.write("report", "main", {{"vials", 1}});
    site.write("report", "main", {{"vials", 2}});
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
    CHECK(muni.store.current("site:0110113719/report/main")->body["vials"] == 2);
}

TEST_CASE("a rejected bundle is kept with its reason and applies nothing") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    site.write("allocation", "x", site_amounts_body("x", 1));
    site.sync(ex, w);
    auto r = muni.sync(ex, w);
    CHECK(r.rejected == 1);
    REQUIRE(muni.state.rejected.size() == 1);
    CHECK(muni.state.rejected[0].error.code == "authority.kind");
    CHECK(muni.store.size() == 0);
}

TEST_SUITE_END();
