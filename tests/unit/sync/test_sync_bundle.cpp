// Bundles (sync/bundle.hpp) verified and committed against a test world (test_sync_fixture.hpp):
// each way a bundle is refused, each refusal changing nothing and naming its reason.
//
// [SECTION] Snapshots, refusals that change nothing, renamed files
// [SECTION] Signatures, hashes and certificates
// [SECTION] A feed's order, the signer's authority and locks
// [SECTION] Damaged files, enrolment codes, expired certificates, file names
// [SECTION] Validity periods, with bundles signed again
// [SECTION] Errors that name the wrong member
#include <doctest/doctest.h>

#include <functional>

#include "sync/crypto.hpp"
#include "sync/sync_state_json.hpp"
#include "test_sync_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;
using namespace vsys::sync::testing;

// [SECTION] Snapshots, refusals that change nothing, renamed files

namespace {

struct Snapshot {
    std::size_t docs;
    std::map<std::string, std::size_t> feeds;
    std::size_t spent;
    explicit Snapshot(const World& w) : docs(w.store.size()), spent(w.trust.spent.size()) {
        for (const auto& [k, f] : w.trust.feeds) feeds[k] = f.hashes.size();
    }
    bool operator==(const Snapshot& o) const { return docs == o.docs && feeds == o.feeds && spent == o.spent; }
};

// Verifies and commits a bundle that must be refused with `code` without changing anything.
void expect_rejected_unchanged(World& w, const BundleFile& f, const std::string& code,
                               std::size_t max = k_default_max_bundle_bytes) {
    Snapshot before(w);
    auto v = w.verify(f, max);
    CHECK(v.error.code == code);
    CHECK_FALSE(v.advances_feed);
    commit(v, w.trust, w.store);
    CHECK(Snapshot(w) == before);
}

BundleFile renamed(std::string bytes, std::uint64_t seq) {
    BundleFile f;
    f.bytes = std::move(bytes);
    f.hash = crypto::blake2b_256_hex(f.bytes);
    f.seq = seq;
    f.name = bundle_file_name(seq, f.hash);
    return f;
}

}  // namespace

// [SECTION] Signatures, hashes and certificates

TEST_CASE("a signed bundle from a certified device is verified and applied") {
    World w;
    auto d = w.doc("site:0110113719", "report", "main", {{"vials", 10}});
    auto f = w.publish("site:0110113719", {d});
    CHECK(f.name == bundle_file_name(1, f.hash));
    CHECK(w.receive(f) == "");
    CHECK(w.store.contains(d.hash));
    CHECK(w.trust.feeds.size() == 1);
    CHECK(w.trust.spent.size() == 4);  // the site, ward, prefecture and nation enrolments of its chain
}

TEST_CASE("a forged signature is rejected and changes nothing") {
    World w;
    auto f = w.publish("site:0110113719", {w.doc("site:0110113719", "report", "main", {{"vials", 10}})});
    auto pos = f.bytes.rfind("\"sig\":\"") + 7;  // the bundle's own, after the chain's
    f.bytes[pos] = f.bytes[pos] == 'a' ? 'b' : 'a';
    expect_rejected_unchanged(w, renamed(f.bytes, 1), "bundle.signature");
}

TEST_CASE("one altered byte is rejected by the file hash, and by the signature when renamed") {
    World w;
    auto f = w.publish("site:0110113719", {w.doc("site:0110113719", "report", "main", {{"vials", 10}})});
    auto pos = f.bytes.find("\"vials\":10") + 8;
    f.bytes[pos] = '9';
    expect_rejected_unchanged(w, f, "bundle.hash_mismatch");
    expect_rejected_unchanged(w, renamed(f.bytes, 1), "bundle.signature");
}

TEST_CASE("a key not certified by its parent organisation is rejected") {
    World w;
    // Ward 131024's device certifies a site of ward 131016, which it does not manage.
    Account a = account_for("site:0110113719");
    KeyPair code = enrolment_key(CodeSecret{7});
    Certificate e{"enrolment", code.public_hex, a.vsys_id, a.org, a.role, "", format_utc(t0()),
                  format_utc(t0() + 86400), format_utc(t0() + 86400 * 300), "", ""};
    sign_certificate(e, w.dev["muni:131024"].key);
    auto enrolled = claim_enrolment(encode_enrolment_code(CodeSecret{7}), e, w.dev["muni:131024"].chain, {},
                                    key_pair_from_seed(seed_of(99)), t0());
    REQUIRE(enrolled);
    FeedWriter rogue{a.org, enrolled->device, enrolled->chain, 0, ""};
    auto f = *write_bundle(rogue, t0() + 60, {w.doc(a.org, "report", "main", {{"vials", 1}})}, {});
    expect_rejected_unchanged(w, f, "cert.issuer");
}

// [SECTION] A feed's order, the signer's authority and locks

TEST_CASE("replay, gap, reorder and fork are each rejected with their own reason") {
    World w;
    const std::string site = "site:0110113719";
    auto b1 = w.publish(site, {w.doc(site, "report", "a", {{"v", 1}})});
    FeedWriter after1 = w.dev[site];
    auto b2 = w.publish(site, {w.doc(site, "report", "b", {{"v", 2}})});
    auto b3 = w.publish(site, {w.doc(site, "report", "c", {{"v", 3}})});
    CHECK(w.receive(b1) == "");

    SUBCASE("replay") { expect_rejected_unchanged(w, b1, "bundle.replay"); }
    SUBCASE("gap") { expect_rejected_unchanged(w, b3, "bundle.gap"); }
    SUBCASE("reorder: a sequence number that does not follow its previous bundle") {
        FeedWriter odd = after1;
        odd.seq = 3;  // claims seq 4 right after bundle 1
        auto f = *write_bundle(odd, t0() + 7200, {w.doc(site, "report", "d", {{"v", 4}})}, {});
        expect_rejected_unchanged(w, f, "bundle.reorder");
    }
    SUBCASE("fork: two bundles with one sequence number") {
        CHECK(w.receive(b2) == "");
        FeedWriter other = after1;
        auto f = *write_bundle(other, t0() + 7200, {w.doc(site, "report", "x", {{"v", 9}})}, {});
        CHECK(f.seq == 2);
        expect_rejected_unchanged(w, f, "bundle.fork");
    }
    SUBCASE("in order everything is accepted") {
        CHECK(w.receive(b2) == "");
        CHECK(w.receive(b3) == "");
        CHECK(w.store.size() == 3);
    }
}

TEST_CASE("a signer outside its authority is refused and nothing is applied") {
    World w;
    SUBCASE("a site publishing an allocation") {
        auto f = w.publish("site:0110113719", {w.doc("site:0110113719", "allocation", "r1", site_amounts_body("r1", 5))});
        auto v = w.verify(f);
        CHECK(v.error.code == "authority.kind");
        CHECK(v.advances_feed);
        commit(v, w.trust, w.store);
        CHECK(w.store.size() == 0);
    }
    SUBCASE("a municipality writing another municipality's document") {
        auto f = w.publish("muni:131016", {w.doc("muni:131024", "allocation", "r1", site_amounts_body("r1", 5))});
        auto v = w.verify(f);
        CHECK(v.error.code == "authority.owner");
        commit(v, w.trust, w.store);
        CHECK(w.store.size() == 0);
    }
    SUBCASE("a municipality writing another municipality's site as proxy") {
        auto f = w.publish("muni:131016", {w.doc("site:1310200001", "report", "main", {{"n", 1}}, true)});
        CHECK(w.verify(f).error.code == "authority.proxy");
    }
    SUBCASE("a site's own municipality may write a proxy version") {
        auto f = w.publish("muni:131016", {w.doc("site:0110113719", "report", "main", {{"n", 1}}, true)});
        CHECK(w.receive(f) == "");
    }
    SUBCASE("an account document written by an organisation that does not manage it") {
        Account a = account_for("site:1310200001");
        auto d = *account_document(w.rel, a, "U-x", t0());
        d.owner = "muni:131016";
        seal(d);
        auto f = w.publish("muni:131016", {d});
        CHECK(w.verify(f).error.code == "authority.managing");
    }
}

TEST_CASE("an edit of a locked version is refused whatever its time, until the lock is lifted") {
    World w;
    const std::string muni = "muni:131016";
    auto a1 = w.doc(muni, "allocation", "r1", site_amounts_body("r1", 5));
    CHECK(w.receive(w.publish(muni, {a1})) == "");
    auto lock = w.doc("pref:130001", "lock", "r1", {{"locks", {a1.hash}}});
    CHECK(w.receive(w.publish("pref:130001", {lock})) == "");
    CHECK(w.store.is_locked(a1.hash));

    auto a2 = w.doc(muni, "allocation", "r1", site_amounts_body("r1", 6));
    a2.time = "2030-01-01T00:00:00Z";  // a later clock changes nothing
    seal(a2);
    auto v = w.verify(w.publish(muni, {a2}));
    CHECK(v.error.code == "store.locked");
    commit(v, w.trust, w.store);
    CHECK_FALSE(w.store.contains(a2.hash));

    auto unlock = w.doc("pref:130001", "lock", "r1", {{"locks", nlohmann::json::array()}});
    CHECK(w.receive(w.publish("pref:130001", {unlock})) == "");
    CHECK(w.receive(w.publish(muni, {a2})) == "");
    CHECK(w.store.current(a1.key())->hash == a2.hash);
}

TEST_CASE("a municipality may not lock another prefecture's subtree") {
    World w;
    auto n = w.doc("nation", "round", "r1", round_body("r1"));
    CHECK(w.receive(w.publish("nation", {n})) == "");
    auto lock = w.doc("muni:131016", "lock", "x", {{"locks", {n.hash}}});
    CHECK(w.verify(w.publish("muni:131016", {lock})).error.code == "authority.lock");
}

// [SECTION] Damaged files, enrolment codes, expired certificates, file names

TEST_CASE("damaged files are rejected before parsing goes further: truncated, oversized, bad UTF-8, bad JSON") {
    World w;
    auto f = w.publish("site:0110113719", {w.doc("site:0110113719", "report", "main", {{"vials", 10}})});
    expect_rejected_unchanged(w, renamed(f.bytes.substr(0, f.bytes.size() / 2), 1), "bundle.truncated");
    expect_rejected_unchanged(w, f, "bundle.too_large", 100);
    std::string bad_utf8 = f.bytes;
    bad_utf8.insert(bad_utf8.find("main"), "\xff");
    expect_rejected_unchanged(w, renamed(bad_utf8, 1), "bundle.utf8");
    expect_rejected_unchanged(w, renamed("{\"schema\":1]", 1), "bundle.json");
    expect_rejected_unchanged(w, renamed(" " + f.bytes, 1), "bundle.not_canonical");
    expect_rejected_unchanged(w, renamed("[]", 1), "bundle.malformed");
}

TEST_CASE("an enrolment code used twice: the first device wins, the second is rejected") {
    World w;
    Account a = account_for("site:0110113719");
    a.vsys_id = "U-second";
    auto e = *issue_enrolment(w.rel, w.dev["muni:131016"].key, "muni:131016", "U-x", a, t0(),
                              t0() + 86400 * 7, t0() + 86400 * 300);
    auto first = *claim_enrolment(e.code, e.cert, w.dev["muni:131016"].chain, {}, key_pair_from_seed(seed_of(50)), t0());
    auto second = *claim_enrolment(e.code, e.cert, w.dev["muni:131016"].chain, {}, key_pair_from_seed(seed_of(51)), t0());
    FeedWriter f1{a.org, first.device, first.chain, 0, ""}, f2{a.org, second.device, second.chain, 0, ""};
    CHECK(w.receive(*write_bundle(f1, t0() + 60, {first.document}, {})) == "");
    expect_rejected_unchanged(w, *write_bundle(f2, t0() + 90, {second.document}, {}), "enrolment.spent");
    // And locally, a device that knows the code is spent refuses to claim it.
    CHECK(claim_enrolment(e.code, e.cert, {}, w.trust.spent, key_pair_from_seed(seed_of(52)), t0()).error().code ==
          "enrolment.spent");
}

TEST_CASE("a bundle signed after the device certificate expired is rejected") {
    World w;
    auto f = *write_bundle(w.dev["site:0110113719"], t0() + 500 * k_seconds_per_day, {}, {});
    expect_rejected_unchanged(w, f, "cert.expired");
}

TEST_CASE("bundle file names carry the sequence and the content hash") {
    std::uint64_t seq = 0;
    std::string hash;
    std::string name = bundle_file_name(42, std::string(64, 'a'));
    CHECK(name == "0000000042-" + std::string(64, 'a') + ".json");
    CHECK(parse_bundle_name(name, seq, hash));
    CHECK(seq == 42);
    CHECK_FALSE(parse_bundle_name("42-abc.json", seq, hash));
    CHECK_FALSE(parse_bundle_name("0000000000-" + std::string(64, 'a') + ".json", seq, hash));
}

TEST_CASE("a bundle named for another place in its feed is refused and changes nothing") {
    World w;
    auto first = w.publish("site:0110113719", {w.doc("site:0110113719", "report", "main", {{"vials", 10}})});
    REQUIRE(w.receive(first) == "");
    auto second = w.publish("site:0110113719", {w.doc("site:0110113719", "report", "main", {{"vials", 11}})});
    // The second bundle, its hash right, its number 3: readers order a feed by the names.
    expect_rejected_unchanged(w, renamed(second.bytes, 3), "bundle.name_seq");
    auto v = w.verify(renamed(second.bytes, 3));
    CHECK(v.error.arg("name") == "3");
    CHECK(v.error.arg("seq") == "2");
    CHECK(w.receive(second) == "");  // under its own name it is accepted
}

// [SECTION] Validity periods, with bundles signed again

namespace {

// The bundle `f` changed by `edit` and signed again with the feed's key, so that only the edit
// can be refused.
BundleFile resigned(World& w, const std::string& org, const BundleFile& f,
                    const std::function<void(nlohmann::json&)>& edit) {
    auto j = *parse_canonical(f.bytes);
    edit(j);
    j.erase("sig");
    j["sig"] = sign(w.dev[org].key, std::string(k_sign_bundle) + *canonical(j));
    return renamed(*canonical(j), f.seq);
}

}  // namespace

TEST_CASE("a bundle without a chain is refused when its time is outside the device certificate's validity") {
    // PROTOCOL section 3: the signing device's certificate must be valid at the bundle's time,
    // for a feed's first bundle (which carries the chain) and every later one (which does not).
    World w;
    const std::string site = "site:0110113719";
    CHECK(w.receive(w.publish(site, {w.doc(site, "report", "a", {{"v", 1}})})) == "");
    const FeedWriter after1 = w.dev[site];
    // The last: a second beyond the clock skew tolerated before valid_from (PROTOCOL §8).
    for (const char* when : {"2000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2021-05-28T23:59:59Z"}) {
        CAPTURE(when);
        FeedWriter feed = after1;
        auto f = *write_bundle(feed, *parse_utc(when), {w.doc(site, "report", "b", {{"v", 2}})}, {});
        REQUIRE(f.seq == 2);
        REQUIRE(f.bytes.find("\"chain\":[]") != std::string::npos);
        expect_rejected_unchanged(w, f, "cert.expired");
    }
    // Within the validity (issued at t0, valid 400 days) the same bundle is accepted.
    FeedWriter feed = after1;
    CHECK(w.receive(*write_bundle(feed, t0() + 399 * k_seconds_per_day, {w.doc(site, "report", "b", {{"v", 2}})}, {})) ==
          "");
}

TEST_CASE("the validity a feed was given survives the trust state's save and load") {
    World w;
    const std::string site = "site:0110113719";
    CHECK(w.receive(w.publish(site, {w.doc(site, "report", "a", {{"v", 1}})})) == "");
    auto loaded = decode_trust_state(encode_trust_state(w.trust));
    REQUIRE(loaded);
    const auto& before = w.trust.feeds.begin()->second;
    const auto& after = loaded->feeds.at(w.trust.feeds.begin()->first);
    CHECK(before.valid_from == t0());
    CHECK(before.valid_until == t0() + 400 * k_seconds_per_day);
    CHECK(after.valid_from == before.valid_from);
    CHECK(after.valid_until == before.valid_until);
    w.trust = std::move(*loaded);
    FeedWriter feed = w.dev[site];
    expect_rejected_unchanged(w, *write_bundle(feed, *parse_utc("2000-01-01T00:00:00Z"), {}, {}), "cert.expired");
}

// [SECTION] Errors that name the wrong member

TEST_CASE("each bundle error names the member that is wrong, an unknown one by its name") {
    World w;
    const std::string site = "site:0110113719";
    auto f = w.publish(site, {w.doc(site, "report", "main", {{"vials", 10}})});
    auto field_of = [&](const std::function<void(nlohmann::json&)>& edit, const std::string& code) {
        Snapshot before(w);
        auto v = w.verify(resigned(w, site, f, edit));
        CHECK(v.error.code == code);
        CHECK(Snapshot(w) == before);
        return v.error.arg(code.find("unknown_member") != std::string::npos ? "member" : "field");
    };
    CHECK(field_of([](auto& j) { j["time"] = "2021-06-01 01:00:00Z"; }, "bundle.malformed") == "time");
    CHECK(field_of([](auto& j) { j["time"] = "2021-13-01T01:00:00Z"; }, "bundle.malformed") == "time");
    CHECK(field_of([](auto& j) { j["org"] = "clinic"; }, "bundle.malformed") == "org");
    CHECK(field_of([](auto& j) { j["device"] = "XYZ"; }, "bundle.malformed") == "device");
    CHECK(field_of([](auto& j) { j["prev"] = "00"; }, "bundle.malformed") == "prev");
    CHECK(field_of([](auto& j) { j["note"] = "hello"; }, "bundle.unknown_member") == "note");
    CHECK(field_of([](auto& j) { j["chain"][0]["comment"] = 1; }, "cert.unknown_member") == "comment");
    CHECK(field_of([](auto& j) { j["chain"][0]["valid_until"] = "soon"; }, "cert.malformed") == "valid_until");
}

TEST_CASE("a document's unknown member and a time not in ISO 8601 form are named, not taken for a hash mismatch") {
    World w;
    const std::string site = "site:0110113719";
    SUBCASE("an extra member, with the hash computed over it") {
        auto d = w.doc(site, "report", "main", {{"vials", 10}});
        auto f = resigned(w, site, w.publish(site, {d}), [](auto& j) {
            auto& doc = j["docs"][0];
            doc.erase("hash");
            doc["extra"] = "x";
            doc["hash"] = crypto::blake2b_256_hex(*canonical(doc));
        });
        auto v = w.verify(f);
        CHECK(v.error.code == "document.unknown_member");
        CHECK(v.error.arg("member") == "extra");
    }
    SUBCASE("a document time that is not YYYY-MM-DDTHH:MM:SSZ") {
        auto d = w.doc(site, "report", "main", {{"vials", 10}});
        d.time = "yesterday";
        seal(d);
        auto v = w.verify(w.publish(site, {d}));
        CHECK(v.error.code == "document.malformed");
        CHECK(v.error.arg("field") == "time");
        commit(v, w.trust, w.store);
        CHECK(w.store.size() == 0);
    }
}

TEST_SUITE_END();
