// 研修モード (the training kiosk, opened as ?kiosk): instead of the sign-in form, a role
// switcher of large touch-sized cards (one per role of the demo data set around 千代田区), and
// a reset to the clean demo state, confirmed first. What the kiosk does stays in the browser;
// the panel says so, since trainees should not wonder whether a real municipality sees it.
#include "app/kiosk/kiosk_contract.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

struct KioskPanel {
    bool confirm_reset = false;
    std::string error;
    KeptView<KioskQuery> view;  // rebuilt only when something changed, not every frame
};

void reset_modal(Shell& shell, KioskPanel& kp, std::size_t documents) {
    Confirmation c{.anchor = "kiosk.reset",
                   .title = shell.tr("kiosk.reset.title"),
                   .question = fill_placeholders(shell.tr("kiosk.reset.body"), {{"count", std::to_string(documents)}}),
                   .confirm_label = shell.tr("kiosk.reset")};
    c.confirm_anchor = "kiosk.reset.confirm";
    c.destructive = true;
    c.touch = true;
    c.width = 520;
    c.error = kp.error;
    c.on_confirm = [&] {
        kp.error = shell.reset_kiosk();
        return kp.error.empty();
    };
    const Answer a = confirmation(shell, kp.confirm_reset, c);
    if (a == Answer::cancelled || (a == Answer::confirmed && kp.error.empty())) {
        kp.confirm_reset = false;
        kp.error.clear();
    }
}

}  // namespace

void draw_kiosk_switcher(Shell& shell) {
    screen_title(shell.tr("kiosk.title"));
    if (shell.directory_pending()) return;
    KioskPanel& kp = shell.state<KioskPanel>();
    const KioskView* found = kp.view.get(shell.app(), KioskQuery{});
    if (!found || !found->kiosk) return;
    // A copy: a switch below asks for the view again, which replaces what a reference would see.
    const KioskView v = *found;
    notice(shell.tr("kiosk.explain"), 900);
    shell.anchor("kiosk.explain");
    ImGui::Spacing();

    // Cards big enough for a finger: the role first, then the organisation and the person.
    const float avail = ImGui::GetContentRegionAvail().x;
    // One a row the whole width on a phone, as the home grid.
    const ImVec2 size(avail < 2 * 260 + ImGui::GetStyle().ItemSpacing.x ? avail : std::min(380.0f, std::max(260.0f, (avail - 24) / 3)),
                      104.0f);
    float x = 0;
    for (const auto& a : v.accounts) {
        const std::string& id = a.vsys_id;
        if (x > 0 && x + size.x > avail) x = 0;
        else if (x > 0) ImGui::SameLine();
        const std::string desc = a.org_name + "\n" + a.name + "（" + id + "）";
        const bool pressed = big_button(id.c_str(), shell.tr("role." + a.role), desc, size);
        shell.anchor("kiosk.account." + id);
        if (pressed && shell.run(KioskSwitch{id}, nullptr).empty()) shell.go("home");
        x += size.x + ImGui::GetStyle().ItemSpacing.x;
    }

    ImGui::Spacing();
    ImGui::Spacing();
    const auto documents = static_cast<std::size_t>(v.trainee_documents);
    if (documents == 0) ImGui::TextColored(colour::confirmed, "%s", shell.tr("kiosk.clean").c_str());
    else ImGui::TextUnformatted(fill_placeholders(shell.tr("kiosk.work"), {{"count", std::to_string(documents)}}).c_str());
    shell.anchor("kiosk.state");
    ImGui::BeginDisabled(documents == 0);
    if (ImGui::Button(shell.tr("kiosk.reset").c_str(), ImVec2(0, 44))) kp.confirm_reset = true;
    ImGui::EndDisabled();
    shell.anchor("kiosk.reset");
    reset_modal(shell, kp, documents);
}

}  // namespace vsys::ui
