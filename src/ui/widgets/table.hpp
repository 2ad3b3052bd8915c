// The Table every list of the app is drawn with (UX.md: lists that read like a ledger): a filter
// box, columns sortable by clicking their header (numbers as numbers), a header that stays on
// top while the rows scroll, numbers right-aligned with separators and units, a totals row, the
// row count ("12 / 1,741 件"), rows drawn through ImGui's clipper (70,000 rows cost what the
// visible ones cost), keyboard navigation (arrows move, Enter opens) and a CSV export hook for
// reports. The data is a TableModel (table_model.hpp) the screen builds from its view; the
// widget's own state (filter, sort, selection, cached order) lives in the screen's state, which
// the Shell owns per session.
#pragma once

#include <cstdint>
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
};

struct TableOptions {
    std::string anchor;        // anchor names: <anchor>.filter, <anchor>.row.<i> (first 20), <anchor>.csv
    float max_height = 0;      // 0: as tall as the rows, at most the rest of the screen
    bool filter = true;        // the filter box and row count
    std::string csv_filename;  // non-empty: a CSV button that downloads the visible rows
};

struct TableEvents {
    int activated = -1;  // a model row opened by click or Enter
};

// `version` changes whenever the model's rows change (e.g. the App's revision): the order and
// totals are recomputed only then or when the filter or sort changes.
TableEvents draw_table(Shell& shell, const char* id, const TableModel& model, std::uint64_t version, TableState& st,
                       const TableOptions& options);

}  // namespace vsys::ui
