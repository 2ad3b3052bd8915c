// The report engine: a definition (report_definition.hpp) over the rows of its source gives the
// table a user sees and exports, its totals and its chart. One place decides which rows a viewer
// may see: every row names the organisation it is about and those it is addressed to, and the
// engine keeps a row only when the definition's scope lets the viewer see it, whatever the
// source computed (a source over a nation's store sees everything it pulled).
//
// Invariants of a result: every row is in the viewer's scope; totals are the exact sums of the
// rows' cells of total columns; chart values are the sums of their key's rows (the label's when
// the definition names no key), a bar named "label (key)" where two keys share a label; sorting is
// stable, numbers compared as numbers, blanks first. `in_scope` counts the rows before the
// filters (month, municipality, product), so an empty result says why it is empty
// (report_emptiness); `months` are the months of those rows, newest first, the month filter's
// choices.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/report_table.hpp"
#include "core/reports/report_definition.hpp"

namespace vsys {

struct SourceField {
    std::string id;
    CellType type = CellType::text;
};

struct SourceRow {
    std::string org;                     // whom the row is about (a site, a municipality, an account's organisation)
    std::vector<std::string> addressed;  // organisations it is addressed to (claims: the payer, the residents' municipality)
    std::string municipality;            // the municipality code the municipality filter matches ("" none)
    std::string product;                 // the product id the product filter matches ("" none)
    std::string month;                   // "YYYY-MM" the month filter matches ("" none)
    std::vector<ReportCell> cells;       // one per SourceField
};

struct SourceRows {
    std::vector<SourceField> fields;
    std::vector<SourceRow> rows;
    // Documents meant for the viewer that this device cannot open (sealed personal data written
    // before this device could read it): the report says so rather than look complete.
    std::size_t unreadable = 0;
    int field_of(std::string_view id) const;
};

struct ReportViewer {
    std::string org;
    // Whether an organisation is the viewer's or below it (the hierarchy's subtree).
    std::function<bool(std::string_view org)> in_subtree;
};

struct ReportSelection {
    std::string municipality;  // "" all
    std::string product;       // "" all
    std::string month;         // "YYYY-MM"; "" all
    bool any() const { return !municipality.empty() || !product.empty() || !month.empty(); }
};

struct ChartBar {
    std::string label;
    std::vector<std::int64_t> values;  // one per chart value column
};

struct ReportResult {
    ReportTable table;
    std::vector<std::optional<std::int64_t>> totals;  // per column: the sum of a total column
    std::vector<std::string> chart_series;            // the chart value columns' labels
    std::vector<ChartBar> bars;                       // by the first value, largest first
    std::size_t out_of_scope = 0;                     // rows the source gave that the viewer may not see (dropped)
    std::size_t in_scope = 0;                         // rows the viewer may see, before the filters
    std::vector<std::string> months;                  // the months ("YYYY-MM") of those rows, newest first
    std::size_t unreadable = 0;                       // the source's documents for the viewer it could not open
};

// Errors: reports.source_field {report} {field} (a column the source does not give, or of
// another type).
Result<ReportResult> build_report(const ReportDefinition& def, SourceRows rows, const ReportViewer& viewer,
                                  const ReportSelection& selection, bool english,
                                  const std::function<std::string(std::string_view unit_key)>& unit_text);

// Why a report shows no row (the screen and window.vsys say it in the user's language).
enum class ReportEmptiness {
    has_rows,          // not empty
    nothing_in_scope,  // the viewer may see no row of this report among this device's documents
    filtered_out,      // rows are in scope, and the chosen filters exclude every one
};
ReportEmptiness report_emptiness(const ReportResult& result);
const char* report_emptiness_id(ReportEmptiness e);  // "has_rows", "nothing_in_scope", "filtered_out"

// Whether a row is one the viewer may see under a scope (the rule build_report applies).
bool row_in_scope(ReportScope scope, const SourceRow& row, const ReportViewer& viewer);

}  // namespace vsys
