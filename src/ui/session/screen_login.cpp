// ログイン: V-SYS ID and password, with the lock and restriction messages, the demo accounts
// (demo deployment: one shared password, shown here), and the unlock request form that the
// deck's support mail asks for (ID, institution, code, name, mail).
#include <cstring>

#include "app/session/unlock_fields.hpp"
#include "app/enrolment/enrolment_contract.hpp"
#include "app/session/session_contract.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct LoginForm {
    char id[40] = {};
    char password[80] = {};
    std::string error;
    bool show_unlock = false;
    // Whole strings with their limits counted (a byte buffer cut Japanese names at a third).
    std::string u_institution, u_code, u_name, u_mail;
    std::string unlock_message;
    bool unlock_ok = false;
    bool show_enrol = false;
    char e_code[64] = {}, e_password[80] = {}, e_password2[80] = {};
    std::string enrol_message;
    bool enrol_ok = false;
    KeptView<DemoAccountsQuery> demo;
    KeptTable demo_table;
};

void text_field(Shell& shell, const char* label_key, const char* anchor, char* buf, size_t size, int flags = 0) {
    form_label(shell.tr(label_key), 200);
    field_width(320);
    ImGui::InputText((std::string("##") + anchor).c_str(), buf, size, flags);
    shell.anchor(anchor);
}

// A counted field of the unlock request; false while it is over its limit.
bool counted_field(Shell& shell, const char* label_key, const char* anchor, std::string& value, std::size_t max) {
    form_label(shell.tr(label_key), 200);
    return text_field(shell, anchor, value, label_key, max, 320).valid;
}

void unlock_form(Shell& shell, LoginForm& form) {
    ImGui::Spacing();
    text_wrapped(shell.tr("unlock.explain"));
    text_field(shell, "login.vsys_id", "unlock.vsys_id", form.id, sizeof form.id);
    bool valid = counted_field(shell, "unlock.institution", "unlock.institution", form.u_institution,
                               unlock_fields::institution);
    valid = counted_field(shell, "unlock.code", "unlock.code", form.u_code, unlock_fields::code) && valid;
    valid = counted_field(shell, "unlock.name", "unlock.name", form.u_name, unlock_fields::name) && valid;
    valid = counted_field(shell, "unlock.mail", "unlock.mail", form.u_mail, unlock_fields::mail) && valid;
    ImGui::BeginDisabled(!valid);
    const bool send = ImGui::Button(shell.tr("unlock.send").c_str());
    ImGui::EndDisabled();
    shell.anchor("unlock.send");
    if (send) {
        auto err = shell.run(FileUnlockRequest{form.id, form.u_institution, form.u_code, form.u_name, form.u_mail},
                             "unlock.sent");
        form.unlock_ok = err.empty();
        form.unlock_message = err.empty() ? shell.tr("unlock.sent") : err;
    }
    field_message(form.unlock_message, !form.unlock_ok);
}
// A new device claims a one-time enrolment code and sets the account's password on it.
void enrol_form(Shell& shell, LoginForm& form) {
    ImGui::Spacing();
    text_wrapped(shell.tr("enrol.explain"));
    text_field(shell, "login.vsys_id", "enrol.vsys_id", form.id, sizeof form.id);
    text_field(shell, "enrol.code", "enrol.code", form.e_code, sizeof form.e_code);
    text_field(shell, "enrol.password", "enrol.password", form.e_password, sizeof form.e_password, ImGuiInputTextFlags_Password);
    text_field(shell, "enrol.password2", "enrol.password2", form.e_password2, sizeof form.e_password2,
               ImGuiInputTextFlags_Password);
    const bool same = std::strcmp(form.e_password, form.e_password2) == 0;
    const bool send = ImGui::Button(shell.tr("enrol.send").c_str());
    shell.anchor("enrol.send");
    if (send && !same) {
        form.enrol_ok = false;
        form.enrol_message = shell.tr("enrol.mismatch");
    } else if (send) {
        auto err = shell.run(Enrol{form.id, form.e_code, form.e_password}, "enrol.done");
        form.enrol_ok = err.empty();
        form.enrol_message = err.empty() ? shell.tr("enrol.done") : err;
        std::memset(form.e_password, 0, sizeof form.e_password);
        std::memset(form.e_password2, 0, sizeof form.e_password2);
    }
    field_message(form.enrol_message, !form.enrol_ok);
}

}  // namespace

void draw_login_panel(Shell& shell) {
    screen_title(shell.tr("screen.login"));
    if (shell.directory_pending()) return;
    LoginForm& form = shell.state<LoginForm>();
    text_field(shell, "login.vsys_id", "login.vsys_id", form.id, sizeof form.id);
    text_field(shell, "login.password", "login.password", form.password, sizeof form.password,
               ImGuiInputTextFlags_Password);
    const bool enter = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    // The buttons line up under the fields where the labels sit beside them; on a phone they
    // start at the left edge and wrap rather than run off it.
    const float label_column = 200 + ImGui::GetStyle().WindowPadding.x;
    const bool beside = ImGui::GetContentRegionAvail().x >= 200 + 320;
    auto button_width = [](const std::string& text) {
        return ImGui::CalcTextSize(text.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    };
    if (beside) ImGui::SetCursorPosX(label_column);
    const bool pressed = ImGui::Button(shell.tr("login.submit").c_str());
    shell.anchor("login.submit");
    if (pressed || enter) {
        auto err = shell.run(Login{form.id, form.password}, nullptr);
        form.error = err;
        std::memset(form.password, 0, sizeof form.password);
        if (err.empty()) shell.go("home");
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    same_line_if_room(button_width(shell.tr("unlock.open")), spacing);
    if (ImGui::SmallButton(shell.tr("unlock.open").c_str())) form.show_unlock = !form.show_unlock;
    shell.anchor("unlock.open");
    same_line_if_room(button_width(shell.tr("enrol.open")), spacing);
    if (ImGui::SmallButton(shell.tr("enrol.open").c_str())) form.show_enrol = !form.show_enrol;
    shell.anchor("enrol.open");
    if (beside) ImGui::SetCursorPosX(label_column);
    ImGui::BeginGroup();
    field_message(form.error, true);
    ImGui::EndGroup();
    if (form.show_unlock) unlock_form(shell, form);
    if (form.show_enrol) enrol_form(shell, form);

    // Demo deployment: the shared password and a few accounts to try.
    const DemoAccountsView* demo = form.demo.get(shell.app(), DemoAccountsQuery{});
    if (!demo) return;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::pending);
    text_wrapped(fill_placeholders(shell.tr("login.demo"), {{"password", demo->password}}));
    ImGui::PopStyleColor();
    // The demo accounts in the shared Table: a row chosen (click or Enter) fills the sign-in form.
    KeptTable& t = form.demo_table;
    if (t.stale(form.demo.loads())) {
        t.model.columns = {{shell.tr("login.vsys_id"), false, "", 0, false},
                           {shell.tr("login.demo.role"), false, "", 0, false},
                           {shell.tr("login.demo.org"), false, "", 0, false}};
        t.model.rows.clear();
        for (const auto& a : demo->accounts) t.model.rows.push_back({{a.vsys_id}, {shell.tr("role." + a.role)}, {a.org_name}});
    }
    // Exactly as tall as its few rows: the home buttons under the sign-in stay in view on a
    // 1280x720 screen.
    const float row_h = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2;
    const float fit = row_h * static_cast<float>(t.model.rows.size() + 1) + ImGui::GetStyle().ScrollbarSize;
    const TableEvents ev =
        draw_table(shell, "login.demo", t.model, t.built, t.state, {"login.demo", fit, t.model.rows.size() > 8, ""});
    if (ev.activated >= 0) {
        const std::string& id = t.model.rows[static_cast<std::size_t>(ev.activated)][0].text;
        std::snprintf(form.id, sizeof form.id, "%s", id.c_str());
        std::snprintf(form.password, sizeof form.password, "%s", demo->password.c_str());
    }
}

}  // namespace vsys::ui
