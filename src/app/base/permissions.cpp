#include "app/base/permissions.hpp"

#include "app/base/directory.hpp"
#include "core/base/tsv.hpp"

namespace vsys {

namespace assets {
std::string_view permissions_tsv();
}

namespace {

RoleMask parse_roles(std::string_view s) {
    if (s == "*") return k_all_roles;
    RoleMask m = 0;
    size_t pos = 0;
    while (pos <= s.size()) {
        size_t comma = s.find(',', pos);
        auto name = s.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
        Role r;
        if (parse_role_id(name, r)) m |= role_bit(r);
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
    }
    return m;
}

bool parse_scope(std::string_view s, Scope& out) {
    static const std::pair<const char*, Scope> k[] = {{"device", Scope::device},         {"self", Scope::self},
                                                      {"self_or_proxy", Scope::self_or_proxy},
                                                      {"child_site", Scope::child_site}, {"subtree", Scope::subtree},
                                                      {"managed", Scope::managed}};
    for (const auto& [name, scope] : k)
        if (s == name) {
            out = scope;
            return true;
        }
    return false;
}

std::vector<Permission> load() {
    std::vector<Permission> out;
    tsv::for_each_row(assets::permissions_tsv(), [&](int, const std::vector<std::string_view>& f) {
        Scope scope;
        if (f.size() >= 3 && parse_scope(f[2], scope)) out.push_back({std::string(f[0]), parse_roles(f[1]), scope});
        return true;
    });
    return out;
}

bool is_site_org(std::string_view org) { return org.rfind("site:", 0) == 0 || org.rfind("venue:", 0) == 0; }

}  // namespace

const std::vector<Permission>& permissions() {
    static const std::vector<Permission> table = load();
    return table;
}

const Permission* find_permission(std::string_view action) {
    for (const auto& p : permissions())
        if (p.action == action) return &p;
    return nullptr;
}

Status check_access(std::string_view action, const Session& session, std::string_view target,
                    const Directory* dir) {
    const Permission* p = find_permission(action);
    if (!p) return Error{"permission.unknown", "no permission entry for " + std::string(action), {{"action", std::string(action)}}};
    const Error no_access{"no_access", "no access"};
    if ((p->roles & role_bit(session.role)) == 0) return no_access;
    if (p->scope == Scope::device) return ok_status();
    if (!session.signed_in() || target.empty()) return no_access;
    const std::string& own = session.org;
    switch (p->scope) {
        case Scope::device:
            return ok_status();
        case Scope::self:
            return target == own ? ok_status() : Status(no_access);
        case Scope::self_or_proxy:
            if (target == own) return ok_status();
            [[fallthrough]];
        case Scope::child_site:
            if (session.role == Role::municipality && dir && is_site_org(target) && dir->parent_of(target) == own)
                return ok_status();
            return no_access;
        case Scope::subtree:
            return dir && dir->in_subtree(target, own) ? ok_status() : Status(no_access);
        case Scope::managed:
            if (session.role == Role::support) return ok_status();
            return dir && sync::managing_org(*dir, target) == own ? ok_status() : Status(no_access);
    }
    return no_access;
}

}  // namespace vsys
