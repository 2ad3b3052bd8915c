// 納入予定: the confirmed delivery orders (納入数) a site receives once its prefecture has locked
// the site amounts (⑤): per round, the vaccine boxes with their vials and doses, the needle
// and syringe boxes, and the delivery period. A municipality, prefecture or the nation sees the
// orders of its subtree (thousands of rows: ImGuiListClipper).
#include <algorithm>

#include "ui/allocation/allocation_ui.hpp"
#include "ui/shell/cached_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct Deliveries {
    CachedView view;  // deliveries
};
}  // namespace

void draw_deliveries(Shell& shell) {
    screen_title(shell.tr("screen.deliveries"));
    CachedView& view = shell.state<Deliveries>().view;
    view.get(shell.app(), "deliveries");
    const nlohmann::json& rows = view["deliveries"];
    field_message(view.error(), true);
    if (rows.empty()) {
        ImGui::TextDisabled("%s", shell.tr("deliveries.empty").c_str());
        shell.anchor("deliveries.empty");
        return;
    }
    ImGui::TextDisabled("%s", shell.tr("deliveries.help").c_str());
    const bool many_sites = shell.role() != Role::site && shell.role() != Role::venue;
    const int columns = many_sites ? 9 : 8;  // round, product, [site], 5 counts, period
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersV | ImGuiTableFlags_Resizable;
    // As tall as its rows (a site has a few), at most the rest of the screen.
    const float rows_height = (static_cast<float>(rows.size()) + 1.6f) * ImGui::GetFrameHeightWithSpacing();
    const float height = std::max(120.0f, std::min(rows_height, ImGui::GetContentRegionAvail().y));
    if (!ImGui::BeginTable("##deliveries", columns, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(shell.tr("alloc.round").c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(shell.tr("alloc.product").c_str(), ImGuiTableColumnFlags_WidthFixed, 180);
    if (many_sites) ImGui::TableSetupColumn(shell.tr("alloc.col.site").c_str(), ImGuiTableColumnFlags_WidthStretch);
    const std::pair<const char*, float> counts[] = {{"alloc.col.boxes", 135},
                                                    {"deliveries.vials", 90},
                                                    {"deliveries.doses", 90},
                                                    {"alloc.col.needles", 110},
                                                    {"alloc.col.syringes", 135}};
    for (const auto& [k, w] : counts) ImGui::TableSetupColumn(shell.tr(k).c_str(), ImGuiTableColumnFlags_WidthFixed, w);
    ImGui::TableSetupColumn(shell.tr("alloc.period").c_str(), ImGuiTableColumnFlags_WidthFixed, 220);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& r = rows[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.value("round_name", "").c_str());
            if (i < 20) shell.anchor("deliveries.row." + std::to_string(i));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.value("product_name", "").c_str());
            if (many_sites) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.value("name", "").c_str());
            }
            for (const char* k : {"boxes", "vials", "doses", "needle_boxes", "syringe_boxes"}) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_grouped(r.value(k, std::int64_t{0})).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(period_text(shell, r).c_str());
        }
    ImGui::EndTable();
}

}  // namespace vsys::ui
