// The allocation chain's document kinds (docs/CHAIN.md), registered with the kind registry:
//   request     a site's or venue's 希望量 (proxy: its municipality may enter it)
//   round       the nation's round state
//   allocation  ① nation, ② prefecture, ④ municipality amounts
//   lock        ③ / ⑤ locks of the chain, and any organisation's lock of its own subtree
// Each body is checked by the chain's strict codec and its id must be its round; the rules
// that depend on the rest of the chain (steps, locks, sums) are validate_chain_version's.
#pragma once

#include "core/allocation/chain_documents.hpp"
#include "core/documents/document_store.hpp"
#include "core/documents/kind_registry.hpp"

namespace vsys {

void register_allocation_kinds(KindRegistry& kinds);

}  // namespace vsys
