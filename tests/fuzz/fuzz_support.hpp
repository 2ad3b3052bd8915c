// What the libFuzzer targets share: a small deployment that is the same in every process (the
// seed writer and each fuzzer must agree on every key, or the seeds would be refused at the
// first signature), the reader's state the bundles are verified against, and the seeds.
//
// The deployment is the unit tests' (tests/unit/test_sync_fixture.hpp: root → nation → Tokyo →
// two wards → one site each), but enrolment secrets are fixed instead of random. The baseline
// reader has accepted one bundle of the site 0110113719, of ward 131016 (an allocation), of the
// prefecture (a lock on that allocation) and of the nation, so seeds can be a feed's next
// bundle, a new feed's first one, an edit of a locked version, an unlock, a proxy version...
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/archive.hpp"
#include "sync/bundle.hpp"
#include "sync/identity.hpp"
#include "sync/pack.hpp"
#include "test_sync_fixture.hpp"

namespace vsys::fuzz {

using sync::testing::TestRelations;

struct FuzzWorld {
    TestRelations rel;
    sync::KeyPair root;
    std::map<std::string, sync::FeedWriter> dev;     // org → its device's feed
    std::map<std::string, DocumentVersion> device_doc;  // org → its "device" document
    // The baseline reader (after the four bundles above).
    sync::TrustState trust;
    DocumentStore store;
    std::string allocation_r1;  // hash of ward 131016's locked allocation

    FuzzWorld();

    // A sealed version of (owner, kind, id) following the baseline store's current one.
    DocumentVersion doc(const std::string& owner, const std::string& kind, const std::string& id,
                        nlohmann::json body, bool proxy = false, const char* time = "2021-06-02T00:00:00Z") const;
    // The key of the device whose id is `device` ("" when no device of the world has it).
    const sync::KeyPair* key_of_device(std::string_view device) const;

    sync::VerifyContext context() const { return sync::VerifyContext{trust, store, rel}; }

private:
    int next_seed_ = 10;
    std::uint8_t next_secret_ = 1;
    sync::FeedWriter enrol(const std::string& org);
};

// Built once per process (a few milliseconds of signing).
const FuzzWorld& world();

// Valid bundles against the baseline: accepted ones and content refusals (locked version,
// authority), each a different path through verify_bundle. name → file.
std::map<std::string, sync::BundleFile> seed_bundles();
// Bundle files (archive.hpp) as the app exports them: name → bytes.
std::map<std::string, std::string> seed_archives();

// Packs (sync/pack.hpp) signed by ward 131016's device, of its site's bundles: name → bytes; and
// the name a reader would open such a pack under, for the bytes' hash.
std::map<std::string, std::string> seed_packs();
sync::PackName seed_pack_name(std::string_view hash);

// Sealed bodies (sync/sealed_body.hpp) of a reservation list owned by ward 131016 for site
// 0110113719, sealed to both their devices: name → the body as canonical JSON; the version such a
// body is read in, and the recipients' keys.
std::map<std::string, std::string> seed_sealed_bodies();
DocumentVersion sealed_seed_version(nlohmann::json body);
std::vector<sync::KeyPair> sealed_recipient_keys();

// Verifies `bytes` against a copy of the baseline, as a reader does, and commits the verdict
// into the copy: the path every bundle takes, from the exchange or from a file.
sync::Verdict verify_and_commit(std::string_view bytes, std::string_view file_name);

// The sequence number the exchange would name a bundle by (<seq>-<hash>.json): its own `seq`,
// 1 when it has none (the verdict then stops at that member, named or not), 0 when it holds one
// no ten-digit name can carry.
std::uint64_t served_seq(const nlohmann::json& bundle);

// Recomputes an archive's trailer checksum in place when the bytes end with a trailer line
// ("end <n> <64 hex>\n"), so that mutations reach the files inside. False when there is none.
bool fix_archive_checksum(std::string& bytes);

// Aborts (a crash libFuzzer reports) when a property of the code under test does not hold.
[[noreturn]] void property_failed(const char* what);
#define VSYS_FUZZ_CHECK(cond) \
    do {                      \
        if (!(cond)) ::vsys::fuzz::property_failed(#cond); \
    } while (0)

}  // namespace vsys::fuzz
