// このアプリについて: version, build, local storage use, and the basic help text.
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

void draw_about(Shell& shell) {
    screen_title(shell.tr("screen.about"));
    // The view is computed on entry and after changes only: it lists the storage folder.
    static std::uint64_t revision = ~0ull;
    static nlohmann::json about;
    if (revision != shell.app().revision()) {
        auto v = shell.app().view("about", nlohmann::json::object());
        if (v) about = *v;
        revision = shell.app().revision();
    }
    form_label(shell.tr("about.version"));
    ImGui::TextUnformatted(about.value("version", "").c_str());
    form_label(shell.tr("about.build"));
    ImGui::TextUnformatted(about.value("build_id", "").c_str());
    form_label(shell.tr("about.storage"));
    const auto& st = about["storage"];
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
