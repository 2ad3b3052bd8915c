// ホーム画面: every task starts here (DOMAIN.md §1). Buttons come from app/base/screens.hpp,
// grouped and filtered by the signed-in role; retired functions stay visible, greyed out, with
// their end date and where their data went. Signed out, the sign-in panel comes first
// (in the training kiosk, its role switcher).
#include <map>
#include <vector>

#include "core/base/numbers.hpp"
#include "app/session/session_contract.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct HomeScreen {
    KeptView<HomeQuery> home;  // the buttons with the work waiting behind each
};
}  // namespace

void draw_home(Shell& shell) {
    if (!shell.app().session().signed_in()) {
        if (shell.app().kiosk()) draw_kiosk_switcher(shell);
        else draw_login_panel(shell);
        ImGui::Spacing();
    }
    std::vector<std::string> groups;
    std::map<std::string, std::vector<const ScreenInfo*>> by_group;
    for (const auto& s : screens()) {
        if (!screen_visible(s, shell.role()) || s.parent[0] != '\0' || std::string(s.id) == "login") continue;
        if (!by_group.count(s.group_key)) groups.push_back(s.group_key);
        by_group[s.group_key].push_back(&s);
    }
    std::map<std::string, std::int64_t> waiting;
    if (shell.app().session().signed_in())
        if (const HomeView* home = shell.state<HomeScreen>().home.get(shell.app(), HomeQuery{}))
            for (const auto& b : home->buttons)
                if (b.waiting > 0) waiting[b.id] = b.waiting;
    const float avail = ImGui::GetContentRegionAvail().x;
    // Three a row on a PC, two on a tablet, one the whole width on a phone.
    const ImVec2 size(avail < 2 * 240 + ImGui::GetStyle().ItemSpacing.x ? avail : std::min(360.0f, std::max(240.0f, (avail - 24) / 3)),
                      92.0f);
    for (const auto& g : groups) {
        muted_text(shell.tr(g));
        float x = 0;
        for (const ScreenInfo* s : by_group[g]) {
            if (x > 0 && x + size.x > avail) x = 0;
            else if (x > 0) ImGui::SameLine();
            const bool retired = s->retired_key[0] != '\0';
            ImGui::BeginDisabled(retired);
            // A retired function shows its short note; the full note (where the data went) on hover.
            const std::string desc = retired ? shell.tr(std::string(s->retired_key) + ".short") : shell.tr(s->desc_key);
            const auto w = waiting.find(s->id);
            const std::string badge = w == waiting.end() ? std::string()
                                                         : fill_placeholders(shell.tr("home.waiting"),
                                                                             {{"count", format_grouped(w->second)}});
            const bool pressed = big_button(s->id, shell.tr(s->title_key), desc, size, badge);
            ImGui::EndDisabled();
            shell.anchor(std::string("home.") + s->id);
            if (!badge.empty()) shell.anchor(std::string("home.") + s->id + ".waiting");
            if (retired && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(420);
                text_wrapped(shell.tr(s->retired_key));
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            if (pressed && !retired) shell.go(s->id);
            x += size.x + ImGui::GetStyle().ItemSpacing.x;
        }
        ImGui::Spacing();
    }
}

}  // namespace vsys::ui
