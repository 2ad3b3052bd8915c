// 市区町村: the submitted claims about its residents for a vaccination month, sent to it
// directly by its own sites and through the federation (国保連) from sites anywhere (view
// municipality_claims); its routing setting (commissioned to the federation or direct:
// set_claim_routing); the way to enter claims on behalf of one of its sites (代行入力, the claim
// screen); and the legacy 接種券付き予診票 counts of its sites (R313, demo data).
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

struct MunicipalityScreen {
    YearMonth month;
    bool month_set = false;
    CachedView claims;  // municipality_claims {month}
    CachedView legacy;  // claim_legacy {municipality}
};

void claims_table(Shell& shell, const char* id, const json& rows, const json& total) {
    if (rows.empty()) {
        ImGui::TextDisabled("%s", shell.tr("municipality_claims.empty").c_str());
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable(id, 6, flags)) return;
    const char* heads[] = {"claims.col.site", "claims.col.name", "claims.col.payer", "claims.col.before_tax", "claims.col.tax",
                           "claims.col.amount"};
    const float widths[] = {110, 280, 260, 120, 110, 130};
    for (int k = 0; k < 6; ++k) ImGui::TableSetupColumn(shell.tr(heads[k]).c_str(), 0, widths[k]);
    ImGui::TableHeadersRow();
    for (const auto& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.value("site", "").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.value("site_name", "").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.value("payer_name", "").c_str());
        for (const char* k : {"amount_before_tax", "tax", "amount"}) {
            ImGui::TableNextColumn();
            yen_right(r["total"].value(k, std::int64_t{0}));
        }
    }
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(shell.tr("claims.total").c_str());
    for (int k = 0; k < 3; ++k) {
        ImGui::TableSetColumnIndex(3 + k);
        yen_right(total.value(k == 0 ? "amount_before_tax" : k == 1 ? "tax" : "amount", std::int64_t{0}));
    }
    shell.anchor(std::string(id) + ".total");
    ImGui::EndTable();
}

void legacy_table(Shell& shell, const json& legacy) {
    if (!legacy.is_object() || !ImGui::CollapsingHeader(shell.tr("claims.legacy.municipality").c_str())) return;
    ImGui::TextDisabled("%s", shell.tr("claims.legacy.demo").c_str());
    if (ImGui::Button("CSV")) shell.host().download_text("R313_" + legacy.value("code", "") + ".csv", legacy.value("csv", ""));
    if (!ImGui::BeginTable("legacy313", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY,
                           ImVec2(0, 260)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(shell.tr("claims.col.month").c_str(), 0, 100);
    ImGui::TableSetupColumn(shell.tr("claims.col.site").c_str(), 0, 110);
    ImGui::TableSetupColumn(shell.tr("claims.col.name").c_str(), 0, 280);
    ImGui::TableSetupColumn(shell.tr("claims.col.legacy_count").c_str(), 0, 120);
    ImGui::TableHeadersRow();
    for (const auto& r : legacy["rows"]) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.value("month", "").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.value("site", "").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.value("site_name", "").c_str());
        ImGui::TableNextColumn();
        yen_right(r.value("count", std::int64_t{0}));
    }
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(2);
    ImGui::TextUnformatted(shell.tr("claims.total").c_str());
    ImGui::TableSetColumnIndex(3);
    yen_right(legacy.value("total", std::int64_t{0}));
    ImGui::EndTable();
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
    mc.claims.get(app, "municipality_claims", {{"month", to_iso(mc.month)}});
    mc.legacy.get(app, "claim_legacy", {{"municipality", code}});
    if (!mc.claims.ok()) {
        field_message(mc.claims.error(), true);
        return;
    }
    const CachedView& view = mc.claims;
    ImGui::TextUnformatted(view.value().value("name", "").c_str());
    form_label(shell.tr("claims.month"));
    month_picker(shell, "municipality_claims", mc.month, today_month(shell));
    ImGui::SameLine(520);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s: %s %s", shell.tr("claims.grand_total").c_str(),
                format_grouped(view["total"].value("amount", std::int64_t{0})).c_str(), shell.tr("claims.yen").c_str());
    shell.anchor("municipality_claims.grand_total");

    bool commissioned = view["commissioned"] == true;
    if (ImGui::Checkbox(shell.tr("municipality_claims.commissioned").c_str(), &commissioned))
        shell.run({{"type", "set_claim_routing"}, {"municipality", code}, {"commissioned", commissioned}});
    shell.anchor("municipality_claims.commissioned");
    ImGui::TextDisabled("%s", shell.tr("municipality_claims.commissioned.help").c_str());
    if (ImGui::Button(shell.tr("municipality_claims.proxy_entry").c_str())) shell.go("claims");
    shell.anchor("municipality_claims.proxy_entry");

    section_title(shell.tr("municipality_claims.direct"));
    claims_table(shell, "municipality_claims.direct", view["direct"], view["direct_total"]);
    section_title(shell.tr("municipality_claims.via_federation"));
    claims_table(shell, "municipality_claims.via", view["via_federation"], view["federation_total"]);
    ImGui::Spacing();
    legacy_table(shell, mc.legacy.value());
}

}  // namespace vsys::ui
