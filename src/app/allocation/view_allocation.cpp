// The allocation chain's views (docs/CHAIN.md): the rounds listed for the user, a round's state
// per level with each step's status and the children of the user's split, the totals of
// requests (希望量) over a subtree; the simulation is view_simulation.cpp and the delivery
// orders view_deliveries.cpp. Each builder fills its typed answer (rounds_view.hpp,
// round_state_view.hpp, requests_view.hpp); each to_json is the answer's one codec for
// window.vsys. Reading only.
//
// Index:
// [SECTION] rounds
// [SECTION] round state
// [SECTION] requests
// [SECTION] the table
#include "app/allocation/allocation_app.hpp"
#include "app/allocation/deliveries_view.hpp"
#include "app/allocation/requests_view.hpp"
#include "app/allocation/round_state_view.hpp"
#include "app/allocation/rounds_view.hpp"
#include "app/allocation/simulation_view.hpp"
#include "app/base/app.hpp"
#include "app/base/args.hpp"

namespace vsys {

using nlohmann::json;

// [SECTION] rounds
RoundListing round_listing(App& app, const Round& r, RoundState state, const Date& today) {
    RoundListing out;
    out.code = r.code;
    out.name = r.name;
    out.product = vaccine_product_id(r.product);
    out.product_name = app.tr("product." + out.product);
    out.state = state;
    out.state_name = app.tr(std::string("chain.round_state.") + round_state_id(state));
    out.requests_open = requests_open(r, state, today);
    out.requests_from = to_iso(r.requests_from);
    out.requests_until = r.requests_until ? to_iso(*r.requests_until) : "";
    out.period_start = to_iso(r.period_start);
    out.period_end = to_iso(r.period_end);
    return out;
}

json to_json(const RoundListing& r) {
    return {{"code", r.code},
            {"name", r.name},
            {"product", r.product},
            {"product_name", r.product_name},
            {"state", round_state_id(r.state)},
            {"state_name", r.state_name},
            {"requests_open", r.requests_open},
            {"requests_from", r.requests_from},
            {"requests_until", r.requests_until},
            {"period_start", r.period_start},
            {"period_end", r.period_end}};
}

Result<RoundsQuery> RoundsQuery::read(const json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return RoundsQuery{};
}

Result<Prepared<RoundsView>> prepare(App& app, const RoundsQuery&) {
    return Prepared<RoundsView>{app.session().org, [&app]() -> Result<RoundsView> {
                                    const ChainWorld& w = allocation_world(app);
                                    const Date today = allocation_today(app);
                                    RoundsView v;
                                    v.today = to_iso(today);
                                    for (const Round* rd : listed_rounds(w, app.store(), today))
                                        v.rounds.push_back(round_listing(app, *rd, round_state(app.store(), *rd), today));
                                    return v;
                                }};
}

json to_json(const RoundsView& v) {
    json rows = json::array();
    for (const auto& r : v.rounds) rows.push_back(to_json(r));
    return {{"today", v.today}, {"rounds", std::move(rows)}};
}

// [SECTION] round state
const char* step_status_id(StepStatus s) {
    switch (s) {
        case StepStatus::locked:
            return "locked";
        case StepStatus::confirmed:
            return "confirmed";
        default:
            return "pending";
    }
}

namespace {

StepCount step_count(const StepProgress& p) { return {p.done, p.stale, p.of}; }

json to_json(const StepCount& c) { return {{"done", c.done}, {"stale", c.stale}, {"of", c.of}}; }

StepStatus status_of(const StepProgress& p, const StepProgress* lock) {
    if (lock && lock->complete()) return StepStatus::locked;
    return p.complete() ? StepStatus::confirmed : StepStatus::pending;
}

std::array<ChainStep, 5> chain_steps(const ChainState& s) {
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
    std::array<ChainStep, 5> out;
    for (std::size_t i = 0; i < 5; ++i)
        out[i] = ChainStep{rows[i].step, rows[i].key, status_of(rows[i].progress, rows[i].lock), step_count(rows[i].progress)};
    return out;
}

// The children of org's split with what the overview shows about each.
Result<std::vector<SplitChild>> split_children(App& app, const ChainWorld& w, const Round& r, const std::string& org,
                                               const Date& today) {
    const auto& h = w.hierarchy();
    const OrgIndex o = h.find(org);
    std::vector<SplitChild> out;
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
        SplitChild row;
        row.org = h.id(c);
        row.name = w.facts(c).name;
        if (i < requests->size() && (*requests)[i].org == row.org)
            row.request = SplitChild::Requested{(*requests)[i].boxes, (*requests)[i].reported, (*requests)[i].sites};
        ++i;
        if (*level == SplitLevel::municipality) {
            if (const Delivery* d = four ? four->delivery_of(row.org) : nullptr) {
                row.boxes = d->boxes;
                row.needle_boxes = d->needle_boxes;
                row.syringe_boxes = d->syringe_boxes;
            }
        } else {
            auto st = chain_state(w, app.store(), r.code, row.org, today);
            if (!st) return st.error();
            row.amount = st->amount;
            const bool nation = *level == SplitLevel::nation;
            const StepProgress& amounts = nation ? st->municipality_amounts : st->site_amounts;
            const StepProgress& locks = nation ? st->nation_locks : st->prefecture_locks;
            row.registered = amounts.done == 1;
            row.stale = amounts.stale == 1;
            row.locked = locks.done == 1;
            row.site_amounts = step_count(st->site_amounts);
            row.site_locks = step_count(st->prefecture_locks);
        }
        out.push_back(std::move(row));
    }
    return out;
}

json opt(const std::optional<std::int64_t>& n) { return n ? json(*n) : json(nullptr); }

}  // namespace

Result<RoundStateQuery> RoundStateQuery::read(const json& args) {
    ArgReader r(args, {});
    RoundStateQuery q;
    q.round = r.string("round");
    q.org = r.optional_string("org");
    if (auto e = r.finish()) return *e;
    return q;
}

Result<Prepared<RoundStateView>> prepare(App& app, const RoundStateQuery& q) {
    const std::string org = q.org.value_or(app.session().org);
    return Prepared<RoundStateView>{org, [&app, round = q.round, org]() -> Result<RoundStateView> {
                                        const ChainWorld& w = allocation_world(app);
                                        const Date today = allocation_today(app);
                                        auto rd = accessible_round(w, app.store(), round, today);
                                        if (!rd) return rd.error();
                                        auto st = chain_state(w, app.store(), round, org, today);
                                        if (!st) return st.error();
                                        auto children = split_children(app, w, **rd, org, today);
                                        if (!children) return children.error();
                                        const OrgIndex o = w.hierarchy().find(org);
                                        RoundStateView v;
                                        v.round = round_listing(app, **rd, st->round_state, today);
                                        v.org = org;
                                        v.org_name = w.facts(o).name;
                                        v.level = w.hierarchy().level(o);
                                        v.amount = st->amount;
                                        v.steps = chain_steps(*st);
                                        v.conflicts = st->conflicts;
                                        v.children = std::move(*children);
                                        return v;
                                    }};
}

json to_json(const RoundStateView& v) {
    json out = to_json(v.round);
    out["org"] = v.org;
    out["org_name"] = v.org_name;
    out["level"] = org_level_id(v.level);
    out["amount"] = opt(v.amount);
    json steps = json::array();
    for (const auto& s : v.steps) {
        json j = to_json(s.count);
        j["step"] = s.step;
        j["key"] = s.key;
        j["status"] = step_status_id(s.status);
        steps.push_back(std::move(j));
    }
    out["steps"] = std::move(steps);
    out["conflicts"] = v.conflicts;
    json children = json::array();
    for (const auto& c : v.children) {
        json row = {{"org", c.org}, {"name", c.name}};
        if (c.request) {
            row["request"] = c.request->boxes;
            row["reported"] = c.request->reported;
            row["sites"] = c.request->sites;
        }
        if (v.level == OrgLevel::municipality) {
            row["boxes"] = opt(c.boxes);
            row["needle_boxes"] = opt(c.needle_boxes);
            row["syringe_boxes"] = opt(c.syringe_boxes);
        } else {
            row["amount"] = opt(c.amount);
            row["registered"] = c.registered;
            row["stale"] = c.stale;
            row["locked"] = c.locked;
            row["site_amounts"] = to_json(c.site_amounts);
            row["site_locks"] = to_json(c.site_locks);
        }
        children.push_back(std::move(row));
    }
    out["children"] = std::move(children);
    return out;
}

// [SECTION] requests
Result<RequestsQuery> RequestsQuery::read(const json& args) {
    ArgReader r(args, {});
    RequestsQuery q;
    q.round = r.string("round");
    q.org = r.optional_string("org");
    if (auto e = r.finish()) return *e;
    return q;
}

// Totals of requests in the subtree, per child of the split with the split's level, its valid
// modes and the most tranches, and for a site its own request and whether it may report one.
Result<Prepared<RequestsView>> prepare(App& app, const RequestsQuery& q) {
    const std::string org = q.org.value_or(app.session().org);
    return Prepared<RequestsView>{org, [&app, round = q.round, org]() -> Result<RequestsView> {
                                      const ChainWorld& w = allocation_world(app);
                                      const Date today = allocation_today(app);
                                      auto rd = accessible_round(w, app.store(), round, today);
                                      if (!rd) return rd.error();
                                      auto total = request_totals(w, app.store(), round, org);
                                      if (!total) return total.error();
                                      RequestsView v;
                                      v.round = round_listing(app, **rd, round_state(app.store(), **rd), today);
                                      v.org = org;
                                      v.total = *total;
                                      if (auto level = split_level_of(w, org)) {
                                          auto rows = request_totals_by_child(w, app.store(), round, org);
                                          if (!rows) return rows.error();
                                          v.children = std::move(*rows);
                                          SplitOffer offer;
                                          offer.level = *level;
                                          for (SimMode m : valid_modes((*rd)->product, *level))
                                              offer.modes.push_back({sim_mode_id(m), splits_by_population(m)});
                                          offer.max_tranches = k_max_tranches;
                                          v.split = std::move(offer);
                                      }
                                      const OrgIndex o = w.hierarchy().find(org);
                                      const OrgLevel level = w.hierarchy().level(o);
                                      if (level == OrgLevel::site || level == OrgLevel::venue) {
                                          OwnRequest own;
                                          auto may = may_request(w.facts(o).vaccines, (*rd)->product, org);
                                          own.may_request = may.ok();
                                          if (!may.ok()) own.refusal = app.error_text(may.error());
                                          auto doc = read_request(app.store(), request_key(org, round));
                                          if (!doc) return doc.error();
                                          if (*doc) {
                                              own.boxes = (*doc)->body.boxes;
                                              own.updated = (*doc)->version->time;
                                          }
                                          v.own = std::move(own);
                                      }
                                      return v;
                                  }};
}

json to_json(const RequestsView& v) {
    json out = to_json(v.round);
    out["org"] = v.org;
    out["total"] = {{"boxes", v.total.boxes}, {"reported", v.total.reported}, {"sites", v.total.sites}};
    json children = json::array();
    for (const auto& c : v.children)
        children.push_back({{"org", c.org}, {"name", c.name}, {"boxes", c.boxes}, {"reported", c.reported}, {"sites", c.sites}});
    if (v.split) {
        json modes = json::array();
        for (const auto& m : v.split->modes) modes.push_back({{"id", m.id}, {"population", m.population}});
        out["split_level"] = split_level_id(v.split->level);
        out["modes"] = std::move(modes);
        out["max_tranches"] = v.split->max_tranches;
    }
    out["children"] = std::move(children);
    if (v.own) {
        out["may_request"] = v.own->may_request;
        out["refusal"] = v.own->refusal;
        out["boxes"] = opt(v.own->boxes);
        out["updated"] = v.own->updated ? json(*v.own->updated) : json(nullptr);
    }
    return out;
}

// [SECTION] the table
namespace {
const ViewEntry k_views[] = {view_entry<RoundsQuery>(), view_entry<RoundStateQuery>(), view_entry<RequestsQuery>(),
                             view_entry<SimulationQuery>(), view_entry<DeliveriesQuery>()};
}  // namespace

std::span<const ViewEntry> allocation_views() { return k_views; }

}  // namespace vsys
