// Packs (sync/pack.hpp, docs/PROTOCOL.md §16): a municipality packs its subtree's day for its
// prefecture, the prefecture for the nation; readers take from a pack only the bundles their
// own pointers name and fetch one by one whatever a pack lacks, so a tampered pack changes
// nothing but the packer's record.
//
// [SECTION] A first day of bundles, and reading packs on the exchange
// [SECTION] Pack names, and a ward packing its sites' day
// [SECTION] Large days, and packs already taken
// [SECTION] Tampered packs and bundles no pointer names
// [SECTION] The gzip twin, and sync state in JSON
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "sync/archive.hpp"
#include "sync/crypto.hpp"
#include "sync/exchange.hpp"
#include "sync/pack.hpp"
#include "sync/pack_twin.hpp"
#include "sync/sync_state_json.hpp"
#include "test_sync_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;
using namespace vsys::sync::testing;

// [SECTION] A first day of bundles, and reading packs on the exchange

namespace {

constexpr UtcTime k_day = k_seconds_per_day;

std::set<std::string> hashes_of(const DocumentStore& s) {
    std::set<std::string> out;
    for (const auto* d : s.all()) out.insert(d->hash);
    return out;
}

std::vector<std::string> files_under(const MemoryTransport& ex, const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& [path, bytes] : ex.files)
        if (path.rfind(prefix, 0) == 0) out.push_back(path);
    return out;
}

// On the first day two sites publish (site1 twice); ward1 has a bundle queued, put when it syncs.
struct Day {
    World w;
    MemoryTransport ex;
    Device site1{w, "site:0110113719"}, site2{w, "site:1310200001"};
    Device ward1{w, "muni:131016"}, ward2{w, "muni:131024"};
    Device pref{w, "pref:130001"}, nation{w, "nation"};

    explicit Day(int site2_bundles = 1) {
        site1.write("request", "r1", request_body("r1", 3));
        site1.write("request", "r2", request_body("r2", 4));
        for (int i = 1; i <= site2_bundles; ++i)
            site2.write("request", "r" + std::to_string(i), request_body("r" + std::to_string(i), 5));
        ward1.write("allocation", "r1", site_amounts_body("r1", 3));
        for (Device* d : {&site1, &site2}) REQUIRE(d->sync(ex, w).complete);
    }
};

// The pack in packs/<reader>/<day>/ (exactly one expected).
std::string only_pack(const MemoryTransport& ex, const std::string& reader) {
    std::vector<std::string> packs;
    for (const auto& p : files_under(ex, packs_folder(reader) + "/"))
        if (p.size() > 5 && p.substr(p.size() - 5) == ".pack") packs.push_back(p);
    REQUIRE(packs.size() == 1);
    return packs[0];
}

// Replaces a pack on the exchange by `files` re-archived under their new hash (the packer's own
// key signs, so only the content disagrees with the manifest).
std::string republish(MemoryTransport& ex, const std::string& old_path, const std::vector<ArchiveFile>& files) {
    ex.files.erase(old_path);
    ex.files.erase(old_path + ".gz");
    auto bytes = *encode_archive(files);
    PackName pn;
    REQUIRE(parse_pack_name(old_path.substr(old_path.rfind('/') + 1), pn));
    const std::string path = old_path.substr(0, old_path.rfind('/') + 1) +
                             pack_file_name(pn.org, pn.device, crypto::blake2b_256_hex(bytes));
    ex.files[path] = bytes;
    return path;
}

}  // namespace

// [SECTION] Pack names, and a ward packing its sites' day

TEST_CASE("pack names: <org>.<device>.<hash>.pack, nothing else") {
    const std::string h(64, 'a');
    PackName pn;
    REQUIRE(parse_pack_name(pack_file_name("muni:131016", "0123456789abcdef", h), pn));
    CHECK(pn.org == "muni:131016");
    CHECK(pn.device == "0123456789abcdef");
    CHECK(pn.hash == h);
    CHECK_FALSE(parse_pack_name(pack_file_name("muni:131016", "0123456789abcdef", h) + ".gz", pn));
    CHECK_FALSE(parse_pack_name("muni_131016.0123456789abcdef." + std::string(64, 'z') + ".pack", pn));
    CHECK_FALSE(parse_pack_name("muni_131016.short." + h + ".pack", pn));
    CHECK_FALSE(parse_pack_name("muni_131016.0123456789abcdef.x." + h + ".pack", pn));
}

TEST_CASE("a ward packs its sites' day for its prefecture, which reads the pack instead of each bundle") {
    // site2 publishes more than a reader fetches at once on the open day (k_pack_wait_bundles).
    const int many = static_cast<int>(k_pack_wait_bundles) + 1;
    Day d(many);
    auto r = d.ward1.sync_packing(d.ex, d.w);
    REQUIRE(r.complete);
    CHECK(r.packs_written == 1);
    // Its sites' two bundles and its own round: the pack, precompressed beside it.
    const std::string pack = only_pack(d.ex, "pref:130001");
    CHECK(pack.rfind("packs/pref_130001/2021-06-01/muni_131016.", 0) == 0);
    REQUIRE(d.ex.files.count(pack + ".gz"));
    CHECK(d.ex.files[pack + ".gz"].size() < d.ex.files[pack].size());
    CHECK(d.ward1.state.to_pack.empty());
    PackName pn;
    REQUIRE(parse_pack_name(pack.substr(pack.rfind('/') + 1), pn));
    auto opened = open_pack(d.ex.files[pack], pn, d.w.root.public_hex, d.w.rel, {}, nullptr);
    CHECK(opened.faults.empty());
    CHECK(opened.bundles.size() == 3);

    // The prefecture: ward1's subtree from the pack; ward2's site (whose ward has not packed)
    // is left for ward2's pack while the day is open: too many to fetch one by one.
    const std::size_t gets_before = d.ex.gets;
    auto p = d.pref.sync_packing(d.ex, d.w);
    REQUIRE(p.complete);
    CHECK(p.packs_read == 1);
    CHECK(p.from_packs == 3);
    CHECK(p.deferred == static_cast<std::size_t>(many));
    CHECK(d.ex.gets - gets_before == 1);  // the pack itself
    CHECK(d.pref.store.size() == 3);
    CHECK(d.pref.state.pack_faults.empty());
    CHECK(p.packs_written == 1);  // the prefecture packs them on for the nation

    // The next day the open day has closed: ward2's site comes one by one, and is packed too.
    auto next = d.pref.sync_packing(d.ex, d.w, t0() + k_day + 7200);
    REQUIRE(next.complete);
    CHECK(next.deferred == 0);
    CHECK(next.fetched == static_cast<std::size_t>(many));
    CHECK(next.from_packs == 0);
    CHECK(d.pref.store.size() == 3 + static_cast<std::size_t>(many));

    // The nation reads the prefecture's two packs of the first day: every bundle, no single GET
    // of a bundle.
    const std::size_t nat_gets = d.ex.gets;
    auto n = d.nation.sync(d.ex, d.w, t0() + k_day + 8000);
    REQUIRE(n.complete);
    CHECK(n.packs_read == 2);
    CHECK(n.from_packs == 3 + static_cast<std::size_t>(many));
    CHECK(n.fetched == n.from_packs);
    CHECK(d.ex.gets - nat_gets == 2);
    CHECK(hashes_of(d.nation.store) == hashes_of(d.pref.store));
}

// [SECTION] Large days, and packs already taken

TEST_CASE("a day larger than one upload goes in several packs, each under 16 MiB") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), ward(w, "muni:131016"), pref(w, "pref:130001");
    for (int i = 0; i < 4; ++i) site.write("report", "big" + std::to_string(i), {{"text", std::string(3u << 20, 'a' + i)}});
    REQUIRE(site.sync(ex, w).complete);
    auto r = ward.sync_packing(ex, w);
    REQUIRE(r.complete);
    CHECK(r.packs_written == 2);  // 12 MiB of bundles: 8 MiB at most in each
    for (const auto& p : files_under(ex, "packs/"))
        CHECK(ex.files[p].size() < (16u << 20));
    auto p = pref.sync(ex, w, t0() + k_day + 7200);
    REQUIRE(p.complete);
    CHECK(p.packs_read == 2);
    CHECK(p.from_packs == 4);
}

TEST_CASE("the packs a reader took are not read again; a reader without packs converges the same") {
    Day d;
    d.ward1.sync_packing(d.ex, d.w);
    d.ward2.sync_packing(d.ex, d.w);
    REQUIRE(d.pref.sync_packing(d.ex, d.w).complete);
    const std::size_t gets = d.ex.gets;
    auto again = d.pref.sync_packing(d.ex, d.w, t0() + 9000);
    CHECK(again.packs_read == 0);
    CHECK(again.fetched == 0);
    CHECK(d.ex.gets == gets);

    // A prefecture device that ignores packs (a day later, so nothing is deferred) ends the same.
    Device other(d.w, "pref:130001");
    MemoryTransport plain;
    for (const auto& [path, bytes] : d.ex.files)
        if (path.rfind("packs/", 0) != 0) plain.files[path] = bytes;
    REQUIRE(other.sync(plain, d.w, t0() + k_day + 7200).complete);
    CHECK(hashes_of(other.store) == hashes_of(d.pref.store));
}

// [SECTION] Tampered packs and bundles no pointer names

TEST_CASE("a tampered pack changes nothing but the packer's record: its bundles come one by one") {
    struct Tamper {
        const char* what;
        const char* fault;
    };
    for (const Tamper t : {Tamper{"altered", "pack.altered"}, Tamper{"added", "pack.extra"},
                           Tamper{"removed", "pack.missing"}, Tamper{"removed last of a feed", "pack.missing"},
                           Tamper{"bytes", "pack.hash"}, Tamper{"signature", "pack.signature"}}) {
        CAPTURE(t.what);
        Day d;
        Day ref;  // the same day read without packs, for the expected store
        REQUIRE(d.ward1.sync_packing(d.ex, d.w).complete);
        const std::string pack = only_pack(d.ex, "pref:130001");
        auto files = *decode_archive(d.ex.files[pack]);
        auto bundle_it = std::find_if(files.begin(), files.end(), [](const ArchiveFile& f) {
            return f.path.find("site_0110113719") != std::string::npos && f.path.find("0000000002-") != std::string::npos;
        });
        REQUIRE(bundle_it != files.end());
        std::string tampered_path = pack;
        const std::string s = t.what;
        if (s == "altered") {
            bundle_it->bytes[bundle_it->bytes.size() / 2] ^= 1;
            tampered_path = republish(d.ex, pack, files);
        } else if (s == "added") {
            files.push_back({"feeds/site_0110113719/0123456789abcdef/" + bundle_file_name(9, crypto::blake2b_256_hex("{}")),
                             "{}"});
            tampered_path = republish(d.ex, pack, files);
        } else if (s == "removed") {
            files.erase(std::find_if(files.begin(), files.end(), [](const ArchiveFile& f) {
                return f.path.find("site_0110113719") != std::string::npos && f.path.find("0000000001-") != std::string::npos;
            }));
            tampered_path = republish(d.ex, pack, files);
        } else if (s == "removed last of a feed") {
            files.erase(bundle_it);
            tampered_path = republish(d.ex, pack, files);
        } else if (s == "bytes") {
            d.ex.files[pack][d.ex.files[pack].size() / 3] ^= 1;
            d.ex.files.erase(pack + ".gz");
        } else {
            auto m = std::find_if(files.begin(), files.end(), [](const ArchiveFile& f) { return f.path == "pack.json"; });
            const auto at = m->bytes.rfind("\"sig\":\"") + 7;  // the manifest's own, after its chain's
            m->bytes[at] = m->bytes[at] == 'a' ? 'b' : 'a';
            tampered_path = republish(d.ex, pack, files);
        }

        // The prefecture reads on the next day, so the one-by-one fallback is not deferred.
        auto r = d.pref.sync(d.ex, d.w, t0() + k_day + 7200);
        REQUIRE(r.complete);
        CHECK(r.rejected == 0);
        REQUIRE_FALSE(d.pref.state.pack_faults.empty());
        CHECK(d.pref.state.pack_faults[0].error.code == t.fault);
        CHECK(d.pref.state.pack_faults[0].packer == "muni:131016/" + device_id_of(d.w.dev["muni:131016"].key.public_hex));
        CHECK(d.pref.state.pack_faults[0].pack == tampered_path);
        REQUIRE(ref.ward1.sync(ref.ex, ref.w).complete);
        REQUIRE(ref.pref.sync(ref.ex, ref.w, t0() + k_day + 7200).complete);
        CHECK(d.pref.store.size() == ref.pref.store.size());
        CHECK(d.pref.state.rejected.empty());
        // The record is kept across a reload.
        auto back = decode_sync_state(encode_sync_state(d.pref.state));
        REQUIRE(back);
        CHECK(back->pack_faults.size() == d.pref.state.pack_faults.size());
        CHECK(back->pack_faults[0].error.code == t.fault);
    }
}

TEST_CASE("a pack cannot bring what the reader's pointers do not name") {
    Day d;
    // ward1 packs, then a bundle nobody pointed at is slipped into a pack it signs itself.
    FeedWriter& ward = d.w.dev["muni:131016"];
    auto stray_doc = d.w.doc("site:0110113719", "request", "r9", request_body("r9", 9));
    FeedWriter site_copy = d.w.dev["site:0110113719"];
    site_copy.seq = 2;  // after the two bundles site1 published
    site_copy.last_hash = d.site1.trust.feeds.at("site:0110113719/" + device_id_of(site_copy.key.public_hex)).hashes.back();
    auto stray = *write_bundle(site_copy, t0() + 3600, {stray_doc}, {});
    std::map<std::string, std::string> bundles{
        {feed_folder("site:0110113719", device_id_of(site_copy.key.public_hex)) + "/" + stray.name, stray.bytes}};
    REQUIRE(d.ward1.sync(d.ex, d.w).complete);  // its own bundle, no pack
    auto pack = *make_pack(ward, "2021-06-01", t0() + 7200, bundles);
    d.ex.files["packs/pref_130001/2021-06-01/" + pack.name] = pack.bytes;
    auto r = d.pref.sync(d.ex, d.w, t0() + k_day + 7200);
    REQUIRE(r.complete);
    CHECK(r.packs_read == 1);
    CHECK(r.from_packs == 0);
    CHECK(d.pref.store.size() == 4);  // the four pointed bundles, fetched; not the stray one
    CHECK(d.pref.state.pack_faults.empty());
}

// [SECTION] The gzip twin, and sync state in JSON

TEST_CASE("a pack's gzip twin reads back to the pack's bytes, and nothing else does") {
    std::string pack;
    for (int i = 0; i < 2000; ++i) pack += "feeds/site_0110113719/0123456789abcdef/" + std::to_string(i) + "\n";
    const std::string gz = pack_gzip(pack);
    REQUIRE_FALSE(gz.empty());
    CHECK(gz.size() < pack.size() / 4);
    CHECK(pack_gzip(pack) == gz);  // the same bytes every time: no name or time in the header
    auto back = gunzip_pack_twin(gz, k_max_pack_bytes);
    REQUIRE(back);
    CHECK(*back == pack);
    CHECK_FALSE(gunzip_pack_twin(gz.substr(0, gz.size() - 9), k_max_pack_bytes));  // cut short
    CHECK_FALSE(gunzip_pack_twin(gz + "x", k_max_pack_bytes));                      // more after it
    CHECK_FALSE(gunzip_pack_twin(pack, k_max_pack_bytes));                          // not gzip
    CHECK_FALSE(gunzip_pack_twin(gz, pack.size() - 1));                             // beyond the limit
    CHECK(pack_gzip("x").empty());  // not worth a twin
}

TEST_CASE("sync state with packs survives its JSON") {
    SyncState s;
    s.to_pack["2021-06-01"]["feeds/site_0110113719/0123456789abcdef/0000000001-" + std::string(64, 'a') + ".json"] = "{}";
    s.packs_read["2021-06-01"].insert("x.pack");
    s.pack_faults.push_back({"packs/pref_130001/2021-06-01/x.pack", "muni:131016/0123456789abcdef",
                             Error{"pack.missing", "m", {{"path", "p"}}}});
    auto back = decode_sync_state(encode_sync_state(s));
    REQUIRE(back);
    CHECK(back->to_pack == s.to_pack);
    CHECK(back->packs_read == s.packs_read);
    REQUIRE(back->pack_faults.size() == 1);
    CHECK(back->pack_faults[0].error.args == s.pack_faults[0].error.args);
    // A state saved before packs reads as one without any.
    auto old = decode_sync_state(R"({"schema":1,"outbox":[],"files":{},"cursors":{},"rejected":[],"last_success":0})");
    REQUIRE(old);
    CHECK(old->to_pack.empty());
    CHECK_FALSE(decode_sync_state(R"({"schema":1,"outbox":[],"files":{},"cursors":{},"rejected":[],"last_success":0,"to_pack":[]})"));
}

TEST_SUITE_END();
