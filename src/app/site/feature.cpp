// Site master data: information, doctors, handled vaccines and their approval (cmd_site.cpp).
#include "app/base/feature.hpp"

namespace vsys {

namespace {
const ScreenInfo k_screens[] = {
    {"site_info", "home.group.master", "screen.site_info", "screen.site_info.desc", k_site_roles, ""},
    {"org_browser", "home.group.master", "screen.org_browser", "screen.org_browser.desc",
     k_muni | role_bit(Role::prefecture) | role_bit(Role::nation) | role_bit(Role::support), ""},
    {"site", "home.group.master", "screen.site", "screen.site.desc", k_muni | role_bit(Role::prefecture) | role_bit(Role::nation),
     "org_browser"},
    {"approvals", "home.group.master", "screen.approvals", "screen.approvals.desc", k_muni, "", "", waiting_approvals},
    {"reservation_support", "home.group.master", "screen.reservation", "screen.reservation.desc",
     k_muni | k_site_roles, "", "retired.reservation"},
};
}  // namespace

const Feature& site_feature() {
    static const Feature f{"site", site_commands(), site_views(), k_screens};
    return f;
}

}  // namespace vsys
