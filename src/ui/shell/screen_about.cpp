// このアプリについて: version, build, local storage use, and the basic help text.
#include "ui/shell/cached_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct AboutScreen {
    CachedView view;  // about: computed on entry and after changes only (it lists the storage folder)
};
}  // namespace

void draw_about(Shell& shell) {
    screen_title(shell.tr("screen.about"));
    CachedView& view = shell.state<AboutScreen>().view;
    view.get(shell.app(), "about");
    const nlohmann::json about = view.value().is_object() ? view.value() : nlohmann::json::object();
    form_label(shell.tr("about.version"));
    ImGui::TextUnformatted(about.value("version", "").c_str());
    form_label(shell.tr("about.build"));
    ImGui::TextUnformatted(about.value("build_id", "").c_str());
    form_label(shell.tr("about.storage"));
    const nlohmann::json st = about.value("storage", nlohmann::json::object());
    ImGui::TextUnformatted(fill_placeholders(shell.tr("about.storage.value"),
                                             {{"files", std::to_string(st.value("files", 0))},
                                              {"bytes", std::to_string(st.value("bytes", 0))}})
                               .c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("%s", shell.tr("about.offline").c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("%s", shell.tr("about.help").c_str());
}

}  // namespace vsys::ui
