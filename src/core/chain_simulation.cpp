#include "core/chain_simulation.hpp"

#include <algorithm>
#include <set>

#include "core/chain_detail.hpp"
#include "core/chain_state.hpp"

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
    if (!mode_valid(round.product, sim.level, spec.mode))
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

    alloc::Problem problem;
    problem.total = sim.total;
    problem.method = spec.method;
    problem.cap_by_weight = spec.mode == SimMode::request;
    bool population = spec.mode == SimMode::eligible_population || spec.mode == SimMode::child_population;
    for (std::size_t i = 0; i < kids.size(); ++i) {
        const auto& facts = world.facts(kids[i]);
        alloc::Child c;
        c.id = h.id(kids[i]);
        std::int64_t request = (*requests)[i].boxes;
        c.weight = spec.mode == SimMode::request            ? request
                   : spec.mode == SimMode::eligible_population ? facts.eligible
                   : spec.mode == SimMode::child_population    ? facts.child
                                                               : 0;
        if (population && spec.cap_by_request) c.cap = request;
        for (const auto& f : spec.fixed)
            if (f.org == c.id) c.fixed = f.boxes;
        sim.requested += request;
        problem.children.push_back(std::move(c));
    }
    auto a = alloc::allocate(problem);
    if (!a) return a.error();
    sim.unallocated = a->unallocated;
    for (std::size_t i = 0; i < kids.size(); ++i) {
        const auto& o = a->children[i];
        SimulationRow row;
        row.org = problem.children[i].id;
        row.name = world.facts(kids[i]).name;
        row.request = (*requests)[i].boxes;
        row.weight = problem.children[i].weight;
        row.share = o.share;
        row.result = o.units;
        row.difference = o.units - row.request;
        row.outcome = o;
        row.explanation = explain(o, spec.method);
        sim.allocated += o.units;
        sim.rows.push_back(std::move(row));
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
    b.mode = sim_mode_id(sim.spec.mode);
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
    b.mode = sim_mode_id(sim.spec.mode);
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
