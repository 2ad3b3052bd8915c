#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

#include "core/documents/document_store.hpp"

TEST_SUITE_BEGIN("documents");

using namespace vsys;

namespace {

// The store trusts hashes (src/sync checks them), so these tests use readable fake ones.
DocumentVersion v(const std::string& hash, const std::string& replaces, std::uint64_t version,
                  nlohmann::json body = nlohmann::json::object(), const std::string& kind = "stock") {
    DocumentVersion d;
    d.owner = "site:0110113719";
    d.kind = kind;
    d.id = "main";
    d.version = version;
    d.replaces = replaces;
    d.body = std::move(body);
    d.hash = hash;
    return d;
}

}  // namespace

TEST_CASE("each key has one head while versions form a line") {
    DocumentStore s;
    CHECK(*s.apply(v("h1", "", 1), Origin::remote));
    CHECK(*s.apply(v("h2", "h1", 2), Origin::remote));
    CHECK(s.current("site:0110113719/stock/main")->hash == "h2");
    CHECK(s.history("site:0110113719/stock/main").size() == 2);
    CHECK(s.conflicts().empty());
}

TEST_CASE("two versions replacing one parent are a visible conflict, both kept, resolved by a new version") {
    DocumentStore s;
    s.apply(v("h1", "", 1), Origin::remote);
    s.apply(v("a", "h1", 2, {{"vials", 3}}), Origin::local);
    s.apply(v("b", "h1", 2, {{"vials", 4}}), Origin::remote);
    const std::string key = "site:0110113719/stock/main";
    CHECK(s.heads(key).size() == 2);
    CHECK(s.current(key) == nullptr);
    CHECK(s.conflicts() == std::vector<std::string>{key});
    CHECK(s.successor("site:0110113719", "stock", "main", {}).error().code == "store.conflict");

    auto r = *s.resolution(key, {{"vials", 4}});
    CHECK(r.replaces == "a");
    CHECK(r.version == 3);
    CHECK(r.body["_resolves"] == nlohmann::json::array({"b"}));
    r.hash = "r";
    CHECK(*s.apply(r, Origin::local));
    CHECK(s.current(key)->hash == "r");
    CHECK(s.conflicts().empty());
}

TEST_CASE("a known hash is never overwritten and local versions stay pending until pushed") {
    DocumentStore s;
    s.apply(v("h1", "", 1, {{"vials", 1}}), Origin::local);
    CHECK_FALSE(*s.apply(v("h1", "", 1, {{"vials", 999}}), Origin::remote));
    CHECK(s.find("h1")->body["vials"] == 1);
    REQUIRE(s.pending().size() == 1);
    // A remote edit of the same parent does not replace the unpushed local one: it conflicts.
    s.apply(v("mine", "h1", 2), Origin::local);
    s.apply(v("theirs", "h1", 2), Origin::remote);
    CHECK(s.pending().size() == 2);
    CHECK(s.heads("site:0110113719/stock/main").size() == 2);
    s.mark_pushed({"h1", "mine"});
    CHECK(s.pending().empty());
}

TEST_CASE("version numbers must follow the version replaced") {
    DocumentStore s;
    CHECK(s.apply(v("h1", "", 2), Origin::remote).error().code == "store.version");
    s.apply(v("h1", "", 1), Origin::remote);
    CHECK(s.apply(v("h3", "h1", 3), Origin::remote).error().code == "store.version");
    CHECK(s.apply(v("x", "", 1), Origin::remote).ok());  // a second first version is a conflict, not an error
    CHECK(s.apply(DocumentVersion{}, Origin::remote).error().code == "store.unsealed");
}

TEST_CASE("a lock refuses edits of the versions it names until a new version of the lock lifts it") {
    DocumentStore s;
    s.apply(v("h1", "", 1), Origin::remote);
    DocumentVersion lock = v("L1", "", 1, {{"locks", {"h1"}}}, "lock");
    lock.owner = "pref:130001";
    s.apply(lock, Origin::remote);
    CHECK(s.is_locked("h1"));
    CHECK(s.apply(v("h2", "h1", 2), Origin::remote).error().code == "store.locked");
    // Resolving a locked version is an edit too.
    DocumentVersion unlock = lock;
    unlock.replaces = "L1";
    unlock.version = 2;
    unlock.body = {{"locks", nlohmann::json::array()}};
    unlock.hash = "L2";
    s.apply(unlock, Origin::remote);
    CHECK_FALSE(s.is_locked("h1"));
    CHECK(s.apply(v("h2", "h1", 2), Origin::remote).ok());
}

TEST_CASE("a batch is applied whole or not at all, counting locks earlier in the batch") {
    DocumentStore s;
    s.apply(v("h1", "", 1), Origin::remote);
    DocumentVersion lock = v("L1", "", 1, {{"locks", {"h1"}}}, "lock");
    std::vector<DocumentVersion> batch = {lock, v("h2", "h1", 2)};
    CHECK(s.apply_batch(batch, Origin::remote).error().code == "store.locked");
    CHECK(s.size() == 1);
    CHECK_FALSE(s.is_locked("h1"));
    CHECK(*s.apply_batch({v("h2", "h1", 2), v("h3", "h2", 3)}, Origin::remote) == 2);
    CHECK(s.current("site:0110113719/stock/main")->hash == "h3");
}

TEST_CASE("malformed lock and resolution members are refused") {
    DocumentStore s;
    CHECK(s.apply(v("L", "", 1, {{"locks", "h1"}}, "lock"), Origin::remote).error().code == "store.malformed");
    CHECK(s.apply(v("L", "", 1, nlohmann::json::object(), "lock"), Origin::remote).error().code == "store.malformed");
    s.apply(v("h1", "", 1), Origin::remote);
    CHECK(s.apply(v("h2", "h1", 2, {{"_resolves", {1}}}), Origin::remote).error().code == "store.malformed");
    CHECK(s.resolution("site:0110113719/stock/main", {}).error().code == "store.no_conflict");
}

// pending() and conflicts() are kept as versions come and go (the top bar asks for both every
// frame); after any sequence of applies, batches, refusals and pushes they say what a count over
// every version says; current_of_kind() too, from its own index of keys per kind.
TEST_CASE("pending versions, conflicting keys and the current versions of a kind stay what a recount says, through batches, refusals and pushes") {
    std::mt19937 rng(7);
    DocumentStore s;
    std::vector<std::string> local_order;  // the model: local versions in arrival order, not pushed
    std::set<std::string> pushed;
    int next = 0;
    auto random_version = [&]() {
        const std::string id = std::to_string(rng() % 3);
        const std::string kind = rng() % 2 ? "stock" : "claim";
        const auto history = s.history("site:0110113719/" + kind + "/" + id);
        DocumentVersion d = v("x" + std::to_string(next++), "", 1, nlohmann::json::object(), kind);
        d.id = id;
        if (!history.empty() && rng() % 4 != 0) {
            const DocumentVersion* parent = history[rng() % history.size()];
            d.replaces = parent->hash;
            d.version = parent->version + 1;
        } else if (rng() % 5 == 0) {
            d.version = 2;  // refused: a first version must be 1
        }
        return d;
    };
    for (int step = 0; step < 400; ++step) {
        const auto op = rng() % 4;
        if (op == 0 || op == 1) {
            const Origin origin = rng() % 2 ? Origin::local : Origin::remote;
            const DocumentVersion d = random_version();
            if (auto r = s.apply(d, origin); r && *r && origin == Origin::local) local_order.push_back(d.hash);
        } else if (op == 2) {
            std::vector<DocumentVersion> batch;
            for (int i = 0; i < 3; ++i) batch.push_back(random_version());
            const Origin origin = rng() % 2 ? Origin::local : Origin::remote;
            if (auto r = s.apply_batch(batch, origin); r && origin == Origin::local)
                for (const auto& d : batch)
                    if (s.contains(d.hash) && std::find(local_order.begin(), local_order.end(), d.hash) == local_order.end())
                        local_order.push_back(d.hash);
        } else if (!local_order.empty()) {
            std::vector<std::string> push;
            for (const auto& h : local_order)
                if (rng() % 2) push.push_back(h);
            s.mark_pushed(push);
            pushed.insert(push.begin(), push.end());
        }
        std::vector<std::string> expected_pending;
        for (const auto& h : local_order)
            if (!pushed.count(h) && s.contains(h)) expected_pending.push_back(h);
        std::vector<std::string> got_pending;
        for (const auto* p : s.pending()) got_pending.push_back(p->hash);
        REQUIRE(got_pending == expected_pending);
        std::vector<std::string> expected_conflicts;
        for (const auto& key : s.keys())
            if (s.heads(key).size() > 1) expected_conflicts.push_back(key);
        std::sort(expected_conflicts.begin(), expected_conflicts.end());
        REQUIRE(s.conflicts() == expected_conflicts);
        for (const std::string kind : {"stock", "claim", "lock"}) {
            std::vector<std::string> expected_current, got_current;
            for (const auto& key : s.keys())  // sorted
                if (const auto* c = s.current(key); c && c->kind == kind) expected_current.push_back(c->hash);
            for (const auto* c : s.current_of_kind(kind)) got_current.push_back(c->hash);
            REQUIRE(got_current == expected_current);
        }
    }
}

TEST_SUITE_END();
