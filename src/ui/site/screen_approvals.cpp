// 市町村承認: the municipality's inbox of handled-vaccine changes. Approving or rejecting is
// final for that request, so it is confirmed in a modal that names the site and the change; a
// rejection needs a reason the site will read.
#include <cstring>

#include "app/site/site_fields.hpp"
#include "ui/shell/cached_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct Inbox {
    CachedView view;  // approvals
    int selected = -1;
    bool approve = true;
    std::string reason;  // whole: over its limit it is refused, never cut
    std::string error;
};

std::string categories(Shell& shell, const nlohmann::json& list) {
    std::string out;
    for (const auto& c : list) out += (out.empty() ? "" : "、") + shell.tr("category." + c.get<std::string>());
    return out;
}
}  // namespace

void draw_approvals(Shell& shell) {
    screen_title(shell.tr("screen.approvals"));
    Inbox& inbox = shell.state<Inbox>();
    inbox.view.get(shell.app(), "approvals");
    const nlohmann::json& pending = inbox.view["pending"];
    if (pending.empty()) {
        ImGui::TextDisabled("%s", shell.tr("approvals.empty").c_str());
        return;
    }
    if (ImGui::BeginTable("##pending", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        for (const char* k : {"site.code", "site.name", "site.vaccines.current", "site.vaccines.request", "approvals.action"})
            ImGui::TableSetupColumn(shell.tr(k).c_str());
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < pending.size(); ++i) {
            const auto& r = pending[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r["site"].get<std::string>().c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r["name"].get<std::string>().c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", categories(shell, r["current"]).c_str());
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, colour::pending);
            ImGui::TextWrapped("%s", categories(shell, r["requested"]).c_str());
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(shell.tr("approvals.approve").c_str())) {
                inbox.selected = static_cast<int>(i);
                inbox.approve = true;
            }
            shell.anchor("approvals.approve." + std::to_string(i));
            ImGui::SameLine();
            if (ImGui::SmallButton(shell.tr("approvals.reject").c_str())) {
                inbox.selected = static_cast<int>(i);
                inbox.approve = false;
            }
            shell.anchor("approvals.reject." + std::to_string(i));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (inbox.selected >= 0 && !ImGui::IsPopupOpen("##decide")) ImGui::OpenPopup("##decide");
    if (ImGui::BeginPopupModal("##decide", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        if (inbox.selected < 0 || static_cast<size_t>(inbox.selected) >= pending.size()) {
            ImGui::CloseCurrentPopup();
        } else {
            const auto& r = pending[static_cast<size_t>(inbox.selected)];
            ImGui::PushTextWrapPos(560);
            ImGui::TextWrapped("%s", fill_placeholders(shell.tr(inbox.approve ? "approvals.confirm_approve" : "approvals.confirm_reject"),
                                                     {{"site", r["name"].get<std::string>()},
                                                      {"change", categories(shell, r["requested"])}})
                                       .c_str());
            ImGui::PopTextWrapPos();
            bool reason_ok = true;
            if (!inbox.approve) {
                reason_ok = text_field(shell, "approvals.reason", inbox.reason, "approvals.reason", site_fields::decision_reason,
                                       400, shell.tr("approvals.reason").c_str())
                                .valid;
            }
            field_message(inbox.error, true);
            ImGui::BeginDisabled(!reason_ok);
            const bool ok = ImGui::Button(shell.tr(inbox.approve ? "approvals.approve" : "approvals.reject").c_str());
            ImGui::EndDisabled();
            shell.anchor("approvals.confirm");
            ImGui::SameLine();
            const bool cancel = ImGui::Button(shell.tr("common.cancel").c_str());
            if (ok) {
                nlohmann::json cmd = {{"type", "decide_vaccine_change"}, {"site", r["site"]}, {"approve", inbox.approve}};
                if (!inbox.approve) cmd["reason"] = inbox.reason;
                inbox.error = shell.run(cmd, inbox.approve ? "approvals.approved" : "approvals.rejected");
                if (inbox.error.empty()) {
                    inbox.selected = -1;
                    inbox.reason.clear();
                    ImGui::CloseCurrentPopup();
                }
            }
            if (cancel) {
                inbox.selected = -1;
                inbox.error.clear();
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndPopup();
    }
}

}  // namespace vsys::ui
