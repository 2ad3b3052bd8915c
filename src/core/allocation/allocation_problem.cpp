#include "core/allocation/allocation_problem.hpp"

#include <cstdint>
#include <limits>
#include <string>

#include "core/base/input.hpp"

namespace vsys::alloc {

using nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {

Error type_error(const std::string& field, const std::string& expected) {
    return {"allocation.json_type", "\"" + field + "\" must be " + expected,
            {{"field", field}, {"expected", expected}}};
}

Error missing(const std::string& field) {
    return {"allocation.json_missing", "\"" + field + "\" is missing", {{"field", field}}};
}

Status unknown_fields(const json& obj, std::initializer_list<std::string_view> known, const std::string& where) {
    for (const auto& item : obj.items()) {
        bool ok = false;
        for (auto k : known) ok = ok || item.key() == k;
        if (!ok) {
            const std::string field = where + input::excerpt(item.key());
            return Error{"allocation.json_unknown_field", "unknown field \"" + field + "\"", {{"field", field}}};
        }
    }
    return ok_status();
}

// JSON integers only: nlohmann keeps 1.5 and 1e3 as floating point, which we refuse.
Result<std::int64_t> integer(const json& v, const std::string& field) {
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return type_error(field, "an integer below 2^63");
        return static_cast<std::int64_t>(u);
    }
    if (v.is_number_integer()) return v.get<std::int64_t>();
    return type_error(field, "an integer");
}

Result<std::optional<std::int64_t>> optional_integer(const json& obj, const char* key, const std::string& field) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::optional<std::int64_t>{};
    auto v = integer(*it, field);
    if (!v) return v.error();
    return std::optional<std::int64_t>{*v};
}

ojson fraction_json(const Fraction& f) { return {{"whole", f.whole}, {"num", f.num}, {"den", f.den}}; }

}  // namespace

Result<Problem> problem_from_json(const json& j) {
    if (!j.is_object()) return type_error("problem", "an object");
    if (Status st = unknown_fields(j, {"total", "method", "cap_by_weight", "children"}, ""); !st) return st.error();
    Problem p;
    const auto total = j.find("total");
    if (total == j.end()) return missing("total");
    auto t = integer(*total, "total");
    if (!t) return t.error();
    p.total = *t;
    if (const auto m = j.find("method"); m != j.end()) {
        if (!m->is_string()) return type_error("method", "a string");
        auto method = parse_method(m->get_ref<const std::string&>());
        if (!method) return method.error();
        p.method = *method;
    }
    if (const auto c = j.find("cap_by_weight"); c != j.end()) {
        if (!c->is_boolean()) return type_error("cap_by_weight", "true or false");
        p.cap_by_weight = c->get<bool>();
    }
    const auto children = j.find("children");
    if (children == j.end()) return missing("children");
    if (!children->is_array()) return type_error("children", "an array");
    if (children->size() > k_max_children)
        return Error{"allocation.too_many_children", "more children than the limit",
                     {{"count", std::to_string(children->size())}, {"max", std::to_string(k_max_children)}}};
    p.children.reserve(children->size());
    for (std::size_t i = 0; i < children->size(); ++i) {
        const json& c = (*children)[i];
        const std::string where = "children[" + std::to_string(i) + "]";
        if (!c.is_object()) return type_error(where, "an object");
        if (Status st = unknown_fields(c, {"id", "weight", "cap", "fixed"}, where + "."); !st) return st.error();
        Child child;
        const auto id = c.find("id");
        if (id == c.end()) return missing(where + ".id");
        if (!id->is_string()) return type_error(where + ".id", "a string");
        child.id = id->get<std::string>();
        const auto weight = c.find("weight");
        if (weight == c.end()) return missing(where + ".weight");
        auto w = integer(*weight, where + ".weight");
        if (!w) return w.error();
        child.weight = *w;
        auto cap = optional_integer(c, "cap", where + ".cap");
        if (!cap) return cap.error();
        child.cap = *cap;
        auto fixed = optional_integer(c, "fixed", where + ".fixed");
        if (!fixed) return fixed.error();
        child.fixed = *fixed;
        p.children.push_back(std::move(child));
    }
    return p;
}

Result<TrancheProblem> tranche_problem_from_json(const json& j) {
    if (!j.is_object()) return type_error("problem", "an object");
    if (Status st = unknown_fields(j, {"tranches", "combined_caps"}, ""); !st) return st.error();
    const auto tranches = j.find("tranches");
    if (tranches == j.end()) return missing("tranches");
    if (!tranches->is_array()) return type_error("tranches", "an array");
    TrancheProblem tp;
    for (const json& t : *tranches) {
        auto p = problem_from_json(t);
        if (!p) return p.error();
        tp.tranches.push_back(std::move(*p));
    }
    const auto caps = j.find("combined_caps");
    if (caps == j.end()) return tp;
    if (!caps->is_object()) return type_error("combined_caps", "an object");
    if (tp.tranches.empty()) return Error{"allocation.no_tranches", "no tranches given"};
    const auto& kids = tp.tranches.front().children;
    tp.combined_caps.assign(kids.size(), std::nullopt);
    for (const auto& item : caps->items()) {
        std::size_t i = 0;
        while (i < kids.size() && kids[i].id != item.key()) ++i;
        if (i == kids.size())
            return Error{"allocation.unknown_child", "combined_caps names an unknown child \"" + input::excerpt(item.key()) + "\"",
                         {{"id", input::excerpt(item.key())}}};
        auto v = integer(item.value(), "combined_caps." + input::excerpt(item.key()));
        if (!v) return v.error();
        tp.combined_caps[i] = *v;
    }
    return tp;
}

ojson allocation_to_json(const Problem& p, const Allocation& a) {
    ojson children = ojson::array();
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        const ChildOutcome& o = a.children[i];
        ojson c = {{"id", p.children[i].id},
                  {"units", o.units},
                  {"weight", p.children[i].weight},
                  {"reason", reason_name(o.reason)},
                  {"share", fraction_json(o.share)},
                  {"quota", fraction_json(o.quota)},
                  {"floor", o.quota.whole},
                  {"rounding", o.rounding}};
        if (o.reason == Reason::largest_remainder) c["remainder_rank"] = o.remainder_rank;
        if (o.cap) c["cap"] = *o.cap;
        children.push_back(std::move(c));
    }
    ojson out = {{"children", std::move(children)},
                {"total", a.total},
                {"unallocated", a.unallocated},
                {"method", method_name(p.method)},
                {"pool", a.pool}};
    if (p.method == Method::hamilton) out["leftover"] = a.leftover;
    if (a.cutoff_child) out["cutoff"] = {{"id", p.children[*a.cutoff_child].id}, {"unit", a.cutoff_unit}};
    return out;
}

ojson tranche_allocation_to_json(const TrancheProblem& p, const TrancheAllocation& a) {
    ojson children = ojson::array();
    const auto& kids = p.tranches.front().children;
    for (std::size_t i = 0; i < kids.size(); ++i) {
        ojson parts = ojson::array();
        for (const Allocation& t : a.tranches) parts.push_back(t.children[i].units);
        ojson c = {{"id", kids[i].id}, {"units", a.units[i]}, {"tranches", std::move(parts)}};
        if (!p.combined_caps.empty() && p.combined_caps[i]) c["combined_cap"] = *p.combined_caps[i];
        children.push_back(std::move(c));
    }
    ojson tranches = ojson::array();
    // Each tranche's "cap" fields show the caps it ran with (lowered by the combined caps).
    for (std::size_t t = 0; t < a.tranches.size(); ++t) tranches.push_back(allocation_to_json(p.tranches[t], a.tranches[t]));
    return {{"children", std::move(children)},
            {"total", a.total},
            {"unallocated", a.unallocated},
            {"tranches", std::move(tranches)}};
}

ojson error_to_json(const Error& error) {
    const Error e = input::for_display(error);  // never echoes a huge input back
    ojson args = ojson::object();
    for (const auto& [k, v] : e.args) args[k] = v;
    return {{"error", {{"code", e.code}, {"message", e.detail}, {"args", std::move(args)}}}};
}

Result<ojson> solve_allocation_json(std::string_view text) {
    // Floats are read (and refused) by the readers above, which name the field.
    input::JsonLimits limits;
    limits.max_bytes = k_max_problem_bytes;
    limits.allow_float = true;
    auto parsed = input::parse_json(text, limits);
    if (!parsed) {
        if (parsed.error().code == "json.invalid")
            return Error{"allocation.json_invalid", "the input is not valid JSON", parsed.error().args};
        return parsed.error();
    }
    const json& j = *parsed;
    if (j.is_object() && j.contains("tranches")) {
        auto tp = tranche_problem_from_json(j);
        if (!tp) return tp.error();
        auto r = allocate_tranches(*tp);
        if (!r) return r.error();
        return tranche_allocation_to_json(*tp, *r);
    }
    auto p = problem_from_json(j);
    if (!p) return p.error();
    auto r = allocate(*p);
    if (!r) return r.error();
    return allocation_to_json(*p, *r);
}

}  // namespace vsys::alloc
