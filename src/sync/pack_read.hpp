// Reading the packs addressed to a reader (docs/PROTOCOL.md §16), for sync_once (exchange.cpp):
// apart from it, as the engine's one step that opens packs.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "sync/exchange.hpp"

namespace vsys::sync {

// Lists the packs addressed to `reader` from `from_day` on and opens each one not taken before:
// the bundles that hash to their names go to `delivered`, and what was wrong with a pack to the
// packer's record. An answer the host has not given yet sets `pending` (pending_transport.hpp).
Status read_packs(Transport& t, const OrgRelations& rel, std::string_view reader, const std::string& from_day,
                  SyncState& state, TrustState& trust, std::map<std::string, std::string>& delivered,
                  std::map<std::string, std::set<std::string>>& taken, SyncReport& rep, bool& pending);

}  // namespace vsys::sync
