// The one JSON codec of a split's settings (simulation_spec.hpp) and its resolution into the
// core's SimulationSpec.
#include "app/allocation/simulation_spec.hpp"

#include "app/allocation/allocation_app.hpp"
#include "app/allocation/chain_fields.hpp"
#include "app/base/args.hpp"

namespace vsys {

namespace {

// [{amount, mode, cap_by_request?}, ...] → the parts of a split in tranches.
Result<std::vector<TrancheArgs>> tranches_from_json(const nlohmann::json& j) {
    if (!j.is_array())
        return Error{"arg.type", "tranches must be an array", {{"name", "tranches"}, {"expected", "array"}}};
    std::vector<TrancheArgs> out;
    for (const auto& t : j) {
        if (!t.is_object())
            return Error{"arg.type", "a tranche must be an object", {{"name", "tranches"}, {"expected", "object"}}};
        ArgReader r(t, {});
        TrancheArgs part;
        part.amount = r.number("amount", boxes_rule("sim.tranche.amount"));
        part.mode = r.string("mode");
        part.cap_by_request = r.optional_bool("cap_by_request").value_or(false);
        if (auto e = r.finish()) return *e;
        if (!parse_sim_mode(part.mode))
            return Error{"chain.mode_invalid", "unknown simulation mode", {{"mode", part.mode}}};
        out.push_back(std::move(part));
    }
    return out;
}

}  // namespace

Result<SimulationSpecArgs> SimulationSpecArgs::read(const nlohmann::json& j, std::set<std::string> others) {
    if (!j.is_object())
        return Error{"arg.type", "a simulation must be an object", {{"name", "simulation"}, {"expected", "object"}}};
    others.insert("fixed");
    others.insert("tranches");
    ArgReader r(j, std::move(others));
    SimulationSpecArgs s;
    s.mode = r.optional_string("mode");
    s.method = r.optional_string("method");
    s.total = r.optional_number("total", boxes_rule("sim.total"));
    s.cap_by_request = r.optional_bool("cap_by_request");
    if (auto e = r.finish()) return *e;
    if (s.mode && !parse_sim_mode(*s.mode))
        return Error{"chain.mode_invalid", "unknown simulation mode", {{"mode", *s.mode}}};
    if (s.method)
        if (auto m = alloc::parse_method(*s.method); !m) return m.error();
    if (auto f = j.find("fixed"); f != j.end()) {
        auto shares = shares_from_json(*f, "fixed");
        if (!shares) return shares.error();
        for (auto& share : *shares) s.fixed.emplace_back(std::move(share.org), share.boxes);
    }
    if (auto t = j.find("tranches"); t != j.end() && !t->is_null()) {
        auto parts = tranches_from_json(*t);
        if (!parts) return parts.error();
        s.tranches = std::move(*parts);
    }
    return s;
}

std::optional<Error> SimulationSpecArgs::check() const {
    if (total)
        if (auto n = check_number(*total, boxes_rule("sim.total")); !n) return n.error();
    if (mode && !parse_sim_mode(*mode)) return Error{"chain.mode_invalid", "unknown simulation mode", {{"mode", *mode}}};
    if (method)
        if (auto m = alloc::parse_method(*method); !m) return m.error();
    for (const auto& [org, boxes] : fixed)
        if (boxes > k_max_boxes)
            return Error{"chain.boxes_range", "too many boxes",
                         {{"field", org}, {"value", std::to_string(boxes)}, {"max", std::to_string(k_max_boxes)}}};
    if (tranches)
        for (const auto& part : *tranches) {
            if (auto n = check_number(part.amount, boxes_rule("sim.tranche.amount")); !n) return n.error();
            if (!parse_sim_mode(part.mode)) return Error{"chain.mode_invalid", "unknown simulation mode", {{"mode", part.mode}}};
        }
    return std::nullopt;
}

nlohmann::json to_json(const SimulationSpecArgs& s) {
    nlohmann::json j = nlohmann::json::object();
    if (s.mode) j["mode"] = *s.mode;
    if (s.method) j["method"] = *s.method;
    if (s.total) j["total"] = *s.total;
    if (!s.fixed.empty()) {
        nlohmann::json fixed = nlohmann::json::object();
        for (const auto& [org, boxes] : s.fixed) fixed[org] = boxes;
        j["fixed"] = std::move(fixed);
    }
    if (s.cap_by_request) j["cap_by_request"] = *s.cap_by_request;
    if (s.tranches) {
        nlohmann::json parts = nlohmann::json::array();
        for (const auto& t : *s.tranches) {
            nlohmann::json part = {{"amount", t.amount}, {"mode", t.mode}};
            if (t.cap_by_request) part["cap_by_request"] = true;
            parts.push_back(std::move(part));
        }
        j["tranches"] = std::move(parts);
    }
    return j;
}

SimulationSpec resolve(const ChainWorld& world, std::string_view round, std::string_view parent,
                       const SimulationSpecArgs& s) {
    SimulationSpec spec;
    if (s.mode) {
        if (auto m = parse_sim_mode(*s.mode)) spec.mode = *m;
    } else {
        const Round* r0 = world.catalog().find_round(round);
        auto level = split_level_of(world, parent);
        if (r0 && level) spec.mode = valid_modes(r0->product, *level).front();
    }
    if (s.method)
        if (auto m = alloc::parse_method(*s.method)) spec.method = *m;
    spec.total = s.total;
    spec.cap_by_request = s.cap_by_request.value_or(false);
    for (const auto& [org, boxes] : s.fixed) spec.fixed.push_back({org, boxes});
    if (s.tranches)
        for (const auto& t : *s.tranches) {
            SimulationTranche part;
            part.amount = t.amount;
            if (auto m = parse_sim_mode(t.mode)) part.mode = *m;
            part.cap_by_request = t.cap_by_request;
            spec.tranches.push_back(part);
        }
    return spec;
}

}  // namespace vsys
