// The browser app's XLSX exporter (make_xlsx_exporter, app/reports/xlsx_export.hpp; this file
// replaces the in-process writer in the vsys_web build, which links no libxlsxwriter). step()
// encodes the table's rows (core/reports/report_table_codec.hpp), a slice per frame as the
// dialog asks; with the last row the bytes go to the XLSX worker (xlsx_client.js) and step()
// reports `compressing` until the worker has answered, which costs the page one poll a frame.
// Dropping the exporter before then terminates the worker: cancel is immediate, whatever the
// worker is doing. finish() before the worker's answer hands the job to the page instead
// (ExportedFile::worker_job, awaited by window.vsys.command) and then never cancels it.
#include <emscripten.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/base/i18n.hpp"
#include "app/reports/xlsx_export.hpp"
#include "core/reports/report_table_codec.hpp"

namespace {

EM_JS(int, js_xlsx_start, (const char* data, int size), {
    return Module.vsysXlsxStart(HEAPU8.slice(data >>> 0, (data >>> 0) + size));  // unsigned: see cmake/web.cmake
});
EM_JS(int, js_xlsx_state, (int job), { return Module.vsysXlsxState(job); });
EM_JS(void, js_xlsx_cancel, (int job), { Module.vsysXlsxCancel(job); });
EM_JS(char*, js_xlsx_take, (int job, int* size), { return Module.vsysXlsxTake(job, size); });

vsys::Error xlsx_error(const std::string& reason) {
    return vsys::Error("export.xlsx", reason, {{"reason", reason}});
}

class WorkerXlsxExporter final : public vsys::ReportExporter {
public:
    WorkerXlsxExporter(const vsys::ReportTable& table, const vsys::ExportOptions& options)
        : encoder_(table, options), rows_(table.rows.size()) {}

    ~WorkerXlsxExporter() override {
        if (job_ > 0 && !handed_over_) js_xlsx_cancel(job_);
    }

    vsys::ExportProgress step(std::size_t max_rows) override {
        if (job_ == 0) {
            const vsys::ExportProgress p = encoder_.step(max_rows);
            if (!p.done()) return p;
            start();
        }
        poll();
        return {rows_, rows_, !result_};
    }

    vsys::Result<vsys::ExportedFile> finish() override {
        if (job_ == 0) start();
        poll();
        if (result_) return *result_;
        vsys::ExportedFile pending;
        pending.mime = vsys::export_format_mime(vsys::ExportFormat::xlsx);
        pending.extension = vsys::export_format_extension(vsys::ExportFormat::xlsx);
        pending.worker_job = job_;
        handed_over_ = true;
        return pending;
    }

private:
    void start() {
        const std::string bytes = encoder_.take();
        job_ = js_xlsx_start(bytes.data(), static_cast<int>(bytes.size()));
    }

    void poll() {
        if (result_ || js_xlsx_state(job_) == 0) return;
        int size = -1;
        char* data = js_xlsx_take(job_, &size);
        if (size < 0) {
            result_ = xlsx_error(data ? data : "");
        } else {
            vsys::ExportedFile file;
            file.bytes.assign(data, static_cast<std::size_t>(size));
            file.mime = vsys::export_format_mime(vsys::ExportFormat::xlsx);
            file.extension = vsys::export_format_extension(vsys::ExportFormat::xlsx);
            result_ = std::move(file);
        }
        std::free(data);
    }

    vsys::ReportTableEncoder encoder_;
    std::size_t rows_;
    int job_ = 0;  // the worker's job once the rows are handed over (numbers start at 1)
    bool handed_over_ = false;
    std::optional<vsys::Result<vsys::ExportedFile>> result_;
};

}  // namespace

namespace vsys {

std::unique_ptr<ReportExporter> make_xlsx_exporter(const ReportTable& table, const ExportOptions& options) {
    return std::make_unique<WorkerXlsxExporter>(table, options);
}

}  // namespace vsys

// The answer window.vsys.command gives when the worker failed (glue.js): the code and message of
// export.xlsx in the page's language, from the string table.
extern "C" EMSCRIPTEN_KEEPALIVE const char* vsys_xlsx_failure(const char* reason, int english) {
    static std::string out;
    const vsys::Error e = xlsx_error(reason ? reason : "");
    const auto lang = english ? vsys::Language::en : vsys::Language::ja;
    out = nlohmann::json{{"code", e.code}, {"message", vsys::Strings::builtin().error_message(e, lang)}}.dump();
    return out.c_str();
}
