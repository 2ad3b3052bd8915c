// 市町村承認: the municipality's inbox of handled-vaccine changes. Approving or rejecting is
// final for that request, so it is confirmed in a modal that names the site and the change; a
// rejection needs a reason the site will read.
#include <cstring>

#include "app/site/site_contract.hpp"
#include "app/site/site_fields.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct Inbox {
    KeptView<ApprovalsQuery> view;
    int selected = -1;
    bool approve = true;
    std::string reason;  // whole: over its limit it is refused, never cut
    std::string error;
    KeptTable table;
};

std::string categories(Shell& shell, const std::vector<std::string>& list) {
    std::string out;
    for (const auto& c : list) out += (out.empty() ? "" : "、") + shell.tr("category." + c);
    return out;
}
}  // namespace

void draw_approvals(Shell& shell) {
    screen_title(shell.tr("screen.approvals"));
    Inbox& inbox = shell.state<Inbox>();
    const ApprovalsView* v = inbox.view.get(shell.app(), ApprovalsQuery{});
    static const std::vector<PendingApproval> k_none;
    const std::vector<PendingApproval>& pending = v ? v->pending : k_none;
    if (pending.empty()) {
        muted_text(shell.tr("approvals.empty"));
        return;
    }
    KeptTable& t = inbox.table;
    if (t.stale(inbox.view.loads())) {
        t.model.columns = {{shell.tr("site.code"), false, "", 90, false},
                           {shell.tr("site.name"), false, "", 0, false},
                           {shell.tr("site.vaccines.current"), false, "", 0, false},
                           {shell.tr("site.vaccines.request"), false, "", 0, false},
                           {shell.tr("approvals.action"), false, "", ImGui::GetFontSize() * 8, false, true}};
        t.model.rows.clear();
        for (const auto& r : pending)
            t.model.rows.push_back({{r.site},
                                    {r.name},
                                    {categories(shell, r.current)},
                                    {categories(shell, r.requested), 0, false, "", CellTone::pending},
                                    {}});
    }
    // Approve and reject per row (anchors approvals.approve.<i> / .reject.<i>, i in the view's order).
    TableOptions o{"approvals", 0, pending.size() > 8, ""};
    o.draw_cell = [&](int row, int) {
        if (ImGui::SmallButton(shell.tr("approvals.approve").c_str())) {
            inbox.selected = row;
            inbox.approve = true;
        }
        shell.anchor("approvals.approve." + std::to_string(row));
        ImGui::SameLine();
        if (ImGui::SmallButton(shell.tr("approvals.reject").c_str())) {
            inbox.selected = row;
            inbox.approve = false;
        }
        shell.anchor("approvals.reject." + std::to_string(row));
    };
    draw_table(shell, "approvals", t.model, t.built, t.state, o);
    const bool valid = inbox.selected >= 0 && static_cast<std::size_t>(inbox.selected) < pending.size();
    if (!valid) inbox.selected = -1;
    const PendingApproval* r = valid ? &pending[static_cast<std::size_t>(inbox.selected)] : nullptr;
    Confirmation c{.anchor = "approvals"};
    if (r) {
        c.question =
            fill_placeholders(shell.tr(inbox.approve ? "approvals.confirm_approve" : "approvals.confirm_reject"),
                              {{"site", r->name}, {"change", categories(shell, r->requested)}});
        c.confirm_label = shell.tr(inbox.approve ? "approvals.approve" : "approvals.reject");
    }
    c.confirm_anchor = "approvals.confirm";
    c.error = inbox.error;
    if (!inbox.approve)
        c.detail = [&] {
            return text_field(shell, "approvals.reason", inbox.reason, "approvals.reason", site_fields::decision_reason,
                              400, shell.tr("approvals.reason").c_str())
                .valid;
        };
    c.on_confirm = [&] {
        const DecideVaccineChange cmd{r->site, inbox.approve, inbox.approve ? std::string() : inbox.reason};
        inbox.error = shell.run(cmd, inbox.approve ? "approvals.approved" : "approvals.rejected");
        return inbox.error.empty();
    };
    const Answer a = confirmation(shell, r != nullptr, c);
    if (a == Answer::cancelled || (a == Answer::confirmed && inbox.error.empty())) {
        inbox.selected = -1;
        inbox.reason.clear();
        inbox.error.clear();
    }
}

}  // namespace vsys::ui
