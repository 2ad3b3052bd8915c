// Packs (docs/PROTOCOL.md §16): a day's bundles of a subtree in one file, so an upper level
// reads a few files instead of one per bundle.
//
// Bundles are verified one by one whoever delivers them, so any device that has read bundles
// can republish them. A municipality's device packs the bundles of its subtree it read or wrote
// on a day (its sites' and its own); a prefecture packs what its municipalities' packs and its
// own pulls brought; the nation reads its 47 prefectures' packs. A pack is an archive
// (archive.hpp) of `pack.json`, a manifest signed by the packer's device, and the bundles:
//
//   pack.json  {"bundles":N,"chain":[certificates],"cutoff":T,"day":D,"device":X,
//               "digest":H,"org":O,"schema":2,"sig":S}
//   feeds/<org>/<device>/<seq>-<hash>.json   each bundle, bytes as published
//
// `sig` = Ed25519 by the device key over "vsys-pack-v1\n" + canonical(manifest without sig);
// the chain certifies the key as for a bundle. `digest` = BLAKE2b-256 over the bundles' paths,
// sorted, each followed by "\n": it commits to the same set a list of paths would, without
// repeating 71,000 hashes a few megabytes away from the entries that already carry them (schema
// 1 listed them: the nation's day was 3 MB larger). The file lives at
//   packs/<parent>/<day>/<org>.<device>.<hash>.pack   (+ ".gz", gzip -9 of the same bytes)
// where <hash> is BLAKE2b-256 of the uncompressed pack: compression is a transport encoding.
//
// A reader trusts a pack for delivery only: it takes from it exactly the bundles its own inbox
// pointers name (feed, seq and hash, so the bytes are those the writer published) and verifies
// each as if fetched alone. A pack whose manifest and content disagree (a bundle altered, added
// or missing), whose signature fails or that cannot be read changes nothing but the packer's
// record (PackFault); whatever it lacks is fetched bundle by bundle.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/base/result.hpp"
#include "sync/bundle.hpp"
#include "sync/certificate.hpp"
#include "sync/utc_time.hpp"

namespace vsys::sync {

inline constexpr int k_pack_schema = 2;
inline constexpr std::string_view k_sign_pack = "vsys-pack-v1\n";
inline constexpr std::string_view k_pack_manifest_entry = "pack.json";
// A prefecture's day is ~1,500 bundles of ~1.3 KB; Tokyo's ~10,000. Larger is refused unread.
inline constexpr std::size_t k_max_pack_bytes = 64u << 20;

// "packs/<org>" (':' as '_'): the folder, by day, of the packs addressed to `reader`.
std::string packs_folder(std::string_view reader);
// "<org>.<device>.<hash>.pack"; parse_pack_name refuses anything else.
std::string pack_file_name(std::string_view org, std::string_view device, std::string_view hash);
struct PackName {
    std::string org, device, hash;
};
bool parse_pack_name(std::string_view name, PackName& out);

// Builds a pack of `bundles` (exchange path → bytes) for `day`, signed by `feed`'s key.
struct PackFile {
    std::string name, bytes;
};
Result<PackFile> make_pack(const FeedWriter& feed, std::string_view day, UtcTime cutoff,
                           const std::map<std::string, std::string>& bundles);

// The pack's twin for the exchange: gzip -9 with no name or time in its header, so a pack always
// compresses to the same bytes; "" when that would not be smaller. Made when the pack is put,
// since the sync state (JSON) keeps text only.
std::string pack_gzip(std::string_view bytes);
bool is_pack_path(std::string_view path);

// What a pack gave a reader.
struct PackFault {
    std::string pack;    // the pack's exchange path
    std::string packer;  // "<org>/<device>" from its name
    Error error;
};
struct OpenedPack {
    std::map<std::string, std::string> bundles;  // path → bytes, each hashing to its name
    std::vector<Error> faults;                   // empty for a sound pack
};

// Reads a pack: every bundle entry whose bytes hash to its file name is returned, whatever else
// is wrong with the pack; each disagreement is a fault: pack.archive (unreadable: the archive's
// own error in {detail}), pack.manifest {field}, pack.signature, pack.chain {detail} (the
// packer's certificates), pack.altered {path}, pack.extra and pack.missing {listed, found}
// (the entries are not the set the manifest's digest and count sign),
// pack.name (the manifest names another packer than the file name does). The reader adds
// pack.hash for bytes that do not hash to the pack's name.
OpenedPack open_pack(std::string_view bytes, const PackName& name, std::string_view root_key, const OrgRelations& rel,
                     const SpentCodes& spent, std::unordered_set<std::string>* cert_cache);

}  // namespace vsys::sync
