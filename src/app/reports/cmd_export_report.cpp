// {type: "export_report", report, format: "csv" | "csv-cp932" | "xlsx", filters?: {round?,
// month?, product?, municipality?}} (the filters may also be members of their own, as the report
// screen sends them): the report as the user sees it, exported; answers like
// export_bundle {file_name, mime, data_base64, unencodable: [...], rows} (base64, since XLSX
// and CP932 are not UTF-8): the very bytes the report screen's export downloads. An export of a
// personal report (R505) is recorded as a document of the exporting organisation.
// In the browser an XLSX file is written by a Web Worker (app/reports/xlsx_export.hpp): the
// answer then names the worker's job ("xlsx_job") instead of data_base64, and window.vsys.command
// (glue.js) waits for the worker and puts its bytes in data_base64, so callers see one shape.
#include <memory>

#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/reports/report_exports.hpp"
#include "app/reports/reports_commands.hpp"
#include "sync/crypto.hpp"

namespace vsys {

namespace {

using nlohmann::json;

struct Exported {
    std::string file_name;
    ExportedFile file;
    std::size_t rows = 0;
};

Result<PreparedCommand> prepare_export(App& app, const json& j) {
    ArgReader r(j);
    ReportQuery q = report_query_from(r);
    const std::string format_id = r.string("format");
    if (auto e = r.finish()) return *e;
    auto format = parse_export_format(format_id);
    if (!format) return Error{"reports.unknown_format", "no such export format", {{"format", format_id}}};
    auto out = std::make_shared<Exported>();
    PreparedCommand p;
    p.target_org = app.session().org;
    p.apply = [&app, q, format = *format, out]() -> Result<Versions> {
        auto run = run_report(app, q);
        if (!run) return run.error();
        out->file_name = export_file_name(*run, format);
        out->rows = run->result.table.rows.size();
        // The record before the file: a refused record must not leave a worker's job behind.
        Versions versions;
        if (run->def->personal) {
            auto record = export_record(app, *run, format, out->file_name);
            if (!record) return record.error();
            versions.push_back(std::move(*record));
        }
        auto file = export_report(run->result.table, format, export_options(app, *run));
        if (!file) return file.error();
        out->file = std::move(*file);
        return versions;
    };
    p.answer = [out]() {
        json unencodable = json::array();
        for (const auto& u : out->file.unencodable)
            unencodable.push_back({{"row", u.row}, {"column", u.column}, {"character", u.character},
                                   {"replacement", u.replacement}, {"substituted", u.substituted}});
        json answer{{"file_name", out->file_name}, {"mime", out->file.mime}, {"unencodable", unencodable}, {"rows", out->rows}};
        if (out->file.worker_job >= 0) answer["xlsx_job"] = out->file.worker_job;
        else answer["data_base64"] = crypto::to_base64(out->file.bytes);
        return answer;
    };
    return p;
}

}  // namespace

Result<RecordReportExport> RecordReportExport::read(const json& args) {
    ArgReader r(args);
    RecordReportExport c;
    c.query = report_query_from(r);
    const std::string format_id = r.string("format");
    c.file_name = r.string("file_name");
    if (auto e = r.finish()) return *e;
    auto format = parse_export_format(format_id);
    if (!format) return Error{"reports.unknown_format", "no such export format", {{"format", format_id}}};
    c.format = *format;
    return c;
}

// The report screen's record of an export of personal rows it wrote itself (across frames),
// made before the file is offered; the same record export_report leaves.
Result<PreparedCommand> prepare(App& app, const RecordReportExport& c) {
    PreparedCommand p;
    p.target_org = app.session().org;
    p.apply = [&app, q = c.query, format = c.format, file_name = c.file_name]() -> Result<Versions> {
        auto run = run_report(app, q);
        if (!run) return run.error();
        if (!run->def->personal) return Versions{};  // only personal rows are recorded
        auto record = export_record(app, *run, format, file_name);
        if (!record) return record.error();
        return Versions{std::move(*record)};
    };
    return p;
}

namespace {
const CommandEntry k_commands[] = {{"export_report", prepare_export}, command_entry<RecordReportExport>()};
}  // namespace

std::span<const CommandEntry> reports_commands() { return k_commands; }

}  // namespace vsys
