// The number fields of a claim line (通常, 時間外, 休日, 予診のみ, 6歳未満), shared by the claims
// screen and save_claim so both refuse the same entries the same way.
#pragma once

#include <string>

#include "core/base/number_field.hpp"
#include "core/claims/claims.hpp"

namespace vsys {

// A count of vaccinations in one field of one line: 0 to the core's k_max_count (a mass venue
// gave at most a few thousand doses a day; a million a month for one municipality is beyond use).
inline NumberRule claim_count_rule(std::string label_key) { return NumberRule{std::move(label_key), 0, k_max_count}; }

}  // namespace vsys
