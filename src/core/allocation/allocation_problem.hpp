// The JSON form of an apportionment problem and its result, as read and printed by
// `vsys allocate` and by the automation API (schema in docs/ALLOCATION.md).
// Input is strict: numbers must be JSON integers (1.5, 1e3 and "12" are refused), unknown
// fields are refused, so a typo never silently changes an allocation. Nothing here throws.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/allocation/apportion.hpp"

namespace vsys::alloc {

// Input limits (docs/ALLOCATION.md): the national flat split is 70,040 children in ~3 MB.
inline constexpr std::size_t k_max_children = 100'000;
inline constexpr std::size_t k_max_problem_bytes = 16u << 20;

// {"total", "method"?, "cap_by_weight"?, "children": [{"id", "weight", "cap"?, "fixed"?}]}
Result<Problem> problem_from_json(const nlohmann::json& j);

// {"tranches": [problem, ...], "combined_caps"?: {"<id>": cap, ...}}
Result<TrancheProblem> tranche_problem_from_json(const nlohmann::json& j);

// {"children": [{"id", "units", explanation...}], "total", "unallocated", ...} in input order.
nlohmann::ordered_json allocation_to_json(const Problem& p, const Allocation& a);
nlohmann::ordered_json tranche_allocation_to_json(const TrancheProblem& p, const TrancheAllocation& a);

// {"error": {"code", "message", "args": {...}}}
nlohmann::ordered_json error_to_json(const Error& e);

// Text in, result out: a single problem, or a tranche problem when the object has "tranches".
// The text is read by input::parse_json (duplicate keys refused) within k_max_problem_bytes;
// invalid JSON is allocation.json_invalid, the other refusals keep their json.* codes.
Result<nlohmann::ordered_json> solve_allocation_json(std::string_view text);

}  // namespace vsys::alloc
