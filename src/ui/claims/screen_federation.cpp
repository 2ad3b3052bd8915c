// 国保連: the federation's totals for its prefecture and a vaccination month, per municipality
// of residence and per site, over the submitted claims routed through it (view
// federation_totals). Rows are sorted by code; the last row of each table is the total, equal to
// the sum of the rows above it. Read-only, with a CSV download.
#include "core/base/numbers.hpp"
#include "ui/claims/claims_ui.hpp"
#include "ui/shell/cached_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

using nlohmann::json;

struct FederationScreen {
    YearMonth month;
    bool month_set = false;
    CachedView totals;  // federation_totals {month}
};

std::int64_t vaccinations(const json& row) {
    return row.value("normal", std::int64_t{0}) + row.value("outside_hours", std::int64_t{0}) +
           row.value("holiday", std::int64_t{0});
}

void totals_table(Shell& shell, const CachedView& view, const char* id, const char* code_key, const json& rows) {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable(id, 9, flags)) return;
    const char* heads[] = {code_key,          "claims.col.name",       "claims.col.vaccinations", "claims.col.outside_hours",
                           "claims.col.holiday", "claims.col.pre_exam_only", "claims.col.before_tax", "claims.col.tax",
                           "claims.col.amount"};
    const float widths[] = {110, 260, 90, 80, 80, 80, 120, 110, 130};
    for (int k = 0; k < 9; ++k) ImGui::TableSetupColumn(shell.tr(heads[k]).c_str(), 0, widths[k]);
    ImGui::TableHeadersRow();
    json sum = {{"normal", 0}, {"outside_hours", 0}, {"holiday", 0}, {"pre_exam_only", 0}};
    auto row_cells = [&](const json& r) {
        ImGui::TableNextColumn();
        yen_right(vaccinations(r));
        ImGui::TableNextColumn();
        yen_right(r.value("outside_hours", std::int64_t{0}));
        ImGui::TableNextColumn();
        yen_right(r.value("holiday", std::int64_t{0}));
        ImGui::TableNextColumn();
        yen_right(r.value("pre_exam_only", std::int64_t{0}));
        ImGui::TableNextColumn();
        yen_right(r.value("amount_before_tax", std::int64_t{0}));
        ImGui::TableNextColumn();
        yen_right(r.value("tax", std::int64_t{0}));
        ImGui::TableNextColumn();
        yen_right(r.value("amount", std::int64_t{0}));
    };
    for (const auto& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.value("code", "").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.value("name", "").c_str());
        row_cells(r);
    }
    // The view's own totals (the same for both tables): counts and amounts of every routed line.
    json total = view["counts"];
    total.update(view["total"]);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(shell.tr("claims.total").c_str());
    row_cells(total);
    shell.anchor(std::string(id) + ".total");
    ImGui::EndTable();
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
    ImGui::SameLine(520);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s: %s %s", shell.tr("claims.grand_total").c_str(),
                format_grouped(v["total"].value("amount", std::int64_t{0})).c_str(), shell.tr("claims.yen").c_str());
    shell.anchor("federation.grand_total");
    ImGui::SameLine();
    if (ImGui::Button("CSV")) shell.host().download_text(view.value("filename", "federation.csv"), view.value("csv", ""));
    shell.anchor("federation.csv");
    ImGui::TextDisabled("%s", shell.tr("federation.help").c_str());

    section_title(shell.tr("federation.by_municipality"));
    if (v["by_municipality"].empty()) ImGui::TextDisabled("%s", shell.tr("federation.empty").c_str());
    else totals_table(shell, v, "federation.municipalities", "claims.col.municipality", v["by_municipality"]);
    section_title(shell.tr("federation.by_site"));
    if (!v["by_site"].empty()) totals_table(shell, v, "federation.sites", "claims.col.site", v["by_site"]);
}

}  // namespace vsys::ui
