#include "ui/widgets/table.hpp"

#include <algorithm>

#include "app/base/i18n.hpp"
#include "core/base/numbers.hpp"
#include "imgui.h"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

void refresh(const TableModel& m, std::uint64_t version, TableState& st) {
    if (st.cached_version == version && st.cached_filter == st.filter && st.cached_sort == st.sort_column &&
        st.cached_ascending == st.ascending)
        return;
    st.cached_version = version;
    st.cached_filter = st.filter;
    st.cached_sort = st.sort_column;
    st.cached_ascending = st.ascending;
    st.order = table_order(m, st.filter, st.sort_column, st.ascending);
    st.totals = table_totals(m, st.order);
}

bool has_totals(const TableState& st) {
    return std::any_of(st.totals.begin(), st.totals.end(), [](const auto& t) { return t.has_value(); });
}

}  // namespace

TableEvents draw_table(Shell& shell, const char* id, const TableModel& m, std::uint64_t version, TableState& st,
                       const TableOptions& o) {
    TableEvents ev;
    ImGui::PushID(id);
    if (o.filter) {
        ImGui::SetNextItemWidth(std::min(320.0f, ImGui::GetContentRegionAvail().x));
        ImGui::InputTextWithHint("##filter", shell.tr("table.filter").c_str(), st.filter, sizeof st.filter);
        if (!o.anchor.empty()) shell.anchor(o.anchor + ".filter");
    }
    refresh(m, version, st);
    if (o.filter) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", fill_placeholders(shell.tr("table.count"),
                                                    {{"shown", format_grouped(static_cast<std::int64_t>(st.order.size()))},
                                                     {"total", format_grouped(static_cast<std::int64_t>(m.rows.size()))}})
                                      .c_str());
        if (!o.anchor.empty()) shell.anchor(o.anchor + ".count");
    }
    if (!o.csv_filename.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(shell.tr("table.csv").c_str()))
            shell.host().download_text(o.csv_filename, table_csv(m, st.order, shell.tr("table.total")));
        if (!o.anchor.empty()) shell.anchor(o.anchor + ".csv");
    }

    const int columns = static_cast<int>(m.columns.size());
    const bool totals = has_totals(st);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersV | ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_SortTristate;
    // As tall as its rows (a site has a few), at most the rest of the screen.
    const float row_h = ImGui::GetFrameHeightWithSpacing();
    const float wanted = (static_cast<float>(st.order.size()) + (totals ? 2.6f : 1.6f)) * row_h;
    float height = std::min(wanted, ImGui::GetContentRegionAvail().y);
    if (o.max_height > 0) height = std::min(height, o.max_height);
    height = std::max(height, 4 * row_h);
    if (columns == 0 || !ImGui::BeginTable("##table", columns, flags, ImVec2(0, height))) {
        ImGui::PopID();
        return ev;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const auto& c : m.columns) {
        ImGuiTableColumnFlags f = c.width > 0 ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch;
        if (c.numeric) f |= ImGuiTableColumnFlags_PreferSortDescending;
        ImGui::TableSetupColumn(c.label.c_str(), f, c.width);
    }
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            st.sort_column = specs->Specs[0].ColumnIndex;
            st.ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        } else {
            st.sort_column = -1;
        }
        specs->SpecsDirty = false;
        refresh(m, version, st);
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(st.order.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const int r = st.order[static_cast<std::size_t>(i)];
            const auto& row = m.rows[static_cast<std::size_t>(r)];
            ImGui::TableNextRow();
            ImGui::PushID(r);
            for (int c = 0; c < columns; ++c) {
                ImGui::TableNextColumn();
                const TableColumn& col = m.columns[static_cast<std::size_t>(c)];
                const std::string text = c < static_cast<int>(row.size()) ? cell_text(col, row[static_cast<std::size_t>(c)]) : "";
                if (c == 0) {
                    // The row is one selectable across all columns: arrows move between rows,
                    // Enter or a click opens it.
                    if (ImGui::Selectable(col.numeric ? "##row" : text.c_str(), st.selected == r,
                                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
                        st.selected = r;
                        ev.activated = r;
                    }
                    if (!o.anchor.empty() && i < 20) shell.anchor(o.anchor + ".row." + std::to_string(i));
                    if (col.numeric) {
                        ImGui::SameLine();
                        text_right(text);
                    }
                } else if (col.numeric) {
                    text_right(text);
                } else {
                    ImGui::TextUnformatted(text.c_str());
                }
            }
            ImGui::PopID();
        }
    if (totals) {
        ImGui::TableNextRow();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        for (int c = 0; c < columns; ++c) {
            ImGui::TableNextColumn();
            const auto& t = st.totals[static_cast<std::size_t>(c)];
            if (c == 0 && !t) ImGui::TextUnformatted(shell.tr("table.total").c_str());
            else if (t) text_right(cell_text(m.columns[static_cast<std::size_t>(c)], TableCell{"", *t, false}));
        }
        if (!o.anchor.empty()) shell.anchor(o.anchor + ".total");
    }
    ImGui::EndTable();
    ImGui::PopID();
    return ev;
}

}  // namespace vsys::ui
