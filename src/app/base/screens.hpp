// The table of screens: one row per screen, with the roles that may open it. Each feature
// registers its own rows (src/app/<feature>/feature.cpp); screens() gathers them in the home
// page's group order. The home screen's buttons, the breadcrumb, routing (#/<id>) and the "home"
// view are all driven by this table, so a feature appears on every path at once or not at all.
// Only working features are listed.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace vsys {

class App;

enum class Role : std::uint32_t {
    none = 0,  // not signed in
    nation = 1u << 0,
    prefecture = 1u << 1,
    municipality = 1u << 2,
    site = 1u << 3,
    venue = 1u << 4,
    federation = 1u << 5,
    support = 1u << 6,
};
using RoleMask = std::uint32_t;
constexpr RoleMask k_all_roles = 0x7F | 0x80000000u;  // every role, and signed-out (bit 31)
constexpr RoleMask role_bit(Role r) { return r == Role::none ? 0x80000000u : static_cast<RoleMask>(r); }
// Masks the features' screen rows share.
constexpr RoleMask k_site_roles = role_bit(Role::site) | role_bit(Role::venue);
constexpr RoleMask k_muni = role_bit(Role::municipality);
constexpr RoleMask k_managers =
    role_bit(Role::nation) | role_bit(Role::prefecture) | role_bit(Role::municipality) | role_bit(Role::support);
constexpr RoleMask k_signed_in = k_all_roles & ~role_bit(Role::none);

struct ScreenInfo {
    const char* id;         // route: #/<id>
    const char* group_key;  // home grid group (strings.tsv key)
    const char* title_key;  // button and breadcrumb text
    const char* desc_key;   // one line under the button
    RoleMask roles;         // who sees it
    const char* parent;     // breadcrumb parent ("" = home)
    // A retired function (DOMAIN.md §2): shown greyed out with this note (strings key), never
    // opened. "" for a working screen.
    const char* retired_key = "";
    // How many items wait for the signed-in user on this screen (approvals pending, unlock
    // requests, refused bundles and conflicts): the home button shows the count (UX.md
    // "Counters on buttons where work waits"). Null: the screen has no queue.
    std::int64_t (*waiting)(App& app) = nullptr;
};

// Every feature's screens, grouped in the order of k_home_groups (screens.cpp), each group in
// the order of the features list and of each feature's rows.
std::span<const ScreenInfo> screens();
const ScreenInfo* find_screen(std::string_view id);
bool screen_visible(const ScreenInfo& s, Role role);

}  // namespace vsys
