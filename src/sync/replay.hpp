// Verifying and applying a whole set of feed files at once: every bundle of an exchange folder
// (`vsys verify`), or every bundle of an imported archive (archive.hpp). The sync engine
// (exchange.hpp) discovers bundles through pointers; here the files are given, so each one is
// checked and none is missed.
//
// Order: each feed in sequence order (a missing bundle makes the feed's later bundles fail with
// bundle.gap, naming them); across feeds, by the signing time each bundle declares (a hint read
// from the tail of the canonical file, used only for ordering; verification reads the real
// one), so a lock and the edit it refuses meet in the order their writers made them. A bundle
// the reader already has (same seq, same hash) is skipped, so importing twice changes nothing.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/documents/document_store.hpp"
#include "sync/authority.hpp"
#include "sync/bundle.hpp"
#include "sync/exchange.hpp"
#include "sync/transport.hpp"

namespace vsys::sync {

struct ReplayedBundle {
    std::string path;
    std::string org, device;
    std::vector<std::string> to;
    std::size_t documents = 0;
};

struct ReplayReport {
    std::size_t files = 0;                  // paths given
    std::size_t skipped = 0;                // already known to the reader
    std::vector<ReplayedBundle> accepted;   // in processing order
    std::vector<Rejection> rejected;        // path and reason, in processing order
};

// `paths` are exchange paths "feeds/<org>/<device>/<seq>-<hash>.json"; any other path is
// rejected (exchange.path), a file name that is not a bundle name too (bundle.name). Files are
// read through `t` (twice: once for the ordering hint, once to verify). A read error is the
// file's rejection reason.
ReplayReport replay_feeds(Transport& t, const std::vector<std::string>& paths, const OrgRelations& rel,
                          TrustState& trust, DocumentStore& store,
                          const AuthorityRules& rules = default_authority_rules(),
                          std::size_t max_bytes = k_default_max_bundle_bytes);

}  // namespace vsys::sync
