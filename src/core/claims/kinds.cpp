#include "core/claims/kinds.hpp"

#include "core/claims/claims_json.hpp"
#include "core/claims/claims_legacy.hpp"

namespace vsys {
namespace {

Status invalid(const char* member) {
    return Error{"document.invalid_body", "a member of the document's body is missing or malformed", {{"member", member}}};
}

Status validate_claim(const DocumentVersion& v) {
    auto entry = site_claim_from_json(v.body);
    if (!entry) return entry.error();
    if (auto s = v.body.find("submitted"); s != v.body.end() && !s->is_boolean()) return invalid("submitted");
    if (auto a = v.body.find("addressed_to"); a != v.body.end()) {
        if (!a->is_array()) return invalid("addressed_to");
        for (const auto& o : *a)
            if (!o.is_string() || !valid_org_id(o.get<std::string>())) return invalid("addressed_to");
    }
    return ok_status();
}

std::vector<std::string> claim_audience(const DocumentVersion& v, const OrgRelations&) {
    std::vector<std::string> out;
    if (auto a = v.body.find("addressed_to"); a != v.body.end() && a->is_array())
        for (const auto& o : *a)
            if (o.is_string() && valid_org_id(o.get<std::string>())) out.push_back(o.get<std::string>());
    return out;
}

// The federation of the municipality's prefecture ("pref:130001" → "federation:130001").
std::vector<std::string> routing_audience(const DocumentVersion& v, const OrgRelations& rel) {
    const std::string pref = rel.parent_of(v.owner);
    OrgRole r;
    if (!role_of_org(pref, r) || r != OrgRole::prefecture) return {};
    return {"federation:" + pref.substr(pref.find(':') + 1)};
}

// The municipalities of residence a site's ticket-form counts name.
std::vector<std::string> ticket_forms_audience(const DocumentVersion& v, const OrgRelations&) {
    std::vector<std::string> out;
    auto counts = ticket_forms_from_document(v.owner, v.id, v.body);
    if (!counts) return out;
    for (const auto& c : *counts) out.push_back("muni:" + c.municipality);
    return out;
}

}  // namespace

void register_claims_kinds(KindRegistry& kinds) {
    kinds.add({k_claim_kind, {OrgRole::site, OrgRole::venue}, true, false, claim_audience, 1, validate_claim});
    kinds.add({k_claim_routing_kind, {OrgRole::municipality}, false, false, routing_audience, 1,
               [](const DocumentVersion& v) { return BodyReader(v.body).boolean("commissioned").finish(); }});
    kinds.add({k_ticket_forms_kind, {OrgRole::site, OrgRole::venue}, true, false, ticket_forms_audience, 1,
               [](const DocumentVersion& v) -> Status {
                   auto counts = ticket_forms_from_document(v.owner, v.id, v.body);
                   if (!counts) return counts.error();
                   return ok_status();
               }});
    kinds.add({"claim_review", {OrgRole::federation}, false, false, {}, 1, {}});
    kinds.add({"payment", {OrgRole::federation}, false, false, {}, 1, {}});
}

}  // namespace vsys
