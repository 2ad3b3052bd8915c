// Exports of a report run (詳細のエクスポート): the options every export of a run shares, so the
// screen's download and the automation API's `export_report` give the very same bytes, and the
// record an export of personal rows leaves (kind report_export, core/reports/kinds.hpp).
#pragma once

#include <string>

#include "app/reports/reports_app.hpp"
#include "app/reports/xlsx_export.hpp"
#include "core/documents/document.hpp"

namespace vsys {

// Sheet named after the report, totals labelled in the user's language, and the XLSX creation
// time at the start of the run's day in Japan: the same day's exports are byte-identical.
ExportOptions export_options(const App& app, const ReportRun& run);
// R313_千代田区_2022-01-31.csv, R204_東京都_2021-12_2022-01-31_SJIS.csv (core/reports/report_export.hpp)
std::string export_file_name(const ReportRun& run, ExportFormat format);
// The unsealed record of an export of a personal report, owned by the viewer's organisation.
Result<DocumentVersion> export_record(App& app, const ReportRun& run, ExportFormat format, const std::string& file_name);

}  // namespace vsys
