// Maps each screen id of app/screens.hpp to the function that draws it.
#pragma once

#include <string_view>

namespace vsys::ui {

class Shell;
using DrawScreen = void (*)(Shell&);

DrawScreen find_draw(std::string_view screen_id);

void draw_home(Shell& shell);
void draw_settings(Shell& shell);
void draw_about(Shell& shell);

}  // namespace vsys::ui
