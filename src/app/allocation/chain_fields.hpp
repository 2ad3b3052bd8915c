// The fields of the allocation chain, shared by the screens and the commands so both refuse the
// same entries the same way: the numbers (希望量, 配分する総箱数, 固定値, parts of a split, 納入数)
// and the reason given when a lock is undone.
#pragma once

#include <cstddef>
#include <string>

#include "core/allocation/chain_documents.hpp"
#include "core/base/number_field.hpp"

namespace vsys {

// Any number of boxes in the chain: 0 to the core's k_max_boxes (a national round was about
// 10,000 boxes; the bound keeps every sum within the apportionment engine's range).
inline NumberRule boxes_rule(std::string label_key) { return NumberRule{std::move(label_key), 0, k_max_boxes}; }

// ロック解除の理由, in characters: a sentence or two, recorded with the unlock.
inline constexpr std::size_t k_max_unlock_reason = 200;

}  // namespace vsys
