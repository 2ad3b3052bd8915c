#include "ui/widgets/dialogs.hpp"

#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

constexpr float k_touch_height = 44;

struct DialogButton {
    std::string label, anchor;
    Answer answer;
    bool enabled = true, red = false;
};

std::string or_default(const std::string& name, const std::string& anchor, const char* suffix) {
    return name.empty() ? anchor + suffix : name;
}

// The buttons on one line where they all fit within the dialog's widest line, else one under the
// other: each whole on the screen (ImGui keeps the window there, not what is drawn past its edge).
Answer buttons(Shell& shell, const std::vector<DialogButton>& list, float wrap_at, bool touch) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float row = ImGui::GetCursorPosX();
    for (std::size_t i = 0; i < list.size(); ++i) row += button_width(list[i].label) + (i ? style.ItemSpacing.x : 0);
    const bool one_line = row <= wrap_at;
    Answer out = Answer::none;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const DialogButton& b = list[i];
        if (i && one_line) ImGui::SameLine();
        ImGui::BeginDisabled(!b.enabled);
        if (b.red) ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
        if (ImGui::Button(b.label.c_str(), ImVec2(0, touch ? k_touch_height : 0))) out = b.answer;
        if (b.red) ImGui::PopStyleColor();
        ImGui::EndDisabled();
        shell.anchor(b.anchor);
    }
    return out;
}

}  // namespace

Answer confirmation(Shell& shell, bool open, const Confirmation& c) {
    const std::string id = "##" + c.anchor;
    // Whether this dialog was on the screen in the last frame: closed since without an answer of
    // its own means Esc closed it (close_modal_on_escape), a cancel the screen must hear of.
    ImGuiStorage* seen = ImGui::GetStateStorage();
    const ImGuiID seen_key = ImGui::GetID((id + ".shown").c_str());
    const bool shown_before = seen->GetBool(seen_key);
    const bool is_open = ImGui::IsPopupOpen(id.c_str());
    if (!is_open) {
        seen->SetBool(seen_key, false);
        if (open && shown_before) return Answer::cancelled;
        if (!open) return Answer::none;
        ImGui::OpenPopup(id.c_str());
    }
    centre_next_modal();
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        seen->SetBool(seen_key, false);
        return open ? Answer::cancelled : Answer::none;
    }
    seen->SetBool(seen_key, true);
    if (!open) {  // the screen no longer wants it (its row went, another device answered)
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        seen->SetBool(seen_key, false);
        return Answer::none;
    }
    const float wrap_at = modal_text_width(c.width);
    ImGui::PushTextWrapPos(wrap_at);
    if (!c.title.empty()) {
        text_wrapped(c.title);
        ImGui::Separator();
    }
    text_wrapped(c.question);
    shell.anchor(or_default(c.text_anchor, c.anchor, ".text"));
    const bool enabled = c.detail ? c.detail() : true;
    field_message(c.error, true);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    const DialogButton confirm{c.confirm_label, or_default(c.confirm_anchor, c.anchor, ".ok"), Answer::confirmed,
                               enabled, c.destructive};
    const DialogButton cancel{c.cancel_label.empty() ? shell.tr("common.cancel") : c.cancel_label,
                              or_default(c.cancel_anchor, c.anchor, ".cancel"), Answer::cancelled};
    std::vector<DialogButton> list;
    if (c.harmless_first) list.push_back(cancel);
    list.push_back(confirm);
    if (!c.other_label.empty())
        list.push_back({c.other_label, or_default(c.other_anchor, c.anchor, ".other"), Answer::other, enabled});
    if (!c.harmless_first) list.push_back(cancel);
    const Answer answer = buttons(shell, list, wrap_at, c.touch);

    bool close = answer == Answer::cancelled;
    if (answer == Answer::confirmed) close = c.on_confirm ? c.on_confirm() : true;
    if (answer == Answer::other) close = c.on_other ? c.on_other() : true;
    if (close) {
        ImGui::CloseCurrentPopup();
        seen->SetBool(seen_key, false);
    }
    ImGui::EndPopup();
    return answer;
}

bool confirm(Shell& shell, bool& open, const Confirmation& c) {
    const Answer a = confirmation(shell, open, c);
    if (a != Answer::none) open = false;
    return a == Answer::confirmed;
}

bool discard_question(Shell& shell, const std::string& anchor, bool& ask) {
    Confirmation c;
    c.anchor = anchor;
    c.title = shell.tr("claims.discard.title");
    c.question = shell.tr("claims.discard.body");
    c.confirm_label = shell.tr("claims.discard.yes");
    c.cancel_label = shell.tr("claims.discard.no");
    c.confirm_anchor = anchor + ".yes";
    c.cancel_anchor = anchor + ".no";
    c.harmless_first = true;
    c.destructive = true;
    c.width = ImGui::GetFontSize() * 30;
    return confirm(shell, ask, c);
}

void centre_next_modal() {
    // The screen's size when a modal was last placed, in the root window's storage.
    ImGuiStorage* seen = ImGui::GetStateStorage();
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    const ImGuiID w_key = ImGui::GetID("##modal.screen_w"), h_key = ImGui::GetID("##modal.screen_h");
    const bool resized = seen->GetFloat(w_key) != screen.x || seen->GetFloat(h_key) != screen.y;
    seen->SetFloat(w_key, screen.x);
    seen->SetFloat(h_key, screen.y);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), resized ? ImGuiCond_Always : ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
}

void close_modal_on_escape() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.OpenPopupStack.Size == 0 || !ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) return;
    const ImGuiPopupData& top = g.OpenPopupStack.back();
    if (top.Window && (top.Window->Flags & ImGuiWindowFlags_Modal))
        ImGui::ClosePopupToLevel(g.OpenPopupStack.Size - 1, true);
}

}  // namespace vsys::ui
