// The simulation view (simulation_view.hpp): the core's split (chain_simulation.hpp) of a parent
// by the settings given, or two of them compared, typed for the screen with the engine's
// explanations in the user's language, and its one JSON codec for window.vsys. Reading only.
//
// Index:
// [SECTION] the question
// [SECTION] the answer built
// [SECTION] the answer's codec
#include "app/allocation/allocation_app.hpp"
#include "app/allocation/simulation_view.hpp"
#include "app/base/app.hpp"
#include "app/base/args.hpp"

namespace vsys {

using nlohmann::json;

// [SECTION] the question
Result<SimulationQuery> SimulationQuery::read(const json& j) {
    static const std::set<std::string> k_spec_fields = {"mode",  "method",         "total",
                                                        "fixed", "cap_by_request", "tranches"};
    std::set<std::string> ignored = k_spec_fields;
    ignored.insert("compare");
    ArgReader r(j, ignored);
    SimulationQuery q;
    q.round = r.string("round");
    q.parent = r.optional_string("parent");
    if (auto e = r.finish()) return *e;
    auto a = SimulationSpecArgs::read(j, {"round", "parent", "compare"});
    if (!a) return a.error();
    q.spec = std::move(*a);
    if (auto c = j.find("compare"); c != j.end() && !c->is_null()) {
        auto b = SimulationSpecArgs::read(*c);
        if (!b) return b.error();
        q.compare = std::move(*b);
    }
    return q;
}

// [SECTION] the answer built
namespace {

ShareFraction share_of(const alloc::Fraction& f) { return {f.whole, f.num, f.den, fraction_text(f)}; }

std::string explanation_text(App& app, const Explanation& e) {
    return Strings::builtin().format(e.key, app.language(), e.args);
}

// "Part 1 (Eligible-population ratio, 8,000 boxes)".
std::string tranche_label(App& app, std::size_t t, const SimulationTranche& part) {
    return Strings::builtin().format("sim.tranche.label", app.language(),
                                     {{"n", std::to_string(t + 1)},
                                      {"mode", app.tr(std::string("chain.mode.") + sim_mode_id(part.mode))},
                                      {"amount", std::to_string(part.amount)}});
}

// A row split in tranches: its sum, then one line per part with the engine's explanation (a
// fixed child's value is given apart from the parts: its one line says so).
std::string tranche_row_explanation(App& app, const Simulation& s, const SimulationRow& r) {
    std::string text = explanation_text(app, r.explanation);
    if (r.outcome.reason == alloc::Reason::fixed) return text;
    for (std::size_t t = 0; t < r.parts.size(); ++t) {
        text += '\n';
        text += tranche_label(app, t, s.spec.tranches[t]);
        text += ": ";
        text += explanation_text(app, r.parts[t].explanation);
    }
    return text;
}

SimulationOutcome outcome_of(App& app, const Simulation& s) {
    SimulationOutcome o;
    o.spec = s.spec;
    o.total = s.total;
    o.allocated = s.allocated;
    o.unallocated = s.unallocated;
    o.requested = s.requested;
    for (std::size_t t = 0; t < s.tranches.size(); ++t) {
        const SimulationTranche& part = s.tranches[t].part;
        o.tranches.push_back({part.amount, sim_mode_id(part.mode), part.cap_by_request, tranche_label(app, t, part),
                              s.tranches[t].allocated, s.tranches[t].unallocated});
    }
    return o;
}

std::vector<SimulationChild> children_of(App& app, const Simulation& s) {
    const bool in_parts = !s.spec.tranches.empty();
    std::vector<SimulationChild> rows;
    for (const auto& r : s.rows) {
        SimulationChild row;
        row.org = r.org;
        row.name = r.name;
        row.request = r.request;
        if (!in_parts) {
            row.weight = r.weight;
            row.share = share_of(r.share);
        }
        row.result = r.result;
        row.difference = r.difference;
        row.reason = std::string(alloc::reason_name(r.outcome.reason));
        row.explanation = in_parts ? tranche_row_explanation(app, s, r) : explanation_text(app, r.explanation);
        if (in_parts) {
            row.parts.emplace();
            for (const auto& p : r.parts)
                row.parts->push_back({p.result, p.weight, share_of(p.share),
                                      std::string(alloc::reason_name(p.outcome.reason)),
                                      explanation_text(app, p.explanation)});
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

// ④: each site's needle and syringe boxes as the packaging suggests them for its vaccine boxes;
// the municipality adjusts all three before registering (調整後の納入数を入力).
void suggest_supplies(const ChainWorld& w, const Simulation& s, std::vector<SimulationChild>& rows) {
    const SiteAmountsBody body = site_amounts_from_simulation(w, s);
    for (auto& row : rows)
        for (const auto& d : body.deliveries)
            if (d.site == row.org) {
                row.needle_boxes = d.needle_boxes;
                row.syringe_boxes = d.syringe_boxes;
            }
}

}  // namespace

Result<Prepared<SimulationView>> prepare(App& app, const SimulationQuery& q) {
    // The settings' rules, as read() applies them to window.vsys's JSON (a screen's never passes it).
    if (auto e = q.spec.check()) return *e;
    if (q.compare)
        if (auto e = q.compare->check()) return *e;
    const std::string parent = q.parent.value_or(app.session().org);
    const ChainWorld& w = allocation_world(app);
    const SimulationSpec a = resolve(w, q.round, parent, q.spec);
    std::optional<SimulationSpec> b;
    if (q.compare) b = resolve(w, q.round, parent, *q.compare);
    return Prepared<SimulationView>{parent, [&app, round = q.round, parent, a, b]() -> Result<SimulationView> {
                                        const ChainWorld& w = allocation_world(app);
                                        const Date today = allocation_today(app);
                                        SimulationView v;
                                        v.round = round;
                                        v.parent = parent;
                                        const Round* rd = w.catalog().find_round(round);
                                        auto level = split_level_of(w, parent);
                                        if (rd && level)
                                            for (SimMode m : valid_modes(rd->product, *level))
                                                v.modes.push_back(sim_mode_id(m));
                                        if (!b) {
                                            auto s = simulate(w, app.store(), round, parent, a, today);
                                            if (!s) return s.error();
                                            v.level = s->level;
                                            v.outcome = outcome_of(app, *s);
                                            v.rows = children_of(app, *s);
                                            if (s->level == SplitLevel::municipality) suggest_supplies(w, *s, v.rows);
                                            return v;
                                        }
                                        auto c = compare_simulations(w, app.store(), round, parent, a, *b, today);
                                        if (!c) return c.error();
                                        v.level = c->a.level;
                                        v.outcome = outcome_of(app, c->a);
                                        v.rows = children_of(app, c->a);
                                        SimulationCompared compared;
                                        compared.outcome = outcome_of(app, c->b);
                                        for (const auto& x : c->rows)
                                            compared.rows.push_back({x.org, x.name, x.request, x.a, x.b, x.difference});
                                        v.compare = std::move(compared);
                                        return v;
                                    }};
}

// [SECTION] the answer's codec
namespace {

json to_json(const ShareFraction& f) { return {{"whole", f.whole}, {"num", f.num}, {"den", f.den}, {"text", f.text}}; }

json spec_json(const SimulationSpec& s) {
    json fixed = json::object();
    for (const auto& f : s.fixed) fixed[f.org] = f.boxes;
    json tranches = json::array();
    for (const auto& t : s.tranches)
        tranches.push_back({{"amount", t.amount}, {"mode", sim_mode_id(t.mode)}, {"cap_by_request", t.cap_by_request}});
    return {{"mode", sim_mode_id(s.mode)},
            {"method", std::string(alloc::method_name(s.method))},
            {"total", s.total ? json(*s.total) : json(nullptr)},
            {"fixed", fixed},
            {"cap_by_request", s.cap_by_request},
            {"tranches", tranches}};
}

// The members of a run's outcome, which the answer and its comparison share.
json outcome_json(const SimulationOutcome& o) {
    json tranches = json::array();
    for (const auto& t : o.tranches)
        tranches.push_back({{"amount", t.amount},
                            {"mode", t.mode},
                            {"cap_by_request", t.cap_by_request},
                            {"label", t.label},
                            {"allocated", t.allocated},
                            {"unallocated", t.unallocated}});
    return {{"spec", spec_json(o.spec)},    {"total", o.total},         {"allocated", o.allocated},
            {"unallocated", o.unallocated}, {"requested", o.requested}, {"tranches", tranches}};
}

json child_json(const SimulationChild& r) {
    json row = {{"org", r.org},
                {"name", r.name},
                {"request", r.request},
                {"weight", r.weight ? json(*r.weight) : json(nullptr)},
                {"share", r.share ? to_json(*r.share) : json(nullptr)},
                {"result", r.result},
                {"difference", r.difference},
                {"reason", r.reason},
                {"explanation", r.explanation}};
    if (r.parts) {
        json parts = json::array();
        for (const auto& p : *r.parts)
            parts.push_back({{"result", p.result},
                             {"weight", p.weight},
                             {"share", to_json(p.share)},
                             {"reason", p.reason},
                             {"explanation", p.explanation}});
        row["parts"] = std::move(parts);
    }
    if (r.needle_boxes) row["needle_boxes"] = *r.needle_boxes;
    if (r.syringe_boxes) row["syringe_boxes"] = *r.syringe_boxes;
    return row;
}

}  // namespace

json to_json(const SimulationView& v) {
    json out = outcome_json(v.outcome);
    json rows = json::array();
    for (const auto& r : v.rows) rows.push_back(child_json(r));
    out["rows"] = std::move(rows);
    out["round"] = v.round;
    out["parent"] = v.parent;
    out["modes"] = v.modes;
    out["level"] = split_level_id(v.level);
    if (v.compare) {
        json compared = outcome_json(v.compare->outcome);
        json crows = json::array();
        for (const auto& x : v.compare->rows)
            crows.push_back({{"org", x.org},
                             {"name", x.name},
                             {"request", x.request},
                             {"a", x.a},
                             {"b", x.b},
                             {"difference", x.difference}});
        compared["rows"] = std::move(crows);
        out["compare"] = std::move(compared);
    }
    return out;
}

}  // namespace vsys
