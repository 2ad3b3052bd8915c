// Internals of the apportionment engine shared by apportion.cpp (validation, Hamilton,
// explanations, tranches) and apportion_divisor.cpp (the five divisor methods). Not part of
// the public API: everything here works on the children that share the pool, i.e. those that
// are neither fixed nor of weight zero, in input order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/apportion.hpp"

namespace vsys::alloc::detail {

using i128 = __int128;

// num / den as whole + remainder, for num >= 0 and den > 0. Uses the 64-bit hardware
// division when num fits (the usual case), several times faster than the 128-bit routine.
inline Fraction divide(i128 num, std::int64_t den) {
    if (num <= static_cast<i128>(INT64_MAX)) {
        const auto n = static_cast<std::int64_t>(num);
        return {n / den, n % den, den};
    }
    return {static_cast<std::int64_t>(num / den), static_cast<std::int64_t>(num % den), den};
}

struct Pool {
    std::vector<std::int64_t> weight;  // every weight > 0
    std::vector<std::int64_t> cap;     // min(cap, units); `units` when the child has no cap
    std::vector<char> has_cap;         // a cap applies (explicit or by weight) and is <= units
    std::int64_t units = 0;            // the pool: total minus fixed amounts
    std::int64_t weight_sum = 0;
};

struct Split {
    std::vector<std::int64_t> units;
    std::vector<char> cap_bound;
    std::vector<std::int64_t> remainder_rank;  // Hamilton only
    std::int64_t unallocated = 0;
    std::int64_t leftover = 0;  // Hamilton only
    std::optional<std::size_t> cutoff;  // divisor methods: position in the pool
    std::int64_t cutoff_unit = 0;
};

// The cap "water level": children whose cap is at most their proportional share of what the
// others leave are capped, lowest cap/weight first. `units`/`weight` are what the uncapped
// share. Exact: cap_i × W <= w_i × N by cross-multiplication.
struct WaterLevel {
    std::vector<char> capped;
    std::int64_t units = 0;
    std::int64_t weight = 0;
};
WaterLevel water_fill(const Pool& p);

Split split_hamilton(const Pool& p);
Split split_divisor(Method m, const Pool& p);

// Number of bits of the largest product the divisor comparisons of method m can form with
// weights up to max_weight and a pool of `units`; must be <= 126.
int divisor_product_bits(Method m, std::int64_t max_weight, std::int64_t units);

}  // namespace vsys::alloc::detail
