// このアプリについて: version, build, local storage use, and the basic help text.
#include "app/session/settings_contract.hpp"
#include "core/base/numbers.hpp"
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
    // Values wrap under their labels on a phone rather than run past the edge.
    form_label(shell.tr("about.version"));
    form_value(about->version);
    form_label(shell.tr("about.build"));
    form_value(about->build_id);
    form_label(shell.tr("about.storage"));
    form_value(fill_placeholders(shell.tr("about.storage.value"),
                                 {{"files", format_grouped(about->files)}, {"bytes", format_grouped(about->bytes)}}));
    ImGui::Spacing();
    text_wrapped(shell.tr("about.offline"));
    ImGui::Spacing();
    text_wrapped(shell.tr("about.help"));
}

}  // namespace vsys::ui
