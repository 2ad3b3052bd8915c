// The divisor methods (D'Hondt, Sainte-Laguë, Adams, Dean, Huntington–Hill) as "the top N
// claims": child i's claim to its (k+1)-th unit has priority w_i / d(k), decreasing in k, and
// the pool goes to the N highest claims a child may still take (k < cap). Instead of handing
// out units one by one, every child first takes its claims above a rational divisor close to
// the final one (exactly, in O(1) per child), which is a prefix of the total order of claims;
// a heap then adds or removes the few units that start missed. Every comparison is exact
// (cross-multiplication). The heap's comparisons run in int64 when the largest product they
// can form fits (the usual case), else in __int128: WebAssembly has no 64×64→128 multiply, and
// an __int128 product there is a call to __multi3 that made these methods 2–3× slower than
// natively. Both widths give the same exact answer.
#include <algorithm>
#include <queue>

#include "core/allocation/apportion_detail.hpp"

namespace vsys::alloc::detail {
namespace {

int bits(i128 v) {
    int n = 0;
    while (v > 0) {
        ++n;
        v >>= 1;
    }
    return n;
}

// Signpost d(k) as dn(k)/dd(k) (scaled by a constant where that keeps numbers smaller; a
// common factor does not change any comparison). Huntington–Hill is handled on squares.
//   D'Hondt      d(k) = k + 1
//   Sainte-Laguë d(k) = k + 1/2         → (2k+1)/2
//   Adams        d(k) = k
//   Dean         d(k) = 2k(k+1)/(2k+1)  → k(k+1)/(2k+1), halved
//   Hunt.–Hill   d(k)² = k(k+1)
// T is the width of the products: int64_t only when divisor_product_bits(m, largest weight,
// largest k compared) <= 63, else __int128 (<= 126 bits, checked by validate()).
template <class T>
class Claims {
public:
    Claims(Method m, const std::vector<std::int64_t>& w) : m_(m), w_(w) {}

    // +1 if claim (a, ka) has the higher priority, -1 if lower, 0 if equal.
    int compare_priority(std::size_t a, std::int64_t ka, std::size_t b, std::int64_t kb) const {
        const T wa = w_[a], wb = w_[b];
        T lhs = 0, rhs = 0;
        switch (m_) {
            case Method::dhondt: lhs = wa * (kb + 1); rhs = wb * (ka + 1); break;
            case Method::sainte_lague: lhs = wa * (2 * kb + 1); rhs = wb * (2 * ka + 1); break;
            case Method::hamilton: break;  // not a divisor method: split_hamilton serves it
            case Method::adams:
                if (ka == 0 || kb == 0) return (ka == 0) - (kb == 0);
                lhs = wa * kb; rhs = wb * ka;
                break;
            case Method::dean:
                if (ka == 0 || kb == 0) return (ka == 0) - (kb == 0);
                lhs = wa * (2 * ka + 1) * (static_cast<T>(kb) * (kb + 1));
                rhs = wb * (2 * kb + 1) * (static_cast<T>(ka) * (ka + 1));
                break;
            case Method::huntington_hill:
                if (ka == 0 || kb == 0) return (ka == 0) - (kb == 0);
                lhs = wa * wa * (static_cast<T>(kb) * (kb + 1));
                rhs = wb * wb * (static_cast<T>(ka) * (ka + 1));
                break;
        }
        return (lhs > rhs) - (lhs < rhs);
    }

    // The total order: higher priority first, then larger weight, then earlier position.
    bool before(std::size_t a, std::int64_t ka, std::size_t b, std::int64_t kb) const {
        const int c = compare_priority(a, ka, b, kb);
        if (c != 0) return c > 0;
        if (w_[a] != w_[b]) return w_[a] > w_[b];
        return a < b;
    }

private:
    Method m_;
    const std::vector<std::int64_t>& w_;
};

// How many claims of a child of weight w have priority above D = den / num, i.e. how many k
// have signpost d(k) < x = w·num/den. With x = a + r/den (a = floor), d(a) is the only signpost
// in [a, a+1), so the count is a or a + 1 (D'Hondt's d(k) = k+1: a - 1 or a). The tests are
// rearranged so that no product exceeds about 2^120 under the documented bounds. Only claims
// below the cap count: when x >= cap + 1, every signpost d(k) <= k + 1 with k < cap lies below
// x, so the answer is the cap (checked first: a capped child's quotient, whose weight is not in
// den, could pass 2^63).
std::int64_t claims_above(Method m, std::int64_t w, std::int64_t num, std::int64_t den, std::int64_t cap) {
    const i128 product = mul(w, num);
    if (product >= mul(cap + 1, den)) return cap;
    const Fraction x = divide(product, den);
    const std::int64_t a = x.whole, r = x.num, q = den;
    bool up = false;  // d(a) < x
    switch (m) {
        case Method::hamilton: break;
        case Method::dhondt: return r > 0 ? a : std::max<std::int64_t>(0, a - 1);
        case Method::adams: up = r > 0; break;
        case Method::sainte_lague: up = 2 * r > q; break;
        case Method::dean:  // 2a(a+1)/(2a+1) < a + r/q  ⇔  a·q < r·(2a+1)
            up = compare_products<2>({a, q}, {r, 2 * a + 1}) < 0;
            break;
        case Method::huntington_hill: {
            // a(a+1) < (a + r/q)²  ⇔  a·(q - 2r)·q < r²  ⇔  a·(q - 2r) < ⌈r²/q⌉ (integers); the
            // division keeps the product below 2^120 when a·(q - 2r)·q would not fit in 64 bits.
            if (q - 2 * r <= 0) {
                up = r > 0;
            } else if (bit_length(a) + 2 * bit_length(q) <= 63 && 2 * bit_length(r) <= 63) {
                up = a * (q - 2 * r) * q < r * r;
            } else {
                const Fraction rr = divide(mul(r, r), q);
                up = mul(a, q - 2 * r) < static_cast<i128>(rr.whole) + (rr.num > 0 ? 1 : 0);
            }
            break;
        }
    }
    return a + (up ? 1 : 0);
}

}  // namespace

int divisor_product_bits(Method m, std::int64_t max_weight, std::int64_t units) {
    const i128 w = max_weight;
    const i128 k = static_cast<i128>(units) + 1;  // claims are compared for k <= units
    switch (m) {
        case Method::hamilton: return 0;
        case Method::dhondt: return bits(w) + bits(k + 1);
        case Method::sainte_lague: return bits(w) + bits(2 * k + 1);
        case Method::adams: return bits(w) + bits(k);
        case Method::dean: return bits(w) + bits(2 * k + 1) + bits(k * (k + 1));
        case Method::huntington_hill: return 2 * bits(w) + bits(k * (k + 1));
    }
    return 0;
}

// After the start: adds the best next claims or takes back the weakest given ones until the
// pool is used, then finds the cut-off and the caps that bind. T as in Claims.
template <class T>
void fix_up(Method m, const Pool& p, Split& s, i128 sum) {
    const std::size_t n = p.weight.size();
    const Claims<T> claims(m, p.weight);
    if (sum < p.units) {
        // Add the best next claims. The heap's top is the claim that ranks first.
        auto worse = [&](std::size_t a, std::size_t b) { return claims.before(b, s.units[b], a, s.units[a]); };
        std::vector<std::size_t> open;
        for (std::size_t j = 0; j < n; ++j)
            if (s.units[j] < p.cap[j]) open.push_back(j);
        std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(worse)> heap(worse, std::move(open));
        while (sum < p.units && !heap.empty()) {
            const std::size_t j = heap.top();
            heap.pop();
            ++s.units[j];
            ++sum;
            if (s.units[j] < p.cap[j]) heap.push(j);
        }
        s.unallocated = static_cast<std::int64_t>(p.units - sum);
    } else if (sum > p.units) {
        // Take back the weakest given claims. The heap's top is the claim that ranks last.
        auto better = [&](std::size_t a, std::size_t b) {
            return claims.before(a, s.units[a] - 1, b, s.units[b] - 1);
        };
        std::vector<std::size_t> given;
        for (std::size_t j = 0; j < n; ++j)
            if (s.units[j] > 0) given.push_back(j);
        std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(better)> heap(better, std::move(given));
        while (sum > p.units) {
            const std::size_t j = heap.top();
            heap.pop();
            --s.units[j];
            --sum;
            if (s.units[j] > 0) heap.push(j);
        }
    }

    for (std::size_t j = 0; j < n; ++j) {
        if (s.units[j] == 0) continue;
        if (!s.cutoff || claims.before(*s.cutoff, s.cutoff_unit - 1, j, s.units[j] - 1)) {
            s.cutoff = j;
            s.cutoff_unit = s.units[j];
        }
    }
    // A cap binds when the child sits at it and its next claim would have won a unit: it
    // ranks before the cut-off, or units were left over because everyone was capped.
    for (std::size_t j = 0; j < n; ++j) {
        if (!p.has_cap[j] || s.units[j] != p.cap[j]) continue;
        s.cap_bound[j] = p.cap[j] == 0 || s.unallocated > 0 ||
                         (s.cutoff && claims.before(j, p.cap[j], *s.cutoff, s.cutoff_unit - 1));
    }
}

Split split_divisor(Method m, const Pool& p) {
    const std::size_t n = p.weight.size();
    Split s;
    s.units.assign(n, 0);
    s.cap_bound.assign(n, 0);
    s.remainder_rank.assign(n, 0);

    // Start from a rational divisor D = level.weight / N': every child takes its claims with
    // priority > D (a prefix of the total order, so the heap fix-up below stays exact). N' is
    // the uncapped units shifted by the method's average rounding (D'Hondt rounds down by half
    // a unit on average, Adams up), so the start is typically within O(sqrt n) units of the
    // pool. With every child capped, everyone starts at its cap.
    const WaterLevel level = water_fill(p);
    std::int64_t uncapped = 0;
    for (std::size_t j = 0; j < n; ++j) uncapped += level.capped[j] ? 0 : 1;
    std::int64_t target = level.units;
    if (m == Method::dhondt) target += uncapped / 2;
    if (m == Method::adams) target = std::max<std::int64_t>(0, target - uncapped / 2);

    i128 sum = 0;
    for (std::size_t j = 0; j < n; ++j) {
        const std::int64_t e =
            level.weight > 0 ? claims_above(m, p.weight[j], target, level.weight, p.cap[j]) : p.cap[j];
        s.units[j] = std::min(e, p.cap[j]);
        sum += s.units[j];
    }

    // Every k compared below is at most the largest start count plus the units still to add.
    std::int64_t max_weight = 0, max_units = 0;
    for (std::size_t j = 0; j < n; ++j) {
        max_weight = std::max(max_weight, p.weight[j]);
        max_units = std::max(max_units, s.units[j]);
    }
    const std::int64_t max_k = max_units + static_cast<std::int64_t>(std::max<i128>(0, p.units - sum));
    if (divisor_product_bits(m, max_weight, max_k) <= 63) fix_up<std::int64_t>(m, p, s, sum);
    else fix_up<i128>(m, p, s, sum);
    return s;
}

}  // namespace vsys::alloc::detail
