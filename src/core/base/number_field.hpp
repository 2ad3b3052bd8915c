// What a person types into a number field (boxes, vials, counts, yen, minutes), read as the
// integer they meant, or refused with a reason that names the field by its label. The screens'
// number fields and the commands (window.vsys) read numbers through this one rule, so a typed
// 「１２」 is 12 everywhere and a 20-digit entry gets the same refusal everywhere.
//
// Invariants:
// - never a silent change: a text is either exactly one integer within the field's range, or
//   refused (never clamped, wrapped, truncated or read up to the first bad character);
// - digits may be ASCII or full-width (a Japanese IME types 「１２」); thousands separators are
//   allowed only in groups of three (1,234 or １，２３４); blanks (ASCII or full-width) around
//   the number are ignored;
// - a minus sign (-, −, －) is read only where the range allows negatives, else refused as such;
// - a refusal's arguments: {label} the field's label key in strings.tsv (the message names the
//   field as the user sees it), {text} an excerpt of what was typed, {min} {max} grouped.
//
// Codes: number.empty, number.not_a_number, number.negative, number.out_of_range.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace vsys {

struct NumberRule {
    std::string label;  // key of the field's label in strings.tsv, e.g. "req.boxes"
    std::int64_t min = 0;
    std::int64_t max = 0;
};

// The typed text as an integer within the rule's range.
Result<std::int64_t> read_number(std::string_view typed, const NumberRule& rule);
// A number that arrived as a number (a JSON integer): only the range is checked.
Result<std::int64_t> check_number(std::int64_t value, const NumberRule& rule);
// The refusal for a number too large even for 64 bits (a JSON integer above INT64_MAX).
Error number_out_of_range(const NumberRule& rule);
// A code typed with a Japanese IME (「１３１０１６」) with its full-width digits as ASCII, every
// other character kept as typed, so the code's own check can name what is wrong with it.
std::string ascii_digits(std::string_view typed);

}  // namespace vsys
