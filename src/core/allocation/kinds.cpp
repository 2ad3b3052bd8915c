#include "core/allocation/kinds.hpp"

namespace vsys {
namespace {

Status round_id(const DocumentVersion& v, const std::string& round) {
    if (v.id == round) return ok_status();
    return Error{"chain.malformed", "the document id is not its round", {{"field", "round"}}};
}

template <class Parse>
Status body_of_round(const DocumentVersion& v, Parse parse) {
    auto b = parse(v.body);
    if (!b) return b.error();
    return round_id(v, b->round);
}

Status validate_lock_body(const DocumentVersion& v) {
    // A lock of the chain names its step; any other lock is the store's plain list of hashes.
    auto step = v.body.find("step");
    if (step != v.body.end()) {
        auto b = lock_from_json(v.body);
        if (!b) return b.error();
        const std::string id = b->step == LockStep::municipality_amounts ? nation_lock_id(b->round, b->prefecture) : b->round;
        if (v.id != id) return Error{"chain.malformed", "the lock's id does not name its round", {{"field", "round"}}};
        return ok_status();
    }
    auto locks = v.body.find("locks");
    if (locks == v.body.end() || !locks->is_array())
        return Error{"document.invalid_body", "a lock lists the hashes it locks", {{"member", "locks"}}};
    for (const auto& h : *locks)
        if (!h.is_string()) return Error{"document.invalid_body", "a lock lists the hashes it locks", {{"member", "locks"}}};
    return ok_status();
}

}  // namespace

void register_allocation_kinds(KindRegistry& kinds) {
    kinds.add({k_request_kind, {OrgRole::site, OrgRole::venue}, true, false, {}, k_chain_schema,
                     [](const DocumentVersion& v) { return body_of_round(v, request_from_json); }});
    kinds.add({k_round_kind, {OrgRole::nation}, false, false, {}, k_chain_schema,
                     [](const DocumentVersion& v) { return body_of_round(v, round_state_from_json); }});
    kinds.add({k_allocation_kind, {OrgRole::nation, OrgRole::prefecture, OrgRole::municipality}, false, false, {},
                     k_chain_schema, [](const DocumentVersion& v) {
                         // ④ (a municipality's) lists deliveries per site; ① and ② shares.
                         if (v.owner.rfind("muni:", 0) == 0) return body_of_round(v, site_amounts_from_json);
                         return body_of_round(v, amounts_from_json);
                     }});
    kinds.add({k_lock_kind, {OrgRole::nation, OrgRole::prefecture, OrgRole::municipality}, false, false, {},
                     k_chain_schema, validate_lock_body});
}

}  // namespace vsys
