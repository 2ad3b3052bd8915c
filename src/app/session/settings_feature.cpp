// The device's settings and the about page (cmd_settings.cpp).
#include "app/base/feature.hpp"

namespace vsys {

namespace {
const ScreenInfo k_screens[] = {
    {"settings", "home.group.system", "screen.settings", "screen.settings.desc", k_all_roles, ""},
    {"about", "home.group.system", "screen.about", "screen.about.desc", k_all_roles, ""},
};
}  // namespace

const Feature& settings_feature() {
    static const Feature f{"settings", settings_commands(), settings_views(), k_screens};
    return f;
}

}  // namespace vsys
