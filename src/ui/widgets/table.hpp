// The Table every list of the app is drawn with (UX.md: lists that read like a ledger): a filter
// box, columns sortable by clicking their header (numbers as numbers), a header that stays on
// top while the rows scroll, numbers right-aligned with separators and units, a totals row, the
// row count ("12 / 1,741 件"), rows drawn through ImGui's clipper (70,000 rows cost what the
// visible ones cost), keyboard navigation (arrows move, Enter opens) and a CSV export hook for
// reports. Narrower than its columns (a phone, a large text size), it scrolls sideways with the
// first column pinned; each column is as wide as its widest text (header included), so amounts,
// codes and names are never cut; only a text longer than a column may be (a 300-character name)
// is cut with "…", shown whole on hover and noted in the clip record (clip_record.hpp).
// Cells the screen draws itself (buttons, edit fields) are `custom` columns. The data is a TableModel (table_model.hpp) the screen builds from its view; the
// widget's own state (filter, sort, selection, cached order) lives in the screen's state, which
// the Shell owns per session.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ui/widgets/table_model.hpp"

namespace vsys::ui {

class Shell;

struct TableState {
    char filter[128] = {};
    int sort_column = -1;  // -1: the model's order
    bool ascending = true;
    int selected = -1;     // a model row
    // The order and totals for (version, filter, sort), kept until one of them changes.
    std::uint64_t cached_version = ~std::uint64_t{0};
    std::string cached_filter;
    int cached_sort = -2;
    bool cached_ascending = true;
    std::vector<int> order;
    std::vector<std::optional<std::int64_t>> totals;
    // Column widths measured from every row at a font size, kept until the rows or size change.
    std::vector<float> widths;
    std::uint64_t widths_version = ~std::uint64_t{0};
    float widths_font = 0;
};

// A Table a screen keeps between frames: its model, built from a view and built again only when
// the view was asked again (KeptView::loads()), and the widget's state.
struct KeptTable {
    TableModel model;
    std::uint64_t built = ~std::uint64_t{0};
    TableState state;
    // True (once) when the model has to be built for the view at `loads`.
    bool stale(std::uint64_t loads) {
        if (built == loads) return false;
        built = loads;
        return true;
    }
};

struct TableOptions {
    // anchor names: <anchor>.filter, .count, .csv, .head.<column>, .row.<i> (the first 20 rows
    // shown), .total; and the `where` of its clipped texts (<anchor>/<column label>)
    std::string anchor;
    float max_height = 0;      // 0: as tall as the rows, at most the rest of the screen
    bool filter = true;        // the filter box and row count
    std::string csv_filename;  // non-empty: a CSV button that downloads the visible rows
    // Draws the cell of a `custom` column for a model row (buttons, fields; ids are per row).
    std::function<void(int row, int column)> draw_cell;
};

struct TableEvents {
    int activated = -1;  // a model row opened by click or Enter
};

// `version` changes whenever the model's rows change (e.g. the App's revision): the order and
// totals are recomputed only then or when the filter or sort changes.
TableEvents draw_table(Shell& shell, const char* id, const TableModel& model, std::uint64_t version, TableState& st,
                       const TableOptions& options);

}  // namespace vsys::ui
