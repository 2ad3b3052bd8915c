#include "core/reservations/kinds.hpp"

#include "core/reservations/reservations.hpp"

namespace vsys {
namespace {

Status validate_reservations(const DocumentVersion& v) {
    auto list = reservation_list_from_json(v.body);
    if (!list) return list.error();
    if (list->site != v.id || v.owner != "muni:" + list->municipality)
        return Error{"document.invalid_body", "the list's site is not the document's id or the owner not its municipality",
                     {{"member", "site"}}};
    return ok_status();
}

// The site the list is of (its id): a site or a venue with that code.
std::vector<std::string> reservations_audience(const DocumentVersion& v, const OrgRelations& rel) {
    for (const char* prefix : {"site:", "venue:"}) {
        std::string org = prefix + v.id;
        if (rel.parent_of(org) == v.owner) return {org};
    }
    return {};
}

}  // namespace

void register_reservations_kinds(KindRegistry& kinds) {
    kinds.add({k_reservations_kind, {OrgRole::municipality}, false, false, reservations_audience, 1,
               validate_reservations, /*sealed=*/true});
}

}  // namespace vsys
