#include "core/documents/common_kinds.hpp"

namespace vsys {

void register_settings_kinds(KindRegistry& kinds) {
    kinds.add({"settings", {OrgRole::nation, OrgRole::prefecture, OrgRole::municipality, OrgRole::site, OrgRole::venue}, true, true,
               {}, 1, {}});
}

void register_reserved_kinds(KindRegistry& kinds) {
    const RoleSet sites{OrgRole::site, OrgRole::venue};
    kinds.add({"report", sites, true, false, {}, 1, {}});
    kinds.add({"web_application", {OrgRole::municipality}, false, false, {}, 1, {}});
    kinds.add({"approval", {OrgRole::municipality}, false, false, {}, 1, {}});
    kinds.add({"notice", {OrgRole::nation, OrgRole::prefecture, OrgRole::municipality, OrgRole::federation, OrgRole::support}, false,
               false, {}, 1, {}});
}

}  // namespace vsys
