// The form fields every screen shares: a number field and a single-line text field.
//
// Number field: the user's text is kept as typed (never changed under their fingers) and read
// by the core's one rule (core/base/number_field.hpp: ASCII or full-width digits, the field's
// range); the bound value changes only when the text is a valid number, and a refusal is shown
// beside the field, naming it by its label, until the text is fixed. A value changed by the
// screen (a reload, a reset) replaces the text.
// Text field: its limit is stated and counted as the user types (「12/100文字」); a text over
// the limit is kept whole and refused with a message, never cut.
// Both report Enter (the form's save key: glue.js holds keys back while an IME composes, so an
// Enter that confirms a conversion never reaches a field) and their messages of the last frame
// by anchor (window.vsys.screen().field_messages).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/base/number_field.hpp"
#include "imgui.h"

namespace vsys::ui {

class Shell;

struct FieldResult {
    bool changed = false;  // the bound value changed this frame
    bool valid = true;     // the text as it stands is accepted
    bool enter = false;    // Enter was pressed in the field
    std::string message;   // the refusal in the user's language; "" when valid
};

// Where a refusal is drawn: beside the field (forms), or by the caller (a table cell shows it in
// its row; result.message).
enum class MessagePlace { beside, caller };

// `unit` (箱, 分) is drawn right after the field, before any refusal.
FieldResult number_field(Shell& shell, const std::string& anchor, std::int64_t& value, const NumberRule& rule,
                         float width, MessagePlace place = MessagePlace::beside, const std::string& unit = {});

// A number that may be left empty (a 固定値 not given): empty text is no value, not 0.
FieldResult optional_number_field(Shell& shell, const std::string& anchor, std::optional<std::int64_t>& value,
                                  const NumberRule& rule, float width, MessagePlace place = MessagePlace::beside,
                                  const std::string& unit = {});

FieldResult text_field(Shell& shell, const std::string& anchor, std::string& value, const std::string& label_key,
                       std::size_t max_chars, float width, const char* hint = nullptr, ImGuiInputTextFlags flags = 0);

// Whether a field of this frame so far, or of the last frame, is refused: a form's save (and its
// Enter) waits until every field is fixed, so nothing is saved from a value the user replaced.
bool fields_invalid(Shell& shell);
// The refusals the fields of the last frame showed, by the field's anchor.
std::map<std::string, std::string> field_messages(Shell& shell);

}  // namespace vsys::ui
