// The stock feature's document kinds (stock_documents.hpp), registered with the kind registry:
//   stock_receipt, stock_transfer, stock_transfer_answer, stock_wastage, stock_count
//       owned by a site or venue, written by its municipality for it too (代行入力); seen by the
//       site and its ancestors by the exchange's layout, and a transfer also by its receiver,
//       an answer also by the transfer's sender (audience)
//   stock_request
//       owned by the nation, a prefecture or a municipality; its subtree sees it by the layout
// validate: the kind's codec parses the body (strict: unknown and mistyped members refused).
#pragma once

#include "core/documents/kind_registry.hpp"

namespace vsys {

void register_stock_kinds(KindRegistry& kinds);

}  // namespace vsys
