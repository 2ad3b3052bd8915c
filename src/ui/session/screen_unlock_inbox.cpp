// 利用制限の解除: unlock requests from locked or restricted accounts that this organisation
// manages (support sees all). Unlocking is confirmed first.
#include "app/session/session_contract.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct UnlockInbox {
    KeptView<UnlockRequestsQuery> view;
    std::string confirm;  // V-SYS ID awaiting confirmation
    KeptTable table;
};
}  // namespace

void draw_unlock_inbox(Shell& shell) {
    screen_title(shell.tr("screen.unlock_inbox"));
    UnlockInbox& box = shell.state<UnlockInbox>();
    const UnlockRequestsView* view = box.view.get(shell.app(), UnlockRequestsQuery{});
    // A copy: unlocking below asks for the view again, which replaces what a reference would see.
    const std::vector<UnlockRequestRow> requests = view ? view->requests : std::vector<UnlockRequestRow>{};
    if (requests.empty()) {
        muted_text(shell.tr("unlock.inbox_empty"));
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
            for (const std::string* text : {&r.vsys_id, &r.institution, &r.institution_code, &r.name, &r.mail}) row.push_back({*text});
            row.push_back({});
            box.table.model.rows.push_back(std::move(row));
        }
    }
    TableOptions o{"unlock.requests", 0, requests.size() > 8, ""};
    o.draw_cell = [&](int row, int) {
        const auto& r = requests[static_cast<std::size_t>(row)];
        const std::string& id = r.vsys_id;
        if (r.answered) {
            ImGui::TextColored(colour::confirmed, "✓ %s", shell.tr("unlock.done").c_str());
        } else {
            if (ImGui::SmallButton(shell.tr("unlock.do").c_str())) box.confirm = id;
            shell.anchor("unlock.do." + id);
        }
    };
    draw_table(shell, "unlock_requests", box.table.model, box.table.built, box.table.state, o);
    Confirmation c{.anchor = "unlock",
                   .question = fill_placeholders(shell.tr("unlock.confirm"), {{"vsys_id", box.confirm}}),
                   .confirm_label = shell.tr("unlock.do")};
    c.confirm_anchor = "unlock.confirm";
    const Answer a = confirmation(shell, !box.confirm.empty(), c);
    if (a == Answer::confirmed) shell.run(AnswerUnlockRequest{box.confirm}, "unlock.unlocked");
    if (a != Answer::none) box.confirm.clear();
}

}  // namespace vsys::ui
