#include "app/base/screens.hpp"

namespace vsys {

namespace {
constexpr RoleMask k_site_roles = role_bit(Role::site) | role_bit(Role::venue);
constexpr RoleMask k_muni = role_bit(Role::municipality);
constexpr RoleMask k_managers =
    role_bit(Role::nation) | role_bit(Role::prefecture) | role_bit(Role::municipality) | role_bit(Role::support);
constexpr RoleMask k_signed_in = k_all_roles & ~role_bit(Role::none);

const ScreenInfo k_screens[] = {
    {"login", "home.group.system", "screen.login", "screen.login.desc", role_bit(Role::none), ""},
    {"site_info", "home.group.master", "screen.site_info", "screen.site_info.desc", k_site_roles, ""},
    {"org_browser", "home.group.master", "screen.org_browser", "screen.org_browser.desc",
     k_muni | role_bit(Role::prefecture) | role_bit(Role::nation) | role_bit(Role::support), ""},
    {"site", "home.group.master", "screen.site", "screen.site.desc", k_muni | role_bit(Role::prefecture) | role_bit(Role::nation),
     "org_browser"},
    {"approvals", "home.group.master", "screen.approvals", "screen.approvals.desc", k_muni, ""},
    {"unlock_inbox", "home.group.accounts", "screen.unlock_inbox", "screen.unlock_inbox.desc", k_managers, ""},
    {"enrolment", "home.group.accounts", "screen.enrolment", "screen.enrolment.desc", k_managers, ""},
    {"reservation_support", "home.group.master", "screen.reservation", "screen.reservation.desc",
     k_muni | k_site_roles, "", "retired.reservation"},
    // A municipality opens it to enter claims on behalf of one of its sites (代行入力).
    {"claims", "home.group.claims", "screen.claims", "screen.claims.desc", k_site_roles | k_muni, ""},
    {"federation_claims", "home.group.claims", "screen.federation_claims", "screen.federation_claims.desc",
     role_bit(Role::federation), ""},
    {"municipality_claims", "home.group.claims", "screen.municipality_claims", "screen.municipality_claims.desc", k_muni, ""},
    {"requests", "home.group.allocation", "screen.requests", "screen.requests.desc", role_bit(Role::site), ""},
    {"allocation", "home.group.allocation", "screen.allocation", "screen.allocation.desc",
     role_bit(Role::nation) | role_bit(Role::prefecture) | k_muni | k_site_roles, ""},
    {"simulation", "home.group.allocation", "screen.simulation", "screen.simulation.desc",
     role_bit(Role::nation) | role_bit(Role::prefecture) | k_muni, "allocation"},
    {"deliveries", "home.group.allocation", "screen.deliveries", "screen.deliveries.desc",
     role_bit(Role::nation) | role_bit(Role::prefecture) | k_muni | k_site_roles, ""},
    {"sync", "home.group.system", "screen.sync", "screen.sync.desc", k_signed_in, ""},
    {"settings", "home.group.system", "screen.settings", "screen.settings.desc", k_all_roles, ""},
    {"about", "home.group.system", "screen.about", "screen.about.desc", k_all_roles, ""},
};
static_assert(k_signed_in != 0);
}  // namespace

std::span<const ScreenInfo> screens() { return k_screens; }

const ScreenInfo* find_screen(std::string_view id) {
    for (const auto& s : k_screens)
        if (id == s.id) return &s;
    return nullptr;
}

bool screen_visible(const ScreenInfo& s, Role role) { return (s.roles & role_bit(role)) != 0; }

}  // namespace vsys
