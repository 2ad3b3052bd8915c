// 市区町村: the submitted claims about its residents for a vaccination month, sent to it
// directly by its own sites and through the federation (国保連) from sites anywhere (view
// municipality_claims); its routing setting (commissioned to the federation or direct:
// set_claim_routing); the way to enter claims on behalf of one of its sites (代行入力, the claim
// screen); and the legacy 接種券付き予診票 counts of its residents (R313: the ticket_forms
// documents of its own sites and of sites elsewhere).
#include "core/base/numbers.hpp"
#include "ui/claims/claims_ui.hpp"
#include "app/claims/claim_commands.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

struct MunicipalityScreen {
    YearMonth month;
    bool month_set = false;
    KeptView<MunicipalityClaimsQuery> claims;  // the signed-in municipality's
    KeptView<ClaimLegacyQuery> legacy;         // its sites' (R313)
    KeptTable direct, via, legacy_table;
};

// The claims of one route (direct, or through the federation) in the shared Table, with the
// totals row (anchor <id>.total) over the rows shown.
void claims_table(Shell& shell, const char* id, std::uint64_t loads, const std::vector<ResidentsClaim>& rows, KeptTable& t) {
    if (rows.empty()) {
        wrapped_text(shell.tr("municipality_claims.empty"), colour::muted);
        return;
    }
    if (t.stale(loads)) {
        const std::string yen = shell.tr("claims.yen");
        t.model.columns = {{shell.tr("claims.col.site"), false, "", 90, false},
                           {shell.tr("claims.col.name"), false, "", 0, false},
                           {shell.tr("claims.col.payer"), false, "", 0, false},
                           {shell.tr("claims.col.before_tax"), true, yen, 0, true},
                           {shell.tr("claims.col.tax"), true, yen, 0, true},
                           {shell.tr("claims.col.amount"), true, yen, 0, true}};
        t.model.rows.clear();
        for (const auto& r : rows) {
            const Amounts& a = r.claim.total;
            t.model.rows.push_back({{r.claim.site}, {r.site_name}, {r.payer_name}, {"", a.amount_before_tax}, {"", a.tax}, {"", a.amount}});
        }
    }
    draw_table(shell, id, t.model, t.built, t.state, {id, 0, rows.size() > 5, std::string(id) + ".csv"});
}

}  // namespace

void draw_municipality_claims(Shell& shell) {
    App& app = shell.app();
    screen_title(shell.tr("screen.municipality_claims"));
    const std::string& org = app.session().org;
    if (org.rfind("muni:", 0) != 0) {
        field_message(shell.tr("municipality_claims.only"), true);
        return;
    }
    const std::string code = org.substr(5);
    MunicipalityScreen& mc = shell.state<MunicipalityScreen>();
    if (!mc.month_set) {
        mc.month = default_claim_month(shell);
        mc.month_set = true;
    }
    const MunicipalityClaimsView* view = mc.claims.get(app, MunicipalityClaimsQuery{mc.month, std::nullopt});
    const LegacyCountsView* legacy = mc.legacy.get(app, ClaimLegacyQuery{std::nullopt, code});
    if (!view) {
        field_message(mc.claims.error(), true);
        return;
    }
    wrapped_text(view->name, colour::text);
    month_line(shell, "municipality_claims", mc.month, today_month(shell));
    // The total as a form line: its label and value side by side, stacked on a phone.
    form_label(shell.tr("claims.grand_total"));
    form_value(format_grouped(view->total.amount) + " " + shell.tr("claims.yen"));
    shell.anchor("municipality_claims.grand_total");

    bool commissioned = view->commissioned;
    // The box, and its label wrapped beside it (a click on the label toggles it too).
    bool toggled = ImGui::Checkbox("##commissioned", &commissioned);
    shell.anchor("municipality_claims.commissioned");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_wrapped(shell.tr("municipality_claims.commissioned"));
    if (ImGui::IsItemClicked()) {
        commissioned = !commissioned;
        toggled = true;
    }
    if (toggled) shell.run(SetClaimRouting{code, commissioned});
    wrapped_text(shell.tr("municipality_claims.commissioned.help"), colour::muted);
    if (ImGui::Button(shell.tr("municipality_claims.proxy_entry").c_str())) shell.go("claims");
    shell.anchor("municipality_claims.proxy_entry");

    section_title(shell.tr("municipality_claims.direct"));
    const std::uint64_t loads = mc.claims.loads();
    claims_table(shell, "municipality_claims.direct", loads, view->direct, mc.direct);
    section_title(shell.tr("municipality_claims.via_federation"));
    claims_table(shell, "municipality_claims.via", loads, view->via_federation, mc.via);
    ImGui::Spacing();
    // The official R313 layout for the municipality's own files, beside the table.
    if (legacy) {
        if (ImGui::Button("R313 CSV")) shell.host().download_text("R313_" + legacy->code + ".csv", legacy->csv);
        shell.anchor("municipality_claims.legacy.csv");
    }
    legacy_counts_table(shell, "municipality_claims.legacy", "claims.legacy.municipality", mc.legacy, mc.legacy_table, true);
}

}  // namespace vsys::ui
