#include "ui/screen_registry.hpp"

namespace vsys::ui {

namespace {
struct Entry {
    std::string_view id;
    DrawScreen draw;
};
const Entry k_entries[] = {
    {"home", draw_home},
    {"settings", draw_settings},
    {"about", draw_about},
};
}  // namespace

DrawScreen find_draw(std::string_view id) {
    for (const auto& e : k_entries)
        if (e.id == id) return e.draw;
    return nullptr;
}

}  // namespace vsys::ui
