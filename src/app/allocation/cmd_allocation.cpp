// The allocation chain's commands (chain_commands.hpp): each read() is the one JSON codec of its
// struct, each prepare() an argument check or two and one call into the chain core, which
// validates the version exactly as a received one; App seals, checks against the store's locks
// and stores it.
//
// Index:
// [SECTION] shared readers
// [SECTION] requests and the round's state
// [SECTION] ① and ② amounts, ③ locks
// [SECTION] ④ amounts, ⑤ locks
// [SECTION] the table
#include <functional>

#include "app/allocation/allocation_app.hpp"
#include "app/allocation/chain_commands.hpp"
#include "app/allocation/chain_fields.hpp"
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "core/allocation/chain_commands.hpp"
#include "core/base/text.hpp"

namespace vsys {

namespace {

using nlohmann::json;

// [SECTION] shared readers
PreparedCommand one_version(std::string target, std::function<Result<DocumentVersion>()> build) {
    PreparedCommand p;
    p.target_org = std::move(target);
    p.apply = [build = std::move(build)]() -> Result<Versions> {
        auto v = build();
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

// The organisation a command acts for: the named one, else the user's own.
std::string org_or_own(App& app, const std::optional<std::string>& named) {
    return named ? *named : app.session().org;
}

std::optional<Error> reason_error(const std::string& reason) {
    if (reason.empty() || !text::valid_utf8(reason))
        return Error{"allocation_app.reason_required", "undoing a lock needs a reason"};
    if (text::length(reason) > k_max_unlock_reason || text::has_control(reason))
        return Error{"allocation_app.reason_invalid", "the reason is too long or has control characters"};
    return std::nullopt;
}

Result<std::vector<std::string>> org_list(const json& j, const char* name) {
    std::vector<std::string> out;
    const auto it = j.find(name);
    if (it == j.end()) return out;
    if (!it->is_array()) return Error{"arg.type", "must be an array", {{"name", name}, {"expected", "array"}}};
    for (const auto& m : *it) {
        if (!m.is_string()) return Error{"arg.type", "must be strings", {{"name", name}, {"expected", "string"}}};
        out.push_back(m.get<std::string>());
    }
    return out;
}

// Either typed shares or a simulation spec, exactly one of them.
Result<AmountsSource> amounts_source(const json& j, std::optional<std::int64_t> unallocated) {
    AmountsSource in;
    const auto s = j.find("shares");
    const auto sim = j.find("simulation");
    if ((s == j.end()) == (sim == j.end()))
        return Error{"allocation_app.shares_or_simulation", "give either shares or a simulation"};
    if (s != j.end()) {
        auto shares = shares_from_json(*s, "shares");
        if (!shares) return shares.error();
        in.shares = std::move(*shares);
        in.unallocated = unallocated.value_or(0);
    } else {
        if (unallocated) return Error{"arg.unknown", "unallocated comes from the simulation", {{"name", "unallocated"}}};
        auto spec = SimulationSpecArgs::read(*sim);
        if (spec) in.simulation = std::move(*spec);
        else in.simulation_refused = spec.error();
    }
    return in;
}

// A typed AmountsSource must have one of them, as its JSON must (a refused simulation counts).
std::optional<Error> one_source(bool shares, bool simulation) {
    if (shares == simulation) return Error{"allocation_app.shares_or_simulation", "give either shares or a simulation"};
    return std::nullopt;
}

// A number a typed command carries, checked as read() checks its JSON twin's (the refusal names
// the field by its label): a screen's command never passes read().
std::optional<Error> number_error(std::int64_t value, const NumberRule& rule) {
    auto n = check_number(value, rule);
    if (!n) return n.error();
    return std::nullopt;
}

// ④'s rows in order, each as deliveries_from_json reads it: boxes, needle boxes, syringe boxes.
std::optional<Error> deliveries_error(const std::vector<Delivery>& rows) {
    for (const Delivery& d : rows) {
        if (auto e = number_error(d.boxes, boxes_rule("alloc.col.boxes"))) return e;
        if (auto e = number_error(d.needle_boxes, boxes_rule("alloc.col.needles"))) return e;
        if (auto e = number_error(d.syringe_boxes, boxes_rule("alloc.col.syringes"))) return e;
    }
    return std::nullopt;
}

// Runs the simulation of an AmountsSource, or takes its typed shares. A simulation's settings
// are refused here, when the command applies (after the access check), on both paths.
Result<AmountsBody> amounts_body(App& app, const std::string& round, const std::string& parent, const AmountsSource& in) {
    if (in.simulation_refused) return *in.simulation_refused;
    if (in.simulation)
        if (auto e = in.simulation->check()) return *e;
    if (in.shares) {
        AmountsBody body;
        body.shares = *in.shares;
        body.unallocated = in.unallocated;
        return body;
    }
    const ChainWorld& w = allocation_world(app);
    auto sim = simulate(w, app.store(), round, parent, resolve(w, round, parent, *in.simulation), allocation_today(app));
    if (!sim) return sim.error();
    return amounts_from_simulation(*sim);
}

}  // namespace

// [SECTION] requests and the round's state
Result<ReportRequest> ReportRequest::read(const json& j) {
    ArgReader r(j);
    ReportRequest c;
    c.site = r.string("site");
    c.round = r.string("round");
    c.boxes = r.number("boxes", boxes_rule("req.boxes"));
    c.product = r.optional_string("product");
    if (auto e = r.finish()) return *e;
    return c;
}

Result<PreparedCommand> prepare(App& app, const ReportRequest& c) {
    if (auto e = number_error(c.boxes, boxes_rule("req.boxes"))) return *e;
    const Site* site = app.directory().generated_site(c.site);
    if (!site) return Error{"site.not_found", "no such site", {{"code", c.site}}};
    if (c.product) {
        auto p = parse_vaccine_product(*c.product);
        if (!p) return Error{"arg.type", "unknown product", {{"name", "product"}, {"expected", "pfizer_12|pfizer_5_11|takeda_moderna"}}};
        const Round* rd = Catalog::builtin().find_round(c.round);
        if (rd && rd->product != *p)
            return Error{"chain.wrong_product", "not the round's product",
                         {{"product", app.tr(std::string("product.") + *c.product)}, {"round", c.round}}};
    }
    const std::string org = site_org_id(*site);
    return one_version(org, [&app, org, round = c.round, boxes = c.boxes]() -> Result<DocumentVersion> {
        auto v = build_request(allocation_world(app), app.store(), org, round, boxes, allocation_today(app));
        if (v) v->proxy = app.session().org != org;
        return v;
    });
}

Result<SetRoundState> SetRoundState::read(const json& j) {
    ArgReader r(j);
    SetRoundState c;
    c.round = r.string("round");
    std::string state = r.string("state");
    if (auto e = r.finish()) return *e;
    auto s = parse_round_state(state);
    if (!s) return Error{"arg.type", "unknown round state", {{"name", "state"}, {"expected", "requests|allocating|locked|delivered|closed"}}};
    c.state = *s;
    return c;
}

Result<PreparedCommand> prepare(App& app, const SetRoundState& c) {
    return one_version("nation", [&app, round = c.round, st = c.state]() {
        return build_round_state(allocation_world(app), app.store(), round, st, allocation_today(app));
    });
}

// [SECTION] ① and ② amounts, ③ locks
Result<SetPrefectureAmounts> SetPrefectureAmounts::read(const json& j) {
    ArgReader r(j, {"type", "shares", "simulation"});
    SetPrefectureAmounts c;
    c.round = r.string("round");
    auto unallocated = r.optional_int("unallocated");
    if (auto e = r.finish()) return *e;
    auto in = amounts_source(j, unallocated);
    if (!in) return in.error();
    c.amounts = std::move(*in);
    return c;
}

Result<PreparedCommand> prepare(App& app, const SetPrefectureAmounts& c) {
    if (auto e = one_source(c.amounts.shares.has_value(), c.amounts.simulation || c.amounts.simulation_refused)) return *e;
    return one_version("nation", [&app, round = c.round, in = c.amounts]() -> Result<DocumentVersion> {
        auto body = amounts_body(app, round, "nation", in);
        if (!body) return body.error();
        return build_nation_amounts(allocation_world(app), app.store(), round, std::move(*body), allocation_today(app));
    });
}

Result<RegisterMunicipalityAmounts> RegisterMunicipalityAmounts::read(const json& j) {
    ArgReader r(j, {"type", "shares", "simulation"});
    RegisterMunicipalityAmounts c;
    c.round = r.string("round");
    c.prefecture = r.optional_string("prefecture");
    auto unallocated = r.optional_int("unallocated");
    if (auto e = r.finish()) return *e;
    auto in = amounts_source(j, unallocated);
    if (!in) return in.error();
    c.amounts = std::move(*in);
    return c;
}

Result<PreparedCommand> prepare(App& app, const RegisterMunicipalityAmounts& c) {
    if (auto e = one_source(c.amounts.shares.has_value(), c.amounts.simulation || c.amounts.simulation_refused)) return *e;
    const std::string pref = org_or_own(app, c.prefecture);
    return one_version(pref, [&app, round = c.round, pref, in = c.amounts]() -> Result<DocumentVersion> {
        auto body = amounts_body(app, round, pref, in);
        if (!body) return body.error();
        return build_municipality_amounts(allocation_world(app), app.store(), round, pref, std::move(*body),
                                          allocation_today(app));
    });
}

Result<LockPrefecture> LockPrefecture::read(const json& j) {
    ArgReader r(j);
    LockPrefecture c;
    c.round = r.string("round");
    c.prefecture = r.string("prefecture");
    if (auto e = r.finish()) return *e;
    return c;
}

Result<PreparedCommand> prepare(App& app, const LockPrefecture& c) {
    return one_version("nation", [&app, round = c.round, pref = c.prefecture]() {
        return build_nation_lock(allocation_world(app), app.store(), round, pref, allocation_today(app));
    });
}

Result<UnlockPrefecture> UnlockPrefecture::read(const json& j) {
    ArgReader r(j);
    UnlockPrefecture c;
    c.round = r.string("round");
    c.prefecture = r.string("prefecture");
    c.reason = r.string("reason");
    if (auto e = r.finish()) return *e;
    return c;
}

Result<PreparedCommand> prepare(App& app, const UnlockPrefecture& c) {
    if (auto e = reason_error(c.reason)) return *e;
    return one_version("nation", [&app, round = c.round, pref = c.prefecture, why = c.reason]() {
        return build_nation_unlock(allocation_world(app), app.store(), round, pref, why, allocation_today(app));
    });
}

// [SECTION] ④ amounts, ⑤ locks
namespace {
// {"site:…": {boxes, needle_boxes?, syringe_boxes?}} → deliveries.
Result<std::vector<Delivery>> deliveries_from_json(const json& j) {
    if (!j.is_object()) return Error{"arg.type", "deliveries must be an object", {{"name", "deliveries"}, {"expected", "object"}}};
    std::vector<Delivery> out;
    for (auto it = j.begin(); it != j.end(); ++it) {
        ArgReader r(*it, {});
        Delivery d{it.key(), r.number("boxes", boxes_rule("alloc.col.boxes")),
                   r.optional_number("needle_boxes", boxes_rule("alloc.col.needles")).value_or(0),
                   r.optional_number("syringe_boxes", boxes_rule("alloc.col.syringes")).value_or(0)};
        if (auto e = r.finish()) return *e;
        out.push_back(std::move(d));
    }
    return out;
}
}  // namespace

Result<RegisterSiteAmounts> RegisterSiteAmounts::read(const json& j) {
    ArgReader r(j, {"type", "deliveries", "simulation"});
    RegisterSiteAmounts c;
    c.round = r.string("round");
    c.municipality = r.optional_string("municipality");
    auto unallocated = r.optional_int("unallocated");
    if (auto e = r.finish()) return *e;
    const auto d = j.find("deliveries");
    const auto sim = j.find("simulation");
    if ((d == j.end()) == (sim == j.end()))
        return Error{"allocation_app.shares_or_simulation", "give either deliveries or a simulation"};
    if (d != j.end()) {
        auto rows = deliveries_from_json(*d);
        if (!rows) return rows.error();
        c.deliveries = std::move(*rows);
        c.unallocated = unallocated.value_or(0);
    } else {
        if (unallocated) return Error{"arg.unknown", "unallocated comes from the simulation", {{"name", "unallocated"}}};
        auto spec = SimulationSpecArgs::read(*sim);
        if (spec) c.simulation = std::move(*spec);
        else c.simulation_refused = spec.error();
    }
    return c;
}

Result<PreparedCommand> prepare(App& app, const RegisterSiteAmounts& c) {
    if (auto e = one_source(c.deliveries.has_value(), c.simulation || c.simulation_refused)) return *e;
    if (c.deliveries)
        if (auto e = deliveries_error(*c.deliveries)) return *e;
    const std::string muni = org_or_own(app, c.municipality);
    SiteAmountsBody typed;
    if (c.deliveries) {
        typed.deliveries = *c.deliveries;
        typed.unallocated = c.unallocated;
    }
    return one_version(muni, [&app, round = c.round, muni, typed, spec = c.simulation,
                              refused = c.simulation_refused]() -> Result<DocumentVersion> {
        if (refused) return *refused;
        if (spec)
            if (auto e = spec->check()) return *e;
        const ChainWorld& w = allocation_world(app);
        const Date today = allocation_today(app);
        SiteAmountsBody body = typed;
        if (spec) {
            auto s = simulate(w, app.store(), round, muni, resolve(w, round, muni, *spec), today);
            if (!s) return s.error();
            body = site_amounts_from_simulation(w, *s);
        }
        return build_site_amounts(w, app.store(), round, muni, std::move(body), today);
    });
}

Result<LockSites> LockSites::read(const json& j) {
    ArgReader r(j, {"type", "municipalities"});
    LockSites c;
    c.round = r.string("round");
    c.prefecture = r.optional_string("prefecture");
    if (auto e = r.finish()) return *e;
    auto munis = org_list(j, "municipalities");
    if (!munis) return munis.error();
    c.municipalities = std::move(*munis);
    return c;
}

Result<PreparedCommand> prepare(App& app, const LockSites& c) {
    const std::string pref = org_or_own(app, c.prefecture);
    return one_version(pref, [&app, round = c.round, pref, munis = c.municipalities]() {
        return build_prefecture_lock(allocation_world(app), app.store(), round, pref, munis, allocation_today(app));
    });
}

Result<UnlockSites> UnlockSites::read(const json& j) {
    ArgReader r(j, {"type", "municipalities"});
    UnlockSites c;
    c.round = r.string("round");
    c.prefecture = r.optional_string("prefecture");
    c.reason = r.string("reason");
    if (auto e = r.finish()) return *e;
    auto munis = org_list(j, "municipalities");
    if (!munis) return munis.error();
    c.municipalities = std::move(*munis);
    return c;
}

Result<PreparedCommand> prepare(App& app, const UnlockSites& c) {
    if (auto e = reason_error(c.reason)) return *e;
    const std::string pref = org_or_own(app, c.prefecture);
    return one_version(pref, [&app, round = c.round, pref, munis = c.municipalities, why = c.reason]() {
        return build_prefecture_unlock(allocation_world(app), app.store(), round, pref, munis, why,
                                       allocation_today(app));
    });
}

// [SECTION] the table
namespace {
const CommandEntry k_commands[] = {
    command_entry<ReportRequest>(),
    command_entry<SetRoundState>(),
    command_entry<SetPrefectureAmounts>(),
    command_entry<RegisterMunicipalityAmounts>(),
    command_entry<LockPrefecture>(),
    command_entry<UnlockPrefecture>(),
    command_entry<RegisterSiteAmounts>(),
    command_entry<LockSites>(),
    command_entry<UnlockSites>(),
};
}  // namespace

std::span<const CommandEntry> allocation_commands() { return k_commands; }

}  // namespace vsys
