// Apportionment: splitting a whole number of units (boxes) among children by integer weight
// (population, eligible population, request), as the allocation chain ①–⑤ does at every level.
//
// Invariants kept by allocate():
// - sum of units + unallocated == total, exactly; every unit is an int64.
// - a fixed child (固定値) gets exactly its fixed amount; the rest ("the pool") is split among
//   the other children; a child of weight zero gets nothing unless fixed.
// - nobody gets more than its cap (with cap_by_weight the cap is also the weight itself:
//   splitting by request, nobody gets more than it asked for); surplus above a cap is
//   redistributed among the uncapped; units left when every child is capped stay unallocated.
// - no floating point anywhere: ratios are compared by cross-multiplication in __int128 under
//   the bounds below (inputs beyond them are refused), so every machine agrees to the unit.
// - ties are broken deterministically: larger weight first, then earlier input position.
// docs/ALLOCATION.md states the methods, the rounding rule and the explanation fields.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace vsys::alloc {

// Largest remainder (Hamilton/Hare-Niemeyer) is the default; the rest are divisor methods.
enum class Method { hamilton, dhondt, sainte_lague, adams, dean, huntington_hill };

std::string_view method_name(Method m);  // "hamilton", "dhondt", ... as in the JSON schema
Result<Method> parse_method(std::string_view name);  // err allocation.unknown_method
bool is_divisor_method(Method m);

// Bounds that keep every product in the comparisons below 2^126 (see docs/ALLOCATION.md).
inline constexpr std::int64_t k_max_total = 1'000'000'000'000;         // 10^12 units
inline constexpr std::int64_t k_max_weight = 1'000'000'000'000;        // 10^12 per child
inline constexpr std::int64_t k_max_weight_sum = 1'000'000'000'000'000'000;  // 10^18

struct Child {
    std::string id;
    std::int64_t weight = 0;
    std::optional<std::int64_t> cap;    // at most this many units
    std::optional<std::int64_t> fixed;  // exactly this many units, given before the split
};

struct Problem {
    std::int64_t total = 0;
    Method method = Method::hamilton;
    bool cap_by_weight = false;  // 希望量比: the weight (request) is also a cap
    std::vector<Child> children;
};

// whole + num/den with 0 <= num < den: an exact non-negative rational.
struct Fraction {
    std::int64_t whole = 0;
    std::int64_t num = 0;
    std::int64_t den = 1;
    bool operator==(const Fraction&) const = default;
};

enum class Reason {
    fixed,              // given its fixed amount
    zero_weight,        // weight 0 and not fixed: nothing
    cap,                // its cap bound: it got the cap, the surplus went to the others
    largest_remainder,  // Hamilton: floor of the quota, +1 when its remainder rank <= leftover
    divisor,            // a divisor method: its claims ranked above or below the cut-off
};
std::string_view reason_name(Reason r);

struct ChildOutcome {
    std::int64_t units = 0;
    Reason reason = Reason::zero_weight;
    // Ideal share: weight × pool / (sum of the weights of the children that are not fixed),
    // before caps. For a fixed child, its fixed amount.
    Fraction share;
    // The proportional share rounding started from: weight × (pool left after cap-bound
    // children) / (weight of the children not cap-bound). Equals `share` when no cap binds.
    // For a cap-bound, fixed or zero-weight child: its units.
    Fraction quota;
    std::int64_t rounding = 0;        // units - quota.whole (Hamilton: 0 or 1)
    std::int64_t remainder_rank = 0;  // Hamilton: 1 = largest remainder; 0 when not rounded
    std::optional<std::int64_t> cap;  // the cap that applied (explicit, or weight by request)
};

struct Allocation {
    std::vector<ChildOutcome> children;  // in input order
    std::int64_t total = 0;
    std::int64_t unallocated = 0;  // left at the parent because every child was capped
    std::int64_t pool = 0;         // total minus the fixed amounts
    std::int64_t leftover = 0;     // Hamilton: units handed out by remainder rank
    // Divisor methods: the last unit handed out (the weakest claim that won): this child's
    // `cutoff_unit`-th unit. Every child's next claim ranks below it. Absent when no unit was
    // split by the divisor rule.
    std::optional<std::size_t> cutoff_child;
    std::int64_t cutoff_unit = 0;
};

// Checks the problem (negative or too large numbers, duplicate ids, fixed above the total or
// its own cap, Adams/Dean/Huntington–Hill with fewer units than children, overflow bounds).
Status validate(const Problem& p);

// Validates, then splits. O(n log n) in the number of children.
Result<Allocation> allocate(const Problem& p);

// One round as a sum of tranches (FACTS.md round 9: 8,000 boxes by population + 2,000 by
// request). Every tranche lists the same children (same ids, same order); they are allocated
// in order, and a combined cap (one per child, or none at all) bounds the child's sum across
// tranches: each tranche's cap is lowered to what is left of it.
struct TrancheProblem {
    std::vector<Problem> tranches;
    std::vector<std::optional<std::int64_t>> combined_caps;  // empty, or one per child
};

struct TrancheAllocation {
    std::vector<std::int64_t> units;  // per child, the sum over tranches
    std::vector<Allocation> tranches;
    std::int64_t total = 0;
    std::int64_t unallocated = 0;
};

Result<TrancheAllocation> allocate_tranches(const TrancheProblem& p);

}  // namespace vsys::alloc
