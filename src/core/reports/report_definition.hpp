// Report definitions as data (assets/reports/reports.tsv and columns.tsv, DOMAIN.md §9): which
// reports exist, in which folder, for which roles, over which rows (scope), from which source,
// with which filters, sort, chart and columns. Adding a report is a row in each file; adding a
// source (a new kind of row) is code in app/reports/sources.
//
// Invariants of a parsed set: ids unique; every report has at least one column; every column's
// field is unique within its report; a "total" column is a count or yen column; sort and chart
// fields are columns of the report (the chart's key too); roles, scope, filters and types are known names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/org_role.hpp"
#include "core/base/report_table.hpp"
#include "core/base/result.hpp"

namespace vsys {

// Which rows a viewer may see (checked row by row by the engine, report_engine.hpp).
enum class ReportScope {
    subtree,            // rows about the viewer's organisation or below it
    subtree_addressed,  // and rows addressed to the viewer (claims about its residents, a federation's)
    everywhere,         // every organisation's rows: the service desk (support), which serves them all
};

enum class ReportFilter { round, month, product, municipality };
const char* report_filter_id(ReportFilter f);  // "round", "month", "product", "municipality"

struct ReportColumnDef {
    std::string field;  // the source's field id
    std::string label_ja, label_en;
    CellType type = CellType::text;
    std::string unit;  // strings.tsv key, "" none
    bool total = false;
};

struct ReportDefinition {
    std::string id;      // R313
    std::string folder;  // R3
    std::string title_ja, title_en;
    std::vector<OrgRole> roles;
    ReportScope scope = ReportScope::subtree;
    std::string source;
    std::vector<ReportFilter> filters;
    std::vector<std::string> sort;  // field ids, ascending, in order of precedence
    std::string chart_label;        // "" no chart
    std::string chart_key;          // bars per value of this field ("" per label): sites of one name apart
    std::vector<std::string> chart_values;
    bool personal = false;  // rows are personal data: every export is recorded
    std::string notice;     // strings.tsv key of a notice shown above it, "" none
    std::vector<ReportColumnDef> columns;

    bool visible_to(OrgRole r) const;
    bool has_filter(ReportFilter f) const;
    // The index of a column by field, or -1.
    int column_of(std::string_view field) const;
};

// Errors: reports.bad_row {file} {line} {reason}.
Result<std::vector<ReportDefinition>> parse_report_definitions(std::string_view reports_tsv,
                                                               std::string_view columns_tsv);
// The embedded definitions, parsed once (a unit test checks they parse).
const std::vector<ReportDefinition>& report_definitions();
const ReportDefinition* find_report(std::string_view id);

// The folders in display order with their names: R1 国, R2 都道府県, R3 市町村, R5 医療機関, R6 国保連.
struct ReportFolder {
    std::string id;  // R3
    std::string name_ja, name_en;  // R3_市町村レポート
};
const std::vector<ReportFolder>& report_folders();

}  // namespace vsys
