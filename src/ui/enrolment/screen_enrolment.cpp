// 登録コードの発行: the managing organisation issues a one-time enrolment code for one of its
// accounts, to hand over on paper or by phone; the code is shown large and can be printed.
#include <algorithm>
#include <cstring>
#include <optional>

#include "app/base/i18n.hpp"
#include "app/enrolment/enrolment_contract.hpp"
#include "ui/claims/claims_ui.hpp"
#include "ui/shell/print_window.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct Issue {
    char vsys_id[40] = {};
    std::string error;
    std::optional<IssuedCode> issued;
    bool confirm = false;
};

std::string print_html(Shell& shell, const IssuedCode& issued) {
    auto esc = [](std::string s) {
        std::string o;
        for (char c : s) o += c == '<' ? "&lt;" : c == '&' ? "&amp;" : std::string(1, c);
        return o;
    };
    return std::string("<!doctype html><html lang=\"") + language_code(shell.app().language()) +
           "\"><meta charset=\"utf-8\"><title>" + esc(shell.tr("enrolment.title")) +
           "</title><style>body{font-family:'BIZ UDGothic',sans-serif;margin:20mm}h1{font-size:20pt}"
           ".code{font-size:28pt;letter-spacing:2pt;border:1px solid #000;padding:8mm;display:inline-block}</style>"
           "<h1>" + esc(shell.tr("enrolment.title")) + "</h1><p>" + esc(shell.tr("login.vsys_id")) + ": " +
           esc(issued.vsys_id) + "</p><p class=\"code\">" + esc(issued.code) + "</p><p>" +
           esc(fill_placeholders(shell.tr("enrolment.valid_until"), {{"until", shell.time_text(issued.valid_until)}})) +
           "</p><p>" + esc(shell.tr("enrolment.instructions")) + "</p></html>";
}
}  // namespace

void draw_enrolment(Shell& shell) {
    Issue& form = shell.state<Issue>();
    screen_title(shell.tr("screen.enrolment"));
    text_wrapped(shell.tr("enrolment.explain"));
    form_label(shell.tr("login.vsys_id"), 200);
    field_width(320);
    ImGui::InputText("##enrol_id", form.vsys_id, sizeof form.vsys_id);
    shell.anchor("enrolment.vsys_id");
    // Under the field, lined up with it where the form has a label column (a phone's form stacks).
    const bool columns = ImGui::GetContentRegionAvail().x >= 200 + ImGui::GetFontSize() * 10;
    if (columns) ImGui::SetCursorPosX(200 + ImGui::GetStyle().WindowPadding.x);
    if (wrapped_button(shell.tr("enrolment.issue"))) form.confirm = true;
    shell.anchor("enrolment.issue");
    if (columns) ImGui::SetCursorPosX(200 + ImGui::GetStyle().WindowPadding.x);
    ImGui::BeginGroup();
    field_message(form.error, true);
    ImGui::EndGroup();
    Confirmation c{.anchor = "enrolment",
                   .question = fill_placeholders(shell.tr("enrolment.confirm"), {{"vsys_id", form.vsys_id}}),
                   .confirm_label = shell.tr("enrolment.issue")};
    c.confirm_anchor = "enrolment.confirm";
    if (confirm(shell, form.confirm, c)) {
        form.issued = shell.run(IssueEnrolmentCode{form.vsys_id});
        form.error = shell.last_error();
    }
    if (form.issued) {
        section_title(shell.tr("enrolment.title"));
        ImGui::SetWindowFontScale(1.6f);
        text_wrapped(form.issued->code);
        ImGui::SetWindowFontScale(1.0f);
        shell.anchor("enrolment.code");
        text_wrapped(fill_placeholders(shell.tr("enrolment.valid_until"), {{"until", shell.time_text(form.issued->valid_until)}}));
        text_wrapped(shell.tr("enrolment.instructions"));
        if (ImGui::Button(shell.tr("enrolment.print").c_str())) open_print_window(shell, print_html(shell, *form.issued), true);
        shell.anchor("enrolment.print");
    }
}

}  // namespace vsys::ui
