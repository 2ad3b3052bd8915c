// Local, crash-safe, incremental persistence of document versions (ARCHITECTURE.md principle 6).
//
// The state is a folder of immutable segment files `seg-00000001.json`, each holding the
// versions of one save; a save writes one new segment (write-new-then-rename), so it costs what
// changed, not the world, and a save cut off half-way leaves only an ignored `.tmp` file: the
// previous state stays readable. When segments pile up, a snapshot segment holding every
// current version is written and the older segments are removed afterwards; loading starts at
// the newest snapshot, so a crash between the two steps loses nothing either.
// Whether a local version still waits to be pushed survives a reload: segments of versions
// that came from the exchange say "remote", a small segment lists the hashes pushed since, and
// a snapshot lists the versions still pending (it keeps them even when a newer local version
// replaced them, since the exchange must receive the whole line of descent).
// In the browser the folder lives in IDBFS; platform/web makes each save durable (syncfs).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/documents/document.hpp"
#include "core/base/result.hpp"
#include "app/base/storage.hpp"

namespace vsys {

struct StorageUsage {
    std::uint64_t files = 0;
    std::uint64_t bytes = 0;
};

class Persistence {
public:
    Persistence(Storage& storage, std::string dir, std::size_t compact_after = 64);

    // Every stored version in save order. Unreadable segments are skipped and reported in
    // problems() (they cannot come from an interrupted save, which never leaves a segment).
    std::vector<DocumentVersion> load();
    // Hashes of loaded versions that are not waiting to be pushed (remote, or pushed since).
    const std::unordered_set<std::string>& settled() const { return settled_; }
    // Hashes of loaded versions that came from the exchange (remote segments, and a snapshot's
    // versions it does not list as made here): the others were made on this device.
    const std::unordered_set<std::string>& remote() const { return remote_; }
    // `remote`: the versions came from the exchange, so they are never pushed from here.
    // By pointer, so that a sync that brought a country's documents saves them without a copy.
    Status append(const std::vector<const DocumentVersion*>& versions, bool remote = false);
    Status append(const std::vector<DocumentVersion>& versions, bool remote = false);
    Status append_pushed(const std::vector<std::string>& hashes);
    // Replaces the history by a snapshot of `keep` (current versions and everything still
    // pending) when more than compact_after segments exist; `pending` are the hashes of `keep`
    // that still wait to be pushed, `local` those made on this device.
    Status compact_if_needed(const std::vector<const DocumentVersion*>& keep, const std::vector<std::string>& pending,
                             const std::vector<std::string>& local = {});
    // Whether compact_if_needed() would compact now, so callers build `keep` only then.
    bool needs_compaction() const { return segments_.size() > compact_after_; }

    // Removes every segment, newest first (a clear cut off half-way leaves an older, consistent
    // history), and forgets what was loaded.
    Status clear();

    StorageUsage usage();
    Storage& storage() { return storage_; }
    const std::string& dir() const { return dir_; }
    const std::vector<std::string>& problems() const { return problems_; }
    std::size_t segment_count() const { return segments_.size(); }

private:
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
    std::string segment_name(std::uint64_t n) const;
    Status write_segment(const std::string& text);

    Storage& storage_;
    std::string dir_;
    std::size_t compact_after_;
    std::vector<std::string> segments_;  // live segment names, oldest first
    std::uint64_t next_ = 1;
    std::vector<std::string> problems_;
    std::unordered_set<std::string> settled_;
    std::unordered_set<std::string> remote_;
};

}  // namespace vsys
