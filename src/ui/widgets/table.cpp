#include "ui/widgets/table.hpp"

#include <algorithm>

#include "app/base/i18n.hpp"
#include "core/base/numbers.hpp"
#include "imgui.h"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/clip_record.hpp"
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

// The widest text of each column over all rows (not only the visible ones, so the columns do
// not jump while scrolling), its header with the sort arrow, and its total. A text column is
// at most ~24 characters wide: a longer name is cut with a tooltip rather than widening the
// table past the screen.
void measure(const TableModel& m, std::uint64_t version, TableState& st, const std::string& total_label) {
    const float font = ImGui::GetFontSize();
    if (st.widths_version == version && st.widths_font == font && st.widths.size() == m.columns.size()) return;
    st.widths_version = version;
    st.widths_font = font;
    st.widths.assign(m.columns.size(), 0.0f);
    const float text_cap = font * 24;
    const auto totals = table_totals(m, table_order(m, "", -1, true));
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
        const TableColumn& col = m.columns[c];
        float w = ImGui::CalcTextSize(col.label.c_str()).x + font;  // the sort arrow
        if (!col.custom) {
            float cells = 0;
            const float cap = col.numeric ? 1e9f : std::max(text_cap, col.width);
            for (const auto& row : m.rows) {
                if (c < row.size()) cells = std::max(cells, ImGui::CalcTextSize(cell_text(col, row[c]).c_str()).x);
                if (cells >= cap) break;  // as wide as a text column gets
            }
            if (totals[c]) cells = std::max(cells, ImGui::CalcTextSize(cell_text(col, TableCell{"", *totals[c]}).c_str()).x);
            if (c == 0) cells = std::max(cells, ImGui::CalcTextSize(total_label.c_str()).x);
            w = std::max(w, col.numeric ? cells : std::min(cells, std::max(text_cap, col.width)));
        }
        st.widths[c] = std::max(w, col.width);
    }
}

ImVec4 tone_colour(CellTone t) {
    switch (t) {
    case CellTone::confirmed: return colour::confirmed;
    case CellTone::error: return colour::error;
    case CellTone::pending: return colour::pending;
    case CellTone::muted: return colour::muted;
    case CellTone::normal: break;
    }
    return colour::text;
}

void draw_text_cell(const TableColumn& col, const TableCell& cell, const std::string& where) {
    const bool toned = cell.tone != CellTone::normal;
    if (toned) ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(cell.tone));
    text_fit(cell_text(col, cell), where, col.numeric);
    if (toned) ImGui::PopStyleColor();
    if (!cell.tooltip.empty() && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        text_wrapped(cell.tooltip);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace

TableEvents draw_table(Shell& shell, const char* id, const TableModel& m, std::uint64_t version, TableState& st,
                       const TableOptions& o) {
    TableEvents ev;
    ImGui::PushID(id);
    if (o.filter) {
        search_input("##filter", st.filter, sizeof st.filter, 320, shell.tr("table.filter"),
                     shell.tr("table.filter.short"));
        if (!o.anchor.empty()) shell.anchor(o.anchor + ".filter");
    }
    refresh(m, version, st);
    // The toolbar's count and CSV button go to a line of their own where the filter leaves no room
    // (a phone): a button past the screen's edge is no button.
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (o.filter) {
        const std::string count = fill_placeholders(shell.tr("table.count"),
                                                    {{"shown", format_grouped(static_cast<std::int64_t>(st.order.size()))},
                                                     {"total", format_grouped(static_cast<std::int64_t>(m.rows.size()))}});
        same_line_if_room(ImGui::CalcTextSize(count.c_str()).x, spacing);
        muted_text(count);
        if (!o.anchor.empty()) shell.anchor(o.anchor + ".count");
    }
    if (!o.csv_filename.empty()) {
        same_line_if_room(ImGui::CalcTextSize(shell.tr("table.csv").c_str()).x + ImGui::GetStyle().FramePadding.x * 2, spacing);
        if (ImGui::Button(shell.tr("table.csv").c_str()))
            shell.host().download_text(o.csv_filename, table_csv(m, st.order, shell.tr("table.total")));
        if (!o.anchor.empty()) shell.anchor(o.anchor + ".csv");
    }

    const int columns = static_cast<int>(m.columns.size());
    const bool totals = has_totals(st);
    const bool custom = std::any_of(m.columns.begin(), m.columns.end(), [](const TableColumn& c) { return c.custom; });
    measure(m, version, st, shell.tr("table.total"));
    // Columns are as wide as they were measured; the room left on a wide screen goes to the
    // text columns without a width of their own, so the table still fills the line.
    const ImGuiStyle& style = ImGui::GetStyle();
    std::vector<float> widths = st.widths;
    float used = style.ScrollbarSize + 8;  // the scroll bar and the outer borders
    for (float w : widths) used += w + style.CellPadding.x * 2 + 1;
    const float room = ImGui::GetContentRegionAvail().x - used;
    int stretchy = 0;
    for (const auto& c : m.columns) stretchy += !c.numeric && !c.custom && c.width == 0;
    if (room > 0 && stretchy > 0)
        for (int c = 0; c < columns; ++c) {
            const TableColumn& col = m.columns[static_cast<std::size_t>(c)];
            if (!col.numeric && !col.custom && col.width == 0) widths[static_cast<std::size_t>(c)] += room / static_cast<float>(stretchy);
        }

    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_SortTristate | ImGuiTableFlags_SizingFixedFit;
    // As tall as its rows (a site has a few), at most the rest of the screen.
    const float row_h = custom ? ImGui::GetFrameHeightWithSpacing() : ImGui::GetTextLineHeightWithSpacing() + style.CellPadding.y * 2;
    const float wanted = (static_cast<float>(st.order.size()) + (totals ? 2.0f : 1.0f)) * row_h + style.ScrollbarSize +
                         ImGui::GetFrameHeightWithSpacing();
    float height = std::min(wanted, ImGui::GetContentRegionAvail().y);
    if (o.max_height > 0) height = std::min(height, o.max_height);
    height = std::max(height, 4 * row_h);
    if (columns == 0 || !ImGui::BeginTable("##table", columns, flags, ImVec2(0, height))) {
        ImGui::PopID();
        return ev;
    }
    // The first column (the row's name or code) stays in sight while the others scroll.
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int c = 0; c < columns; ++c) {
        const TableColumn& col = m.columns[static_cast<std::size_t>(c)];
        ImGuiTableColumnFlags f = ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize;
        if (col.numeric) f |= ImGuiTableColumnFlags_PreferSortDescending;
        if (col.custom) f |= ImGuiTableColumnFlags_NoSort;
        ImGui::TableSetupColumn(col.label.c_str(), f, widths[static_cast<std::size_t>(c)]);
    }
    // The header row, each header anchored (<anchor>.head.<column>) so that tests and the kiosk's
    // walk-throughs can sort by clicking it as a user does.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < columns; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::PushID(c);  // headers without a label (a column of buttons) need an id of their own
        ImGui::TableHeader(m.columns[static_cast<std::size_t>(c)].label.c_str());
        ImGui::PopID();
        if (!o.anchor.empty()) shell.anchor(o.anchor + ".head." + std::to_string(c));
    }
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
    const std::string where_prefix = (o.anchor.empty() ? std::string(id) : o.anchor) + "/";

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(st.order.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const int r = st.order[static_cast<std::size_t>(i)];
            const auto& row = m.rows[static_cast<std::size_t>(r)];
            ImGui::TableNextRow();
            ImGui::PushID(r);
            for (int c = 0; c < columns; ++c) {
                // A column scrolled out of sight keeps the width it had when last seen: its texts
                // are drawn (and measured against it) only once it shows again.
                const bool shown = ImGui::TableNextColumn();
                const TableColumn& col = m.columns[static_cast<std::size_t>(c)];
                if (custom) ImGui::AlignTextToFramePadding();
                if (c == 0) {
                    // The row is one selectable across all columns: arrows move between rows,
                    // Enter or a click opens it. Its text is drawn over it, fitted to the cell.
                    const ImVec2 at = ImGui::GetCursorScreenPos();
                    if (ImGui::Selectable("##row", st.selected == r,
                                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                                          ImVec2(0, custom ? ImGui::GetFrameHeight() : 0.0f))) {
                        st.selected = r;
                        ev.activated = r;
                    }
                    if (!o.anchor.empty() && i < 20) shell.anchor(o.anchor + ".row." + std::to_string(i));
                    ImGui::SetCursorScreenPos(at);
                    if (custom) ImGui::AlignTextToFramePadding();
                }
                if (col.custom) {
                    if (o.draw_cell) o.draw_cell(r, c);
                } else if (shown && c < static_cast<int>(row.size())) {
                    draw_text_cell(col, row[static_cast<std::size_t>(c)], where_prefix + col.label);
                }
            }
            ImGui::PopID();
        }
    if (totals) {
        ImGui::TableNextRow();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        for (int c = 0; c < columns; ++c) {
            if (!ImGui::TableNextColumn()) continue;
            const auto& t = st.totals[static_cast<std::size_t>(c)];
            const TableColumn& col = m.columns[static_cast<std::size_t>(c)];
            if (c == 0 && !t) text_fit(shell.tr("table.total"), where_prefix + col.label);
            else if (t) text_right(cell_text(col, TableCell{"", *t}), where_prefix + col.label);
        }
        if (!o.anchor.empty()) shell.anchor(o.anchor + ".total");
    }
    ImGui::EndTable();
    ImGui::PopID();
    return ev;
}

}  // namespace vsys::ui
