// The exported bundle file (docs/PROTOCOL.md "Bundle archives"): many exchange files in one
// file that a browser downloads and another imports (a USB stick between a clinic and its
// municipality). An archive is a slice of an exchange: each entry keeps its exchange path
// (feeds/…, inbox/…, news/…), so its content can also be put onto an exchange unchanged.
//
//   vsys-archive 1\n
//   <size> <path>\n<size bytes>\n        once per file, in any order, paths unique
//   end <files> <BLAKE2b-256 hex of every byte before this line>\n
//
// The trailer makes a cut-short or damaged file fail as a whole (archive.truncated,
// archive.checksum) before anything is read from it; it is not a signature: trust comes from
// each bundle's own signature, verified on import like any bundle from the exchange.
// Paths are relative, '/'-separated, segments of [A-Za-z0-9._-] that are not "." or "..".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/documents/document_store.hpp"
#include "core/base/result.hpp"
#include "sync/authority.hpp"
#include "sync/bundle.hpp"
#include "sync/exchange.hpp"
#include "sync/replay.hpp"
#include "sync/utc_time.hpp"

namespace vsys::sync {

// A municipality's month of bundles fits easily; larger files are refused unread.
inline constexpr std::size_t k_default_max_archive_bytes = 256u << 20;
inline constexpr std::size_t k_max_archive_path = 512;
// Entries per archive: Tokyo's whole demo deployment is 47,419 files, the nation's without site
// devices 82,118. A file of millions of tiny entries is refused as it is read, before its
// entries could cost far more memory than its bytes.
inline constexpr std::size_t k_max_archive_files = 200'000;

struct ArchiveFile {
    std::string path;
    std::string bytes;
};

bool valid_archive_path(std::string_view path);

// Errors: archive.path {path}, archive.duplicate {path}.
Result<std::string> encode_archive(const std::vector<ArchiveFile>& files);
// Errors: archive.too_large {size} {max}, archive.format (not an archive), archive.truncated,
// archive.malformed {offset}, archive.path {path}, archive.duplicate {path}, archive.checksum,
// archive.too_many_files {max}.
Result<std::vector<ArchiveFile>> decode_archive(std::string_view bytes,
                                                std::size_t max_bytes = k_default_max_archive_bytes,
                                                std::size_t max_files = k_max_archive_files);

// The outbox's bundles with their pointers (upload day = utc_day(now)), as an archive. The
// outbox is left as it is: the bundles still go to the exchange at the next online sync.
Result<std::string> export_outbox(const SyncState& state, const OrgRelations& rel, UtcTime now);

// Verifies and applies every bundle in an archive (replay.hpp), whatever pointers it holds;
// other entries are ignored. Rejections are also added to state.rejected. Cursors are not
// touched, so the next sync with the exchange still lists everything it has not seen there.
Result<ReplayReport> import_archive(std::string_view bytes, const OrgRelations& rel, SyncState& state,
                                    TrustState& trust, DocumentStore& store,
                                    const AuthorityRules& rules = default_authority_rules(),
                                    std::size_t max_bytes = k_default_max_archive_bytes);

}  // namespace vsys::sync
