#include <functional>

#include <doctest/doctest.h>

#include "sync/archive.hpp"
#include "test_sync_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;
using namespace vsys::sync::testing;

namespace {

std::vector<ArchiveFile> sample_files() {
    return {{"feeds/site_0110113719/0123456789abcdef/a.json", "{\"x\":1}"},
            {"inbox/nation/2021-06-01/p", std::string("\0\n\xff end 1 x\n", 12)},
            {"news/muni_131016/empty", ""}};
}

// A site's outbox of `n` bundles (each one request), as the device would hold it before a sync.
SyncState site_outbox(World& w, int n) {
    SyncState s;
    const std::string org = "site:0110113719";
    for (int i = 0; i < n; ++i) {
        auto d = w.doc(org, "request", "r" + std::to_string(i), request_body("r" + std::to_string(i), i + 1));
        auto f = *write_bundle(w.dev[org], t0() + 3600, {d}, {});
        s.outbox.push_back({f, org, device_id_of(w.dev[org].key.public_hex), {}, {d.hash}});
    }
    return s;
}

std::string replace_bundle(const std::string& archive, const std::function<void(std::string&)>& change) {
    auto files = *decode_archive(archive);
    for (auto& f : files)
        if (f.path.compare(0, 6, "feeds/") == 0) {
            change(f.bytes);
            break;
        }
    return *encode_archive(files);
}

}  // namespace

TEST_CASE("an archive gives back every file byte for byte, binary and empty ones included") {
    auto bytes = encode_archive(sample_files());
    REQUIRE(bytes);
    CHECK(bytes->rfind("vsys-archive 1\n", 0) == 0);
    auto files = decode_archive(*bytes);
    REQUIRE(files);
    REQUIRE(files->size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK((*files)[i].path == sample_files()[i].path);
        CHECK((*files)[i].bytes == sample_files()[i].bytes);
    }
    CHECK(decode_archive(*encode_archive({}))->empty());
}

TEST_CASE("an archive cut short anywhere is refused as truncated") {
    const std::string bytes = *encode_archive(sample_files());
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        auto r = decode_archive(std::string_view(bytes).substr(0, n));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "archive.truncated");
    }
}

TEST_CASE("one altered byte of an archive is refused before any file is read") {
    const std::string bytes = *encode_archive(sample_files());
    std::string altered = bytes;
    altered[bytes.find("\"x\":1") + 4] = '2';
    CHECK(decode_archive(altered).error().code == "archive.checksum");
    CHECK(decode_archive(bytes + "x").error().code == "archive.malformed");
    CHECK(decode_archive("PK\x03\x04 a zip file").error().code == "archive.format");
    CHECK(decode_archive(bytes, bytes.size() - 1).error().code == "archive.too_large");
}

TEST_CASE("an archive with more files than the limit is refused as it is read") {
    std::vector<ArchiveFile> three = {{"a", "1"}, {"b", "2"}, {"c", "3"}};
    const std::string bytes = *encode_archive(three);
    CHECK(decode_archive(bytes, bytes.size(), 3));
    auto r = decode_archive(bytes, bytes.size(), 2);
    CHECK(r.error().code == "archive.too_many_files");
    CHECK(r.error().arg("max") == "2");
}

TEST_CASE("archive paths stay inside the exchange: no absolute, parent, empty or odd segments, no duplicates") {
    for (const char* bad : {"/etc/passwd", "../x", "a/../b", "a//b", "a/./b", "a\\b", "a/b/", "", "a b", "a:b"}) {
        CAPTURE(bad);
        CHECK_FALSE(valid_archive_path(bad));
        CHECK(encode_archive({{bad, "x"}}).error().code == "archive.path");
    }
    CHECK(valid_archive_path("feeds/site_0110113719/0123456789abcdef/0000000001-ab.json"));
    CHECK(encode_archive({{"a", "1"}, {"a", "2"}}).error().code == "archive.duplicate");
    // A hand-made archive with a parent segment is refused on reading too.
    std::string evil = "vsys-archive 1\n1 ../x\nx\n";
    CHECK(decode_archive(evil).error().code == "archive.path");
}

TEST_CASE("an exported outbox imports at the municipality: bundles verified and applied, twice changes nothing") {
    World w;
    World reader;  // the same deployment (same seeds), seen from a municipality that imports
    SyncState outbox = site_outbox(w, 3);
    auto file = export_outbox(outbox, w.rel, t0() + 7200);
    REQUIRE(file);
    CHECK(outbox.outbox.size() == 3);  // still to be pushed to the exchange
    auto files = *decode_archive(*file);
    // Three bundles, each with pointers for the site, its municipality, prefecture and the nation.
    CHECK(files.size() == 3 * 5);

    SyncState state;
    state.cursors["inbox/muni_131016"] = "2021-05-01";
    auto rep = import_archive(*file, reader.rel, state, reader.trust, reader.store);
    REQUIRE(rep);
    CHECK(rep->accepted.size() == 3);
    CHECK(rep->rejected.empty());
    CHECK(reader.store.size() == 3);
    CHECK(state.cursors["inbox/muni_131016"] == "2021-05-01");

    auto again = import_archive(*file, reader.rel, state, reader.trust, reader.store);
    REQUIRE(again);
    CHECK(again->skipped == 3);
    CHECK(again->accepted.empty());
    CHECK(reader.store.size() == 3);
}

TEST_CASE("a bundle altered inside an archive whose checksum was redone is rejected and changes nothing") {
    World w;
    World reader;
    const std::string file = *export_outbox(site_outbox(w, 2), w.rel, t0() + 7200);
    const std::string forged = replace_bundle(file, [](std::string& b) { b[b.find("\"boxes\":1") + 8] = '9'; });
    SyncState state;
    auto rep = import_archive(forged, reader.rel, state, reader.trust, reader.store);
    REQUIRE(rep);
    REQUIRE(rep->rejected.size() == 2);
    CHECK(rep->rejected[0].error.code == "bundle.hash_mismatch");
    CHECK(rep->rejected[1].error.code == "bundle.gap");  // the feed cannot go past the bad bundle
    CHECK(reader.store.size() == 0);
    CHECK(state.rejected.size() == 2);
}

TEST_CASE("importing a bundle file moved into another feed's folder is refused") {
    World w;
    World reader;
    auto files = *decode_archive(*export_outbox(site_outbox(w, 1), w.rel, t0() + 7200));
    for (auto& f : files)
        if (f.path.compare(0, 6, "feeds/") == 0)
            f.path = "feeds/site_1310200001/" + device_id_of(w.dev["site:1310200001"].key.public_hex) +
                     f.path.substr(f.path.rfind('/'));
    SyncState state;
    auto rep = import_archive(*encode_archive(files), reader.rel, state, reader.trust, reader.store);
    REQUIRE(rep);
    REQUIRE(rep->rejected.size() == 1);
    CHECK(rep->rejected[0].error.code == "bundle.folder");
    CHECK(reader.store.size() == 0);
    CHECK(reader.trust.feeds.empty());
}

TEST_SUITE_END();
