// The small shared widgets (widgets.hpp).
//
// [SECTION] The home grid's buttons, titles and messages
// [SECTION] Forms: labels, values, combos and their lists, headers, fields
// [SECTION] Wrapped text, buttons and rows
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <cfloat>

#include "imgui_internal.h"  // the line origin SameLine counts from, inside table cells too
#include "ui/shell/theme.hpp"
#include "ui/widgets/clip_record.hpp"
#include "ui/widgets/line_break.hpp"

namespace vsys::ui {

// [SECTION] The home grid's buttons, titles and messages

bool big_button(const char* id, const std::string& title, const std::string& desc, ImVec2 size,
                const std::string& badge) {
    ImGui::PushID(id);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = 14.0f;
    const float title_scale = 1.2f;
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();
    // The title wraps too (a long one on a phone), and the button grows to hold both texts.
    const float wrap = size.x - 2 * pad;
    const std::string title_lines = wrap_lines(title, wrap, fs * title_scale);
    const std::string desc_lines = wrap_lines(desc, wrap, fs);
    const float title_h = font->CalcTextSizeA(fs * title_scale, FLT_MAX, 0, title_lines.c_str()).y;
    const float desc_h = font->CalcTextSizeA(fs, FLT_MAX, 0, desc_lines.c_str()).y;
    size.y = std::max(size.y, pad + title_h + 6 + desc_h + pad);
    const bool pressed = ImGui::Button("##big", size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(font, fs * title_scale, ImVec2(pos.x + pad, pos.y + pad), ImGui::GetColorU32(colour::accent),
                title_lines.c_str());
    dl->AddText(font, fs, ImVec2(pos.x + pad, pos.y + pad + title_h + 6), ImGui::GetColorU32(colour::muted),
                desc_lines.c_str());
    if (!badge.empty()) {
        const ImVec2 t = ImGui::CalcTextSize(badge.c_str());
        const ImVec2 b1(pos.x + size.x - 8, pos.y + 8 + t.y + 6);
        const ImVec2 b0(b1.x - t.x - 16, pos.y + 8);
        dl->AddRectFilled(b0, b1, ImGui::GetColorU32(colour::pending), (b1.y - b0.y) / 2);
        dl->AddText(ImVec2(b0.x + 8, b0.y + 3), IM_COL32_WHITE, badge.c_str());
    }
    ImGui::PopID();
    return pressed;
}

void screen_title(const std::string& text) {
    ImGui::SetWindowFontScale(1.3f);
    // Wrapped, never cut: a report's long title on a phone takes two lines.
    ImGui::PushTextWrapPos(0.0f);
    text_wrapped(text);
    ImGui::PopTextWrapPos();
    ImGui::SetWindowFontScale(1.0f);
    ImGui::Separator();
    ImGui::Spacing();
}

void section_title(const std::string& text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::accent);
    text_wrapped(text);  // a long heading on a phone
    ImGui::PopStyleColor();
    ImGui::Separator();
}

void disabled_reason(const std::string& text) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(420);
    text_wrapped(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void field_message(const std::string& text, bool error) {
    if (text.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, error ? colour::error : colour::muted);
    text_wrapped(error ? "※ " + text : text);
    ImGui::PopStyleColor();
}

void notice(const std::string& text, float width) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour::pending);
    // A window sized to its content (a modal) would shrink to a wrap at its own width: there the
    // screen's width is the bound.
    const bool sized_to_content = ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_AlwaysAutoResize;
    const float room = sized_to_content ? modal_text_width(width) : ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(width, room));
    text_wrapped(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

// [SECTION] Forms: labels, values, combos and their lists, headers, fields

void form_label(const std::string& text, float width) {
    // The narrowest a value may be beside its label before the two stack: a ten-digit code or
    // an amount with its unit at the user's text size.
    const float min_value = ImGui::GetFontSize() * 10;
    // Where SameLine(offset) counts from (the window's or the table cell's start of line).
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    const float origin = w->Pos.x - w->Scroll.x + w->DC.GroupOffset.x + w->DC.ColumnsOffset.x;
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    ImGui::AlignTextToFramePadding();
    text_wrapped(text);
    const float value_at = std::max(width, ImGui::GetItemRectMax().x - origin + ImGui::GetStyle().ItemSpacing.x);
    if (right - (origin + value_at) >= min_value) ImGui::SameLine(value_at);
}

void form_value(const std::string& text) {
    ImGui::AlignTextToFramePadding();
    text_wrapped(text);
}

void under_label_if_narrow(float width) {
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    const bool beside = w->DC.CursorPos.y == w->DC.CursorPosPrevLine.y;
    if (beside && ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float combo_width(const std::string& preview) {
    return ImGui::CalcTextSize(preview.c_str()).x + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
}

namespace {
// The widest a combo's open list may be: the screen less the margins ImGui keeps popups within.
float combo_list_width() {
    return ImGui::GetMainViewport()->Size.x - 2 * ImGui::GetStyle().DisplaySafeAreaPadding.x;
}
}  // namespace

bool begin_combo(const std::string& id, const std::string& preview, std::string_view where, ImGuiComboFlags flags) {
    const ImGuiStyle& st = ImGui::GetStyle();
    // The list: at least the combo's width (ImGui's own minimum), at most the screen's, eight lines
    // tall before it scrolls (ImGui's regular height).
    const float height = (ImGui::GetFontSize() + st.ItemSpacing.y) * 8 - st.ItemSpacing.y + st.WindowPadding.y * 2;
    const ImVec2 list_max(combo_list_width(), height);
    if (flags & ImGuiComboFlags_NoPreview) {
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), list_max);
        return ImGui::BeginCombo(id.c_str(), nullptr, flags);
    }
    // The preview is drawn from the frame's padding to the arrow button (ImGui::BeginCombo).
    float width = ImGui::CalcItemWidth();
    const float arrow = ImGui::GetFrameHeight();
    // A choice longer than the width asked for widens the combo where the line has room for it
    // (a round's name in a report's filter on a clinic PC).
    const float whole = combo_width(preview);
    if (whole > width && whole <= ImGui::GetContentRegionAvail().x) {
        width = whole;
        ImGui::SetNextItemWidth(width);
    }
    const float room = width - arrow - st.FramePadding.x;
    bool cut = false;
    std::string shown = fit_text(preview, room, cut);
    const float wrap = width - arrow - st.ItemSpacing.x;
    if (cut && wrap >= ImGui::GetFontSize() * 4) {
        // Too long for the combo (a round's name on a phone): the choice whole, wrapped, and beside
        // it the arrow that opens the list; a phone has no hover to read a cut preview by.
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
        ImGui::AlignTextToFramePadding();
        text_wrapped(preview);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SameLine(0, st.ItemSpacing.x);
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), list_max);
        return ImGui::BeginCombo(id.c_str(), nullptr, flags | ImGuiComboFlags_NoPreview);
    }
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), list_max);
    const bool open = ImGui::BeginCombo(id.c_str(), shown.c_str(), flags);
    if (cut) {  // no room even to wrap it: cut, whole on hover, and noted
        if (!open) whole_text_tooltip(preview);  // open, the last item is the list's
        note_clipped(preview, where);
    }
    return open;
}

bool combo_choice(const std::string& label, bool selected) {
    const std::string text = label.substr(0, label.find("##"));
    // The room a choice has in a list as wide as the screen: less the list's padding and, while
    // the list scrolls, its scroll bar.
    const ImGuiWindow* list = ImGui::GetCurrentWindow();
    const float room = combo_list_width() - 2 * list->WindowPadding.x - (list->ScrollbarY ? ImGui::GetStyle().ScrollbarSize : 0);
    if (ImGui::CalcTextSize(text.c_str()).x <= room) return ImGui::Selectable(label.c_str(), selected);
    // Its lines after the first indented, so that where one choice ends and the next begins shows
    // without a hover (a phone).
    const float indent = ImGui::GetFontSize();
    const std::string lines = wrap_lines(text, room - indent);
    const ImVec2 size = ImGui::CalcTextSize(lines.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool chosen = ImGui::Selectable(("###" + label).c_str(), selected, 0, ImVec2(0, size.y));
    whole_text_tooltip(text);
    const ImVec2 after = ImGui::GetCursorScreenPos();
    const ImGuiLastItemData item = ImGui::GetCurrentContext()->LastItemData;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool logging = g.LogEnabled;  // ImGui's log gets the choice whole, as text_wrapped logs
    g.LogEnabled = false;
    const float line_h = ImGui::GetTextLineHeight();
    std::size_t begin = 0;
    for (int n = 0; begin <= lines.size(); ++n) {
        const std::size_t end = std::min(lines.find('\n', begin), lines.size());
        ImGui::SetCursorScreenPos(ImVec2(at.x + (n ? indent : 0.0f), at.y + line_h * static_cast<float>(n)));
        ImGui::TextUnformatted(lines.c_str() + begin, lines.c_str() + end);
        begin = end + 1;
    }
    g.LogEnabled = logging;
    if (logging) ImGui::LogRenderedText(&at, text.c_str(), text.c_str() + text.size());
    ImGui::SetCursorScreenPos(after);
    // The selectable stays the last item, so that an anchor names the choice.
    ImGui::GetCurrentContext()->LastItemData = item;
    return chosen;
}

bool collapsing_header(const std::string& label, std::string_view where) {
    // Where ImGui draws a framed header's label and where it clips it (TreeNodeBehavior).
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float text_x = w->DC.CursorPos.x + ImGui::GetFontSize() + st.FramePadding.x * 3;
    const float right = std::min(w->WorkRect.Max.x + IM_FLOOR(w->WindowPadding.x * 0.5f), w->InnerClipRect.Max.x);
    bool cut = false;
    const std::string shown = fit_text(label, right - text_x, cut);
    const bool open = ImGui::CollapsingHeader((shown + "###" + label).c_str());
    if (cut) {
        whole_text_tooltip(label);
        note_clipped(label, where);
    }
    return open;
}

void field_width(float width) { ImGui::SetNextItemWidth(std::min(width, ImGui::GetContentRegionAvail().x)); }

bool hint_fits(const std::string& hint, float width) {
    return ImGui::CalcTextSize(hint.c_str()).x <= width - ImGui::GetStyle().FramePadding.x * 2 + 0.5f;
}

bool search_input(const char* id, char* buf, std::size_t size, float width, const std::string& hint,
                  const std::string& short_hint) {
    const float w = std::min(width, ImGui::GetContentRegionAvail().x);
    const char* shown = hint.c_str();
    if (!hint_fits(hint, w)) {
        if (hint_fits(short_hint, w)) {
            shown = short_hint.c_str();
        } else {
            muted_text(hint);
            shown = "";
        }
    }
    ImGui::SetNextItemWidth(w);
    const bool changed = ImGui::InputTextWithHint(id, shown, buf, size);
    if (buf[0] == '\0' && !hint_fits(shown, ImGui::GetItemRectSize().x)) note_clipped(shown, id);
    return changed;
}

void same_line_if_room(float width, float spacing) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine(0, spacing);
}

// [SECTION] Wrapped text, buttons and rows

std::string wrap_lines(const std::string& text, float width, float font_size) {
    ImFont* font = ImGui::GetFont();
    const float scale = (font_size > 0 ? font_size : ImGui::GetFontSize()) / font->FontSize;
    const auto advance = [&](char32_t c) { return font->GetCharAdvance(static_cast<ImWchar>(c)) * scale; };
    std::string out;
    bool first = true;
    for (const TextLine& line : break_lines(text, width, advance)) {
        if (!first) out += '\n';
        first = false;
        out.append(text, line.begin, line.end - line.begin);
    }
    return out;
}

void text_wrapped(const std::string& text) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    // As ImGui::TextWrapped: the wrap position pushed, else the content region's right edge.
    const float wrap_pos = window->DC.TextWrapPos < 0 ? 0.0f : window->DC.TextWrapPos;
    const float width = ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos);
    const std::string lines = wrap_lines(text, width);
    // ImGui's log (copying a screen's text, the ui tests' reading of a frame) gets the text as it
    // was written, as ImGui::TextWrapped logs it, not broken into the screen's lines.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool logging = g.LogEnabled;
    const ImVec2 at = window->DC.CursorPos;
    g.LogEnabled = false;
    ImGui::PushTextWrapPos(-1.0f);  // broken already: ImGui must not break it again
    ImGui::TextUnformatted(lines.c_str(), lines.c_str() + lines.size());
    ImGui::PopTextWrapPos();
    g.LogEnabled = logging;
    if (logging) ImGui::LogRenderedText(&at, text.c_str(), text.c_str() + text.size());
}

float modal_text_width(float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return std::min(width, ImGui::GetIO().DisplaySize.x - 2 * (style.WindowPadding.x + style.DisplaySafeAreaPadding.x) - 8);
}

float button_width(const std::string& label) {
    return ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

bool wrapped_button(const std::string& label, bool small) {
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().FramePadding.x * 2;
    if (button_width(label) <= ImGui::GetContentRegionAvail().x || room < ImGui::GetFontSize() * 2)
        return small ? ImGui::SmallButton(label.c_str()) : ImGui::Button(label.c_str());
    const std::size_t hash = label.find("##");
    const std::string shown = label.substr(0, hash);
    // The id stays the label's, however many lines it takes.
    const std::string id = "###" + label;
    const std::string wrapped = wrap_lines(shown, room) + id;
    return small ? ImGui::SmallButton(wrapped.c_str()) : ImGui::Button(wrapped.c_str());
}

bool wrapped_selectable(const std::string& id, const std::string& text, bool selected, float min_height,
                        const std::string& lead) {
    const float lead_w = lead.empty() ? 0.0f : ImGui::CalcTextSize(lead.c_str()).x + ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x - lead_w;
    const ImVec2 size = ImGui::CalcTextSize(wrap_lines(text, width).c_str());
    const float height = std::max(size.y, min_height);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable(("##" + id).c_str(), selected, 0, ImVec2(0, height));
    const ImVec2 after = ImGui::GetCursorScreenPos();
    const ImGuiLastItemData item = ImGui::GetCurrentContext()->LastItemData;
    if (!lead.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (height - size.y) / 2));
        ImGui::TextUnformatted(lead.c_str());
    }
    ImGui::SetCursorScreenPos(ImVec2(at.x + lead_w, at.y + (height - size.y) / 2));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    text_wrapped(text);
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(after);
    // The selectable stays the last item, so that an anchor or a hover test names the row.
    ImGui::GetCurrentContext()->LastItemData = item;
    return clicked;
}

void text_right(const std::string& text, std::string_view where) { text_fit(text, where, true); }

void muted_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(text);
    ImGui::PopStyleColor();
}

bool checkbox(const std::string& label, bool* value) {
    bool toggled = ImGui::Checkbox(("##" + label).c_str(), value);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    text_wrapped(label);
    if (ImGui::IsItemClicked()) {
        *value = !*value;
        toggled = true;
    }
    return toggled;
}

}  // namespace vsys::ui
