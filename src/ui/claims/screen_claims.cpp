// 請求（接種費用）: a site enters a vaccination month of claims, one row per municipality of
// residence × form × category, sees each row checked and priced as it types (view claim_check:
// the core's own rules and fees, the same the save_claim command applies), saves, submits after a
// confirmation naming what goes where, and prints the 市区町村別請求書 and 請求総括書 or
// downloads them as CSV. Edits stay in the screen's buffer until 保存; a submitted month is
// read-only. A municipality reaches the same screen for one of its sites (代行入力,
// #/claims/<site code>) after choosing it from the list of its sites (#/claims).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "app/claims/claim_commands.hpp"
#include "core/base/numbers.hpp"
#include "ui/claims/claim_parts.hpp"
#include "ui/claims/claims_ui.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/site/proxy_site_picker.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

struct ClaimScreen {
    std::string site;
    YearMonth month;
    bool month_set = false;
    std::vector<ClaimLine> rows;         // the edit buffer
    std::vector<ClaimLine> saved_lines;  // the lines as loaded
    bool refill = false;                 // take the claim view into the buffer even when it is not new
    KeptView<ClaimQuery> claim;  // not asked again while the buffer has unsaved edits
    KeptView<ClaimCheckQuery> check;  // of the buffer
    KeptView<ClaimPrintQuery> print;  // once saved
    KeptView<ClaimLegacyQuery> legacy;  // the site's (R533)
    KeptTable documents, legacy_table;
    std::optional<SubmitClaim> submit;  // waiting for the confirmation
    bool ask_discard = false;  // 変更を破棄 pressed: the question is open
    bool enter = false;        // Enter pressed in a field of the lines this frame
};

ClaimLine empty_row(const ClaimScreen& s) {
    ClaimLine l;
    if (const ClaimView* v = s.claim.view()) l.municipality = v->site_municipality;
    return l;
}

// Unsaved edits: the buffer differs from what was loaded, other than by the one empty row that
// a month with nothing saved starts with.
bool dirty(const ClaimScreen& s) {
    if (same_lines(s.rows, s.saved_lines)) return false;
    return !(s.saved_lines.empty() && s.rows.size() == 1 && same_lines(s.rows, {empty_row(s)}));
}

// The claim view into the buffer.
void fill(ClaimScreen& s) {
    const ClaimView* v = s.claim.view();
    s.rows = v ? v->lines : std::vector<ClaimLine>{};
    s.saved_lines = s.rows;
    if (s.rows.empty()) s.rows.push_back(empty_row(s));
    s.refill = false;
}

ClaimCheckQuery check_question(const ClaimScreen& s) { return {s.site, s.month, s.rows}; }

void submit_modal(Shell& shell, ClaimScreen& s) {
    Confirmation c{.anchor = "claims.confirm", .title = shell.tr("claims.confirm_title")};
    if (s.submit) {
        std::string payers;
        if (const ClaimPrintView* print = s.print.view())
            for (const auto& d : print->municipalities)
                if (payers.find(d.payer.name) == std::string::npos)
                    payers += (payers.empty() ? "" : "、") + d.payer.name;
        auto reiwa = format_reiwa(s.month);
        const ClaimCheckView* check = s.check.view();
        const ClaimView* claim = s.claim.view();
        c.question = Strings::builtin().format("claims.confirm_text", shell.app().language(),
                                               {{"month", reiwa ? *reiwa : to_iso(s.month)},
                                                {"site", claim ? claim->site_name : std::string()},
                                                {"count", std::to_string(s.rows.size())},
                                                {"amount", format_grouped(check ? check->total.amount : 0)},
                                                {"payers", payers}});
    }
    c.confirm_label = shell.tr("claims.confirm_submit");
    c.cancel_label = shell.tr("claims.cancel");
    c.confirm_anchor = "claims.confirm.submit";
    const Answer a = confirmation(shell, s.submit.has_value(), c);
    if (a == Answer::confirmed) shell.run(*s.submit, "claims.submitted_toast");
    if (a != Answer::none) s.submit.reset();
}

// The site whose claims this user enters: its own, or for a municipality the one of the route
// (代行入力); "" after drawing why there is none (the picker, or a message).
std::string entered_site(Shell& shell, bool& proxy) {
    const std::string& org = shell.app().session().org;
    const auto colon = org.find(':');
    const std::string prefix = org.substr(0, colon == std::string::npos ? 0 : colon);
    proxy = false;
    if (prefix == "site" || prefix == "venue") return org.substr(colon + 1);
    if (prefix == "muni") {
        if (shell.param().empty()) proxy_site_picker(shell, "claims", "claims.proxy", "claims.proxy.help");
        proxy = true;
        return shell.param();
    }
    field_message(shell.tr("claims.site_only"), true);
    return {};
}

void state_line(Shell& shell, const ClaimScreen& s, bool proxy, bool dirty_before, YearMonth& month) {
    static const ClaimView k_none;
    const ClaimView& v = s.claim.view() ? *s.claim.view() : k_none;
    wrapped_text(v.site_name + "（" + s.site + "）", colour::text);
    if (proxy) {
        wrapped_text(shell.tr("claims.proxy.note"), colour::pending);
        shell.anchor("claims.proxy.note");
    } else if (v.proxy) {
        wrapped_text(shell.tr("claims.proxy.saved_by_municipality"), colour::muted);
    }
    ImGui::BeginDisabled(dirty_before);
    month_line(shell, "claims", month, today_month(shell));
    ImGui::EndDisabled();
    // The deadline and the state beside the month on a wide screen, under it on a phone.
    if (v.deadline) {
        const std::string deadline =
            shell.tr("claims.deadline") + ": " + (v.deadline_reiwa ? *v.deadline_reiwa : to_iso(*v.deadline));
        same_line_if_room(ImGui::CalcTextSize(deadline.c_str()).x, 48);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(deadline.c_str());
        shell.anchor("claims.deadline");
    }
    const char* state_key = v.submitted ? "claims.state.submitted" : v.saved ? "claims.state.saved" : "claims.state.new";
    const std::string state = std::string(v.submitted || v.saved ? "● " : "○ ") + shell.tr(state_key);
    same_line_if_room(ImGui::CalcTextSize(state.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(v.submitted ? colour::confirmed : v.saved ? colour::pending : colour::muted, "%s", state.c_str());
    shell.anchor("claims.state");
    wrapped_text(shell.tr("claims.help"), colour::muted);
}

void buttons(Shell& shell, ClaimScreen& s, bool claim_refused) {
    const bool is_dirty = dirty(s);
    ImGui::Spacing();
    // Enter in a field of the lines saves, as the button; never while a count is refused.
    const bool typed_ok = !fields_invalid(shell);
    ImGui::BeginDisabled(!is_dirty || claim_refused || !typed_ok);
    if (ImGui::Button(shell.tr("claims.save").c_str()) || (s.enter && is_dirty && !claim_refused && typed_ok)) {
        if (shell.run(SaveClaim{s.site, s.month, s.rows}).empty()) s.refill = true;
    }
    ImGui::EndDisabled();
    shell.anchor("claims.save");
    ImGui::SameLine();
    const ClaimView* claim = s.claim.view();
    ImGui::BeginDisabled(is_dirty || !(claim && claim->saved) || claim_refused);
    if (ImGui::Button(shell.tr("claims.submit").c_str())) {
        s.submit = SubmitClaim{s.site, s.month};
    }
    ImGui::EndDisabled();
    shell.anchor("claims.submit");
    if (is_dirty) {
        // The row wraps on a phone: 変更を破棄 and the unsaved mark go under 保存 and 提出.
        shell.mark_unsaved();
        const std::string discard = shell.tr("claims.discard");
        same_line_if_room(ImGui::CalcTextSize(discard.c_str()).x + ImGui::GetStyle().FramePadding.x * 2, ImGui::GetStyle().ItemSpacing.x);
        if (ImGui::Button(discard.c_str())) s.ask_discard = true;
        shell.anchor("claims.discard");
        const std::string unsaved = "● " + shell.tr("claims.unsaved");
        same_line_if_room(ImGui::CalcTextSize(unsaved.c_str()).x, ImGui::GetStyle().ItemSpacing.x);
        ImGui::AlignTextToFramePadding();
        wrapped_text(unsaved, colour::pending);
    }
}

}  // namespace

void draw_claims(Shell& shell) {
    App& app = shell.app();
    screen_title(shell.tr("screen.claims"));
    bool proxy = false;
    const std::string code = entered_site(shell, proxy);
    if (code.empty()) return;
    ClaimScreen& s = shell.state<ClaimScreen>();
    if (s.site != code) {
        s = ClaimScreen{};
        s.site = code;
    }
    if (!s.month_set) {
        s.month = default_claim_month(shell);
        s.month_set = true;
    }
    // Whether this user may enter the site's claims at all: the check says why not (another
    // municipality's site) before the claim view would only say "no access".
    s.check.get(app, check_question(s));
    if (!s.check.ok()) {
        field_message(s.check.error(), true);
        return;
    }
    const bool dirty_before = dirty(s);
    if (!dirty_before || s.refill) {
        s.claim.get(app, ClaimQuery{s.site, s.month});
        if (s.claim.fresh() || s.refill) {
            fill(s);
            s.check.get(app, check_question(s));
        }
    }
    const ClaimView* claim = s.claim.view();
    const bool submitted = claim && claim->submitted;
    const bool saved = claim && claim->saved;
    if (saved) s.print.get(app, ClaimPrintQuery{s.site, s.month});
    s.legacy.get(app, ClaimLegacyQuery{s.site, std::nullopt});

    YearMonth month = s.month;
    state_line(shell, s, proxy, dirty_before, month);
    const ClaimCheckView* check = s.check.view();
    s.enter = claim_lines_table(shell, s.rows, check, submitted);
    if (!submitted) {
        if (ImGui::Button(shell.tr("claims.add_line").c_str())) s.rows.push_back(empty_row(s));
        shell.anchor("claims.add_line");
    }
    const bool rows_ok =
        !check || std::all_of(check->lines.begin(), check->lines.end(), [](const CheckedClaimLine& l) { return l.ok(); });
    const bool claim_refused = check && check->claim_error;
    if (rows_ok && claim_refused) field_message(check->claim_error->message, true);
    if (!submitted) buttons(shell, s, claim_refused);
    claim_documents_section(shell, saved ? &s.print : nullptr, s.documents);
    legacy_counts_table(shell, "claims.legacy", "claims.legacy.site", s.legacy, s.legacy_table, false);
    submit_modal(shell, s);
    if (discard_question(shell, "claims.discard.confirm", s.ask_discard)) s.refill = true;
    s.month = month;
}

}  // namespace vsys::ui
