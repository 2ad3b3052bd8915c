// 設定: language, device name, idle lock, colours and text size. Edits stay in the screen's own
// buffer until 保存 is pressed; the field is validated as the user types, and leaving with
// unsaved edits asks first. The colours and the text size apply once saved (the Shell and the
// platform follow the saved settings); Ctrl + wheel saves a text size step at once.
#include <algorithm>
#include <cstring>

#include "app/session/settings.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct SettingsForm {
    bool loaded = false;
    std::uint64_t revision = 0;
    char device_name[256] = {};
    int language = 0;  // 0 ja, 1 en
    int idle_minutes = k_idle_lock_default;
    int high_contrast = 0;  // 0 standard, 1 high contrast
    int text_size = k_text_size_default;
};

void load(Shell& shell, SettingsForm& form) {
    const Settings& s = shell.app().settings();
    std::snprintf(form.device_name, sizeof form.device_name, "%s", s.device_name.c_str());
    form.language = s.language == Language::ja ? 0 : 1;
    form.idle_minutes = s.idle_lock_minutes;
    form.high_contrast = s.high_contrast ? 1 : 0;
    form.text_size = s.text_size;
    form.revision = shell.app().revision();
    form.loaded = true;
}

bool differs(const Settings& saved, const SettingsForm& form) {
    return saved.device_name != form.device_name || (saved.language == Language::ja ? 0 : 1) != form.language ||
           saved.idle_lock_minutes != form.idle_minutes || (saved.high_contrast ? 1 : 0) != form.high_contrast ||
           saved.text_size != form.text_size;
}

// 画面の配色 and 文字の大きさ: radio buttons and − / ＋ steps of k_text_size_step.
void appearance(Shell& shell, SettingsForm& form) {
    form_label(shell.tr("settings.theme"));
    ImGui::RadioButton(shell.tr("settings.theme.light").c_str(), &form.high_contrast, 0);
    shell.anchor("settings.theme.light");
    ImGui::SameLine();
    ImGui::RadioButton(shell.tr("settings.theme.high_contrast").c_str(), &form.high_contrast, 1);
    shell.anchor("settings.theme.high_contrast");

    form_label(shell.tr("settings.text_size"));
    ImGui::BeginDisabled(form.text_size <= k_text_size_min);
    if (ImGui::Button(("－ " + shell.tr("settings.text_size.smaller")).c_str()))
        form.text_size = std::max(k_text_size_min, form.text_size - k_text_size_step);
    ImGui::EndDisabled();
    shell.anchor("settings.text_size.smaller");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d%%", form.text_size);
    shell.anchor("settings.text_size");
    ImGui::SameLine();
    ImGui::BeginDisabled(form.text_size >= k_text_size_max);
    if (ImGui::Button(("＋ " + shell.tr("settings.text_size.larger")).c_str()))
        form.text_size = std::min(k_text_size_max, form.text_size + k_text_size_step);
    ImGui::EndDisabled();
    shell.anchor("settings.text_size.larger");
    ImGui::TextDisabled("%s", shell.tr("settings.text_size.help").c_str());
}
}  // namespace

void draw_settings(Shell& shell) {
    SettingsForm& form = shell.state<SettingsForm>();
    const Settings& saved = shell.app().settings();
    const bool dirty_before = form.loaded && differs(saved, form);
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
    field_width(420);
    ImGui::InputTextWithHint("##device_name", shell.tr("settings.device_name.hint").c_str(), form.device_name,
                             sizeof form.device_name);
    shell.anchor("settings.device_name");
    auto valid = validate_device_name(form.device_name);
    ImGui::SetCursorPosX(160 + ImGui::GetStyle().WindowPadding.x);
    ImGui::BeginGroup();
    field_message(valid ? std::string() : shell.app().error_text(valid.error()), true);
    ImGui::EndGroup();

    form_label(shell.tr("settings.idle_lock"));
    ImGui::SetNextItemWidth(160);
    ImGui::InputInt("##idle", &form.idle_minutes, 1, 5);
    shell.anchor("settings.idle_lock");
    ImGui::SameLine();
    ImGui::TextUnformatted(shell.tr("settings.minutes").c_str());
    const bool idle_ok = form.idle_minutes >= k_idle_lock_min && form.idle_minutes <= k_idle_lock_max;
    if (!idle_ok)
        field_message(shell.app().error_text(Error{"settings.idle_lock", "", {{"min", std::to_string(k_idle_lock_min)},
                                                                            {"max", std::to_string(k_idle_lock_max)}}}),
                      true);

    appearance(shell, form);

    const bool dirty = differs(saved, form);
    ImGui::Spacing();
    ImGui::BeginDisabled(!dirty || !valid || !idle_ok);
    const bool save = ImGui::Button(shell.tr("settings.save").c_str());
    shell.anchor("settings.save");
    if (save || (dirty && valid && idle_ok && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))) {
        nlohmann::json c = {{"type", "update_settings"},
                            {"language", form.language == 0 ? "ja" : "en"},
                            {"device_name", std::string(form.device_name)},
                            {"idle_lock_minutes", form.idle_minutes},
                            {"theme", form.high_contrast ? "high_contrast" : "light"},
                            {"text_size", form.text_size}};
        if (shell.run(c).empty()) form.revision = shell.app().revision();
    }
    ImGui::EndDisabled();
    if (dirty) {
        shell.mark_unsaved();
        ImGui::SameLine();
        const bool discard = ImGui::Button(shell.tr("settings.discard").c_str());
        shell.anchor("settings.discard");
        if (discard) load(shell, form);
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.72f, 0.45f, 0.0f, 1), "● %s", shell.tr("settings.unsaved").c_str());
    }
}

}  // namespace vsys::ui
