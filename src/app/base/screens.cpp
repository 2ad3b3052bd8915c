#include "app/base/screens.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "app/base/feature.hpp"

namespace vsys {

namespace {
// The home page's groups, top to bottom (strings keys).
constexpr std::string_view k_home_groups[] = {"home.group.master", "home.group.accounts", "home.group.claims",
                                              "home.group.allocation", "home.group.stock", "home.group.reports",
                                              "home.group.system"};

std::size_t group_rank(std::string_view group) {
    auto it = std::find(std::begin(k_home_groups), std::end(k_home_groups), group);
    return static_cast<std::size_t>(it - std::begin(k_home_groups));
}
}  // namespace

std::span<const ScreenInfo> screens() {
    static const auto table = [] {
        std::vector<ScreenInfo> out;
        for (const Feature& f : features()) out.insert(out.end(), f.screens.begin(), f.screens.end());
        std::stable_sort(out.begin(), out.end(), [](const ScreenInfo& a, const ScreenInfo& b) {
            return group_rank(a.group_key) < group_rank(b.group_key);
        });
        return out;
    }();
    return table;
}

const ScreenInfo* find_screen(std::string_view id) {
    for (const auto& s : screens())
        if (id == s.id) return &s;
    return nullptr;
}

bool screen_visible(const ScreenInfo& s, Role role) { return (s.roles & role_bit(role)) != 0; }

}  // namespace vsys
