#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>

#include "sync/canonical.hpp"
#include "sync/crypto.hpp"
#include "sync/exchange.hpp"

namespace vsys::fuzz {

using namespace vsys::sync;
using sync::testing::account_for;
using sync::testing::seed_of;
using sync::testing::t0;
using sync::testing::request_body;
using sync::testing::round_body;
using sync::testing::site_amounts_body;

namespace {

constexpr std::string_view k_site = "site:0110113719";
constexpr std::string_view k_site2 = "site:1310200001";
constexpr std::string_view k_ward = "muni:131016";
constexpr std::string_view k_ward2 = "muni:131024";
constexpr std::string_view k_pref = "pref:130001";

CodeSecret secret_of(std::uint8_t n) {
    CodeSecret s{};
    s[0] = n;
    s[15] = 0xa5;
    return s;
}

void must(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz world: %s failed\n", what);
        std::abort();
    }
}

// Verifies and commits into the given state; the world's set-up must be accepted.
void receive(const FuzzWorld& w, TrustState& trust, DocumentStore& store, const BundleFile& f) {
    VerifyContext ctx{trust, store, w.rel};
    auto v = verify_bundle(f.bytes, f.name, ctx, &trust.cert_cache);
    if (!v.accepted()) std::fprintf(stderr, "fuzz world: %s refused: %s\n", f.name.c_str(), v.error.code.c_str());
    must(v.accepted() && commit(v, trust, store).ok(), "a baseline bundle");
}

BundleFile next_bundle(FeedWriter& feed, UtcTime time, const std::vector<DocumentVersion>& docs,
                       const std::vector<std::string>& to = {}) {
    auto f = write_bundle(feed, time, docs, to);
    must(f.ok(), "write_bundle");
    return *f;
}

}  // namespace

FuzzWorld::FuzzWorld() : root(key_pair_from_seed(seed_of(1))) {
    trust.root_key = root.public_hex;
    for (const char* org : {"nation", "pref:130001", "muni:131016", "muni:131024", "site:0110113719",
                            "site:1310200001"})
        dev[org] = enrol(org);
    const std::string site(k_site), ward(k_ward), pref(k_pref);
    auto stock = doc(site, "report", "main", {{"vials", 10}});
    receive(*this, trust, store, next_bundle(dev[site], t0() + 3600, {device_doc[site], stock}));
    auto alloc = doc(ward, "allocation", "r1", site_amounts_body("r1", 5));
    allocation_r1 = alloc.hash;
    receive(*this, trust, store, next_bundle(dev[ward], t0() + 3600, {alloc}));
    auto lock = doc(pref, "lock", "r1", {{"locks", {alloc.hash}}});
    receive(*this, trust, store, next_bundle(dev[pref], t0() + 3600, {lock}));
    auto round = doc("nation", "round", "r1", round_body("r1"));
    receive(*this, trust, store, next_bundle(dev["nation"], t0() + 3600, {round}));
}

FeedWriter FuzzWorld::enrol(const std::string& org) {
    const Account a = account_for(org);
    const CodeSecret secret = secret_of(next_secret_++);
    IssuedEnrolment e;
    std::vector<Certificate> issuer_chain;
    const UtcTime until = t0() + 7 * k_seconds_per_day, device_until = t0() + 400 * k_seconds_per_day;
    if (org == "nation") {
        auto d = init_deployment(root, a, t0(), until, device_until, &secret);
        must(d.ok(), "init_deployment");
        e = d->nation_enrolment;
    } else {
        const std::string mgr = managing_org(rel, org);
        auto issued = issue_enrolment(rel, dev[mgr].key, mgr, "U-x", a, t0(), until, device_until, &secret);
        must(issued.ok(), "issue_enrolment");
        e = *issued;
        issuer_chain = dev[mgr].chain;
    }
    auto enrolled = claim_enrolment(e.code, e.cert, issuer_chain, {}, key_pair_from_seed(seed_of(next_seed_++)), t0());
    must(enrolled.ok(), "claim_enrolment");
    device_doc[org] = enrolled->document;
    return FeedWriter{org, enrolled->device, enrolled->chain, 0, ""};
}

DocumentVersion FuzzWorld::doc(const std::string& owner, const std::string& kind, const std::string& id,
                               nlohmann::json body, bool proxy, const char* time) const {
    auto d = store.successor(owner, kind, id, std::move(body));
    must(d.ok(), "successor");
    d->author = "U-test";
    d->time = time;
    d->proxy = proxy;
    must(seal(*d).ok(), "seal");
    return *d;
}

const KeyPair* FuzzWorld::key_of_device(std::string_view device) const {
    for (const auto& [org, feed] : dev)
        if (device_id_of(feed.key.public_hex) == device) return &feed.key;
    return nullptr;
}

const FuzzWorld& world() {
    static const FuzzWorld w;
    return w;
}

std::map<std::string, BundleFile> seed_bundles() {
    const FuzzWorld& w = world();
    const std::string site(k_site), site2(k_site2), ward(k_ward), ward2(k_ward2), pref(k_pref);
    auto feed = [&](const std::string& org) { return w.dev.at(org); };  // a copy: the world stays as it is
    const UtcTime t = t0() + 7200;
    std::map<std::string, BundleFile> out;
    {
        auto f = feed(site);
        out["site-next-stock"] = next_bundle(f, t, {w.doc(site, "report", "main", {{"vials", 12}})});
    }
    {
        auto f = feed(site);
        out["site-allocation-refused"] = next_bundle(f, t, {w.doc(site, "allocation", "r9", site_amounts_body("r9", 1))});
    }
    {
        auto f = feed(site2);
        out["new-feed-with-chain"] =
            next_bundle(f, t, {w.device_doc.at(site2), w.doc(site2, "site_info", "main", {{"name", "青空クリニック"}})});
    }
    {
        auto f = feed(ward2);
        out["ward-to-other-ward"] = next_bundle(f, t, {w.doc(ward2, "allocation", "r2", site_amounts_body("r2", 3))}, {ward});
    }
    {
        auto f = feed(ward);
        out["ward-proxy-for-site"] = next_bundle(f, t, {w.doc(site, "site_info", "main", {{"n", 1}}, true)});
    }
    {
        auto f = feed(ward);
        out["edit-of-locked"] = next_bundle(f, t, {w.doc(ward, "allocation", "r1", site_amounts_body("r1", 6))});
    }
    {
        auto f = feed(pref);
        out["unlock"] = next_bundle(f, t, {w.doc(pref, "lock", "r1", {{"locks", nlohmann::json::array()}})});
    }
    {
        auto f = feed(ward);
        const Account a = account_for("site:0110113719");
        auto acc = account_document(w.rel, a, "U-test", t0());
        must(acc.ok(), "account_document");
        acc->time = "2021-06-02T00:00:00Z";
        must(seal(*acc).ok(), "seal");
        const CodeSecret secret = secret_of(200);
        auto e = issue_enrolment(w.rel, f.key, ward, "U-test", a, t0(), t0() + 7 * k_seconds_per_day,
                                 t0() + 400 * k_seconds_per_day, &secret);
        must(e.ok(), "issue_enrolment");
        out["ward-account-and-enrolment"] = next_bundle(f, t, {*acc, e->document});
    }
    {
        auto f = feed("nation");
        out["nation-round-and-lock"] =
            next_bundle(f, t, {w.doc("nation", "round", "r2", round_body("r2")),
                               w.doc("nation", "lock", "rounds", {{"locks", {w.doc("nation", "round", "r1", {}).replaces}}})});
    }
    {
        auto f = feed(ward2);
        out["other-owner-refused"] = next_bundle(f, t, {w.doc(ward, "allocation", "r3", site_amounts_body("r3", 1))});
    }
    {
        auto f = feed(site);
        next_bundle(f, t, {w.doc(site, "report", "main", {{"vials", 11}})});
        out["gap"] = next_bundle(f, t + 60, {w.doc(site, "report", "other", {{"vials", 1}})});
    }
    return out;
}

std::map<std::string, std::string> seed_archives() {
    const FuzzWorld& w = world();
    const std::string site(k_site), site2(k_site2), ward(k_ward), ward2(k_ward2), pref(k_pref);
    auto outgoing = [&](FeedWriter& f, UtcTime time, std::vector<DocumentVersion> docs,
                        std::vector<std::string> to = {}) {
        Outgoing o{next_bundle(f, time, docs, to), f.org, device_id_of(f.key.public_hex), to, {}};
        for (const auto& d : docs) o.doc_hashes.push_back(d.hash);
        return o;
    };
    auto archive = [&](std::vector<Outgoing> outbox) {
        SyncState s;
        s.outbox = std::move(outbox);
        auto a = export_outbox(s, w.rel, t0() + 86400);
        must(a.ok(), "export_outbox");
        return *a;
    };
    std::map<std::string, std::string> out;
    {
        auto f = w.dev.at(site);
        auto b2 = outgoing(f, t0() + 7200, {w.doc(site, "report", "main", {{"vials", 12}})});
        auto b3 = outgoing(f, t0() + 7300, {w.doc(site, "request", "r1", request_body("r1", 2))});
        out["site-two-bundles"] = archive({b2, b3});
    }
    {
        auto f2 = w.dev.at(site2);
        auto g = w.dev.at(ward2);
        out["two-feeds"] = archive({outgoing(f2, t0() + 7200, {w.device_doc.at(site2)}),
                                    outgoing(f2, t0() + 7300, {w.doc(site2, "report", "main", {{"vials", 3}})}),
                                    outgoing(g, t0() + 7250, {w.doc(ward2, "allocation", "r2", site_amounts_body("r2", 3))}, {ward})});
    }
    {
        // The unlock was signed before the edit: imported together, both are accepted.
        auto p = w.dev.at(pref);
        auto m = w.dev.at(ward);
        out["unlock-then-edit"] =
            archive({outgoing(m, t0() + 9000, {w.doc(ward, "allocation", "r1", site_amounts_body("r1", 6))}),
                     outgoing(p, t0() + 8000, {w.doc(pref, "lock", "r1", {{"locks", nlohmann::json::array()}})})});
    }
    {
        auto f = w.dev.at(site);
        auto files = decode_archive(archive({outgoing(f, t0() + 7200, {w.doc(site, "report", "main", {{"vials", 1}})})}));
        must(files.ok(), "decode_archive");
        files->push_back({"news/nation/2021-06-02/note", "not a bundle"});
        files->push_back({"feeds/site_0110113719/0000000000000000/0000000002-" + std::string(64, '0') + ".json", "{}"});
        auto a = encode_archive(*files);
        must(a.ok(), "encode_archive");
        out["with-odd-files"] = *a;
    }
    out["empty"] = archive({});
    return out;
}

std::uint64_t served_seq(const nlohmann::json& bundle) {
    if (!bundle.is_object()) return 1;
    const auto s = bundle.find("seq");
    if (s == bundle.end() || !s->is_number_unsigned() || s->get<std::uint64_t>() == 0) return 1;
    return s->get<std::uint64_t>() <= 9999999999ULL ? s->get<std::uint64_t>() : 0;
}

Verdict verify_and_commit(std::string_view bytes, std::string_view file_name) {
    const FuzzWorld& w = world();
    auto cache = w.trust.cert_cache;
    auto v = verify_bundle(bytes, file_name, w.context(), &cache);
    if (v.accepted() || v.advances_feed) {
        TrustState trust = w.trust;
        DocumentStore store = w.store;
        auto s = commit(v, trust, store);
        // verify_bundle checked the batch against this very store: applying it cannot fail.
        VSYS_FUZZ_CHECK(s.ok());
        VSYS_FUZZ_CHECK(trust.feeds[v.feed].hashes.back() == v.hash);
        if (v.accepted()) VSYS_FUZZ_CHECK(store.size() >= w.store.size());
        // Read again, the same file is now a replay and changes nothing.
        auto again = verify_bundle(bytes, file_name, VerifyContext{trust, store, w.rel}, &cache);
        VSYS_FUZZ_CHECK(again.error.code == "bundle.replay");
    }
    return v;
}

bool fix_archive_checksum(std::string& bytes) {
    if (bytes.size() < 70 || bytes.back() != '\n') return false;
    const auto line = bytes.rfind('\n', bytes.size() - 2);
    if (line == std::string::npos || bytes.compare(line + 1, 4, "end ") != 0) return false;
    const std::size_t hash_at = bytes.size() - 65;
    if (hash_at <= line + 5 || bytes[hash_at - 1] != ' ') return false;
    const std::string hash = crypto::blake2b_256_hex(std::string_view(bytes).substr(0, line + 1));
    bytes.replace(hash_at, 64, hash);
    return true;
}

void property_failed(const char* what) {
    std::fprintf(stderr, "fuzz property failed: %s\n", what);
    std::abort();
}

}  // namespace vsys::fuzz
