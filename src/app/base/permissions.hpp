// The one place where access is decided: the permission table (assets/access/permissions.tsv,
// data, not code) says which roles may run each command or open each view, and on which
// organisations relative to the user's own. Everything outside answers 「アクセス権がありません」.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/base/screens.hpp"
#include "app/session/session.hpp"
#include "core/base/result.hpp"

namespace vsys {

class Directory;

enum class Scope { device, self, self_or_proxy, child_site, subtree, managed };

struct Permission {
    std::string action;  // command type, or "view:<name>"
    RoleMask roles;
    Scope scope;
};

const std::vector<Permission>& permissions();
const Permission* find_permission(std::string_view action);

// `target_org` is the organisation the action touches ("" for device scope; for `managed`, the
// organisation of the account concerned). Refuses "no_access" (and "permission.unknown" for an
// action missing from the table, which is a programming error caught by the tests).
Status check_access(std::string_view action, const Session& session, std::string_view target_org,
                    const Directory* directory);

}  // namespace vsys
