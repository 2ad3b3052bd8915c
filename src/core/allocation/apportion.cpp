// [SECTION] names  [SECTION] validation  [SECTION] caps and Hamilton  [SECTION] allocate
// [SECTION] tranches. The divisor methods live in apportion_divisor.cpp.
#include "core/allocation/apportion.hpp"

#include <algorithm>
#include <string>

#include "core/allocation/apportion_detail.hpp"

namespace vsys::alloc {

using detail::i128;

// [SECTION] names

std::string_view method_name(Method m) {
    switch (m) {
        case Method::hamilton: return "hamilton";
        case Method::dhondt: return "dhondt";
        case Method::sainte_lague: return "sainte_lague";
        case Method::adams: return "adams";
        case Method::dean: return "dean";
        case Method::huntington_hill: return "huntington_hill";
    }
    return "hamilton";
}

Result<Method> parse_method(std::string_view name) {
    for (Method m : {Method::hamilton, Method::dhondt, Method::sainte_lague, Method::adams, Method::dean,
                     Method::huntington_hill})
        if (method_name(m) == name) return m;
    return Error{"allocation.unknown_method", "unknown method '" + std::string(name) + "'",
                 {{"method", std::string(name)}}};
}

bool is_divisor_method(Method m) { return m != Method::hamilton; }

std::string_view reason_name(Reason r) {
    switch (r) {
        case Reason::fixed: return "fixed";
        case Reason::zero_weight: return "zero_weight";
        case Reason::cap: return "cap";
        case Reason::largest_remainder: return "largest_remainder";
        case Reason::divisor: return "divisor";
    }
    return "divisor";
}

// [SECTION] validation

namespace {

std::string str(i128 v) {
    if (v == 0) return "0";
    std::string s;
    const bool neg = v < 0;
    while (v != 0) {
        const int digit = static_cast<int>(v % 10);
        s.push_back(static_cast<char>('0' + (neg ? -digit : digit)));
        v /= 10;
    }
    if (neg) s.push_back('-');
    return {s.rbegin(), s.rend()};
}

Error negative(const std::string& field, const std::string& id) {
    return {"allocation.negative", "\"" + field + "\" of child \"" + id + "\" is negative",
            {{"field", field}, {"id", id}}};
}

Error too_large(const std::string& field, const std::string& id, std::int64_t max) {
    return {"allocation.too_large", "\"" + field + "\" of child \"" + id + "\" exceeds " + str(max),
            {{"field", field}, {"id", id}, {"max", str(max)}}};
}

// The cap that applies to a child that is split (not fixed): its own, and its weight when
// splitting by request.
std::optional<std::int64_t> effective_cap(const Child& c, bool cap_by_weight) {
    if (!cap_by_weight) return c.cap;
    return c.cap ? std::min(*c.cap, c.weight) : c.weight;
}

// Duplicate-id detection for national-size problems: open addressing over FNV-1a hashes is
// several times faster than std::unordered_set here, which dominated validation at 70,000 ids.
class IdSet {
public:
    explicit IdSet(std::size_t n) {
        std::size_t size = 16;
        while (size < 2 * n) size *= 2;
        slots_.assign(size, nullptr);
    }
    bool insert(const std::string& id) {
        std::uint64_t h = 1469598103934665603ULL;
        for (unsigned char ch : id) h = (h ^ ch) * 1099511628211ULL;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = static_cast<std::size_t>(h ^ (h >> 32)) & mask;; i = (i + 1) & mask) {
            if (!slots_[i]) {
                slots_[i] = &id;
                return true;
            }
            if (*slots_[i] == id) return false;
        }
    }

private:
    std::vector<const std::string*> slots_;
};


}  // namespace

Status validate(const Problem& p) {
    if (p.total < 0) return Error{"allocation.negative_total", "the total is negative"};
    if (p.total > k_max_total)
        return Error{"allocation.total_too_large", "the total exceeds " + str(k_max_total), {{"max", str(k_max_total)}}};
    IdSet ids(p.children.size());
    i128 fixed_sum = 0, weight_sum = 0;
    std::int64_t max_weight = 0, takers = 0;
    for (const Child& c : p.children) {
        if (c.weight < 0) return negative("weight", c.id);
        if (c.cap && *c.cap < 0) return negative("cap", c.id);
        if (c.fixed && *c.fixed < 0) return negative("fixed", c.id);
        if (c.weight > k_max_weight) return too_large("weight", c.id, k_max_weight);
        if (!ids.insert(c.id))
            return Error{"allocation.duplicate_id", "duplicate child id \"" + c.id + "\"", {{"id", c.id}}};
        if (c.fixed) {
            if (c.cap && *c.fixed > *c.cap)
                return Error{"allocation.fixed_over_cap",
                             "child \"" + c.id + "\": fixed " + str(*c.fixed) + " exceeds its cap " + str(*c.cap),
                             {{"id", c.id}, {"fixed", str(*c.fixed)}, {"cap", str(*c.cap)}}};
            fixed_sum += *c.fixed;
            continue;
        }
        weight_sum += c.weight;
        max_weight = std::max(max_weight, c.weight);
        const auto cap = effective_cap(c, p.cap_by_weight);
        if (c.weight > 0 && (!cap || *cap > 0)) ++takers;
    }
    if (fixed_sum > p.total)
        return Error{"allocation.fixed_over_total",
                     "fixed amounts (" + str(fixed_sum) + ") exceed the total (" + str(p.total) + ")",
                     {{"fixed", str(fixed_sum)}, {"total", str(p.total)}}};
    if (weight_sum > k_max_weight_sum)
        return Error{"allocation.weight_sum_too_large", "the weights add up to more than " + str(k_max_weight_sum),
                     {{"max", str(k_max_weight_sum)}}};
    const std::int64_t pool = p.total - static_cast<std::int64_t>(fixed_sum);
    const std::string method(method_name(p.method));
    if ((p.method == Method::adams || p.method == Method::dean || p.method == Method::huntington_hill) &&
        takers > pool)
        return Error{"allocation.too_few_units",
                     method + " gives every child at least one unit: " + str(pool) + " units for " + str(takers) +
                         " children",
                     {{"method", method}, {"units", str(pool)}, {"children", str(takers)}}};
    if (is_divisor_method(p.method)) {
        const int b = detail::divisor_product_bits(p.method, max_weight, pool);
        if (b > 126)
            return Error{"allocation.overflow",
                         method + ": the largest weight and the total are too large for exact comparison (" +
                             str(b) + " bits > 126)",
                         {{"method", method}, {"bits", str(b)}}};
    }
    return ok_status();
}

// [SECTION] caps and Hamilton

namespace detail {

WaterLevel water_fill(const Pool& p) {
    const std::size_t n = p.weight.size();
    WaterLevel l;
    l.capped.assign(n, 0);
    l.units = p.units;
    l.weight = p.weight_sum;
    std::vector<std::size_t> order;
    for (std::size_t j = 0; j < n; ++j)
        if (p.has_cap[j]) order.push_back(j);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const int c = compare_products<2>({p.cap[a], p.weight[b]}, {p.cap[b], p.weight[a]});
        return c != 0 ? c < 0 : a < b;
    });
    // Lowest cap/weight first: once one child's cap exceeds its share, every later one's does.
    for (std::size_t j : order) {
        if (compare_products<2>({p.cap[j], l.weight}, {p.weight[j], l.units}) > 0) break;
        l.capped[j] = 1;
        l.units -= p.cap[j];
        l.weight -= p.weight[j];
    }
    return l;
}

Split split_hamilton(const Pool& p) {
    const std::size_t n = p.weight.size();
    Split s;
    s.units.assign(n, 0);
    s.cap_bound = std::vector<char>(n, 0);
    s.remainder_rank.assign(n, 0);
    const WaterLevel level = water_fill(p);
    // Contiguous records keep the sort of 70,000 remainders cache-friendly.
    struct Entry {
        std::int64_t remainder, weight;
        std::size_t j;
    };
    std::vector<Entry> rest;
    rest.reserve(n);
    std::int64_t floors = 0;
    for (std::size_t j = 0; j < n; ++j) {
        if (level.capped[j]) {
            s.units[j] = p.cap[j];
            s.cap_bound[j] = 1;
            continue;
        }
        const Fraction q = divide(mul(p.weight[j], level.units), level.weight);
        s.units[j] = q.whole;
        floors += q.whole;
        rest.push_back({q.num, p.weight[j], j});
    }
    if (rest.empty()) {
        s.unallocated = level.units;
        return s;
    }
    // Largest remainder first; the tie-break is larger weight, then earlier position.
    std::sort(rest.begin(), rest.end(), [](const Entry& a, const Entry& b) {
        if (a.remainder != b.remainder) return a.remainder > b.remainder;
        if (a.weight != b.weight) return a.weight > b.weight;
        return a.j < b.j;
    });
    s.leftover = level.units - floors;
    for (std::size_t r = 0; r < rest.size(); ++r) {
        s.remainder_rank[rest[r].j] = static_cast<std::int64_t>(r + 1);
        if (static_cast<std::int64_t>(r) < s.leftover) ++s.units[rest[r].j];
    }
    return s;
}

}  // namespace detail

// [SECTION] allocate

Result<Allocation> allocate(const Problem& p) {
    if (Status st = validate(p); !st) return st.error();
    const std::size_t n = p.children.size();
    Allocation a;
    a.total = p.total;
    a.children.resize(n);

    i128 fixed_sum = 0, weight_all = 0;
    for (const Child& c : p.children) {
        if (c.fixed) fixed_sum += *c.fixed;
        else weight_all += c.weight;
    }
    a.pool = p.total - static_cast<std::int64_t>(fixed_sum);

    detail::Pool pool;
    pool.units = a.pool;
    std::vector<std::size_t> where;  // pool position → child index
    where.reserve(n);
    pool.weight.reserve(n);
    pool.cap.reserve(n);
    pool.has_cap.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Child& c = p.children[i];
        ChildOutcome& o = a.children[i];
        if (c.fixed) {
            o.units = *c.fixed;
            o.reason = Reason::fixed;
            o.share = o.quota = Fraction{*c.fixed, 0, 1};
            o.cap = c.cap;
            continue;
        }
        o.cap = effective_cap(c, p.cap_by_weight);
        if (c.weight == 0) {
            o.reason = Reason::zero_weight;
            continue;
        }
        o.share = detail::divide(detail::mul(c.weight, a.pool), static_cast<std::int64_t>(weight_all));
        const bool capped = o.cap && *o.cap <= a.pool;
        pool.weight.push_back(c.weight);
        pool.cap.push_back(capped ? *o.cap : a.pool);
        pool.has_cap.push_back(capped ? 1 : 0);
        pool.weight_sum += c.weight;
        where.push_back(i);
    }
    if (where.empty()) {
        a.unallocated = a.pool;
        return a;
    }

    const detail::Split s =
        p.method == Method::hamilton ? detail::split_hamilton(pool) : detail::split_divisor(p.method, pool);
    a.unallocated = s.unallocated;
    a.leftover = s.leftover;
    if (s.cutoff) {
        a.cutoff_child = where[*s.cutoff];
        a.cutoff_unit = s.cutoff_unit;
    }

    // The share rounding started from: what the cap-bound children left, among the others.
    std::int64_t rest_units = a.pool - a.unallocated, rest_weight = 0;
    for (std::size_t j = 0; j < where.size(); ++j) {
        if (s.cap_bound[j]) rest_units -= s.units[j];
        else rest_weight += pool.weight[j];
    }
    for (std::size_t j = 0; j < where.size(); ++j) {
        ChildOutcome& o = a.children[where[j]];
        o.units = s.units[j];
        if (s.cap_bound[j]) {
            o.reason = Reason::cap;
            o.quota = Fraction{o.units, 0, 1};
            continue;
        }
        o.reason = p.method == Method::hamilton ? Reason::largest_remainder : Reason::divisor;
        o.quota = detail::divide(detail::mul(pool.weight[j], rest_units), rest_weight);
        o.rounding = o.units - o.quota.whole;
        o.remainder_rank = s.remainder_rank[j];
    }
    return a;
}

// [SECTION] tranches

Result<TrancheAllocation> allocate_tranches(const TrancheProblem& tp) {
    if (tp.tranches.empty()) return Error{"allocation.no_tranches", "no tranches given"};
    const auto& first = tp.tranches.front().children;
    const std::size_t n = first.size();
    if (!tp.combined_caps.empty() && tp.combined_caps.size() != n)
        return Error{"allocation.combined_caps_size", "combined caps must list every child, in order"};
    for (std::size_t i = 0; i < tp.combined_caps.size(); ++i)
        if (tp.combined_caps[i] && *tp.combined_caps[i] < 0) return negative("combined_cap", first[i].id);
    for (std::size_t t = 1; t < tp.tranches.size(); ++t) {
        const auto& kids = tp.tranches[t].children;
        bool same = kids.size() == n;
        for (std::size_t i = 0; same && i < n; ++i) same = kids[i].id == first[i].id;
        if (!same)
            return Error{"allocation.tranche_children",
                         "tranche " + str(t + 1) + " does not list the same children in the same order as the first",
                         {{"tranche", str(t + 1)}}};
    }
    TrancheAllocation out;
    out.units.assign(n, 0);
    for (const Problem& tranche : tp.tranches) {
        const Problem* q = &tranche;
        Problem lowered;
        if (!tp.combined_caps.empty()) {
            lowered = tranche;
            for (std::size_t i = 0; i < n; ++i) {
                if (!tp.combined_caps[i]) continue;
                const std::int64_t left = *tp.combined_caps[i] - out.units[i];
                auto& cap = lowered.children[i].cap;
                cap = cap ? std::min(*cap, left) : left;
            }
            q = &lowered;
        }
        auto r = allocate(*q);
        if (!r) return r.error();
        for (std::size_t i = 0; i < n; ++i) out.units[i] += r->children[i].units;
        out.total += r->total;
        out.unallocated += r->unallocated;
        out.tranches.push_back(std::move(*r));
    }
    return out;
}

}  // namespace vsys::alloc
