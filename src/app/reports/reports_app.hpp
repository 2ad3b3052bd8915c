// Reports (DOMAIN.md §9) in the app: which reports the signed-in user sees, the choices of their
// filters, and a report run over the documents of this device as the user's organisation sees
// them. The definitions are data (core/reports/report_definition.hpp), the rows come from the
// sources (sources.hpp), the scope, sort, totals and chart from the engine
// (core/reports/report_engine.hpp). Typed for the report screen; JSON only at the window.vsys
// edge (view_reports.cpp, cmd_export_report.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"
#include "core/reports/report_definition.hpp"
#include "core/reports/report_engine.hpp"

namespace vsys {

class App;
class ArgReader;

struct ReportQuery {
    std::string report;        // R313
    std::string round;         // "" the default (the latest round)
    std::string month;         // "YYYY-MM"; "" the default (the latest month with data)
    std::string product;       // "" all
    std::string municipality;  // 6-digit code; "" all
    bool operator==(const ReportQuery&) const = default;
};

struct ReportChoice {
    std::string id;
    std::string label;
};

// What a filter may be set to, for the report's filters only (others empty).
struct ReportChoices {
    std::vector<ReportChoice> rounds;  // latest first
    // The months the report's rows have (in the viewer's scope, whatever the filters), latest
    // first; a chosen month without rows stays listed, in its place, saying it has none.
    std::vector<ReportChoice> months;
    std::vector<ReportChoice> products;
    std::vector<ReportChoice> municipalities;  // of the viewer's subtree
};

struct ReportRun {
    const ReportDefinition* def = nullptr;
    ReportQuery query;  // with the defaults filled in
    ReportResult result;
    std::string org_name;  // the viewer's organisation (file names: R311_千代田区_2022-01-31.csv)
    // The filters chosen, as an export's file name says them: the round's code, the month, the
    // product's and the municipality's names (R204_東京都_2021-12_千代田区_2022-01-31.csv).
    std::vector<std::string> filter_names;
    std::string as_of;     // today, ISO (the export's date)
};

// The reports of the user's role, in folder order.
std::vector<const ReportDefinition*> reports_for_user(const App& app);
// Errors: reports.unknown {report}, reports.not_for_role {report}.
Result<const ReportDefinition*> report_for_user(const App& app, const std::string& id);
ReportChoices report_choices(App& app, const ReportRun& run);
// Why the run shows no row, in the user's language ("" when it has rows): nothing in its scope
// on this device yet (and what to do: sync, or the training kiosk's history), or the chosen
// filters (named) exclude every row.
std::string report_empty_text(App& app, const ReportRun& run);
// Errors: those of report_for_user, reports.unknown_round {round}, arg.* for a malformed month,
// reports.unknown_product, reports.unknown_municipality, and the source's.
Result<ReportRun> run_report(App& app, const ReportQuery& query);
// {report, round?, month?, product?, municipality?} of the `report` view and `export_report`, the
// filters also accepted inside `filters: {...}` (not both ways). Errors: arg.*, arg.twice {name}.
ReportQuery report_query_from(ArgReader& r);

// ---- Typed views (app/base/contract.hpp), the report screen's and window.vsys's (view_reports.cpp)
// reports {}: the folders of the user's role with their reports, in folder order, named in the
// user's language.
struct ReportListing {
    std::string id, title;
    bool personal = false;
};
struct ReportFolderListing {
    std::string id, name;
    std::vector<ReportListing> reports;
};
struct ReportsView {
    std::vector<ReportFolderListing> folders;
};
struct ReportsQuery {
    static constexpr const char* name = "reports";
    using View = ReportsView;
    static Result<ReportsQuery> read(const nlohmann::json& args);
    bool operator==(const ReportsQuery&) const = default;
};
Result<Prepared<ReportsView>> prepare(App& app, const ReportsQuery& q);
nlohmann::json to_json(const ReportsView& v);

// report {report, round?, month?, product?, municipality?, detail?}: a run with the choices of
// its filters and its notice translated; with detail the JSON carries every row (the run always
// holds them: the screen's Table and exports read them). An empty run says why (`empty`).
struct ReportRunView {
    ReportRun run;
    ReportChoices choices;
    std::string notice;  // the definition's notice in the user's language, "" none
    ReportEmptiness emptiness = ReportEmptiness::has_rows;
    std::string empty_text;  // report_empty_text, "" when it has rows
    bool detail = false;
};
struct ReportRunQuery {
    static constexpr const char* name = "report";
    using View = ReportRunView;
    ReportQuery query;
    bool detail = false;
    static Result<ReportRunQuery> read(const nlohmann::json& args);
    bool operator==(const ReportRunQuery&) const = default;
};
Result<Prepared<ReportRunView>> prepare(App& app, const ReportRunQuery& q);
nlohmann::json to_json(const ReportRunView& v);

}  // namespace vsys
