// Publication that survives the exchange's faults (issue 11, item 2): a writer counts a bundle
// as published only once it has read back bytes that hash to the hash in the file's name (a
// 201 or a 409 says a file is there, not which bytes), and a reader that fetches bytes other
// than the name says treats the file as not there yet, never as a refusal of the bundle.
#include <doctest/doctest.h>

#include <functional>

#include "sync/crypto.hpp"
#include "sync/exchange.hpp"
#include "sync/pending_transport.hpp"
#include "test_sync_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;
using namespace vsys::sync::testing;

namespace {

// The exchange as a faulty server would be: `store` changes what a PUT keeps (answered 201 all
// the same), `lose` drops a PUT after answering 201, `serve` changes what a GET returns.
struct FaultyTransport final : Transport {
    explicit FaultyTransport(MemoryTransport& inner) : ex(inner) {}
    MemoryTransport& ex;
    std::function<std::string(const std::string& path, std::string bytes)> store, serve;
    std::function<bool(const std::string& path)> lose;
    std::vector<std::string> got;

    Result<std::vector<std::string>> list(std::string_view folder) override { return ex.list(folder); }
    Result<std::string> get(std::string_view path) override {
        got.emplace_back(path);
        auto r = ex.get(path);
        if (r && serve) return serve(std::string(path), std::move(*r));
        return r;
    }
    Status put_new(std::string_view path, std::string_view bytes) override {
        const std::string p(path);
        if (lose && lose(p) && !ex.files.count(p)) return ok_status();
        return ex.put_new(path, store ? store(p, std::string(bytes)) : std::string(bytes));
    }
};

bool is_bundle(const std::string& path) { return path.rfind("feeds/", 0) == 0; }

std::string own_bundle_path(const Device& d, std::size_t i = 0) {
    return feed_folder(d.org, device_id_of(d.feed->key.public_hex)) + "/" + d.state.outbox.at(i).file.name;
}

std::size_t pointers_in(const MemoryTransport& ex) {
    std::size_t n = 0;
    for (const auto& [p, _] : ex.files) n += p.rfind("inbox/", 0) == 0 || p.rfind("news/", 0) == 0;
    return n;
}

}  // namespace

TEST_CASE("a writer counts its bundle as published only once the bytes read back hash to its name") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    site.write("report", "main", {{"vials", 1}});
    const std::string path = own_bundle_path(site);
    const std::string bytes = site.state.outbox[0].file.bytes;

    SUBCASE("the exchange keeps other bytes under the name and answers 201") {
        FaultyTransport torn(ex);
        torn.store = [](const std::string& p, std::string b) { return is_bundle(p) ? b.substr(0, b.size() / 2) : b; };
        auto r = site.sync(torn, w);
        CHECK(r.complete);
        CHECK(r.pushed == 0);
        CHECK(r.not_yet == std::vector<std::string>{path});
        CHECK(std::count(torn.got.begin(), torn.got.end(), path) == 1);  // read back
        CHECK(site.state.outbox.size() == 1);
        CHECK(site.store.pending().size() == 1);
        CHECK(pointers_in(ex) == 0);  // no pointer names a file that is not the bundle
        ex.files[path] = bytes;       // the right bytes are there at last (the name is theirs)
    }
    SUBCASE("the exchange answers 201 and keeps nothing") {
        FaultyTransport lossy(ex);
        lossy.lose = is_bundle;
        auto r = site.sync(lossy, w);
        CHECK(r.pushed == 0);
        CHECK(r.not_yet == std::vector<std::string>{path});
        CHECK(site.state.outbox.size() == 1);
        CHECK(pointers_in(ex) == 0);
    }
    SUBCASE("a 409 for the bundle's own bytes (an earlier push cut short) counts once read back") {
        REQUIRE(ex.put_new(path, bytes));
    }

    auto r = site.sync(ex, w);
    CHECK(r.complete);
    CHECK(r.pushed == 1);
    CHECK(r.not_yet.empty());
    CHECK(site.state.outbox.empty());
    CHECK(site.store.pending().empty());
    CHECK(pointers_in(ex) > 0);
    auto m = muni.sync(ex, w);
    CHECK(m.accepted == 1);
    CHECK(muni.state.rejected.empty());
}

TEST_CASE("a reader treats a fetched bundle whose bytes do not hash to its name as not there yet") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    site.write("request", "r1", request_body("r1", 3));
    site.write("request", "r2", request_body("r2", 4));
    const std::string first = own_bundle_path(site, 0);
    REQUIRE(site.sync(ex, w).pushed == 2);
    const std::string feed = site.org + "/" + device_id_of(site.feed->key.public_hex);

    FaultyTransport faulty(ex);
    SUBCASE("cut short (a write in progress)") {
        faulty.serve = [&](const std::string& p, std::string b) { return p == first ? b.substr(0, b.size() - 9) : b; };
    }
    SUBCASE("one byte changed, still canonical JSON (a name overwritten)") {
        faulty.serve = [&](const std::string& p, std::string b) {
            if (p != first) return b;
            auto at = b.find("\"sig\":\"") + 7;
            b[at] = b[at] == '0' ? '1' : '0';
            return b;
        };
    }
    auto r = muni.sync(faulty, w);
    CHECK(r.complete);
    CHECK(r.accepted == 0);
    CHECK(r.rejected == 0);
    CHECK(r.not_yet == std::vector<std::string>{first});
    CHECK(muni.state.rejected.empty());  // no verdict on a bundle it has not seen
    CHECK(muni.trust.feeds.count(feed) == 0);
    CHECK(muni.state.cursors.count("inbox/muni_131016") == 0);  // the folder is listed again
    // A copy imported earlier from a damaged file left a refusal behind: the real bundle lifts it.
    muni.state.rejected.push_back({first, Error{"bundle.hash_mismatch", "the content does not match"}});

    // Days later the file is whole: the pointers of the first day are still found, both
    // bundles accepted, nothing refused.
    r = muni.sync(ex, w, t0() + 3 * k_seconds_per_day);
    CHECK(r.complete);
    CHECK(r.not_yet.empty());
    CHECK(r.accepted == 2);
    CHECK(r.rejected == 0);
    CHECK(muni.state.rejected.empty());
    CHECK(muni.store.size() == 2);
    CHECK(muni.state.cursors["inbox/muni_131016"] == utc_day(t0() + 3 * k_seconds_per_day));
}

TEST_CASE("in the browser's rounds the read-back is one more round, and a bad read-back keeps the bundle") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719");
    site.write("report", "main", {{"vials", 1}});
    const std::string path = own_bundle_path(site);
    PendingTransport t;
    std::vector<TransportRequest::Kind> kinds_of_bundle;
    SyncReport r;
    bool tamper = true;
    for (int round = 0; round < 20; ++round) {
        r = sync_once(t, w.rel, site.org, site.state, site.trust, site.store, t0() + 7200);
        if (r.error.code != k_transport_pending) break;
        for (const auto& q : t.take_requests()) {
            if (q.path == path) kinds_of_bundle.push_back(q.kind);
            switch (q.kind) {
                case TransportRequest::Kind::list: t.answer_list(q.path, ex.list(q.path)); break;
                case TransportRequest::Kind::get: {
                    auto got = ex.get(q.path);
                    if (got && q.path == path && tamper) got = got->substr(1);
                    t.answer_get(q.path, std::move(got));
                    break;
                }
                case TransportRequest::Kind::put: t.answer_put(q.path, ex.put_new(q.path, q.body)); break;
            }
        }
    }
    CHECK(r.complete);
    CHECK(kinds_of_bundle == std::vector{TransportRequest::Kind::put, TransportRequest::Kind::get});
    CHECK(r.not_yet == std::vector<std::string>{path});
    CHECK(site.state.outbox.size() == 1);
    CHECK(pointers_in(ex) == 0);

    // The next run (a new transport, as each run has) puts it again (409) and reads it back whole.
    tamper = false;
    CHECK(site.sync(ex, w).pushed == 1);
    CHECK(site.state.outbox.empty());
    CHECK(crypto::blake2b_256_hex(ex.files[path]) == path.substr(path.rfind('-') + 1, 64));
}

TEST_SUITE_END();
