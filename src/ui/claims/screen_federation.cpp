// 国保連: the federation's totals for its prefecture and a vaccination month, per municipality
// of residence and per site, over the submitted claims routed through it (view
// federation_totals), in the shared Table: rows come sorted by code, can be sorted and filtered,
// and the totals row adds the rows shown. Read-only, with the federation's CSV download.
#include "core/base/numbers.hpp"
#include "ui/claims/claims_ui.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

struct FederationScreen {
    YearMonth month;
    bool month_set = false;
    KeptView<FederationTotalsQuery> totals;  // the signed-in federation's
    KeptTable municipalities, sites;
};

// Each vaccination is exactly one of normal, outside hours or holiday.
std::int64_t vaccinations(const ClaimCounts& c) { return c.normal + c.outside_hours + c.holiday; }

// Counts and amounts per municipality or per site in the shared Table; its totals row (anchor
// <id>.total) adds the rows shown, which unfiltered equals the view's own total.
void totals_table(Shell& shell, std::uint64_t loads, const std::vector<ClaimTotalsRow>& rows, const char* id,
                  const char* code_key, KeptTable& t) {
    if (t.stale(loads)) {
        const std::string yen = shell.tr("claims.yen");
        t.model.columns = {{shell.tr(code_key), false, "", 90, false},
                           {shell.tr("claims.col.name"), false, "", 0, false},
                           {shell.tr("claims.col.vaccinations"), true, "", 0, true},
                           {shell.tr("claims.col.outside_hours"), true, "", 0, true},
                           {shell.tr("claims.col.holiday"), true, "", 0, true},
                           {shell.tr("claims.col.pre_exam_only"), true, "", 0, true},
                           {shell.tr("claims.col.before_tax"), true, yen, 0, true},
                           {shell.tr("claims.col.tax"), true, yen, 0, true},
                           {shell.tr("claims.col.amount"), true, yen, 0, true}};
        t.model.rows.clear();
        for (const auto& r : rows) {
            std::vector<TableCell> row{{r.code}, {r.name}, {"", vaccinations(r.counts)}};
            for (std::int64_t n : {r.counts.outside_hours, r.counts.holiday, r.counts.pre_exam_only, r.amounts.amount_before_tax,
                                   r.amounts.tax, r.amounts.amount})
                row.push_back({"", n});
            t.model.rows.push_back(std::move(row));
        }
    }
    draw_table(shell, id, t.model, t.built, t.state, {id, 0, t.model.rows.size() > 5, ""});
}

}  // namespace

void draw_federation_claims(Shell& shell) {
    App& app = shell.app();
    screen_title(shell.tr("screen.federation_claims"));
    FederationScreen& fed = shell.state<FederationScreen>();
    if (!fed.month_set) {
        fed.month = default_claim_month(shell);
        fed.month_set = true;
    }
    const FederationTotalsView* view = fed.totals.get(app, FederationTotalsQuery{fed.month, std::nullopt});
    if (!view) {
        field_message(fed.totals.error(), true);
        return;
    }
    wrapped_text(view->name, colour::text);
    month_line(shell, "federation", fed.month, today_month(shell));
    // The total as a form line: its label and value side by side, stacked on a phone.
    form_label(shell.tr("claims.grand_total"));
    form_value(format_grouped(view->total.amount) + " " + shell.tr("claims.yen"));
    shell.anchor("federation.grand_total");
    same_line_if_room(ImGui::CalcTextSize("CSV").x + ImGui::GetStyle().FramePadding.x * 2, ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button("CSV")) shell.host().download_text(view->filename, view->csv);
    shell.anchor("federation.csv");
    wrapped_text(shell.tr("federation.help"), colour::muted);

    section_title(shell.tr("federation.by_municipality"));
    const std::uint64_t loads = fed.totals.loads();
    if (view->by_municipality.empty()) wrapped_text(shell.tr("federation.empty"), colour::muted);
    else totals_table(shell, loads, view->by_municipality, "federation.municipalities", "claims.col.municipality", fed.municipalities);
    section_title(shell.tr("federation.by_site"));
    if (!view->by_site.empty()) totals_table(shell, loads, view->by_site, "federation.sites", "claims.col.site", fed.sites);
}

}  // namespace vsys::ui
