// Local, crash-safe, incremental persistence of document versions (ARCHITECTURE.md principle 6).
//
// The state is a folder of immutable segment files `seg-00000001.json`, each holding the
// versions of one save; a save writes one new segment (write-new-then-rename), so it costs what
// changed, not the world, and a save cut off half-way leaves only an ignored `.tmp` file: the
// previous state stays readable. When segments pile up, a snapshot segment holding every
// current version is written and the older segments are removed afterwards; loading starts at
// the newest snapshot, so a crash between the two steps loses nothing either.
// In the browser the folder lives in IDBFS; platform/web makes each save durable (syncfs).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/result.hpp"
#include "platform/storage.hpp"

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
    Status append(const std::vector<DocumentVersion>& versions);
    // Replaces the history by a snapshot of `current` when more than compact_after segments exist.
    Status compact_if_needed(const std::vector<DocumentVersion>& current);

    StorageUsage usage();
    const std::vector<std::string>& problems() const { return problems_; }
    std::size_t segment_count() const { return segments_.size(); }

private:
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
    std::string segment_name(std::uint64_t n) const;
    Status write_segment(const std::vector<DocumentVersion>& versions, bool snapshot);

    Storage& storage_;
    std::string dir_;
    std::size_t compact_after_;
    std::vector<std::string> segments_;  // live segment names, oldest first
    std::uint64_t next_ = 1;
    std::vector<std::string> problems_;
};

}  // namespace vsys
