// The report screen's typed command (app/base/contract.hpp): the record of an export of
// personal rows (R505) the screen wrote itself, made before the file is offered. window.vsys
// sends the same JSON (cmd_export_report.cpp); export_report itself is window.vsys's only.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"
#include "app/reports/reports_app.hpp"
#include "core/reports/report_export.hpp"

namespace vsys {

class App;

// {type: "record_report_export", report, format, file_name, round?, month?, product?, municipality?}
struct RecordReportExport {
    static constexpr const char* type = "record_report_export";
    ReportQuery query;
    ExportFormat format = ExportFormat::csv_utf8;
    std::string file_name;
    static Result<RecordReportExport> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const RecordReportExport& c);

}  // namespace vsys
