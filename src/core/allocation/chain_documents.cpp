#include "core/allocation/chain_documents.hpp"

#include <algorithm>
#include <initializer_list>

#include "core/allocation/apportion.hpp"
#include "core/base/text.hpp"

namespace vsys {
namespace {

using json = nlohmann::json;

Error malformed(std::string field) {
    return Error{"chain.malformed", "a chain document field is missing or malformed", {{"field", std::move(field)}}};
}

// Strict member access over one object: each getter records the first failure.
class Reader {
public:
    Reader(const json& j, std::initializer_list<const char*> allowed) : j_(j) {
        if (!j.is_object()) {
            fail("body");
            return;
        }
        for (auto it = j.begin(); it != j.end(); ++it)
            if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return it.key() == a; }) == allowed.end())
                fail(it.key());
    }
    std::string str(const char* name, bool optional = false) {
        const json* v = member(name, optional);
        if (!v) return {};
        if (!v->is_string() || !text::valid_utf8(v->get_ref<const std::string&>())) return fail(name), std::string();
        return v->get<std::string>();
    }
    std::int64_t boxes(const json& v, const std::string& name) {
        if (!v.is_number_integer()) return fail(name), 0;
        auto n = v.get<std::int64_t>();
        if (n < 0 || n > k_max_boxes || (v.is_number_unsigned() && v.get<std::uint64_t>() > std::uint64_t(k_max_boxes)))
            return fail(name), 0;
        return n;
    }
    std::int64_t boxes(const char* name) {
        const json* v = member(name, false);
        return v ? boxes(*v, name) : 0;
    }
    const json* object(const char* name) {
        const json* v = member(name, false);
        if (v && !v->is_object()) return fail(name), nullptr;
        return v;
    }
    const json* array(const char* name, bool optional = false) {
        const json* v = member(name, optional);
        if (v && !v->is_array()) return fail(name), nullptr;
        return v;
    }
    void schema() {
        const json* v = member("schema", false);
        if (v && !(v->is_number_integer() && v->get<std::int64_t>() == k_chain_schema)) fail("schema");
    }
    void fail(std::string field) {
        if (!error_) error_ = malformed(std::move(field));
    }
    bool ok() const { return !error_; }
    const Error& error() const { return *error_; }

private:
    const json* member(const char* name, bool optional) {
        if (!j_.is_object()) return nullptr;
        auto it = j_.find(name);
        if (it == j_.end()) {
            if (!optional) fail(name);
            return nullptr;
        }
        return &*it;
    }
    const json& j_;
    std::optional<Error> error_;
};

bool valid_org_ref(std::string_view org) {
    if (org.empty() || org.size() > 40 || !text::valid_utf8(org) || text::has_control(org)) return false;
    return org.find(':') != std::string_view::npos || org == "nation";
}

void round_field(Reader& r, std::string& out) {
    out = r.str("round");
    if (r.ok() && !valid_round_code(out)) r.fail("round");
}

void mode_fields(Reader& r, std::string& mode, std::string& method) {
    mode = r.str("mode");
    method = r.str("method");
    if (r.ok() && mode != "manual" && mode != k_tranches_mode && mode != k_legacy_fixed_mode && !parse_sim_mode(mode))
        r.fail("mode");
    if (r.ok() && !alloc::parse_method(method)) r.fail("method");
}

}  // namespace

std::string request_key(std::string_view site, std::string_view round) {
    return std::string(site) + "/" + k_request_kind + "/" + std::string(round);
}
std::string round_key(std::string_view round) { return std::string("nation/") + k_round_kind + "/" + std::string(round); }
std::string allocation_key(std::string_view org, std::string_view round) {
    return std::string(org) + "/" + k_allocation_kind + "/" + std::string(round);
}
std::string nation_lock_id(std::string_view round, std::string_view prefecture) {
    return std::string(round) + "@" + std::string(prefecture);
}
std::string nation_lock_key(std::string_view round, std::string_view prefecture) {
    return std::string("nation/lock/") + nation_lock_id(round, prefecture);
}
std::string prefecture_lock_key(std::string_view round, std::string_view prefecture) {
    return std::string(prefecture) + "/lock/" + std::string(round);
}

std::int64_t AmountsBody::sum() const {
    std::int64_t s = 0;
    for (const auto& x : shares) s += x.boxes;
    return s;
}

std::optional<std::int64_t> AmountsBody::boxes_of(std::string_view org) const {
    auto it = std::lower_bound(shares.begin(), shares.end(), org, [](const Share& s, std::string_view o) { return s.org < o; });
    if (it == shares.end() || it->org != org) return std::nullopt;
    return it->boxes;
}

std::int64_t SiteAmountsBody::sum() const {
    std::int64_t s = 0;
    for (const auto& d : deliveries) s += d.boxes;
    return s;
}

const Delivery* SiteAmountsBody::delivery_of(std::string_view site) const {
    auto it = std::lower_bound(deliveries.begin(), deliveries.end(), site,
                               [](const Delivery& d, std::string_view s) { return d.site < s; });
    return it == deliveries.end() || it->site != site ? nullptr : &*it;
}

const char* lock_step_id(LockStep s) { return s == LockStep::municipality_amounts ? "municipality_amounts" : "site_amounts"; }

const LockEntry* LockBody::entry_of(std::string_view org) const {
    for (const auto& e : entries)
        if (e.org == org) return &e;
    return nullptr;
}

json request_to_json(const RequestBody& b) {
    return {{"schema", k_chain_schema}, {"round", b.round}, {"product", vaccine_product_id(b.product)}, {"boxes", b.boxes}};
}

Result<RequestBody> request_from_json(const json& j) {
    Reader r(j, {"schema", "round", "product", "boxes"});
    RequestBody b;
    r.schema();
    round_field(r, b.round);
    auto product = parse_vaccine_product(r.str("product"));
    if (r.ok() && !product) r.fail("product");
    b.boxes = r.boxes("boxes");
    if (!r.ok()) return r.error();
    b.product = *product;
    return b;
}

json round_state_to_json(const RoundStateBody& b) {
    return {{"schema", k_chain_schema}, {"round", b.round}, {"state", round_state_id(b.state)}};
}

Result<RoundStateBody> round_state_from_json(const json& j) {
    Reader r(j, {"schema", "round", "state"});
    RoundStateBody b;
    r.schema();
    round_field(r, b.round);
    auto state = parse_round_state(r.str("state"));
    if (r.ok() && !state) r.fail("state");
    if (!r.ok()) return r.error();
    b.state = *state;
    return b;
}

json amounts_to_json(const AmountsBody& b) {
    json shares = json::object();
    for (const auto& s : b.shares) shares[s.org] = s.boxes;
    return {{"schema", k_chain_schema}, {"round", b.round}, {"amount", b.amount}, {"shares", shares},
            {"unallocated", b.unallocated}, {"mode", b.mode}, {"method", b.method}};
}

Result<AmountsBody> amounts_from_json(const json& j) {
    Reader r(j, {"schema", "round", "amount", "shares", "unallocated", "mode", "method"});
    AmountsBody b;
    r.schema();
    round_field(r, b.round);
    b.amount = r.boxes("amount");
    b.unallocated = r.boxes("unallocated");
    mode_fields(r, b.mode, b.method);
    if (const json* shares = r.object("shares"))
        for (auto it = shares->begin(); it != shares->end() && r.ok(); ++it) {
            if (!valid_org_ref(it.key())) r.fail("shares");
            b.shares.push_back({it.key(), r.boxes(*it, "shares." + it.key())});
        }
    if (!r.ok()) return r.error();
    return b;  // object keys arrive sorted, so shares are sorted by org
}

json site_amounts_to_json(const SiteAmountsBody& b) {
    json deliveries = json::object();
    for (const auto& d : b.deliveries)
        deliveries[d.site] = {{"boxes", d.boxes}, {"needle_boxes", d.needle_boxes}, {"syringe_boxes", d.syringe_boxes}};
    return {{"schema", k_chain_schema}, {"round", b.round},       {"amount", b.amount}, {"deliveries", deliveries},
            {"unallocated", b.unallocated}, {"mode", b.mode}, {"method", b.method}};
}

Result<SiteAmountsBody> site_amounts_from_json(const json& j) {
    Reader r(j, {"schema", "round", "amount", "deliveries", "unallocated", "mode", "method"});
    SiteAmountsBody b;
    r.schema();
    round_field(r, b.round);
    b.amount = r.boxes("amount");
    b.unallocated = r.boxes("unallocated");
    mode_fields(r, b.mode, b.method);
    if (const json* deliveries = r.object("deliveries"))
        for (auto it = deliveries->begin(); it != deliveries->end() && r.ok(); ++it) {
            if (!valid_org_ref(it.key())) r.fail("deliveries");
            Reader row(*it, {"boxes", "needle_boxes", "syringe_boxes"});
            Delivery d{it.key(), row.boxes("boxes"), row.boxes("needle_boxes"), row.boxes("syringe_boxes")};
            if (!row.ok()) r.fail("deliveries." + it.key() + "." + row.error().arg("field"));
            b.deliveries.push_back(std::move(d));
        }
    if (!r.ok()) return r.error();
    return b;
}

json lock_to_json(const LockBody& b) {
    json entries = json::object();
    json locks = json::array();
    for (const auto& e : b.entries) {
        entries[e.org] = e.hash;
        locks.push_back(e.hash);
    }
    return {{"schema", k_chain_schema}, {"round", b.round},   {"prefecture", b.prefecture},
            {"step", lock_step_id(b.step)}, {"entries", entries}, {"locks", locks},
            {"action", b.unlock ? "unlock" : "lock"}, {"changed", b.changed}, {"reason", b.reason}};
}

Result<LockBody> lock_from_json(const json& j) {
    Reader r(j, {"schema", "round", "prefecture", "step", "entries", "locks", "action", "changed", "reason"});
    LockBody b;
    r.schema();
    round_field(r, b.round);
    b.prefecture = r.str("prefecture");
    if (r.ok() && b.prefecture.rfind("pref:", 0) != 0) r.fail("prefecture");
    auto step = r.str("step");
    if (r.ok() && step != "municipality_amounts" && step != "site_amounts") r.fail("step");
    b.step = step == "site_amounts" ? LockStep::site_amounts : LockStep::municipality_amounts;
    auto action = r.str("action");
    if (r.ok() && action != "lock" && action != "unlock") r.fail("action");
    b.unlock = action == "unlock";
    b.reason = r.str("reason");
    if (r.ok() && (text::has_control(b.reason) || text::length(b.reason) > 500)) r.fail("reason");
    if (const json* changed = r.array("changed"))
        for (const auto& c : *changed) {
            if (!c.is_string() || !valid_org_ref(c.get_ref<const std::string&>())) {
                r.fail("changed");
                break;
            }
            b.changed.push_back(c.get<std::string>());
        }
    if (const json* entries = r.object("entries"))
        for (auto it = entries->begin(); it != entries->end(); ++it) {
            if (!valid_org_ref(it.key()) || !it->is_string()) {
                r.fail("entries");
                break;
            }
            b.entries.push_back({it.key(), it->get<std::string>()});
        }
    // "locks" must be exactly the entries' hashes, so what the store locks is what the entries say.
    if (const json* locks = r.array("locks"); locks && r.ok()) {
        bool same = locks->size() == b.entries.size();
        for (std::size_t i = 0; same && i < b.entries.size(); ++i)
            same = (*locks)[i].is_string() && (*locks)[i].get_ref<const std::string&>() == b.entries[i].hash;
        if (!same) r.fail("locks");
    }
    if (!r.ok()) return r.error();
    return b;
}

}  // namespace vsys
