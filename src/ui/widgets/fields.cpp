#include "ui/widgets/fields.hpp"

#include <algorithm>
#include <optional>

#include "core/base/text.hpp"
#include "imgui_internal.h"  // GetCurrentTable: a unit in a table cell stays beside its field
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/clip_record.hpp"
#include "ui/widgets/field_parts.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

// What a number field remembers between frames: the text as typed and the value it stands for.
struct NumberText {
    std::string text;
    std::optional<std::int64_t> value;  // empty: the field may be left empty and is
    std::optional<Error> refusal;  // kept as an Error so a language switch translates it again
};

// The fields' memory for the session (dropped with the Shell's screen states at sign-out).
struct FieldMemory {
    std::map<ImGuiID, NumberText> numbers;
    std::uint64_t frame = 0;
    std::map<std::string, std::string> messages;  // of `frame`
    bool invalid_before = false;                   // a field of the frame before was refused
};

FieldMemory& memory(Shell& shell) {
    FieldMemory& m = shell.state<FieldMemory>();
    if (m.frame != shell.frames()) {
        m.invalid_before = m.frame + 1 == shell.frames() && !m.messages.empty();
        m.frame = shell.frames();
        m.messages.clear();
    }
    return m;
}

}  // namespace

namespace field_parts {

static int resize(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

// ImGui's InputText over a std::string of any length. True when Enter was pressed.
bool input_string(const char* id, std::string& s, const char* hint, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_EnterReturnsTrue;
    return hint ? ImGui::InputTextWithHint(id, hint, s.data(), s.capacity() + 1, flags, resize, &s)
                : ImGui::InputText(id, s.data(), s.capacity() + 1, flags, resize, &s);
}

void begin_invalid(bool invalid) {
    if (!invalid) return;
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, colour::error);
}
void end_invalid(bool invalid) {
    if (!invalid) return;
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

// Beside the field where the line has room for a few words of it, else under the field (a
// phone's narrow form): a message past the screen's edge is no message.
void message_beside(Shell& shell, const std::string& anchor, const std::string& text) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 12) ImGui::NewLine();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
    ImGui::AlignTextToFramePadding();
    text_wrapped("※ " + text);
    ImGui::PopStyleColor();
    shell.anchor(anchor + ".message");
}

void note_refusal(Shell& shell, const std::string& anchor, const std::string& message) {
    memory(shell).messages[anchor] = message;
}

}  // namespace field_parts

using namespace field_parts;

namespace {

// The number field over an optional value: empty text is "no value" where may_be_empty.
FieldResult number_input(Shell& shell, const std::string& anchor, std::optional<std::int64_t>& value,
                         const NumberRule& rule, float width, MessagePlace place, bool may_be_empty,
                         const std::string& unit) {
    FieldMemory& mem = memory(shell);
    const std::string id = "##" + anchor;
    auto shown = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); };
    auto [it, fresh] = mem.numbers.try_emplace(ImGui::GetID(id.c_str()));
    NumberText& t = it->second;
    if (fresh || value != t.value) t = NumberText{shown(value), value, std::nullopt};  // the screen set it
    FieldResult out;
    const std::string before = t.text;
    const bool invalid_before = t.refusal.has_value();
    begin_invalid(invalid_before);
    // A field never runs past the screen's edge (a phone): at most the room left on its line, less
    // its unit's where that still leaves a usable field (else the unit goes under it).
    if (width > 0 && !unit.empty() && !ImGui::GetCurrentTable()) {
        const float beside = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(unit.c_str()).x - ImGui::GetStyle().ItemSpacing.x;
        field_width(beside >= ImGui::GetFontSize() * 5 ? std::min(width, beside) : width);
    } else if (width > 0) {
        field_width(width);
    } else {
        ImGui::SetNextItemWidth(width);
    }
    out.enter = input_string(id.c_str(), t.text, nullptr, ImGuiInputTextFlags_AutoSelectAll);
    const bool left = ImGui::IsItemDeactivated(), hovered = ImGui::IsItemHovered();
    end_invalid(invalid_before);
    shell.anchor(anchor);
    if (!unit.empty()) {
        // Beside the field; under it where a long unit would run past a form's edge (a phone).
        // A table cell keeps it beside (its column is measured for it).
        ImGui::SameLine();
        if (!ImGui::GetCurrentTable() && ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(unit.c_str()).x) {
            ImGui::NewLine();
            text_wrapped(unit);
        } else {
            ImGui::TextUnformatted(unit.c_str());
        }
    }
    if (t.text != before) {
        const bool blank = t.text.find_first_not_of(" ") == std::string::npos;
        auto n = may_be_empty && blank ? Result<std::int64_t>(std::int64_t{0}) : read_number(t.text, rule);
        if (n) {
            const std::optional<std::int64_t> now = may_be_empty && blank ? std::nullopt : std::optional(*n);
            t.refusal.reset();
            out.changed = now != value;
            value = t.value = now;
        } else {
            t.refusal = n.error();
        }
    }
    // Once the user leaves an accepted field it shows the number as the screen writes it
    // (「１，２００」 → 1200); a refused text stays as typed until it is fixed.
    if (!t.refusal && left) t.text = shown(value);
    if (t.refusal) {
        out.valid = false;
        out.message = shell.app().error_text(*t.refusal);
        mem.messages[anchor] = out.message;
        if (hovered && place == MessagePlace::caller) ImGui::SetTooltip("%s", out.message.c_str());  // a cell's only way
        if (place == MessagePlace::beside) message_beside(shell, anchor, out.message);
    }
    return out;
}

}  // namespace

FieldResult number_field(Shell& shell, const std::string& anchor, std::int64_t& value, const NumberRule& rule,
                         float width, MessagePlace place, const std::string& unit) {
    std::optional<std::int64_t> v = value;
    FieldResult out = number_input(shell, anchor, v, rule, width, place, false, unit);
    if (v) value = *v;
    return out;
}

FieldResult optional_number_field(Shell& shell, const std::string& anchor, std::optional<std::int64_t>& value,
                                  const NumberRule& rule, float width, MessagePlace place, const std::string& unit) {
    return number_input(shell, anchor, value, rule, width, place, true, unit);
}

FieldResult text_field(Shell& shell, const std::string& anchor, std::string& value, const std::string& label_key,
                       std::size_t max_chars, float width, const char* hint, ImGuiInputTextFlags flags) {
    FieldMemory& mem = memory(shell);
    FieldResult out;
    const std::string before = value;
    const std::size_t n_before = text::length(value);
    begin_invalid(n_before > max_chars);
    // A field never runs past the screen's edge (a phone): at most the room left on its line, less
    // the count's where that still leaves a usable field; else the count goes under it.
    const std::string max_text = std::to_string(max_chars);
    const float count_w = ImGui::CalcTextSize(fill_placeholders(shell.tr("field.count"), {{"n", max_text}, {"max", max_text}}).c_str()).x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float beside = ImGui::GetContentRegionAvail().x - count_w - spacing;
    const float field_w = width > 0
                              ? (beside >= ImGui::GetFontSize() * 7 ? std::min(width, beside)
                                                                    : std::min(width, ImGui::GetContentRegionAvail().x))
                              : width;
    // A hint the field is too narrow for (a reason's label on a phone) goes above it, whole:
    // ImGui would cut it at the field's edge without a word.
    if (hint && field_w > 0 && !hint_fits(hint, field_w)) {
        muted_text(hint);
        hint = nullptr;
    }
    ImGui::SetNextItemWidth(field_w);
    out.enter = input_string(("##" + anchor).c_str(), value, hint, flags);
    if (hint && value.empty() && !hint_fits(hint, ImGui::GetItemRectSize().x)) note_clipped(hint, anchor);
    end_invalid(n_before > max_chars);
    shell.anchor(anchor);
    out.changed = value != before;
    const std::size_t n = text::length(value);
    // The count, always: a limit the user learns only when refused is a limit stated too late.
    same_line_if_room(count_w, spacing);
    ImGui::AlignTextToFramePadding();
    const std::string count = fill_placeholders(shell.tr("field.count"), {{"n", std::to_string(n)}, {"max", max_text}});
    ImGui::TextColored(n > max_chars ? colour::error : colour::muted, "%s", count.c_str());
    shell.anchor(anchor + ".count");
    if (n > max_chars) {
        out.valid = false;
        out.message = shell.app().error_text(Error{"text.too_long", "the text is over the field's limit",
                                                   {{"label", label_key},
                                                    {"max", std::to_string(max_chars)},
                                                    {"actual", std::to_string(n)}}});
        mem.messages[anchor] = out.message;
        message_beside(shell, anchor, out.message);
    }
    return out;
}

bool fields_invalid(Shell& shell) {
    FieldMemory& m = memory(shell);
    return m.invalid_before || !m.messages.empty();
}

std::map<std::string, std::string> field_messages(Shell& shell) {
    FieldMemory& m = shell.state<FieldMemory>();
    return m.frame == shell.frames() ? m.messages : std::map<std::string, std::string>{};
}

}  // namespace vsys::ui
