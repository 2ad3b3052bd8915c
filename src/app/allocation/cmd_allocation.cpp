// The allocation chain's commands (DOMAIN.md §3-4, docs/CHAIN.md): a site reports its request
// (希望量), the nation moves the round on and sets ① by hand or from a simulation, a prefecture
// registers ②, the nation locks it (③), a municipality registers ④ with the delivery amounts
// (納入数), the prefecture locks them (⑤); each lock can be undone by its level with a reason.
// Each command builds its one version with the chain core, which validates it exactly as a
// received version (validate_chain_version); App seals, checks against the store's locks and
// stores it. Each entry states its arguments above its prepare function.
#include <functional>

#include "app/allocation/allocation_app.hpp"
#include "app/allocation/chain_fields.hpp"
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "core/allocation/chain_commands.hpp"
#include "core/base/text.hpp"

namespace vsys {

namespace {

using nlohmann::json;

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

Result<std::string> reason_arg(const std::string& reason) {
    if (reason.empty() || !text::valid_utf8(reason))
        return Error{"allocation_app.reason_required", "undoing a lock needs a reason"};
    if (text::length(reason) > k_max_unlock_reason || text::has_control(reason))
        return Error{"allocation_app.reason_invalid", "the reason is too long or has control characters"};
    return reason;
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
struct AmountsInput {
    std::optional<std::vector<Share>> shares;
    std::int64_t unallocated = 0;
    std::optional<json> simulation;
};

Result<AmountsInput> amounts_input(const json& j, std::optional<std::int64_t> unallocated) {
    AmountsInput in;
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
        in.simulation = *sim;
    }
    return in;
}

// Runs the simulation of an AmountsInput, or takes its typed shares.
Result<AmountsBody> amounts_body(App& app, const std::string& round, const std::string& parent, const AmountsInput& in) {
    if (in.shares) {
        AmountsBody body;
        body.shares = *in.shares;
        body.unallocated = in.unallocated;
        return body;
    }
    const ChainWorld& w = allocation_world(app);
    auto spec = simulation_spec_from_json(w, round, parent, *in.simulation, {});
    if (!spec) return spec.error();
    auto sim = simulate(w, app.store(), round, parent, *spec, allocation_today(app));
    if (!sim) return sim.error();
    return amounts_from_simulation(*sim);
}

// {type: "report_request", site: "<code>", round, boxes, product?}: 希望量の報告 (a municipality
// may report for its site: 代行入力). A product that is not the round's is refused.
Result<PreparedCommand> prepare_report_request(App& app, const json& j) {
    ArgReader r(j);
    std::string code = r.string("site");
    std::string round = r.string("round");
    std::int64_t boxes = r.number("boxes", boxes_rule("req.boxes"));
    auto product = r.optional_string("product");
    if (auto e = r.finish()) return *e;
    const Site* site = app.directory().generated_site(code);
    if (!site) return Error{"site.not_found", "no such site", {{"code", code}}};
    if (product) {
        auto p = parse_vaccine_product(*product);
        if (!p) return Error{"arg.type", "unknown product", {{"name", "product"}, {"expected", "pfizer_12|pfizer_5_11|takeda_moderna"}}};
        const Round* rd = Catalog::builtin().find_round(round);
        if (rd && rd->product != *p)
            return Error{"chain.wrong_product", "not the round's product",
                         {{"product", app.tr(std::string("product.") + *product)}, {"round", round}}};
    }
    const std::string org = site_org_id(*site);
    return one_version(org, [&app, org, round, boxes]() -> Result<DocumentVersion> {
        auto v = build_request(allocation_world(app), app.store(), org, round, boxes, allocation_today(app));
        if (v) v->proxy = app.session().org != org;
        return v;
    });
}

// {type: "set_round_state", round, state: "requests" | "allocating" | "locked" | "delivered" | "closed"}
Result<PreparedCommand> prepare_set_round_state(App& app, const json& j) {
    ArgReader r(j);
    std::string round = r.string("round");
    std::string state = r.string("state");
    if (auto e = r.finish()) return *e;
    auto s = parse_round_state(state);
    if (!s) return Error{"arg.type", "unknown round state", {{"name", "state"}, {"expected", "requests|allocating|locked|delivered|closed"}}};
    return one_version("nation", [&app, round, st = *s]() {
        return build_round_state(allocation_world(app), app.store(), round, st, allocation_today(app));
    });
}

// ① {type: "set_prefecture_amounts", round, shares: {"pref:…": boxes}, unallocated?} or
//   {type, round, simulation: {mode?, method?, total, fixed?, cap_by_request?}}
Result<PreparedCommand> prepare_set_prefecture_amounts(App& app, const json& j) {
    ArgReader r(j, {"type", "shares", "simulation"});
    std::string round = r.string("round");
    auto unallocated = r.optional_int("unallocated");
    if (auto e = r.finish()) return *e;
    auto in = amounts_input(j, unallocated);
    if (!in) return in.error();
    return one_version("nation", [&app, round, in = *in]() -> Result<DocumentVersion> {
        auto body = amounts_body(app, round, "nation", in);
        if (!body) return body.error();
        return build_nation_amounts(allocation_world(app), app.store(), round, std::move(*body), allocation_today(app));
    });
}

// ② {type: "register_municipality_amounts", round, prefecture?, shares | simulation, unallocated?}
Result<PreparedCommand> prepare_register_municipality_amounts(App& app, const json& j) {
    ArgReader r(j, {"type", "shares", "simulation"});
    std::string round = r.string("round");
    std::string pref = org_or_own(app, r.optional_string("prefecture"));
    auto unallocated = r.optional_int("unallocated");
    if (auto e = r.finish()) return *e;
    auto in = amounts_input(j, unallocated);
    if (!in) return in.error();
    return one_version(pref, [&app, round, pref, in = *in]() -> Result<DocumentVersion> {
        auto body = amounts_body(app, round, pref, in);
        if (!body) return body.error();
        return build_municipality_amounts(allocation_world(app), app.store(), round, pref, std::move(*body),
                                          allocation_today(app));
    });
}

// ③ {type: "lock_prefecture", round, prefecture}
Result<PreparedCommand> prepare_lock_prefecture(App& app, const json& j) {
    ArgReader r(j);
    std::string round = r.string("round");
    std::string pref = r.string("prefecture");
    if (auto e = r.finish()) return *e;
    return one_version("nation", [&app, round, pref]() {
        return build_nation_lock(allocation_world(app), app.store(), round, pref, allocation_today(app));
    });
}

// {type: "unlock_prefecture", round, prefecture, reason}
Result<PreparedCommand> prepare_unlock_prefecture(App& app, const json& j) {
    ArgReader r(j);
    std::string round = r.string("round");
    std::string pref = r.string("prefecture");
    std::string reason = r.string("reason");
    if (auto e = r.finish()) return *e;
    auto why = reason_arg(reason);
    if (!why) return why.error();
    return one_version("nation", [&app, round, pref, why = *why]() {
        return build_nation_unlock(allocation_world(app), app.store(), round, pref, why, allocation_today(app));
    });
}

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

// ④ {type: "register_site_amounts", round, municipality?, deliveries: {"site:…": {boxes,
//   needle_boxes?, syringe_boxes?}}, unallocated?} or {type, round, municipality?, simulation}
//   (needle and syringe boxes then suggested from the packaging).
Result<PreparedCommand> prepare_register_site_amounts(App& app, const json& j) {
    ArgReader r(j, {"type", "deliveries", "simulation"});
    std::string round = r.string("round");
    std::string muni = org_or_own(app, r.optional_string("municipality"));
    auto unallocated = r.optional_int("unallocated");
    if (auto e = r.finish()) return *e;
    const auto d = j.find("deliveries");
    const auto sim = j.find("simulation");
    if ((d == j.end()) == (sim == j.end()))
        return Error{"allocation_app.shares_or_simulation", "give either deliveries or a simulation"};
    SiteAmountsBody typed;
    if (d != j.end()) {
        auto rows = deliveries_from_json(*d);
        if (!rows) return rows.error();
        typed.deliveries = std::move(*rows);
        typed.unallocated = unallocated.value_or(0);
    } else if (unallocated) {
        return Error{"arg.unknown", "unallocated comes from the simulation", {{"name", "unallocated"}}};
    }
    std::optional<json> spec_json;
    if (sim != j.end()) spec_json = *sim;
    return one_version(muni, [&app, round, muni, typed, spec_json]() -> Result<DocumentVersion> {
        const ChainWorld& w = allocation_world(app);
        const Date today = allocation_today(app);
        SiteAmountsBody body = typed;
        if (spec_json) {
            auto spec = simulation_spec_from_json(w, round, muni, *spec_json, {});
            if (!spec) return spec.error();
            auto s = simulate(w, app.store(), round, muni, *spec, today);
            if (!s) return s.error();
            body = site_amounts_from_simulation(w, *s);
        }
        return build_site_amounts(w, app.store(), round, muni, std::move(body), today);
    });
}

// ⑤ {type: "lock_sites", round, prefecture?, municipalities?: ["muni:…"]} (none: all of them)
Result<PreparedCommand> prepare_lock_sites(App& app, const json& j) {
    ArgReader r(j, {"type", "municipalities"});
    std::string round = r.string("round");
    std::string pref = org_or_own(app, r.optional_string("prefecture"));
    if (auto e = r.finish()) return *e;
    auto munis = org_list(j, "municipalities");
    if (!munis) return munis.error();
    return one_version(pref, [&app, round, pref, munis = *munis]() {
        return build_prefecture_lock(allocation_world(app), app.store(), round, pref, munis, allocation_today(app));
    });
}

// {type: "unlock_sites", round, prefecture?, municipalities?, reason} (none: every locked one)
Result<PreparedCommand> prepare_unlock_sites(App& app, const json& j) {
    ArgReader r(j, {"type", "municipalities"});
    std::string round = r.string("round");
    std::string pref = org_or_own(app, r.optional_string("prefecture"));
    std::string reason = r.string("reason");
    if (auto e = r.finish()) return *e;
    auto munis = org_list(j, "municipalities");
    if (!munis) return munis.error();
    auto why = reason_arg(reason);
    if (!why) return why.error();
    return one_version(pref, [&app, round, pref, munis = *munis, why = *why]() {
        return build_prefecture_unlock(allocation_world(app), app.store(), round, pref, munis, why,
                                       allocation_today(app));
    });
}

const CommandEntry k_commands[] = {
    {"report_request", prepare_report_request},
    {"set_round_state", prepare_set_round_state},
    {"set_prefecture_amounts", prepare_set_prefecture_amounts},
    {"register_municipality_amounts", prepare_register_municipality_amounts},
    {"lock_prefecture", prepare_lock_prefecture},
    {"unlock_prefecture", prepare_unlock_prefecture},
    {"register_site_amounts", prepare_register_site_amounts},
    {"lock_sites", prepare_lock_sites},
    {"unlock_sites", prepare_unlock_sites},
};

}  // namespace

std::span<const CommandEntry> allocation_commands() { return k_commands; }

}  // namespace vsys
