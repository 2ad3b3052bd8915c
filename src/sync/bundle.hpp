// Bundles: what a device publishes (ARCHITECTURE.md principle 4, docs/PROTOCOL.md "Bundles").
//
// A bundle is one canonical JSON object
//   {"schema":1,"org":O,"device":D,"seq":N,"prev":H,"time":T,"chain":[certificates],
//    "docs":[document versions],"to":[organisations],"sig":S}
// stored as `<seq, 10 digits>-<BLAKE2b-256 of the file>.json` in the feed of (O, D). `sig` is
// the device's Ed25519 signature over "vsys-bundle-v1\n" + canonical(bundle without "sig").
// `prev` is the file hash of the feed's previous bundle ("" for seq 1). `chain` certifies the
// device key up to the root; it is required in a feed's first bundle and may be empty after.
// `to` names organisations outside the writer's ancestors that must see the bundle.
//
// verify_bundle() is pure and checks everything before anything touches state; commit()
// then applies an accepted bundle. A rejection is a value (Verdict::error) with a code that
// has a translated message. Envelope rejections (size, encoding, signature, certificates, feed
// chain) change nothing; content rejections (authority, locks, a document's hash) leave the
// store untouched but move the feed past the bundle, since the writer cannot rewrite history.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/documents/document.hpp"
#include "core/documents/document_store.hpp"
#include "core/base/result.hpp"
#include "sync/authority.hpp"
#include "sync/certificate.hpp"
#include "sync/keys.hpp"
#include "sync/utc_time.hpp"

namespace vsys::sync {

inline constexpr int k_bundle_schema = 1;
// Larger files are refused unread: a day's bundle of a large municipality is well under 1 MiB.
inline constexpr std::size_t k_default_max_bundle_bytes = 4u << 20;

struct BundleFile {
    std::string name;   // "0000000003-<hash>.json"
    std::string bytes;  // canonical JSON
    std::string hash;
    std::uint64_t seq = 0;
};

// "0000000003-<hash>.json"; parse_bundle_name refuses anything else.
std::string bundle_file_name(std::uint64_t seq, std::string_view hash);
bool parse_bundle_name(std::string_view name, std::uint64_t& seq, std::string& hash);

// What a device keeps about its own feed.
struct FeedWriter {
    std::string org;
    KeyPair key;
    std::vector<Certificate> chain;  // signer first
    std::uint64_t seq = 0;           // of the last bundle written
    std::string last_hash;
};

// Signs the next bundle of the feed and advances the writer. Documents must be sealed.
Result<BundleFile> write_bundle(FeedWriter& feed, UtcTime time, const std::vector<DocumentVersion>& docs,
                                const std::vector<std::string>& to);

struct FeedState {
    std::string key;                  // the device key, fixed by the feed's first bundle
    Signer signer;
    // The validity of the signer's device certificate, from the feed's first bundle (or a
    // later one that carries a chain): every bundle's time must fall within it. Unbounded for
    // the device's own feed and for trust saved before it was recorded.
    UtcTime valid_from = k_unbounded_past;
    UtcTime valid_until = k_unbounded_future;
    std::vector<std::string> hashes;  // hashes[i] is the bundle with seq i + 1
    UtcTime last_time = 0;
};

// What a reader trusts and has seen. The cache only avoids checking a certificate twice.
struct TrustState {
    std::string root_key;
    std::map<std::string, FeedState> feeds;  // "<org>/<device>"
    SpentCodes spent;
    std::map<std::string, UtcTime> last_activity;  // account → latest signed bundle time
    std::unordered_set<std::string> cert_cache;
};

struct VerifyContext {
    const TrustState& trust;
    const DocumentStore& store;
    const OrgRelations& relations;
    const AuthorityRules& rules = default_authority_rules();
    std::size_t max_bytes = k_default_max_bundle_bytes;
};

struct Verdict {
    Error error;  // code empty when accepted
    bool advances_feed = false;
    std::string hash;
    std::string feed;  // "<org>/<device>"
    std::uint64_t seq = 0;
    UtcTime time = 0;
    Signer signer;
    UtcTime valid_from = k_unbounded_past, valid_until = k_unbounded_future;  // the signer's certificate
    std::vector<Certificate> chain;
    std::vector<DocumentVersion> docs;
    std::vector<std::string> to;

    bool accepted() const { return error.code.empty(); }
};

// `file_name` may be empty (an imported file whose name was lost); when given, its hash must
// match the bytes. `cert_cache` may be null.
Verdict verify_bundle(std::string_view bytes, std::string_view file_name, const VerifyContext& ctx,
                      std::unordered_set<std::string>* cert_cache = nullptr);

// Applies an accepted bundle (documents as Origin::remote, feed advanced, enrolment claims
// recorded); for a content rejection only advances the feed; otherwise changes nothing.
Status commit(const Verdict& v, TrustState& trust, DocumentStore& store);

}  // namespace vsys::sync
