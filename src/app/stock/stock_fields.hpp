// The fields of the stock screens and commands (labels are strings.tsv keys), so a screen's
// field and window.vsys refuse the same entries with the same words.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/number_field.hpp"
#include "core/base/result.hpp"
#include "core/stock/stock_rules.hpp"

namespace vsys::stock_fields {

// Vials moved, received or wasted in one event: 1 up to an input bound (the transfer cap is a
// dated rule of the core, refused there with its own message).
inline NumberRule vials_rule() { return {"stock.label.vials", 1, k_max_transfer_vials}; }
// Vials counted (0: the lot is used up).
inline NumberRule counted_rule() { return {"stock.label.counted", 0, k_max_stock_vials}; }
// Doses wasted from an opened vial.
inline NumberRule doses_rule() { return {"stock.label.doses", 0, 1000}; }
inline constexpr std::size_t lot = k_max_lot;
inline constexpr std::size_t reason_text = k_max_reason_text;
inline constexpr std::size_t note = 500;
// "YYYY-MM-DDTHH:MM" of an excursion's start and end.
inline constexpr std::size_t excursion_time = 16;

// A temperature as typed, in °C with at most one decimal («-25», «−25.5», «８»), in tenths;
// refused (stock.temperature {text}) when not such a number or outside −100 °C … 60 °C.
Result<std::int64_t> read_temperature(std::string_view typed);

}  // namespace vsys::stock_fields
