#include "ui/claims/claims_ui.hpp"

#include "app/claims/claims_app.hpp"
#include "core/base/numbers.hpp"
#include "imgui.h"
#include "ui/shell/cached_view.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

using nlohmann::json;

// The municipality's list of its sites to enter claims for.
struct ProxyPicker {
    char query[128] = {};
    CachedView sites;  // org_search for the query
};
constexpr int k_picker_limit = 500;

}  // namespace

YearMonth today_month(Shell& shell) { return month_of(claims_today(shell.app())); }

YearMonth default_claim_month(Shell& shell) {
    YearMonth m = today_month(shell);
    return m.month == 1 ? YearMonth{m.year - 1, 12} : YearMonth{m.year, m.month - 1};
}

bool month_picker(Shell& shell, const std::string& prefix, YearMonth& month, const YearMonth& latest) {
    bool changed = false;
    ImGui::PushID(prefix.c_str());
    // The first claimable month: the vaccination fee starts in February 2021.
    ImGui::BeginDisabled(month <= YearMonth{2021, 2});
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) {
        month = month.month == 1 ? YearMonth{month.year - 1, 12} : YearMonth{month.year, month.month - 1};
        changed = true;
    }
    ImGui::EndDisabled();
    shell.anchor(prefix + ".month.prev");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    auto reiwa = format_reiwa(month);
    ImGui::Text("%s（%s）", to_iso(month).c_str(), reiwa ? reiwa->c_str() : "");
    shell.anchor(prefix + ".month");
    ImGui::SameLine();
    ImGui::BeginDisabled(month >= latest);
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) {
        month = next_month(month);
        changed = true;
    }
    ImGui::EndDisabled();
    shell.anchor(prefix + ".month.next");
    ImGui::PopID();
    return changed;
}

void yen_right(std::int64_t yen) { text_right(format_grouped(yen)); }

void proxy_site_picker(Shell& shell) {
    ProxyPicker& picker = shell.state<ProxyPicker>();
    ImGui::TextDisabled("%s", shell.tr("claims.proxy.help").c_str());
    form_label(shell.tr("browser.query"), 160);
    ImGui::SetNextItemWidth(420);
    ImGui::InputTextWithHint("##proxy_query", shell.tr("browser.hint").c_str(), picker.query, sizeof picker.query);
    shell.anchor("claims.proxy.query");
    picker.sites.get(shell.app(), "org_search", {{"query", std::string(picker.query)}, {"limit", k_picker_limit}});
    const json& rows = picker.sites["sites"];
    field_message(picker.sites.error(), true);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersV;
    if (!ImGui::BeginTable("##proxy_sites", 2, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(shell.tr("site.code").c_str(), ImGuiTableColumnFlags_WidthFixed, 120);
    ImGui::TableSetupColumn(shell.tr("site.name").c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& r = rows[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string code = r.value("code", "");
            const bool open = ImGui::Selectable(code.c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
            if (i < 20) shell.anchor("claims.proxy.row." + std::to_string(i));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.value("name", "").c_str());
            if (open) shell.go("claims", code);
        }
    }
    ImGui::EndTable();
}

}  // namespace vsys::ui
