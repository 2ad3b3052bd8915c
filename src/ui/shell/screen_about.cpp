// このアプリについて: version, build, local storage use, and the basic help text.
#include "app/session/settings_contract.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct AboutScreen {
    KeptView<AboutQuery> view;  // computed on entry and after changes only (it lists the storage folder)
};
}  // namespace

void draw_about(Shell& shell) {
    screen_title(shell.tr("screen.about"));
    const AboutView* about = shell.state<AboutScreen>().view.get(shell.app(), AboutQuery{});
    if (!about) return;
    form_label(shell.tr("about.version"));
    ImGui::TextUnformatted(about->version.c_str());
    form_label(shell.tr("about.build"));
    ImGui::TextUnformatted(about->build_id.c_str());
    form_label(shell.tr("about.storage"));
    ImGui::TextUnformatted(fill_placeholders(shell.tr("about.storage.value"),
                                             {{"files", std::to_string(about->files)}, {"bytes", std::to_string(about->bytes)}})
                               .c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("%s", shell.tr("about.offline").c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("%s", shell.tr("about.help").c_str());
}

}  // namespace vsys::ui
