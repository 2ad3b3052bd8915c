// Small widgets shared by screens: the home grid's large buttons, titles, field messages.
#pragma once

#include <string>
#include <string_view>

#include "imgui.h"

namespace vsys::ui {

// A large home-screen button with a title and a short description, both wrapped inside it (it
// grows taller than `size` to hold them), and in its top right corner, when not empty, a badge
// of work waiting there (「3件」 in amber). True when pressed.
bool big_button(const char* id, const std::string& title, const std::string& desc, ImVec2 size,
                const std::string& badge = "");
void screen_title(const std::string& text);
// A heading inside a screen, with a rule under it.
void section_title(const std::string& text);
// A message under a form field, red for errors.
void field_message(const std::string& text, bool error);
// A paragraph the user should not miss (amber), wrapped at `width` pixels or the right edge.
void notice(const std::string& text, float width);
// A label column of fixed width, so forms line up. A label wider than the column pushes its
// value along instead of running under it, and where the line is too narrow for both (a phone,
// a large text size) the value goes under the label: forms stack.
void form_label(const std::string& text, float width = 160.0f);
// Why the last item is disabled, on hover (a disabled button says what would enable it).
void disabled_reason(const std::string& text);
// A help line or an empty state in the muted colour, wrapped at the right edge (a sentence on one
// line runs past a phone's edge).
void muted_text(const std::string& text);
// A checkbox whose label wraps at the right edge (ImGui's own label runs past a phone's edge); a
// click on the label toggles it too. True when toggled this frame.
bool checkbox(const std::string& label, bool* value);
// A form's value beside its form_label: wrapped at the right edge, never cut.
void form_value(const std::string& text);
// After form_label: where `width` pixels do not fit beside the label, the next item goes under it (a
// combo whose choice would be cut, a row of radio buttons, on a phone).
void under_label_if_narrow(float width);
// The width a combo needs to show `preview` whole.
float combo_width(const std::string& preview);
// ImGui::BeginCombo whose preview, when the combo is too narrow for it (a phone), is drawn whole,
// wrapped within the combo's width, beside the arrow that opens the list (ImGui would cut it
// silently); where even that has no room, cut with "…", shown whole on hover and noted in the clip
// record under `where`. Its open list is as wide as its longest choice but never wider than the screen (ImGui sizes it
// to the longest, past a phone's edge): every combo of the screens opens through here, and its
// choices are combo_choice's. `flags` as ImGui's (NoPreview: `preview` is not drawn).
bool begin_combo(const std::string& id, const std::string& preview, std::string_view where,
                 ImGuiComboFlags flags = 0);
// One choice of a list begin_combo opened: ImGui::Selectable on one line where the screen has room
// for it, else its text wrapped at the screen's width (a round's name with its state, a receiver
// with its code and category, on a phone), the whole text also on hover. `label` may end in
// "##id" as ImGui's. True when chosen.
bool combo_choice(const std::string& label, bool selected);
// ImGui::CollapsingHeader whose label, when the window is too narrow for it, is cut with "…",
// shown whole on hover and noted in the clip record under `where`. Its id is the whole label's.
bool collapsing_header(const std::string& label, std::string_view where);
// The next field's width: `width`, or the room left on the line when that is less (a phone).
void field_width(float width);
// Whether `hint` shows whole in a text field `width` pixels wide (ImGui cuts a hint at the
// field's inner edge, silently).
bool hint_fits(const std::string& hint, float width);
// A one-line search or filter box (ImGui::InputTextWithHint over `buf`) whose hint is never cut:
// `hint` where it fits the field, else `short_hint` (a phone), else `hint` as a muted line above
// the field. `width` as field_width. True when the text changed.
bool search_input(const char* id, char* buf, std::size_t size, float width, const std::string& hint,
                  const std::string& short_hint);
// SameLine(0, spacing) when `width` more pixels fit after the last item on its line; otherwise the
// next item starts a line of its own (rows of a screen that wrap on narrow screens).
void same_line_if_room(float width, float spacing = 24.0f);
// A button (ImGui's SmallButton where `small`) whose label wraps at the right edge: one line while it
// fits, else as many as it takes (a long label on a phone). `label` may end in "##id" as ImGui's.
bool wrapped_button(const std::string& label, bool small = false);
// The width a button with this label takes on one line (for same_line_if_room before it).
float button_width(const std::string& label);
// A selectable row whose text wraps at the right edge (a list of long titles on a phone); `id`
// makes it unique. True when clicked.
// `lead` (a report's id), when given, stays on the first line at the left and the text wraps beside it.
bool wrapped_selectable(const std::string& id, const std::string& text, bool selected, float min_height = 0,
                        const std::string& lead = {});
// Text wrapped as ImGui::TextWrapped wraps it (at the wrap position pushed, else the right edge),
// but by Japanese line breaking (line_break.hpp): never inside a number such as 「8,000 箱」,
// never a line starting with 「。」. Every wrapped text of the screens goes through here.
void text_wrapped(const std::string& text);
// `text` with '\n' where it breaks at `width` pixels, in the current font at `font_size` (the
// current size when 0): for labels ImGui draws itself (buttons, the home screen's cards).
std::string wrap_lines(const std::string& text, float width, float font_size = 0);
// The wrap width of a modal's text: `width`, or less on a screen too narrow for it (a phone), so
// that the modal stays on the screen.
float modal_text_width(float width = 560.0f);
// Text flush with the right edge of the space left (numbers in table cells); cut with "…" and a
// tooltip, and noted as clipped (clip_record.hpp), only when the space is too narrow.
void text_right(const std::string& text, std::string_view where = {});

}  // namespace vsys::ui
