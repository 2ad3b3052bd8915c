// The parts every form field is made of (fields.cpp, date_fields.cpp): the input over a
// std::string, the red frame of a refused field, the refusal beside it, and the note of a refusal
// that makes the form's save wait (fields_invalid) and that window.vsys.screen() reports.
#pragma once

#include <string>

#include "imgui.h"

namespace vsys::ui {

class Shell;

namespace field_parts {

// ImGui's InputText over a std::string of any length. True when Enter was pressed.
bool input_string(const char* id, std::string& s, const char* hint, ImGuiInputTextFlags flags);
// The red frame of a refused field, around the input.
void begin_invalid(bool invalid);
void end_invalid(bool invalid);
// The refusal beside the field where the line has room, else under it; anchored <anchor>.message.
void message_beside(Shell& shell, const std::string& anchor, const std::string& text);
// Records this frame's refusal of the field at `anchor`.
void note_refusal(Shell& shell, const std::string& anchor, const std::string& message);

}  // namespace field_parts

}  // namespace vsys::ui
