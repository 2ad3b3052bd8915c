// Internals of the apportionment engine shared by apportion.cpp (validation, Hamilton,
// explanations, tranches) and apportion_divisor.cpp (the five divisor methods). Not part of
// the public API: everything here works on the children that share the pool, i.e. those that
// are neither fixed nor of weight zero, in input order.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/allocation/apportion.hpp"

namespace vsys::alloc::detail {

using i128 = __int128;

// Exact products without paying for __int128 when 64 bits suffice. WebAssembly has no 64×64→128
// multiply: an __int128 product is a call to __multi3 (operands and result passed through linear
// memory), which made the divisor methods 2–3× slower in wasm than natively. The bit lengths of
// the factors bound the product (factors of bit lengths b₁…bₙ multiply to less than 2^(b₁+…+bₙ)),
// so when they add up to at most 63 the product is computed in one int64 multiplication; beyond,
// in __int128 as before. Both paths give the same exact value: only the speed differs.

// Bit length of v >= 0 (0 for 0); one i64.clz instruction in wasm.
[[gnu::always_inline]] inline int bit_length(std::int64_t v) { return 64 - std::countl_zero(static_cast<std::uint64_t>(v)); }

// x·y for x, y >= 0.
[[gnu::always_inline]] inline i128 mul(std::int64_t x, std::int64_t y) {
    if (bit_length(x) + bit_length(y) <= 63) return x * y;
    return static_cast<i128>(x) * y;
}

// sign(x₀·x₁·… − y₀·y₁·…) for factors >= 0 whose products stay below 2^126 (the documented
// bounds guarantee it for every comparison the engine makes).
template <std::size_t N>
[[gnu::always_inline]] inline int compare_products(std::array<std::int64_t, N> x, std::array<std::int64_t, N> y) {
    int bx = 0, by = 0;
    for (std::int64_t v : x) bx += bit_length(v);
    for (std::int64_t v : y) by += bit_length(v);
    if (bx <= 63 && by <= 63) {
        std::int64_t l = 1, r = 1;
        for (std::int64_t v : x) l *= v;
        for (std::int64_t v : y) r *= v;
        return (l > r) - (l < r);
    }
    i128 l = 1, r = 1;
    for (std::int64_t v : x) l *= v;
    for (std::int64_t v : y) r *= v;
    return (l > r) - (l < r);
}

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
