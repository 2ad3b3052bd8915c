// The allocation chain's views (docs/CHAIN.md): the rounds listed for the user, a round's state
// per level with each step's status (locked, confirmed or pending) and the children of the
// user's split, the totals of requests (希望量) over a subtree, a simulation (with a second mode
// side by side); the delivery orders sites see once ⑤ locks their amounts are view_deliveries.cpp.
// Reading only.
//
// Index:
// [SECTION] rounds and their state
// [SECTION] views: rounds, round state, requests
// [SECTION] the simulation view
#include "app/allocation/allocation_app.hpp"
#include "app/allocation/deliveries_view.hpp"
#include "app/base/app.hpp"
#include "app/base/args.hpp"

namespace vsys {

namespace {

using nlohmann::json;

// [SECTION] rounds and their state
json round_json(App& app, const Round& r, RoundState state, const Date& today) {
    const char* product = vaccine_product_id(r.product);
    return {{"code", r.code},
            {"name", r.name},
            {"product", product},
            {"product_name", app.tr(std::string("product.") + product)},
            {"state", round_state_id(state)},
            {"state_name", app.tr(std::string("chain.round_state.") + round_state_id(state))},
            {"requests_open", requests_open(r, state, today)},
            {"requests_from", to_iso(r.requests_from)},
            {"requests_until", r.requests_until ? to_iso(*r.requests_until) : ""},
            {"period_start", to_iso(r.period_start)},
            {"period_end", to_iso(r.period_end)}};
}

json progress_json(const StepProgress& p) { return {{"done", p.done}, {"stale", p.stale}, {"of", p.of}}; }

// A step's status word: "locked" once the lock that covers it holds everywhere in scope,
// "confirmed" when it is done everywhere, else "pending".
const char* status_of(const StepProgress& p, const StepProgress* lock) {
    if (lock && lock->complete()) return "locked";
    return p.complete() ? "confirmed" : "pending";
}

json steps_json(const ChainState& s) {
    const struct {
        int step;
        const char* key;
        const StepProgress& progress;
        const StepProgress* lock;
    } rows[] = {{1, "nation_amounts", s.nation_amounts, &s.nation_locks},
                {2, "municipality_amounts", s.municipality_amounts, &s.nation_locks},
                {3, "nation_locks", s.nation_locks, &s.nation_locks},
                {4, "site_amounts", s.site_amounts, &s.prefecture_locks},
                {5, "prefecture_locks", s.prefecture_locks, &s.prefecture_locks}};
    json out = json::array();
    for (const auto& r : rows) {
        json j = progress_json(r.progress);
        j["step"] = r.step;
        j["key"] = r.key;
        j["status"] = status_of(r.progress, r.lock);
        out.push_back(std::move(j));
    }
    return out;
}

// The children of org's split with what the overview shows about each.
Result<json> children_json(App& app, const ChainWorld& w, const Round& r, const std::string& org, const Date& today) {
    const auto& h = w.hierarchy();
    const OrgIndex o = h.find(org);
    json out = json::array();
    auto level = split_level_of(w, org);
    if (!level) return out;
    auto requests = request_totals_by_child(w, app.store(), r.code, org);
    if (!requests) return requests.error();
    std::optional<SiteAmountsBody> four;
    if (*level == SplitLevel::municipality) {
        auto doc = read_site_amounts(app.store(), allocation_key(org, r.code));
        if (!doc) return doc.error();
        if (*doc) four = (*doc)->body;
    }
    std::size_t i = 0;
    for (OrgIndex c : w.split_children(o, r.product)) {
        const std::string& id = h.id(c);
        json row = {{"org", id}, {"name", w.facts(c).name}};
        if (i < requests->size() && (*requests)[i].org == id) {
            row["request"] = (*requests)[i].boxes;
            row["reported"] = (*requests)[i].reported;
            row["sites"] = (*requests)[i].sites;
        }
        ++i;
        if (*level == SplitLevel::municipality) {
            const Delivery* d = four ? four->delivery_of(id) : nullptr;
            row["boxes"] = d ? json(d->boxes) : json(nullptr);
            row["needle_boxes"] = d ? json(d->needle_boxes) : json(nullptr);
            row["syringe_boxes"] = d ? json(d->syringe_boxes) : json(nullptr);
        } else {
            auto st = chain_state(w, app.store(), r.code, id, today);
            if (!st) return st.error();
            row["amount"] = st->amount ? json(*st->amount) : json(nullptr);
            if (*level == SplitLevel::nation) {
                row["registered"] = st->municipality_amounts.done == 1;
                row["stale"] = st->municipality_amounts.stale == 1;
                row["locked"] = st->nation_locks.done == 1;
            } else {
                row["registered"] = st->site_amounts.done == 1;
                row["stale"] = st->site_amounts.stale == 1;
                row["locked"] = st->prefecture_locks.done == 1;
            }
            row["site_amounts"] = progress_json(st->site_amounts);
            row["site_locks"] = progress_json(st->prefecture_locks);
        }
        out.push_back(std::move(row));
    }
    return out;
}

// [SECTION] views: rounds, round state, requests
Result<PreparedView> prepare_rounds_view(App& app, const json& j) {
    ArgReader r(j, {});
    if (auto e = r.finish()) return *e;
    return PreparedView{app.session().org, [&app]() -> Result<json> {
                            const ChainWorld& w = allocation_world(app);
                            const Date today = allocation_today(app);
                            json rows = json::array();
                            for (const Round* rd : listed_rounds(w, app.store(), today))
                                rows.push_back(round_json(app, *rd, round_state(app.store(), *rd), today));
                            return json{{"today", to_iso(today)}, {"rounds", rows}};
                        }};
}

// {round, org?}: the round's state for the organisation (default: the user's own).
Result<PreparedView> prepare_round_state_view(App& app, const json& j) {
    ArgReader r(j, {});
    std::string round = r.string("round");
    std::string org = r.optional_string("org").value_or(app.session().org);
    if (auto e = r.finish()) return *e;
    return PreparedView{org, [&app, round, org]() -> Result<json> {
                            const ChainWorld& w = allocation_world(app);
                            const Date today = allocation_today(app);
                            auto rd = accessible_round(w, app.store(), round, today);
                            if (!rd) return rd.error();
                            auto st = chain_state(w, app.store(), round, org, today);
                            if (!st) return st.error();
                            auto children = children_json(app, w, **rd, org, today);
                            if (!children) return children.error();
                            const OrgIndex o = w.hierarchy().find(org);
                            json out = round_json(app, **rd, st->round_state, today);
                            out["org"] = org;
                            out["org_name"] = w.facts(o).name;
                            out["level"] = org_level_id(w.hierarchy().level(o));
                            out["amount"] = st->amount ? json(*st->amount) : json(nullptr);
                            out["steps"] = steps_json(*st);
                            out["conflicts"] = st->conflicts;
                            out["children"] = std::move(*children);
                            return out;
                        }};
}

// {round, org?}: totals of requests in the subtree, per child of the split with the split's level,
// its valid modes ({id, population}) and the most tranches, and for a site its own request and
// whether it may report one.
Result<PreparedView> prepare_requests_view(App& app, const json& j) {
    ArgReader r(j, {});
    std::string round = r.string("round");
    std::string org = r.optional_string("org").value_or(app.session().org);
    if (auto e = r.finish()) return *e;
    return PreparedView{org, [&app, round, org]() -> Result<json> {
                            const ChainWorld& w = allocation_world(app);
                            const Date today = allocation_today(app);
                            auto rd = accessible_round(w, app.store(), round, today);
                            if (!rd) return rd.error();
                            auto total = request_totals(w, app.store(), round, org);
                            if (!total) return total.error();
                            json out = round_json(app, **rd, round_state(app.store(), **rd), today);
                            out["org"] = org;
                            out["total"] = {{"boxes", total->boxes}, {"reported", total->reported}, {"sites", total->sites}};
                            json children = json::array();
                            if (auto level = split_level_of(w, org)) {
                                auto rows = request_totals_by_child(w, app.store(), round, org);
                                if (!rows) return rows.error();
                                for (const auto& c : *rows)
                                    children.push_back({{"org", c.org}, {"name", c.name}, {"boxes", c.boxes},
                                                        {"reported", c.reported}, {"sites", c.sites}});
                                // What the simulation screen offers for this split.
                                json modes = json::array();
                                for (SimMode m : valid_modes((*rd)->product, *level))
                                    modes.push_back({{"id", sim_mode_id(m)}, {"population", splits_by_population(m)}});
                                out["split_level"] = split_level_id(*level);
                                out["modes"] = modes;
                                out["max_tranches"] = k_max_tranches;
                            }
                            out["children"] = children;
                            const OrgIndex o = w.hierarchy().find(org);
                            const OrgLevel level = w.hierarchy().level(o);
                            if (level == OrgLevel::site || level == OrgLevel::venue) {
                                auto may = may_request(w.facts(o).vaccines, (*rd)->product, org);
                                out["may_request"] = may.ok();
                                out["refusal"] = may.ok() ? std::string() : app.error_text(may.error());
                                auto own = read_request(app.store(), request_key(org, round));
                                if (!own) return own.error();
                                out["boxes"] = *own ? json((*own)->body.boxes) : json(nullptr);
                                out["updated"] = *own ? json((*own)->version->time) : json(nullptr);
                            }
                            return out;
                        }};
}

// [SECTION] the simulation view
json fraction_json(const alloc::Fraction& f) {
    return {{"whole", f.whole}, {"num", f.num}, {"den", f.den}, {"text", fraction_text(f)}};
}

json tranche_json(const SimulationTranche& t) {
    return {{"amount", t.amount}, {"mode", sim_mode_id(t.mode)}, {"cap_by_request", t.cap_by_request}};
}

json spec_json(const SimulationSpec& s) {
    json fixed = json::object();
    for (const auto& f : s.fixed) fixed[f.org] = f.boxes;
    json tranches = json::array();
    for (const auto& t : s.tranches) tranches.push_back(tranche_json(t));
    return {{"mode", sim_mode_id(s.mode)},
            {"method", std::string(alloc::method_name(s.method))},
            {"total", s.total ? json(*s.total) : json(nullptr)},
            {"fixed", fixed},
            {"cap_by_request", s.cap_by_request},
            {"tranches", tranches}};
}

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

// ④: each site's needle and syringe boxes as the packaging suggests them for its vaccine boxes;
// the municipality adjusts all three before registering (調整後の納入数を入力).
void suggest_supplies(const ChainWorld& w, const Simulation& s, json& rows) {
    const SiteAmountsBody body = site_amounts_from_simulation(w, s);
    for (auto& row : rows)
        for (const auto& d : body.deliveries)
            if (d.site == row.value("org", "")) {
                row["needle_boxes"] = d.needle_boxes;
                row["syringe_boxes"] = d.syringe_boxes;
            }
}

json simulation_json(App& app, const Simulation& s) {
    const bool in_parts = !s.spec.tranches.empty();
    json rows = json::array();
    for (const auto& r : s.rows) {
        json row = {{"org", r.org},
                    {"name", r.name},
                    {"request", r.request},
                    {"weight", in_parts ? json(nullptr) : json(r.weight)},
                    {"share", in_parts ? json(nullptr) : fraction_json(r.share)},
                    {"result", r.result},
                    {"difference", r.difference},
                    {"reason", std::string(alloc::reason_name(r.outcome.reason))},
                    {"explanation", in_parts ? tranche_row_explanation(app, s, r) : explanation_text(app, r.explanation)}};
        if (in_parts) {
            json parts = json::array();
            for (const auto& p : r.parts)
                parts.push_back({{"result", p.result},
                                 {"weight", p.weight},
                                 {"share", fraction_json(p.share)},
                                 {"reason", std::string(alloc::reason_name(p.outcome.reason))},
                                 {"explanation", explanation_text(app, p.explanation)}});
            row["parts"] = std::move(parts);
        }
        rows.push_back(std::move(row));
    }
    json tranches = json::array();
    for (std::size_t t = 0; t < s.tranches.size(); ++t) {
        json part = tranche_json(s.tranches[t].part);
        part["label"] = tranche_label(app, t, s.tranches[t].part);
        part["allocated"] = s.tranches[t].allocated;
        part["unallocated"] = s.tranches[t].unallocated;
        tranches.push_back(std::move(part));
    }
    return {{"spec", spec_json(s.spec)}, {"total", s.total},   {"allocated", s.allocated},
            {"unallocated", s.unallocated}, {"requested", s.requested}, {"rows", rows},
            {"tranches", tranches}};
}

// {round, parent?, mode?, method?, total?, fixed?, cap_by_request?, tranches?: [{amount, mode,
// cap_by_request?}], compare?: {the same spec fields}}: the split of the parent (default: the
// user's own organisation). With tranches, each row has `parts` (per tranche: result, weight,
// share, reason, explanation), its weight and share are null, and `tranches` lists each part's
// amount, mode, label, allocated and unallocated.
Result<PreparedView> prepare_simulation_view(App& app, const json& j) {
    static const std::set<std::string> k_spec_fields = {"mode", "method", "total", "fixed", "cap_by_request", "tranches"};
    std::set<std::string> ignored = k_spec_fields;
    ignored.insert("compare");
    ArgReader r(j, ignored);
    std::string round = r.string("round");
    std::string parent = r.optional_string("parent").value_or(app.session().org);
    if (auto e = r.finish()) return *e;
    const ChainWorld& w = allocation_world(app);
    auto a = simulation_spec_from_json(w, round, parent, j, {"round", "parent", "compare"});
    if (!a) return a.error();
    std::optional<SimulationSpec> b;
    if (auto c = j.find("compare"); c != j.end() && !c->is_null()) {
        auto spec = simulation_spec_from_json(w, round, parent, *c, {});
        if (!spec) return spec.error();
        b = std::move(*spec);
    }
    return PreparedView{parent, [&app, round, parent, a = *a, b]() -> Result<json> {
                            const ChainWorld& w = allocation_world(app);
                            const Date today = allocation_today(app);
                            json modes = json::array();
                            const Round* rd = w.catalog().find_round(round);
                            auto level = split_level_of(w, parent);
                            if (rd && level)
                                for (SimMode m : valid_modes(rd->product, *level)) modes.push_back(sim_mode_id(m));
                            if (!b) {
                                auto s = simulate(w, app.store(), round, parent, a, today);
                                if (!s) return s.error();
                                json out = simulation_json(app, *s);
                                out["round"] = round;
                                out["parent"] = parent;
                                out["modes"] = modes;
                                out["level"] = split_level_id(s->level);
                                if (s->level == SplitLevel::municipality) suggest_supplies(w, *s, out["rows"]);
                                return out;
                            }
                            auto c = compare_simulations(w, app.store(), round, parent, a, *b, today);
                            if (!c) return c.error();
                            json out = simulation_json(app, c->a);
                            out["round"] = round;
                            out["parent"] = parent;
                            out["modes"] = modes;
                            out["level"] = split_level_id(c->a.level);
                            json rows = json::array();
                            for (const auto& x : c->rows)
                                rows.push_back({{"org", x.org}, {"name", x.name}, {"request", x.request}, {"a", x.a},
                                                {"b", x.b}, {"difference", x.difference}});
                            json compared = simulation_json(app, c->b);
                            compared.erase("rows");
                            compared["rows"] = rows;
                            out["compare"] = compared;
                            return out;
                        }};
}

const ViewEntry k_views[] = {{"rounds", prepare_rounds_view},
                             {"round_state", prepare_round_state_view},
                             {"requests", prepare_requests_view},
                             {"simulation", prepare_simulation_view},
                             view_entry<DeliveriesQuery>()};

}  // namespace

std::span<const ViewEntry> allocation_views() { return k_views; }

}  // namespace vsys
