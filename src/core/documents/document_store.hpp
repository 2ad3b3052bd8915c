// An in-memory set of sealed document versions (ARCHITECTURE.md principle 3): heads per key,
// conflicts, resolutions, locks and the local versions not yet pushed. Pure: versions in,
// answers out; hashes are trusted here (src/sync checks them before anything is applied).
//
// Invariants:
// - Versions are immutable and identified by their hash; applying a known hash is a no-op, so
//   nothing is ever overwritten, least of all a local version not yet pushed.
// - A head of a key is a version that no other version of the key replaces or resolves. Two
//   heads are a conflict: both stay visible until a version resolves it by replacing one head
//   and naming the others in its body member "_resolves" (an array of hashes).
// - A lock is any version of kind "lock" whose body has "locks": [hash, ...]. The hashes named
//   by the current heads of all lock documents are locked; a version that replaces or resolves a
//   locked hash is refused (store.locked), whatever its time. Unlocking is a new version of the
//   same lock document without the hash, written by the locking organisation.
// - apply_batch() applies all versions or none.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/documents/document.hpp"
#include "core/base/result.hpp"

namespace vsys {

inline constexpr const char* k_lock_kind = "lock";
inline constexpr const char* k_resolves_member = "_resolves";

enum class Origin { local, remote };

class DocumentStore {
public:
    // Refusals: store.unsealed, store.locked {hash}, store.version {expected},
    // store.resolves (a resolved hash that is not a head of the same key), store.malformed.
    Status check(const DocumentVersion& v) const;
    // As check() for each version in order, counting locks added earlier in the same batch.
    Status check_batch(const std::vector<DocumentVersion>& batch) const;

    // Returns true when the version was new. Local versions stay pending until mark_pushed().
    Result<bool> apply(DocumentVersion v, Origin origin);
    // All or nothing; returns the number of new versions.
    Result<std::size_t> apply_batch(const std::vector<DocumentVersion>& batch, Origin origin);

    const DocumentVersion* find(std::string_view hash) const;
    bool contains(std::string_view hash) const { return find(hash) != nullptr; }
    // Heads of a key in arrival order; empty for an unknown key.
    std::vector<const DocumentVersion*> heads(std::string_view key) const;
    // The single head, or nullptr when the key is unknown or in conflict.
    const DocumentVersion* current(std::string_view key) const;
    // Every version of a key in arrival order.
    std::vector<const DocumentVersion*> history(std::string_view key) const;
    // Keys that have more than one head.
    std::vector<std::string> conflicts() const;
    bool is_locked(std::string_view hash) const;
    // True for a version made on this device (applied as Origin::local), pushed or not: a
    // conflict between two devices of one account tells the user which version is this one's.
    bool made_here(std::string_view hash) const;

    // Local versions not yet pushed, in the order they were made.
    std::vector<const DocumentVersion*> pending() const;
    void mark_pushed(const std::vector<std::string>& hashes);

    // Unsealed next version of a key: replaces its single head (version + 1), or is version 1 of
    // a new key. Refuses store.conflict when the key has several heads (use resolution()).
    Result<DocumentVersion> successor(const std::string& owner, const std::string& kind, const std::string& id,
                                      nlohmann::json body) const;
    // Unsealed version that replaces the first head and resolves all the others.
    Result<DocumentVersion> resolution(std::string_view key, nlohmann::json body) const;

    std::size_t size() const { return order_.size(); }
    // Every version in arrival order.
    std::vector<const DocumentVersion*> all() const;
    std::vector<std::string> keys() const;
    // Calls fn(key, version) for the current version of every key with one head, in no set
    // order: for readers that gather and sort what they need (one pass over 100,000 keys
    // without copying or sorting them, as keys() and current() would).
    template <class Fn>
    void for_each_current(Fn&& fn) const {
        for (const auto& [key, k] : by_key_)
            if (k.heads.size() == 1)
                if (auto h = by_hash_.find(k.heads.front()); h != by_hash_.end()) fn(key, h->second.doc);
    }
    // The current versions of one kind (keys with one head), in key order, so every device lists
    // them the same; reads only that kind's keys, not all of the nation's 86,789.
    std::vector<const DocumentVersion*> current_of_kind(std::string_view kind) const;
    // How many times versions of a kind were added or removed: a reader that derives something
    // from a few kinds keeps it while these counts stand still, whatever else changed.
    std::uint64_t kind_changes(std::string_view kind) const {
        auto it = kind_changes_.find(std::string(kind));
        return it == kind_changes_.end() ? 0 : it->second;
    }

private:
    struct Entry {
        DocumentVersion doc;
        bool pending = false;
        bool here = false;  // made on this device
    };
    struct KeyEntry {
        std::vector<std::string> versions;  // arrival order
        std::vector<std::string> heads;
    };

    Status check_with(const DocumentVersion& v, const std::unordered_set<std::string>& extra_locks) const;
    void recompute_heads(const std::string& key, KeyEntry& k);
    void refresh_locks(const std::string& key);
    void remove_last(const std::string& hash);

    std::unordered_map<std::string, Entry> by_hash_;
    std::unordered_map<std::string, KeyEntry> by_key_;
    std::vector<std::string> order_;
    // Kept as versions come and go, because the top bar asks for both every frame: a walk over
    // the kiosk's 40,000 versions cost each frame 4 ms.
    std::vector<std::string> pending_;  // local versions not yet pushed, in the order they were made
    std::set<std::string> conflicted_;  // keys with more than one head, sorted
    std::unordered_map<std::string, std::vector<std::string>> lock_contrib_;  // lock key -> hashes
    std::unordered_map<std::string, int> locked_;                             // hash -> lock count
    std::unordered_map<std::string, std::uint64_t> kind_changes_;             // kind -> adds and removals
    // kind -> its keys in order: a reader of one kind's few thousand documents need not walk
    // the nation's 86,789 keys and sort what it found.
    std::unordered_map<std::string, std::set<std::string>> keys_of_kind_;
};

// Hashes listed in a version's "_resolves" member (empty when absent or malformed).
std::vector<std::string> resolved_hashes(const DocumentVersion& v);
// Hashes listed in a lock version's "locks" member.
std::vector<std::string> locked_hashes(const DocumentVersion& v);

}  // namespace vsys
