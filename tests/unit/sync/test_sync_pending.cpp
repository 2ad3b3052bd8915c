// The browser's way of syncing: the engine runs against answers delivered so far, the host
// performs what was asked, and runs again (pending_transport.hpp).
#include <doctest/doctest.h>

#include "sync/exchange.hpp"
#include "sync/pending_transport.hpp"
#include "sync/sync_state_json.hpp"
#include "test_sync_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;
using namespace vsys::sync::testing;

namespace {

// Plays the host: performs every request against `ex` and runs again, until the run is
// complete or fails for another reason. Returns the number of rounds of requests; `last` sums
// the runs' counts.
int drive(MemoryTransport& ex, World& w, Device& d, SyncReport& last, std::size_t* requests = nullptr) {
    PendingTransport t;
    SyncReport sum;
    for (int round = 0; round < 50; ++round) {
        last = sync_once(t, w.rel, d.org, d.state, d.trust, d.store, t0() + 7200);
        sum.pushed += last.pushed;
        sum.fetched += last.fetched;
        sum.accepted += last.accepted;
        sum.rejected += last.rejected;
        if (last.complete || last.error.code != k_transport_pending) {
            sum.complete = last.complete;
            sum.error = last.error;
            last = sum;
            return round;
        }
        for (const auto& r : t.take_requests()) {
            if (requests) ++*requests;
            switch (r.kind) {
                case TransportRequest::Kind::list: t.answer_list(r.path, ex.list(r.path)); break;
                case TransportRequest::Kind::get: t.answer_get(r.path, ex.get(r.path)); break;
                case TransportRequest::Kind::put: t.answer_put(r.path, ex.put_new(r.path, r.body)); break;
            }
        }
    }
    FAIL("the run did not finish");
    return -1;
}

}  // namespace

TEST_CASE("a host-driven sync converges like a direct one, in a few rounds of parallel requests") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    for (int i = 0; i < 5; ++i) site.write("report", "s" + std::to_string(i), {{"vials", i}});
    SyncReport r;
    int rounds = drive(ex, w, site, r);
    CHECK(r.complete);
    CHECK(r.pushed == 5);
    CHECK(rounds <= 4);
    CHECK(site.store.pending().empty());
    CHECK(r.fetched == 0);  // its own bundles are known to it: never downloaded back

    std::size_t requests = 0;
    rounds = drive(ex, w, muni, r, &requests);
    CHECK(r.complete);
    CHECK(r.accepted == 5);
    CHECK(muni.store.size() == 5);
    // inbox + 2 news listings, their days, then the five bundles of the feed in one round
    CHECK(rounds <= 4);
    CHECK(requests <= 3 + 3 + 5);

    // Nothing new: one more run fetches nothing and applies nothing twice.
    drive(ex, w, muni, r);
    CHECK(r.fetched == 0);
    CHECK(muni.store.size() == 5);
}

TEST_CASE("an answer that the exchange is down ends the run; the outbox waits for the next") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719");
    site.write("report", "main", {{"vials", 1}});
    ex.offline = true;
    SyncReport r;
    drive(ex, w, site, r);
    CHECK_FALSE(r.complete);
    CHECK(r.error.code == "transport.offline");
    CHECK(site.state.outbox.size() == 1);
    CHECK(site.state.cursors.empty());
    ex.offline = false;
    drive(ex, w, site, r);
    CHECK(r.complete);
    CHECK(r.pushed == 1);
    CHECK(site.state.outbox.empty());
}

TEST_CASE("a rejected bundle is asked for once per run, not fetched forever") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    site.write("allocation", "x", site_amounts_body("x", 1));  // a site may not own an allocation
    SyncReport r;
    drive(ex, w, site, r);
    std::size_t requests = 0;
    drive(ex, w, muni, r, &requests);
    CHECK(r.complete);
    CHECK(r.rejected == 1);
    REQUIRE(muni.state.rejected.size() == 1);
    CHECK(muni.state.rejected[0].error.code == "authority.kind");
    CHECK(muni.store.size() == 0);
}

TEST_CASE("requests are noted once each and handed over once") {
    PendingTransport t;
    CHECK(t.get("feeds/a").error().code == k_transport_pending);
    CHECK(t.get("feeds/a").error().code == k_transport_pending);
    CHECK(t.list("inbox/x").error().code == k_transport_pending);
    auto r = t.take_requests();
    REQUIRE(r.size() == 2);
    CHECK(r[0].kind == TransportRequest::Kind::get);
    CHECK(r[1].kind == TransportRequest::Kind::list);
    CHECK_FALSE(t.has_requests());
    t.answer_get("feeds/a", std::string("abc"));
    CHECK(*t.get("feeds/a") == "abc");
    CHECK(t.bytes_received() == 3);
    t.answer_put("p", Error{"transport.exists", "exists"});
    CHECK(t.put_new("p", "x").error().code == "transport.exists");
}

TEST_CASE("the sync state and trust kept between runs survive a reload exactly") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    site.write("report", "a", {{"vials", 1}});
    SyncReport r;
    drive(ex, w, site, r);
    site.write("report", "b", {{"vials", 2}});  // queued, not pushed
    drive(ex, w, muni, r);

    auto s2 = decode_sync_state(encode_sync_state(site.state));
    REQUIRE(s2);
    CHECK(encode_sync_state(*s2) == encode_sync_state(site.state));
    REQUIRE(s2->outbox.size() == 1);
    CHECK(s2->outbox[0].file.bytes == site.state.outbox[0].file.bytes);
    auto t2 = decode_trust_state(encode_trust_state(muni.trust));
    REQUIRE(t2);
    CHECK(encode_trust_state(*t2) == encode_trust_state(muni.trust));
    CHECK(t2->feeds.size() == muni.trust.feeds.size());

    // The reloaded muni goes on from where it was: the old bundle is not fetched again.
    muni.trust = *t2;
    site.state = *s2;
    drive(ex, w, site, r);
    CHECK(r.pushed == 1);
    drive(ex, w, muni, r);
    CHECK(r.fetched == 1);
    CHECK(r.accepted == 1);
}

TEST_CASE("a damaged saved sync state is refused, not half read") {
    CHECK(decode_sync_state("").error().code == "sync.state_malformed");
    CHECK(decode_sync_state("{\"outbox\":[{}]}").error().arg("field") == "outbox");
    CHECK(decode_trust_state("{\"root\":\"\",\"feeds\":{\"a\":{\"key\":1}}}").error().arg("field") == "feeds");
    SyncState empty;
    CHECK(decode_sync_state(encode_sync_state(empty)));
}

TEST_SUITE_END();
