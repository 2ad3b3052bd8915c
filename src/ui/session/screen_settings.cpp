// 設定: language and device name. Edits stay in the screen's own buffer until 保存 is
// pressed; the field is validated as the user types, and leaving with unsaved edits asks first.
#include <cstring>

#include "app/session/settings.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct SettingsForm {
    bool loaded = false;
    std::uint64_t revision = 0;
    std::string device_name;  // kept whole: over the limit it is refused, never cut
    int language = 0;  // 0 ja, 1 en
    std::int64_t idle_minutes = k_idle_lock_default;
    bool ask_discard = false;
};

void load(Shell& shell, SettingsForm& form) {
    const Settings& s = shell.app().settings();
    form.device_name = s.device_name;
    form.language = s.language == Language::ja ? 0 : 1;
    form.idle_minutes = s.idle_lock_minutes;
    form.revision = shell.app().revision();
    form.loaded = true;
}
}  // namespace

void draw_settings(Shell& shell) {
    SettingsForm& form = shell.state<SettingsForm>();
    const Settings& saved = shell.app().settings();
    const bool dirty_before = form.loaded && (saved.device_name != form.device_name ||
                                              (saved.language == Language::ja ? 0 : 1) != form.language ||
                                              saved.idle_lock_minutes != form.idle_minutes);
    // Reload from the document when it changed elsewhere and nothing is being edited here.
    if (!form.loaded || (!dirty_before && form.revision != shell.app().revision())) load(shell, form);

    screen_title(shell.tr("screen.settings"));

    form_label(shell.tr("settings.language"));
    ImGui::RadioButton("日本語", &form.language, 0);
    shell.anchor("settings.language.ja");
    ImGui::SameLine();
    ImGui::RadioButton("English", &form.language, 1);
    shell.anchor("settings.language.en");

    form_label(shell.tr("settings.device_name"));
    const FieldResult name = text_field(shell, "settings.device_name", form.device_name, "settings.device_name",
                                        k_device_name_max, 420, shell.tr("settings.device_name.hint").c_str());
    auto valid = validate_device_name(form.device_name);
    if (name.valid && !valid) {  // control characters: the length is the field's own message
        ImGui::SetCursorPosX(160 + ImGui::GetStyle().WindowPadding.x);
        ImGui::BeginGroup();
        field_message(shell.app().error_text(valid.error()), true);
        ImGui::EndGroup();
    }

    form_label(shell.tr("settings.idle_lock"));
    const FieldResult idle = number_field(shell, "settings.idle_lock", form.idle_minutes, idle_lock_rule(), 160,
                                          MessagePlace::beside, shell.tr("settings.minutes"));
    const bool idle_ok = idle.valid;

    const bool dirty = saved.device_name != form.device_name || (saved.language == Language::ja ? 0 : 1) != form.language ||
                       saved.idle_lock_minutes != form.idle_minutes;
    ImGui::Spacing();
    ImGui::BeginDisabled(!dirty || !valid || !idle_ok);
    const bool save = ImGui::Button(shell.tr("settings.save").c_str());
    shell.anchor("settings.save");
    if (save || (dirty && valid && idle_ok && (name.enter || idle.enter))) {
        nlohmann::json c = {{"type", "update_settings"},
                            {"language", form.language == 0 ? "ja" : "en"},
                            {"device_name", std::string(form.device_name)},
                            {"idle_lock_minutes", form.idle_minutes}};
        if (shell.run(c).empty()) form.revision = shell.app().revision();
    }
    ImGui::EndDisabled();
    if (dirty) {
        shell.mark_unsaved();
        ImGui::SameLine();
        if (ImGui::Button(shell.tr("settings.discard").c_str())) form.ask_discard = true;
        shell.anchor("settings.discard");
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.72f, 0.45f, 0.0f, 1), "● %s", shell.tr("settings.unsaved").c_str());
    }
    if (discard_question(shell, "settings.discard.confirm", form.ask_discard)) load(shell, form);
}

}  // namespace vsys::ui
