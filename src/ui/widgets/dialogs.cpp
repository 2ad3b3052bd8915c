#include "ui/widgets/dialogs.hpp"

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/shell/shell.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

bool discard_question(Shell& shell, const std::string& anchor, bool& ask) {
    const std::string id = "##" + anchor;
    if (ask) {
        ImGui::OpenPopup(id.c_str());
        ask = false;
    }
    bool yes = false;
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
        return false;
    ImGui::TextUnformatted(shell.tr("claims.discard.title").c_str());
    ImGui::Separator();
    ImGui::PushTextWrapPos(modal_text_width(ImGui::GetFontSize() * 30));
    text_wrapped(shell.tr("claims.discard.body"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    // The harmless answer first: Enter on the focused button keeps the input.
    if (ImGui::Button(shell.tr("claims.discard.no").c_str())) ImGui::CloseCurrentPopup();
    shell.anchor(anchor + ".no");
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.10f, 0.10f, 1.0f));
    if (ImGui::Button(shell.tr("claims.discard.yes").c_str())) {
        yes = true;
        ImGui::CloseCurrentPopup();
    }
    ImGui::PopStyleColor();
    shell.anchor(anchor + ".yes");
    ImGui::EndPopup();
    return yes;
}

void close_modal_on_escape() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.OpenPopupStack.Size == 0 || !ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) return;
    const ImGuiPopupData& top = g.OpenPopupStack.back();
    if (top.Window && (top.Window->Flags & ImGuiWindowFlags_Modal))
        ImGui::ClosePopupToLevel(g.OpenPopupStack.Size - 1, true);
}

}  // namespace vsys::ui
