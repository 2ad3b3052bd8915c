// A small deployment for the sync tests: root → nation → Tokyo → two wards → one site each,
// every organisation with one enrolled device that publishes through its own feed.
#pragma once

#include <map>
#include <string>

#include "core/allocation/chain_documents.hpp"
#include "core/documents/document_store.hpp"
#include "sync/bundle.hpp"
#include "sync/canonical.hpp"
#include "sync/exchange.hpp"
#include "sync/identity.hpp"

namespace vsys::sync::testing {

struct TestRelations : OrgRelations {
    std::map<std::string, std::string> parent{{"pref:130001", "nation"},          {"muni:131016", "pref:130001"},
                                              {"muni:131024", "pref:130001"},     {"site:0110113719", "muni:131016"},
                                              {"site:1310200001", "muni:131024"}, {"federation:130001", "nation"}};
    std::string parent_of(std::string_view org) const override {
        auto it = parent.find(std::string(org));
        return it == parent.end() ? std::string() : it->second;
    }
};

// Bodies that keep their kind's registered shape (sync/kinds.hpp), for tests about something else.
inline nlohmann::json request_body(const std::string& round, std::int64_t boxes) {
    return request_to_json({round, VaccineProduct::pfizer_12, boxes});
}
inline nlohmann::json round_body(const std::string& round) { return round_state_to_json({round, RoundState::requests}); }
// ④ with everything unallocated.
inline nlohmann::json site_amounts_body(const std::string& round, std::int64_t amount) {
    SiteAmountsBody b;
    b.round = round;
    b.amount = amount;
    b.unallocated = amount;
    return site_amounts_to_json(b);
}

inline UtcTime t0() { return *parse_utc("2021-06-01T00:00:00Z"); }

inline Seed seed_of(int n) {
    Seed s{};
    s[0] = static_cast<std::uint8_t>(n);
    s[1] = 0x5a;
    return s;
}

inline Account account_for(const std::string& org) {
    Role r;
    role_of_org(org, r);
    std::string id = "U-" + org;
    for (auto& c : id)
        if (c == ':') c = '-';
    return Account{id, "Tester " + org, role_name(r), org, "active"};
}

struct World {
    TestRelations rel;
    KeyPair root = key_pair_from_seed(seed_of(1));
    TrustState trust;
    DocumentStore store;
    std::map<std::string, FeedWriter> dev;
    int next_seed = 10;

    World() {
        trust.root_key = root.public_hex;
        for (const char* org : {"nation", "pref:130001", "muni:131016", "muni:131024", "site:0110113719",
                                "site:1310200001"})
            dev[org] = enrol(org);
    }

    FeedWriter enrol(const std::string& org) {
        Account a = account_for(org);
        IssuedEnrolment e;
        std::vector<Certificate> issuer_chain;
        if (org == "nation") {
            e = init_deployment(root, a, t0(), t0() + 7 * k_seconds_per_day, t0() + 400 * k_seconds_per_day)
                    ->nation_enrolment;
        } else {
            const std::string mgr = managing_org(rel, org);
            e = *issue_enrolment(rel, dev[mgr].key, mgr, "U-x", a, t0(), t0() + 7 * k_seconds_per_day,
                                 t0() + 400 * k_seconds_per_day);
            issuer_chain = dev[mgr].chain;
        }
        auto enrolled = claim_enrolment(e.code, e.cert, issuer_chain, {}, key_pair_from_seed(seed_of(next_seed++)), t0());
        return FeedWriter{org, enrolled->device, enrolled->chain, 0, ""};
    }

    DocumentVersion doc(const std::string& owner, const std::string& kind, const std::string& id,
                        nlohmann::json body, bool proxy = false) {
        auto d = *store.successor(owner, kind, id, std::move(body));
        d.author = "U-test";
        d.time = "2021-06-02T00:00:00Z";
        d.proxy = proxy;
        seal(d);
        return d;
    }

    BundleFile publish(const std::string& org, const std::vector<DocumentVersion>& docs) {
        return *write_bundle(dev[org], t0() + 3600, docs, {});
    }

    Verdict verify(const BundleFile& f, std::size_t max = k_default_max_bundle_bytes) {
        VerifyContext ctx{trust, store, rel, default_authority_rules(), max};
        return verify_bundle(f.bytes, f.name, ctx, &trust.cert_cache);
    }

    // Verifies and commits; returns the error code ("" when accepted).
    std::string receive(const BundleFile& f) {
        auto v = verify(f);
        commit(v, trust, store);
        return v.error.code;
    }
};

// One organisation's device: its own store, trust and sync state over a shared exchange.
struct Device {
    std::string org;
    FeedWriter* feed;
    TrustState trust;
    DocumentStore store;
    SyncState state;

    Device(World& w, const std::string& o) : org(o), feed(&w.dev[o]) { trust.root_key = w.root.public_hex; }

    // A new version of one of its documents (or, with `owner`, a proxy one), queued as a bundle.
    void write(const std::string& kind, const std::string& id, nlohmann::json body, const std::string& owner = "",
               std::vector<std::string> to = {}) {
        auto d = *store.successor(owner.empty() ? org : owner, kind, id, std::move(body));
        d.author = "U";
        d.time = "2021-06-02T00:00:00Z";
        seal(d);
        store.apply(d, Origin::local);
        queue_bundle(*feed, state, trust, {d}, to, t0() + 3600);
    }
    SyncReport sync(Transport& t, World& w, UtcTime now = t0() + 7200) {
        return sync_once(t, w.rel, org, state, trust, store, now);
    }
    // The same, packing for its parent as a municipality's or prefecture's device does (pack.hpp).
    SyncReport sync_packing(Transport& t, World& w, UtcTime now = t0() + 7200) {
        return sync_once(t, w.rel, org, state, trust, store, now, default_authority_rules(), feed);
    }
};

}  // namespace vsys::sync::testing
