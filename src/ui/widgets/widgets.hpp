// Small widgets shared by screens: the home grid's large buttons, titles, field messages.
#pragma once

#include <string>

#include "imgui.h"

namespace vsys::ui {

// A large home-screen button with a title and a one-line description, and in its top right
// corner, when not empty, a badge of work waiting there (「3件」 in amber). True when pressed.
bool big_button(const char* id, const std::string& title, const std::string& desc, ImVec2 size,
                const std::string& badge = "");
void screen_title(const std::string& text);
// A heading inside a screen, with a rule under it.
void section_title(const std::string& text);
// A message under a form field, red for errors.
void field_message(const std::string& text, bool error);
// A paragraph the user should not miss (amber), wrapped at `width` pixels.
void notice(const std::string& text, float width);
// A label column of fixed width, so forms line up.
void form_label(const std::string& text, float width = 160.0f);
// Why the last item is disabled, on hover (a disabled button says what would enable it).
void disabled_reason(const std::string& text);
// Text flush with the right edge of the space left (numbers in table cells).
void text_right(const std::string& text);

}  // namespace vsys::ui
