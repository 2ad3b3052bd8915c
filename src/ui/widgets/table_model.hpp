// The data behind the shared Table widget (table.hpp), and what can be decided about it without
// drawing: which rows a filter keeps, their order under a sort, the totals row and the CSV a
// report exports. Pure functions, tested natively (tests/ui/test_table.cpp); the widget draws
// what they answer.
//
// Invariants: numbers are int64 and sorted as numbers, never as text; a sort is stable (equal
// keys keep the screen's order); the filter matches any cell's text, ASCII case-insensitively;
// totals add only the visible (filtered) rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vsys::ui {

struct TableColumn {
    std::string label;          // translated header
    bool numeric = false;       // right-aligned, grouped digits, sorted as a number
    std::string unit;           // after a number ("箱"); "" for none
    float width = 0;            // fixed width in pixels; 0 stretches
    bool total = false;         // summed in the totals row (numeric columns)
    bool custom = false;        // drawn by the screen (a button, a field): TableOptions::draw_cell, `width` wide
    int decimals = 0;           // numbers are in 10^-decimals (an ideal share in hundredths: 207086 → 2,070.86)
};

// How a cell's text is coloured (UX.md: never alone, the text says it too).
enum class CellTone { normal, confirmed, error, pending, muted };

struct TableCell {
    std::string text;           // shown for text columns; for numbers, derived when empty
    std::int64_t number = 0;    // numeric columns
    bool blank = false;         // a number not known (shown as "—", counted as 0 nowhere)
    std::string tooltip;        // shown on hover (e.g. the exact fraction behind a decimal)
    CellTone tone = CellTone::normal;
};

struct TableModel {
    std::vector<TableColumn> columns;
    std::vector<std::vector<TableCell>> rows;  // row-major, each row columns.size() cells
};

// Rows kept by the filter, in the order of the sort (column < 0: the model's order).
std::vector<int> table_order(const TableModel& m, std::string_view filter, int sort_column, bool ascending);
// Sums of the columns marked `total` over the given rows (nullopt for the others).
std::vector<std::optional<std::int64_t>> table_totals(const TableModel& m, const std::vector<int>& rows);
// What a cell shows: grouped digits and the unit for numbers ("1,200 箱"), "—" for blanks.
// A numeric cell's own text, when it has one, is shown instead (a signed difference "+12").
std::string cell_text(const TableColumn& c, const TableCell& cell);
// The visible rows as CSV (header, rows, then the totals row when any column totals), RFC 4180
// quoting, CRLF lines; numbers without separators or units (decimals with a point) so
// spreadsheets read them as numbers.
std::string table_csv(const TableModel& m, const std::vector<int>& rows, std::string_view totals_label);

}  // namespace vsys::ui
