// Dense integer ids for local-government codes, for loops over hundreds of thousands of claim
// lines where a string-keyed hash lookup per line is the main cost (docs/BENCHMARKS.md,
// claims). The id of a code is its position in local_governments(); the lookup goes through a
// table indexed by the five digits before the check digit and then compares the whole code,
// so a code with a wrong check digit (or anything not six ASCII digits) is unknown, exactly as
// for find_local_gov. Both functions are noexcept (they only read tables built at first use), so
// that wasm calls them directly rather than through the exception trampoline of a call that
// might throw.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/directory/local_gov.hpp"

namespace vsys {

inline constexpr std::uint32_t k_no_local_gov = 0xFFFFFFFFu;

// The position of the code in local_governments(), or k_no_local_gov.
std::uint32_t local_gov_id(std::string_view code) noexcept;

// The same entry find_local_gov(code) returns, without hashing the string.
const LocalGov* find_local_gov_by_id(std::uint32_t id) noexcept;

}  // namespace vsys
