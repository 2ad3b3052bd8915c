// 国保連: the federation's totals for its prefecture and a vaccination month, per municipality
// of residence and per site, over the submitted claims routed through it (view
// federation_totals), in the shared Table: rows come sorted by code, can be sorted and filtered,
// and the totals row adds the rows shown. Read-only, with the federation's CSV download.
#include "core/base/numbers.hpp"
#include "ui/claims/claims_ui.hpp"
#include "ui/shell/cached_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

using nlohmann::json;

struct FederationScreen {
    YearMonth month;
    bool month_set = false;
    CachedView totals;  // federation_totals {month}
    KeptTable municipalities, sites;
};

std::int64_t vaccinations(const json& row) {
    return row.value("normal", std::int64_t{0}) + row.value("outside_hours", std::int64_t{0}) +
           row.value("holiday", std::int64_t{0});
}

// Counts and amounts per municipality or per site in the shared Table; its totals row (anchor
// <id>.total) adds the rows shown, which unfiltered equals the view's own total.
void totals_table(Shell& shell, const CachedView& view, const char* id, const char* code_key, const char* rows_key,
                  KeptTable& t) {
    if (t.stale(view.loads())) {
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
        for (const auto& r : view[rows_key]) {
            std::vector<TableCell> row{{r.value("code", "")}, {r.value("name", "")}, {"", vaccinations(r)}};
            for (const char* k : {"outside_hours", "holiday", "pre_exam_only", "amount_before_tax", "tax", "amount"})
                row.push_back({"", r.value(k, std::int64_t{0})});
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
    const CachedView& v = fed.totals;
    fed.totals.get(app, "federation_totals", {{"month", to_iso(fed.month)}});
    if (!v.ok()) {
        field_message(v.error(), true);
        return;
    }
    const json& view = v.value();
    ImGui::TextUnformatted(view.value("name", "").c_str());
    form_label(shell.tr("claims.month"));
    month_picker(shell, "federation", fed.month, today_month(shell));
    const std::string grand_total = shell.tr("claims.grand_total") + ": " +
                                    format_grouped(v["total"].value("amount", std::int64_t{0})) + " " + shell.tr("claims.yen");
    same_line_if_room(ImGui::CalcTextSize(grand_total.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(grand_total.c_str());
    shell.anchor("federation.grand_total");
    ImGui::SameLine();
    if (ImGui::Button("CSV")) shell.host().download_text(view.value("filename", "federation.csv"), view.value("csv", ""));
    shell.anchor("federation.csv");
    ImGui::TextDisabled("%s", shell.tr("federation.help").c_str());

    section_title(shell.tr("federation.by_municipality"));
    if (v["by_municipality"].empty()) ImGui::TextDisabled("%s", shell.tr("federation.empty").c_str());
    else totals_table(shell, v, "federation.municipalities", "claims.col.municipality", "by_municipality", fed.municipalities);
    section_title(shell.tr("federation.by_site"));
    if (!v["by_site"].empty()) totals_table(shell, v, "federation.sites", "claims.col.site", "by_site", fed.sites);
}

}  // namespace vsys::ui
