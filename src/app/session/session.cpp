#include "app/session/session.hpp"
#include "app/session/accounts.hpp"

namespace vsys {

sync::Account account_of(const DemoAccount& a) { return {a.vsys_id, a.name, a.role, a.org, "active"}; }

Session session_for(const DemoAccount& a, const sync::KeyPair& key) {
    Session s;
    s.vsys_id = a.vsys_id;
    s.name = a.name;
    parse_role_id(a.role, s.role);
    s.org = a.org;
    s.device_public = key.public_hex;
    s.device_key = key;
    return s;
}

const char* role_id(Role r) {
    switch (r) {
        case Role::nation: return "nation";
        case Role::prefecture: return "prefecture";
        case Role::municipality: return "municipality";
        case Role::site: return "site";
        case Role::venue: return "venue";
        case Role::federation: return "federation";
        case Role::support: return "support";
        case Role::none: return "";
    }
    return "";
}

bool parse_role_id(std::string_view s, Role& out) {
    static const std::pair<const char*, Role> k[] = {
        {"none", Role::none},         {"nation", Role::nation},   {"prefecture", Role::prefecture},
        {"municipality", Role::municipality}, {"site", Role::site}, {"venue", Role::venue},
        {"workplace_venue", Role::venue}, {"federation", Role::federation}, {"support", Role::support}};
    for (const auto& [name, role] : k)
        if (s == name) {
            out = role;
            return true;
        }
    return false;
}

}  // namespace vsys
