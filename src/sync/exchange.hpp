// The exchange's folder layout, discovery and the sync engine (docs/PROTOCOL.md "Exchange").
//
//   feeds/<org>/<device>/<seq>-<hash>.json     the bundles, immutable
//   inbox/<audience>/<yyyy-mm-dd>/<pointer>    "this bundle concerns you", by upload day
//   news/<org>/<yyyy-mm-dd>/<pointer>          bundles of an organisation with children
// <org> is the organisation id with ':' written as '_' (file systems on USB sticks refuse ':').
// A pointer's name is "<org>.<device>.<bundle file name>" and its content the bundle's path.
// A writer puts the bundle, then a pointer into the inbox of its own organisation, of every
// ancestor and of every organisation in the bundle's "to", and into its own news folder if it
// has children. A reader lists, for each day since its cursor, its own inbox and the news of
// each ancestor: a few listings a day plus the new files, never a listing per child.
// Pointers are hints; feeds are the truth: a gap found in a feed is filled by listing it.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/documents/document_store.hpp"
#include "sync/authority.hpp"
#include "sync/bundle.hpp"
#include "sync/pack.hpp"
#include "sync/transport.hpp"
#include "sync/utc_time.hpp"

namespace vsys::sync {

std::string org_segment(std::string_view org);  // "muni:131016" → "muni_131016"
std::string org_from_segment(std::string_view segment);
std::string feed_folder(std::string_view org, std::string_view device);
std::string inbox_folder(std::string_view audience);  // "inbox/<org>"
std::string news_folder(std::string_view org);        // "news/<org>"

struct PointerTarget {
    std::string org, device, name;
    std::uint64_t seq = 0;
    std::string hash;
    std::string path() const { return feed_folder(org, device) + "/" + name; }
};
std::string pointer_name(std::string_view org, std::string_view device, std::string_view bundle_name);
bool parse_pointer(std::string_view pointer, PointerTarget& out);

// The folders (without the day) into which a bundle's pointers go.
std::vector<std::string> pointer_folders(const OrgRelations& rel, std::string_view writer_org,
                                         const std::vector<std::string>& to);
// The folders (without the day) a reader lists: its inbox and the news of each ancestor.
std::vector<std::string> pull_folders(const OrgRelations& rel, std::string_view reader_org);

struct Outgoing {
    BundleFile file;
    std::string org, device;
    std::vector<std::string> to;
    std::vector<std::string> doc_hashes;  // marked pushed in the store once the bundle is up
};

struct Rejection {
    std::string path;
    Error error;
};

// What a device keeps between syncs.
struct SyncState {
    std::vector<Outgoing> outbox;                // written but not yet fully pushed, oldest first
    // Other files to put, after the bundles (e.g. the lookup file of an enrolment code this
    // device issued, directory.hpp): path → bytes.
    std::map<std::string, std::string> files;
    std::map<std::string, std::string> cursors;  // pull folder → last day fully listed
    std::vector<Rejection> rejected;
    UtcTime last_success = 0;
    // Packs (pack.hpp). A device of an organisation with a parent and children keeps the bundles
    // of its subtree it read or wrote, by the exchange day of their pointers, until it has packed
    // them for its parent; a reader with children remembers the packs it took, by day, and what
    // was wrong with any (the packers' record, kept).
    std::map<std::string, std::map<std::string, std::string>> to_pack;  // day → path → bytes
    std::map<std::string, std::set<std::string>> packs_read;            // day → pack file names
    std::vector<PackFault> pack_faults;
};

struct SyncReport {
    std::size_t pushed = 0, fetched = 0, accepted = 0, rejected = 0;
    std::size_t packs_read = 0, from_packs = 0, packs_written = 0;  // from_packs: bundles a pack delivered
    std::size_t deferred = 0;  // bundles of a packing child's subtree left for its pack (open day, or packs not read yet)
    bool complete = false;  // false when the exchange failed part-way; retry later
    Error error;
    // Files whose bytes did not hash to their name: the writer's own bundle read back, or a
    // fetched one (a write still in progress, or a name overwritten). Neither published nor
    // rejected: the outbox keeps the bundle, the folders that pointed at the feed keep their
    // cursor, and the next run asks again.
    std::vector<std::string> not_yet;
};

// Signs the next bundle of `feed` with `docs` (sealed versions of the feed's organisation or,
// for a municipality, proxy versions of its sites) and queues it in the outbox. The writer's own
// trust state advances as if it had read the bundle back, so the device never downloads what it
// wrote. Errors: those of write_bundle.
Status queue_bundle(FeedWriter& feed, SyncState& state, TrustState& trust, const std::vector<DocumentVersion>& docs,
                    const std::vector<std::string>& to, UtcTime now);

// Pushes the outbox (bundle, then its pointers; then the other files; a file already there counts as written, so an
// interrupted push resumes), then pulls every bundle the reader's folders point at, verifying
// each before it is committed. Stops at the first transport error with complete == false; what
// was done stays done, and nothing is applied twice.
// A bundle counts as published only once it has been read back and its bytes hash to the hash
// in its name (a 201 or a 409 says that a file is there, not which bytes; nginx's ETag is its
// mtime and size): only then are its pointers written and it leaves the outbox.
// Pointer days and cursors follow the exchange's clock (Transport::exchange_time) where the
// transport reports one, `now` otherwise; `now` also times the bundles signed elsewhere.
// Packs (pack.hpp, docs/PROTOCOL.md §16): a reader with children also reads the packs addressed
// to it and takes from them the bundles its pointers name; on the exchange's open day (today)
// it leaves a packing child's descendants to that child's pack when more than
// k_pack_wait_bundles of them are new, and fetches one by one whatever no pack brought once the
// day has closed. With `packer` (the device's own feed, for a
// municipality or a prefecture) the run ends by packing what it read and wrote of its subtree
// for its parent.
SyncReport sync_once(Transport& t, const OrgRelations& rel, std::string_view reader_org, SyncState& state,
                     TrustState& trust, DocumentStore& store, UtcTime now,
                     const AuthorityRules& rules = default_authority_rules(), const FeedWriter* packer = nullptr);

// Beyond this many new bundles of a packing child's descendants on the open day, a reader waits
// for the child's pack rather than fetch them one by one: a few are cheaper fetched at once (and
// seen at once), a prefecture's thousands are not.
inline constexpr std::size_t k_pack_wait_bundles = 32;

// True for the organisations that pack for their parent (municipalities and prefectures).
bool packs_for_parent(std::string_view org);

}  // namespace vsys::sync
