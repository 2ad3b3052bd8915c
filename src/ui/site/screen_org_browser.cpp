// 医療機関の検索: search the sites under the user's organisation by name, reading or code;
// the results table scrolls smoothly over tens of thousands of rows (ImGuiListClipper), and a
// row opens the site (proxy input for a municipality).
#include <cstring>

#include "ui/shell/cached_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct Browser {
    char query[128] = {};
    CachedView sites;  // org_search for the query
};
constexpr int k_limit = 100000;
}  // namespace

void draw_org_browser(Shell& shell) {
    screen_title(shell.tr("screen.org_browser"));
    Browser& b = shell.state<Browser>();
    form_label(shell.tr("browser.query"), 160);
    ImGui::SetNextItemWidth(420);
    ImGui::InputTextWithHint("##query", shell.tr("browser.hint").c_str(), b.query, sizeof b.query);
    shell.anchor("browser.query");
    b.sites.get(shell.app(), "org_search", {{"query", std::string(b.query)}, {"limit", k_limit}});
    const nlohmann::json& rows = b.sites["sites"];
    field_message(b.sites.error(), true);
    if (b.sites["code_problem"].is_string()) {
        field_message(b.sites["code_problem"].get<std::string>(), true);
        shell.anchor("browser.code_problem");
    }
    ImGui::TextDisabled("%s", fill_placeholders(shell.tr("browser.count"), {{"count", std::to_string(rows.size())}}).c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersV | ImGuiTableFlags_Resizable;
    if (ImGui::BeginTable("##sites", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(shell.tr("site.code").c_str(), ImGuiTableColumnFlags_WidthFixed, 120);
        ImGui::TableSetupColumn(shell.tr("site.name").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(shell.tr("site.reading").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(shell.tr("site.municipality").c_str(), ImGuiTableColumnFlags_WidthFixed, 160);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const auto& r = rows[static_cast<size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const std::string code = r["code"].get<std::string>();
                const bool open = ImGui::Selectable(code.c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
                if (i < 20) shell.anchor("browser.row." + std::to_string(i));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r["name"].get<std::string>().c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r["reading"].get<std::string>().c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r["municipality_name"].get<std::string>().c_str());
                if (open) shell.go("site", code);
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace vsys::ui
