// Every file of an exchange checked as a client would before trusting it — the core of
// `vsys verify` and of `vsys mirror`, which copies only what passes. Bundles: all of
// docs/PROTOCOL.md §6, each feed in order (sync/replay.hpp); pointers: name, content, the bundle
// they name, and every accepted bundle pointed to from each folder its readers list; enrolment
// lookup files; packs and their gzip twins (§16); deployment.json (its root, unless one is pinned). Files larger than a bundle may
// be are refused unread. The organisation tree is the real one, with the demo data set's sites
// when the manifest names one.
#pragma once

#include <iosfwd>
#include <set>
#include <string>
#include <vector>

#include "platform/exchange_store.hpp"
#include "sync/replay.hpp"

namespace vsys::cli {

struct ExchangeCheck {
    std::string root;        // the root key used
    bool pinned = false;     // given by the caller, not read from deployment.json
    std::vector<ExchangeFile> files;
    std::size_t bundles = 0, pointers = 0, lookups = 0, packs = 0;  // packs: with their .gz twins
    std::vector<sync::ReplayedBundle> accepted;  // in feed order
    std::size_t documents = 0, versions_applied = 0;
    std::vector<sync::Rejection> bad;
    std::set<std::string> good;  // paths that passed: bundles, pointers, lookup files, packs, deployment.json
    bool root_key_here = false;  // a root.key file inside the exchange
};

// `reader` is where file contents are read from (the store itself, or a cache in front of it);
// the store lists them. Errors: the store cannot be listed; no root (no valid deployment.json
// and none pinned) is exchange.no_root.
Result<ExchangeCheck> check_exchange(ExchangeStore& store, sync::Transport& reader, const std::string& pinned_root);

// A root's public key as --root takes it: 64 lower-case hex digits.
bool root_key_text(const std::string& s);
// One line per refused file, "bad<TAB>path<TAB>code<TAB>English message": paths and messages come
// from the exchange's files, so never a raw control character, and at most an excerpt of any input.
void print_bad(const std::vector<sync::Rejection>& bad, std::ostream& out);

}  // namespace vsys::cli
