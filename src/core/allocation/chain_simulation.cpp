#include "core/allocation/chain_simulation.hpp"

#include <algorithm>
#include <set>

#include "core/allocation/chain_detail.hpp"
#include "core/allocation/chain_state.hpp"

namespace vsys {
namespace {

using namespace chain_detail;

Explanation explain(const alloc::ChildOutcome& o, alloc::Method method) {
    using alloc::Reason;
    std::string units = std::to_string(o.units), share = fraction_text(o.share);
    switch (o.reason) {
        case Reason::fixed: return {"chain.explain.fixed", {{"units", units}}};
        case Reason::zero_weight: return {"chain.explain.zero_weight", {}};
        case Reason::cap:
            return {"chain.explain.cap", {{"units", units}, {"share", share}, {"cap", std::to_string(o.cap.value_or(0))}}};
        case Reason::largest_remainder:
            return {o.rounding > 0 ? "chain.explain.remainder_up" : "chain.explain.remainder_down",
                    {{"units", units},
                     {"share", share},
                     {"quota", fraction_text(o.quota)},
                     {"floor", std::to_string(o.quota.whole)},
                     {"rank", std::to_string(o.remainder_rank)}}};
        case Reason::divisor:
            return {"chain.explain.divisor",
                    {{"units", units}, {"share", share}, {"method", std::string(alloc::method_name(method))}}};
    }
    return {};
}

SplitLevel split_level_of(OrgLevel l) {
    return l == OrgLevel::nation ? SplitLevel::nation
                                 : (l == OrgLevel::prefecture ? SplitLevel::prefecture : SplitLevel::municipality);
}

// What is split at `parent`: typed at the nation, ① at a prefecture, the locked ② at a municipality.
Result<std::int64_t> amount_to_split(const ChainWorld& w, const DocumentStore& s, const Round& r, OrgIndex parent,
                                     const SimulationSpec& spec) {
    const auto& h = w.hierarchy();
    const std::string& id = h.id(parent);
    if (h.level(parent) == OrgLevel::nation) {
        if (!spec.total) return Error{"chain.needs_total", "type the number of boxes to split"};
        if (auto st = boxes_in_range(*spec.total, "total"); !st) return st.error();
        return *spec.total;
    }
    if (h.level(parent) == OrgLevel::prefecture) {
        auto one = read_amounts(s, allocation_key("nation", r.code));
        if (!one) return one.error();
        auto amount = *one ? (*one)->body.boxes_of(id) : std::nullopt;
        if (!amount) return org_error(w, "chain.needs_nation_amounts", "the nation has not set this prefecture's amount", id);
        return *amount;
    }
    const std::string& pref = h.id(h.parent(parent));
    if (!nation_locked(s, r.code, pref))
        return org_error(w, "chain.needs_nation_lock", "the nation has not locked the municipality amounts", pref);
    auto two = read_amounts(s, allocation_key(pref, r.code));
    if (!two) return two.error();
    return *two ? (*two)->body.boxes_of(id).value_or(0) : std::int64_t{0};
}

// The engine problem of one split of `total` boxes by `mode` among the children. Fixed values
// are given first; with `fixed_apart` (a part of a split in tranches) a fixed child takes no
// part at all, since its value is given once, outside the parts.
alloc::Problem split_problem(const ChainWorld& w, const std::vector<OrgIndex>& kids,
                             const std::vector<RequestTotals>& requests, std::int64_t total, SimMode mode,
                             bool cap_by_request, const SimulationSpec& spec, bool fixed_apart) {
    alloc::Problem problem;
    problem.total = total;
    problem.method = spec.method;
    problem.cap_by_weight = mode == SimMode::request;
    const bool population = splits_by_population(mode);
    for (std::size_t i = 0; i < kids.size(); ++i) {
        const auto& facts = w.facts(kids[i]);
        alloc::Child c;
        c.id = w.hierarchy().id(kids[i]);
        const std::int64_t request = requests[i].boxes;
        c.weight = mode == SimMode::request               ? request
                   : mode == SimMode::eligible_population ? facts.eligible
                   : mode == SimMode::child_population    ? facts.child
                                                          : 0;
        if (population && cap_by_request) c.cap = request;
        for (const auto& f : spec.fixed)
            if (f.org == c.id) c.fixed = fixed_apart ? 0 : f.boxes;
        problem.children.push_back(std::move(c));
    }
    return problem;
}

SplitPart part_of(const alloc::Child& c, const alloc::ChildOutcome& o, alloc::Method method) {
    return {c.weight, o.share, o.units, o, explain(o, method)};
}

// Checks the parts against the amount to split; the fixed values are checked already.
Status check_tranches(const Round& round, SplitLevel level, const SimulationSpec& spec, std::int64_t total) {
    if (spec.tranches.size() > k_max_tranches)
        return Error{"chain.tranches_count", "too many parts", {{"max", std::to_string(k_max_tranches)}}};
    std::int64_t parts = 0, fixed = 0;
    for (std::size_t t = 0; t < spec.tranches.size(); ++t) {
        const SimulationTranche& part = spec.tranches[t];
        std::string field(1, '#');  // the part's number
        field += std::to_string(t + 1);
        if (auto st = boxes_in_range(part.amount, field); !st) return st.error();
        if (!mode_valid(round.product, level, part.mode))
            return Error{"chain.mode_invalid", "this simulation mode does not fit the product at this level",
                         {{"mode", sim_mode_id(part.mode)},
                          {"product", vaccine_product_id(round.product)},
                          {"level", split_level_id(level)}}};
        parts += part.amount;
    }
    for (const auto& f : spec.fixed) fixed += f.boxes;
    if (parts + fixed != total)
        return Error{"chain.tranches_sum", "the parts and the fixed values do not add up to the amount to split",
                     {{"parts", std::to_string(parts)},
                      {"fixed", std::to_string(fixed)},
                      {"total", std::to_string(total)},
                      {"difference", std::to_string(total - parts - fixed)}}};
    return ok_status();
}

// Splits in tranches: the fixed values apart, then each part over the other children.
Status split_in_tranches(const ChainWorld& w, const Round& round, const std::vector<OrgIndex>& kids,
                         const std::vector<RequestTotals>& requests, Simulation& sim) {
    const SimulationSpec& spec = sim.spec;
    if (auto st = check_tranches(round, sim.level, spec, sim.total); !st) return st;
    alloc::TrancheProblem tp;
    for (const auto& part : spec.tranches)
        tp.tranches.push_back(split_problem(w, kids, requests, part.amount, part.mode, part.cap_by_request, spec, true));
    auto a = alloc::allocate_tranches(tp);
    if (!a) return a.error();
    for (std::size_t t = 0; t < spec.tranches.size(); ++t)
        sim.tranches.push_back({spec.tranches[t], a->tranches[t].total - a->tranches[t].unallocated,
                                a->tranches[t].unallocated});
    sim.unallocated = a->unallocated;
    for (std::size_t i = 0; i < kids.size(); ++i) {
        SimulationRow& row = sim.rows[i];
        const auto fixed = std::find_if(spec.fixed.begin(), spec.fixed.end(), [&](const Share& f) { return f.org == row.org; });
        for (std::size_t t = 0; t < spec.tranches.size(); ++t)
            row.parts.push_back(part_of(tp.tranches[t].children[i], a->tranches[t].children[i], spec.method));
        const bool weightless = std::all_of(row.parts.begin(), row.parts.end(), [](const SplitPart& x) {
            return x.outcome.reason == alloc::Reason::zero_weight;
        });
        row.result = fixed != spec.fixed.end() ? fixed->boxes : a->units[i];
        row.outcome.units = row.result;
        row.outcome.reason = fixed != spec.fixed.end() ? alloc::Reason::fixed
                             : weightless              ? alloc::Reason::zero_weight
                             : alloc::is_divisor_method(spec.method) ? alloc::Reason::divisor
                                                                     : alloc::Reason::largest_remainder;
        row.explanation = fixed != spec.fixed.end()
                              ? Explanation{"chain.explain.fixed", {{"units", std::to_string(row.result)}}}
                              : Explanation{"chain.explain.tranches", {{"units", std::to_string(row.result)},
                                                                       {"parts", std::to_string(spec.tranches.size())}}};
    }
    return ok_status();
}

}  // namespace

std::string fraction_text(const alloc::Fraction& f) {
    if (f.num == 0) return std::to_string(f.whole);
    return std::to_string(f.whole) + " + " + std::to_string(f.num) + "/" + std::to_string(f.den);
}

Result<Simulation> simulate(const ChainWorld& world, const DocumentStore& store, std::string_view round_code,
                            std::string_view parent, const SimulationSpec& spec, const Date& today) {
    auto r = accessible_round(world, store, round_code, today);
    if (!r) return r.error();
    const Round& round = **r;
    const auto& h = world.hierarchy();
    OrgIndex p = h.find(parent);
    if (p == k_no_org) return Error{"chain.unknown_org", "unknown organisation", {{"org", std::string(parent)}}};
    auto lv = h.level(p);
    if (lv != OrgLevel::nation && lv != OrgLevel::prefecture && lv != OrgLevel::municipality)
        return org_error(world, "chain.wrong_level", "this organisation does not split an amount", parent,
                         {{"kind", k_allocation_kind}});
    Simulation sim;
    sim.round = round.code;
    sim.product = round.product;
    sim.level = split_level_of(lv);
    sim.parent = std::string(parent);
    sim.spec = spec;
    if (spec.tranches.empty() && !mode_valid(round.product, sim.level, spec.mode))
        return Error{"chain.mode_invalid", "this simulation mode does not fit the product at this level",
                     {{"mode", sim_mode_id(spec.mode)},
                      {"product", vaccine_product_id(round.product)},
                      {"level", split_level_id(sim.level)}}};
    auto total = amount_to_split(world, store, round, p, spec);
    if (!total) return total.error();
    sim.total = *total;

    auto requests = request_totals_by_child(world, store, round.code, parent);
    if (!requests) return requests.error();
    auto kids = world.split_children(p, round.product);

    std::set<std::string> fixed_seen;
    for (const auto& f : spec.fixed) {
        if (auto st = boxes_in_range(f.boxes, f.org); !st) return st.error();
        if (!fixed_seen.insert(f.org).second)
            return Error{"chain.duplicate_child", "an organisation appears twice", {{"child", f.org}}};
        bool known = std::any_of(kids.begin(), kids.end(), [&](OrgIndex k) { return h.id(k) == f.org; });
        if (!known)
            return org_error(world, "chain.unknown_child", "this organisation does not share this split", f.org,
                             {{"parent", std::string(parent)}});
    }

    for (std::size_t i = 0; i < kids.size(); ++i) {
        SimulationRow row;
        row.org = h.id(kids[i]);
        row.name = world.facts(kids[i]).name;
        row.request = (*requests)[i].boxes;
        sim.requested += row.request;
        sim.rows.push_back(std::move(row));
    }
    if (!spec.tranches.empty()) {
        if (auto st = split_in_tranches(world, round, kids, *requests, sim); !st) return st.error();
    } else {
        const alloc::Problem problem =
            split_problem(world, kids, *requests, sim.total, spec.mode, spec.cap_by_request, spec, false);
        auto a = alloc::allocate(problem);
        if (!a) return a.error();
        sim.unallocated = a->unallocated;
        for (std::size_t i = 0; i < kids.size(); ++i) {
            SimulationRow& row = sim.rows[i];
            const SplitPart part = part_of(problem.children[i], a->children[i], spec.method);
            row.weight = part.weight;
            row.share = part.share;
            row.result = part.result;
            row.outcome = part.outcome;
            row.explanation = part.explanation;
        }
    }
    for (auto& row : sim.rows) {
        row.difference = row.result - row.request;
        sim.allocated += row.result;
    }
    return sim;
}

Result<SimulationComparison> compare_simulations(const ChainWorld& world, const DocumentStore& store,
                                                 std::string_view round, std::string_view parent,
                                                 const SimulationSpec& a, const SimulationSpec& b, const Date& today) {
    auto sa = simulate(world, store, round, parent, a, today);
    if (!sa) return sa.error();
    auto sb = simulate(world, store, round, parent, b, today);
    if (!sb) return sb.error();
    SimulationComparison c{std::move(*sa), std::move(*sb), {}};
    for (std::size_t i = 0; i < c.a.rows.size(); ++i) {
        const auto &x = c.a.rows[i], &y = c.b.rows[i];
        c.rows.push_back({x.org, x.name, x.request, x.result, y.result, y.result - x.result});
    }
    return c;
}

AmountsBody amounts_from_simulation(const Simulation& sim) {
    AmountsBody b;
    b.round = sim.round;
    b.amount = sim.total;
    b.unallocated = sim.unallocated;
    b.mode = sim.spec.tranches.empty() ? sim_mode_id(sim.spec.mode) : k_tranches_mode;
    b.method = std::string(alloc::method_name(sim.spec.method));
    for (const auto& r : sim.rows) b.shares.push_back({r.org, r.result});
    std::sort(b.shares.begin(), b.shares.end(), [](const Share& x, const Share& y) { return x.org < y.org; });
    return b;
}

SiteAmountsBody site_amounts_from_simulation(const ChainWorld& world, const Simulation& sim) {
    SiteAmountsBody b;
    b.round = sim.round;
    b.amount = sim.total;
    b.unallocated = sim.unallocated;
    b.mode = sim.spec.tranches.empty() ? sim_mode_id(sim.spec.mode) : k_tranches_mode;
    b.method = std::string(alloc::method_name(sim.spec.method));
    const Round* r = world.catalog().find_round(sim.round);
    const ProductSpec* spec = r ? world.catalog().product_of(*r) : nullptr;
    for (const auto& row : sim.rows) {
        Delivery d{row.org, row.result, 0, 0};
        if (spec) {
            d.needle_boxes = row.result * spec->needle_boxes_per_box;
            d.syringe_boxes = row.result * spec->syringe_boxes_per_box;
        }
        b.deliveries.push_back(std::move(d));
    }
    std::sort(b.deliveries.begin(), b.deliveries.end(), [](const Delivery& x, const Delivery& y) { return x.site < y.site; });
    return b;
}

}  // namespace vsys
