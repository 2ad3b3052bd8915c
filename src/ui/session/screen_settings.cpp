// 設定: language, device name, idle lock, colours and text size. Edits stay in the screen's own
// buffer until 保存 is pressed; the field is validated as the user types, and leaving with
// unsaved edits asks first. The colours and the text size apply once saved (the Shell and the
// platform follow the saved settings); Ctrl + wheel saves a text size step at once. Settings
// saved elsewhere (Ctrl + wheel, the top bar's language switch) reach every field the user has not
// changed here, so an untouched form is never 未保存, and a changed field keeps what was typed.
#include <algorithm>
#include <cstring>

#include "app/session/settings.hpp"
#include "app/session/settings_contract.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct SettingsForm {
    KeptView<SettingsQuery> saved;  // asked again at each new revision of the App
    Settings base;  // the stored settings the fields were last filled from: a field that differs was changed here
    std::string device_name;  // kept whole: over the limit it is refused, never cut
    int language = 0;  // 0 ja, 1 en
    std::int64_t idle_minutes = k_idle_lock_default;
    bool ask_discard = false;
    int high_contrast = 0;  // 0 standard, 1 high contrast
    int text_size = k_text_size_default;
};

int language_choice(Language l) { return l == Language::ja ? 0 : 1; }

void load(SettingsForm& form, const Settings& s) {
    form.device_name = s.device_name;
    form.language = language_choice(s.language);
    form.idle_minutes = s.idle_lock_minutes;
    form.high_contrast = s.high_contrast ? 1 : 0;
    form.text_size = s.text_size;
    form.base = s;
}

// The stored settings changed (here or elsewhere): each field the user has not changed since the
// form was filled takes the stored value; a changed one keeps the user's input.
void follow(SettingsForm& form, const Settings& s) {
    const Settings& was = form.base;
    if (form.device_name == was.device_name) form.device_name = s.device_name;
    if (form.language == language_choice(was.language)) form.language = language_choice(s.language);
    if (form.idle_minutes == was.idle_lock_minutes) form.idle_minutes = s.idle_lock_minutes;
    if (form.high_contrast == (was.high_contrast ? 1 : 0)) form.high_contrast = s.high_contrast ? 1 : 0;
    if (form.text_size == was.text_size) form.text_size = s.text_size;
    form.base = s;
}

bool differs(const Settings& saved, const SettingsForm& form) {
    return saved.device_name != form.device_name || language_choice(saved.language) != form.language ||
           saved.idle_lock_minutes != form.idle_minutes || (saved.high_contrast ? 1 : 0) != form.high_contrast ||
           saved.text_size != form.text_size;
}

// 画面の配色 and 文字の大きさ: radio buttons and − / ＋ steps of k_text_size_step.
void appearance(Shell& shell, SettingsForm& form) {
    form_label(shell.tr("settings.theme"));
    ImGui::RadioButton(shell.tr("settings.theme.light").c_str(), &form.high_contrast, 0);
    shell.anchor("settings.theme.light");
    same_line_if_room(ImGui::GetFrameHeight() + ImGui::CalcTextSize(shell.tr("settings.theme.high_contrast").c_str()).x + 8,
                      ImGui::GetStyle().ItemSpacing.x);
    ImGui::RadioButton(shell.tr("settings.theme.high_contrast").c_str(), &form.high_contrast, 1);
    shell.anchor("settings.theme.high_contrast");

    form_label(shell.tr("settings.text_size"));
    // The steps and the size on one row, beside the label or under it.
    under_label_if_narrow(button_width("－ " + shell.tr("settings.text_size.smaller")) + button_width("＋ " + shell.tr("settings.text_size.larger")) +
                          ImGui::CalcTextSize("100%").x + ImGui::GetStyle().ItemSpacing.x * 2);
    ImGui::BeginDisabled(form.text_size <= k_text_size_min);
    if (ImGui::Button(("－ " + shell.tr("settings.text_size.smaller")).c_str()))
        form.text_size = std::max(k_text_size_min, form.text_size - k_text_size_step);
    ImGui::EndDisabled();
    shell.anchor("settings.text_size.smaller");
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const std::string percent = std::to_string(form.text_size) + "%";
    same_line_if_room(ImGui::CalcTextSize(percent.c_str()).x, spacing);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(percent.c_str());
    shell.anchor("settings.text_size");
    same_line_if_room(button_width("＋ " + shell.tr("settings.text_size.larger")), spacing);
    ImGui::BeginDisabled(form.text_size >= k_text_size_max);
    if (ImGui::Button(("＋ " + shell.tr("settings.text_size.larger")).c_str()))
        form.text_size = std::min(k_text_size_max, form.text_size + k_text_size_step);
    ImGui::EndDisabled();
    shell.anchor("settings.text_size.larger");
    muted_text(shell.tr("settings.text_size.help"));
}
}  // namespace

void draw_settings(Shell& shell) {
    SettingsForm& form = shell.state<SettingsForm>();
    const bool first = !form.saved.view();
    const Settings* kept = form.saved.get(shell.app(), SettingsQuery{});
    if (!kept) return;  // device scope: never refused
    const Settings& saved = *kept;
    if (first) load(form, saved);
    else if (form.saved.fresh()) follow(form, saved);

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

    appearance(shell, form);

    const bool dirty = differs(saved, form);
    ImGui::Spacing();
    ImGui::BeginDisabled(!dirty || !valid || !idle_ok);
    const bool save = ImGui::Button(shell.tr("settings.save").c_str());
    shell.anchor("settings.save");
    if (save || (dirty && valid && idle_ok && (name.enter || idle.enter))) {
        const UpdateSettings c{form.language == 0 ? Language::ja : Language::en, std::string(form.device_name),
                               form.idle_minutes, form.high_contrast != 0, form.text_size};
        shell.run(c);
    }
    ImGui::EndDisabled();
    if (dirty) {
        shell.mark_unsaved();
        // One row while it fits, else one under the other (a phone).
        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        same_line_if_room(button_width(shell.tr("settings.discard")), spacing);
        if (ImGui::Button(shell.tr("settings.discard").c_str())) form.ask_discard = true;
        shell.anchor("settings.discard");
        const std::string unsaved = "● " + shell.tr("settings.unsaved");
        same_line_if_room(ImGui::CalcTextSize(unsaved.c_str()).x, spacing);
        ImGui::TextColored(ImVec4(0.72f, 0.45f, 0.0f, 1), "%s", unsaved.c_str());
    }
    if (discard_question(shell, "settings.discard.confirm", form.ask_discard)) load(form, saved);
}

}  // namespace vsys::ui
