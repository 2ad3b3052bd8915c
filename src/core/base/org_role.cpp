#include "core/base/org_role.hpp"

namespace vsys {
namespace {

struct RoleName {
    OrgRole role;
    const char* name;
    const char* org_prefix;  // "" for organisations without a code
};

constexpr RoleName k_roles[] = {
    {OrgRole::nation, "nation", ""},         {OrgRole::prefecture, "prefecture", "pref"},
    {OrgRole::municipality, "municipality", "muni"}, {OrgRole::site, "site", "site"},
    {OrgRole::venue, "venue", "venue"},      {OrgRole::federation, "federation", "federation"},
    {OrgRole::support, "support", ""},
};

}  // namespace

const char* role_name(OrgRole r) {
    for (const auto& e : k_roles)
        if (e.role == r) return e.name;
    return "";
}

bool parse_role(std::string_view name, OrgRole& out) {
    for (const auto& e : k_roles)
        if (name == e.name) {
            out = e.role;
            return true;
        }
    return false;
}

bool valid_org_id(std::string_view org) {
    OrgRole r;
    return role_of_org(org, r);
}

bool role_of_org(std::string_view org, OrgRole& out) {
    if (org == "nation") return out = OrgRole::nation, true;
    if (org == "support") return out = OrgRole::support, true;
    auto colon = org.find(':');
    if (colon == std::string_view::npos || colon + 1 >= org.size() || org.size() > 40) return false;
    auto prefix = org.substr(0, colon), code = org.substr(colon + 1);
    for (char c : code)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
    for (const auto& e : k_roles)
        if (*e.org_prefix && prefix == e.org_prefix) return out = e.role, true;
    return false;
}

}  // namespace vsys
