#include "app/reports/report_exports.hpp"

#include "app/base/app.hpp"
#include "core/base/display_time.hpp"
#include "core/reports/kinds.hpp"
#include "sync/utc_time.hpp"

namespace vsys {

std::unique_ptr<ReportExporter> make_report_exporter(const ReportTable& table, ExportFormat format,
                                                     const ExportOptions& options) {
    if (format == ExportFormat::xlsx) return make_xlsx_exporter(table, options);
    return make_csv_exporter(table, format, options);
}

Result<ExportedFile> export_report(const ReportTable& table, ExportFormat format, const ExportOptions& options) {
    return make_report_exporter(table, format, options)->finish();
}

ExportOptions export_options(const App& app, const ReportRun& run) {
    ExportOptions o;
    o.sheet_name = run.def->id;
    o.totals_label = app.tr("table.total");
    if (auto t = sync::parse_utc(run.as_of + "T00:00:00Z")) o.created_unix = *t - k_japan_utc_offset_seconds;
    return o;
}

std::string export_file_name(const ReportRun& run, ExportFormat format) {
    return export_file_name(run.def->id, run.org_name, run.filter_names, run.as_of, format);
}

Result<DocumentVersion> export_record(App& app, const ReportRun& run, ExportFormat format, const std::string& file_name) {
    // One document per export: the id is the time and the count of this organisation's records.
    std::size_t n = 1;
    const std::string prefix = app.session().org + "/" + k_report_export_kind + "/";
    for (const auto& key : app.store().keys()) n += key.rfind(prefix, 0) == 0;
    const std::string id = sync::utc_day(app.now()) + "-" + std::to_string(n);
    return app.successor(app.session().org, k_report_export_kind, id,
                         {{"report", run.def->id},
                          {"format", export_format_id(format)},
                          {"rows", static_cast<std::int64_t>(run.result.table.rows.size())},
                          {"file_name", file_name}});
}

}  // namespace vsys
