// The report tab (DOMAIN.md §9): folders → reports → summary (totals and a chart) →
// 「詳細を表示」 (the shared Table over every row) → 「詳細のエクスポート」 (CSV in UTF-8 or
// CP932, XLSX; large exports across frames with progress and a cancel). The route is
// #/reports/<report id>, so the browser's Back returns from a report to the list.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/reports/report_exports.hpp"
#include "app/reports/reports_app.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/widgets/table.hpp"

namespace vsys::ui {

class Shell;

struct ReportExportState {
    bool open = false;   // the dialog is asked for (詳細のエクスポート), until it is closed
    bool shown = false;  // this page opened ImGui's popup: a frame it finds closed was closed by Esc
    int format = 0;     // index into k_export_formats
    // CP932's unencodable characters, listed before the user confirms (computed once per run).
    std::optional<std::vector<Unencodable>> cp932_preview;
    std::unique_ptr<ReportExporter> job;  // running; dropping it cancels
    ExportFormat job_format = ExportFormat::csv_utf8;
    double compressing_since = -1;  // Host::now_seconds() when the XLSX worker took the rows
    std::string error;
};

struct ReportScreen {
    ReportRunQuery question;  // question.query.report: the open report ("" the list)
    // The run, made again only when the question or the App's revision changes; its loads()
    // are the Table's version.
    KeptView<ReportRunQuery> report;
    KeptView<ReportsQuery> list;
    // The question and App::revision() of the run shown: its filled-in defaults stay chosen.
    ReportRunQuery shown_for;
    std::uint64_t shown_at = ~std::uint64_t{0};
    bool detail = false;
    KeptTable table;
    ReportExportState exporting;

    // The run shown, or nullptr (none yet, or refused).
    const ReportRun* run() const { return report.view() ? &report.view()->run : nullptr; }
};

inline constexpr ExportFormat k_export_formats[] = {ExportFormat::csv_utf8, ExportFormat::csv_cp932, ExportFormat::xlsx};

// The summary's bars (report_chart.cpp).
void report_chart(Shell& shell, const ReportResult& result);
// The export dialog and its running job (report_export_dialog.cpp); call every frame.
void report_export_dialog(Shell& shell, ReportScreen& s);

}  // namespace vsys::ui
