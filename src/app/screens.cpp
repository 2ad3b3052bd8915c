#include "app/screens.hpp"

namespace vsys {

namespace {
const ScreenInfo k_screens[] = {
    {"settings", "home.group.system", "screen.settings", "screen.settings.desc", k_all_roles, ""},
    {"about", "home.group.system", "screen.about", "screen.about.desc", k_all_roles, ""},
};
}  // namespace

std::span<const ScreenInfo> screens() { return k_screens; }

const ScreenInfo* find_screen(std::string_view id) {
    for (const auto& s : k_screens)
        if (id == s.id) return &s;
    return nullptr;
}

bool screen_visible(const ScreenInfo& s, Role role) { return (s.roles & role_bit(role)) != 0; }

}  // namespace vsys
