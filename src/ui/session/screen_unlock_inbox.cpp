// 利用制限の解除: unlock requests from locked or restricted accounts that this organisation
// manages (support sees all). Unlocking is confirmed first.
#include "ui/shell/cached_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct UnlockInbox {
    CachedView view;      // unlock_requests
    std::string confirm;  // V-SYS ID awaiting confirmation
    KeptTable table;
};
}  // namespace

void draw_unlock_inbox(Shell& shell) {
    screen_title(shell.tr("screen.unlock_inbox"));
    UnlockInbox& box = shell.state<UnlockInbox>();
    const nlohmann::json& view = box.view.get(shell.app(), "unlock_requests");
    const nlohmann::json requests = view.is_object() ? view.value("requests", nlohmann::json::array()) : nlohmann::json::array();
    if (requests.empty()) {
        ImGui::TextDisabled("%s", shell.tr("unlock.inbox_empty").c_str());
        return;
    }
    if (box.table.stale(box.view.loads())) {
        box.table.model.columns.clear();
        for (const char* k : {"login.vsys_id", "unlock.institution", "unlock.code", "unlock.name", "unlock.mail"})
            box.table.model.columns.push_back({shell.tr(k), false, "", 0, false});
        box.table.model.columns.push_back({shell.tr("approvals.action"), false, "", ImGui::GetFontSize() * 6, false, true});
        box.table.model.rows.clear();
        for (const auto& r : requests) {
            std::vector<TableCell> row;
            for (const char* k : {"vsys_id", "institution", "institution_code", "name", "mail"}) row.push_back({r.value(k, "")});
            row.push_back({});
            box.table.model.rows.push_back(std::move(row));
        }
    }
    TableOptions o{"unlock.requests", 0, requests.size() > 8, ""};
    o.draw_cell = [&](int row, int) {
        const auto& r = requests[static_cast<std::size_t>(row)];
        const std::string id = r.value("vsys_id", "");
        if (r.value("answered", false)) {
            ImGui::TextColored(colour::confirmed, "✓ %s", shell.tr("unlock.done").c_str());
        } else {
            if (ImGui::SmallButton(shell.tr("unlock.do").c_str())) box.confirm = id;
            shell.anchor("unlock.do." + id);
        }
    };
    draw_table(shell, "unlock_requests", box.table.model, box.table.built, box.table.state, o);
    if (!box.confirm.empty() && !ImGui::IsPopupOpen("##unlock")) ImGui::OpenPopup("##unlock");
    if (ImGui::BeginPopupModal("##unlock", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::PushTextWrapPos(560);
        ImGui::TextWrapped("%s", fill_placeholders(shell.tr("unlock.confirm"), {{"vsys_id", box.confirm}}).c_str());
        ImGui::PopTextWrapPos();
        const bool ok = ImGui::Button(shell.tr("unlock.do").c_str());
        shell.anchor("unlock.confirm");
        ImGui::SameLine();
        const bool cancel = ImGui::Button(shell.tr("common.cancel").c_str());
        if (ok) shell.run({{"type", "answer_unlock_request"}, {"vsys_id", box.confirm}}, "unlock.unlocked");
        if (ok || cancel) {
            box.confirm.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace vsys::ui
