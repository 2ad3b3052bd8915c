// 詳細のエクスポート: the format (CSV UTF-8 with BOM by default, CSV CP932, XLSX), the file name,
// for CP932 the characters it cannot hold listed before the user confirms, then the export run
// a slice per frame (about 12 ms) with a progress bar and a cancel, so a 70,000-row report never
// freezes the page; in the browser an XLSX file is then assembled by the worker (圧縮中, the
// page polling it each frame), and cancel terminates the worker. An export of personal rows
// (R505) is recorded first, then downloaded. Its width is modal_text_width's: on a phone the
// dialog, its texts and the list of unencodable characters wrap inside the screen.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "app/base/app.hpp"
#include "app/base/i18n.hpp"
#include "app/reports/reports_commands.hpp"
#include "core/base/numbers.hpp"
#include "ui/reports/reports_ui.hpp"
#include "ui/shell/host.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

constexpr std::size_t k_rows_per_step = 400;
constexpr double k_frame_budget_seconds = 0.012;
constexpr int k_max_steps_per_frame = 10;  // and never more than 4,000 rows a frame, whatever the clock says

void list_unencodable(Shell& shell, const ReportRun& run, const std::vector<Unencodable>& list) {
    if (list.empty()) return;
    const float width = modal_text_width();
    notice(shell.tr("report.unencodable"), width);
    ImGui::BeginChild("##unencodable", ImVec2(width, std::min(160.0f, 24.0f * static_cast<float>(list.size()) + 8)), true);
    for (const auto& u : list) {
        const auto& columns = run.result.table.columns;
        const std::string column = u.column < columns.size() ? columns[u.column].label : "";
        // Wrapped inside the list: a long column name on a phone.
        text_wrapped(fill_placeholders(shell.tr("report.unencodable_row"),
                                                   {{"row", std::to_string(u.row)}, {"column", column},
                                                    {"character", u.character}, {"replacement", u.replacement}})
                                     );
    }
    ImGui::EndChild();
    shell.anchor("reports.export.unencodable");
}

// Writes a slice of the running job; at its end records (personal rows) and downloads.
void run_job(Shell& shell, ReportScreen& s) {
    ReportExportState& e = s.exporting;
    const double start = shell.host().now_seconds();
    ExportProgress p;
    int steps = 0;
    do p = e.job->step(k_rows_per_step);
    while (!p.done() && !p.compressing && ++steps < k_max_steps_per_frame &&
           shell.host().now_seconds() - start < k_frame_budget_seconds);
    if (p.compressing) {
        // The browser's XLSX worker assembles and deflates the file: the page only waits for it,
        // so the bar sweeps (its text says what is going on) rather than claiming a fraction. It
        // moves in tenths, so the page draws ~7 frames a second, not 60 (RepaintFilter): with
        // software GL a drawn frame costs CPU the worker could use.
        const double t = shell.host().now_seconds();
        if (e.compressing_since < 0) e.compressing_since = t;
        const float sweep = static_cast<float>(std::floor(std::fmod((t - e.compressing_since) / 1.5, 1.0) * 10) + 1) / 10;
        ImGui::ProgressBar(sweep, ImVec2(std::min(400.0f, modal_text_width()), 0), shell.tr("report.compressing").c_str());
        shell.anchor("reports.export.compressing");
    } else {
        const float fraction = p.rows_total ? static_cast<float>(p.rows_done) / static_cast<float>(p.rows_total) : 1.0f;
        ImGui::ProgressBar(fraction, ImVec2(std::min(400.0f, modal_text_width()), 0),
                           fill_placeholders(shell.tr("report.exporting"),
                                             {{"done", format_grouped(static_cast<std::int64_t>(p.rows_done))},
                                              {"total", format_grouped(static_cast<std::int64_t>(p.rows_total))}})
                               .c_str());
    }
    shell.anchor("reports.export.progress");
    if (ImGui::Button(shell.tr("common.cancel").c_str())) e.job.reset();
    shell.anchor("reports.export.cancel");
    if (!e.job || !p.done()) return;
    auto file = e.job->finish();
    e.job.reset();
    if (!file) {
        e.error = shell.app().error_text(file.error());
        return;
    }
    const std::string name = export_file_name(*s.run(), e.job_format);
    if (s.run()->def->personal) {
        const ReportQuery& q = s.run()->query;
        e.error = shell.run(RecordReportExport{q, e.job_format, name}, nullptr);
        if (!e.error.empty()) return;
    }
    shell.host().download_bytes(name, file->bytes, file->mime);
    shell.toast(fill_placeholders(shell.tr("report.exported"),
                                  {{"file", name}, {"rows", format_grouped(static_cast<std::int64_t>(s.run()->result.table.rows.size()))}}));
    e.open = false;
    ImGui::CloseCurrentPopup();
}

}  // namespace

void report_export_dialog(Shell& shell, ReportScreen& s) {
    ReportExportState& e = s.exporting;
    if (!s.run()) return;
    if (e.open && !e.shown) {
        ImGui::OpenPopup("##report_export");
        e.shown = true;
    }
    // Never wider than the screen: its content wraps at modal_text_width.
    const float pad = ImGui::GetStyle().WindowPadding.x;
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(modal_text_width() + 2 * pad, FLT_MAX));
    centre_next_modal();
    if (!ImGui::BeginPopupModal("##report_export", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        e.open = e.shown = false;
        e.job.reset();  // closed (Esc, or its own buttons): nothing half-written is kept
        return;
    }
    if (!e.open) {
        // Opened over another report, whose page the route has left: it is not this one's.
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    // Every text of the dialog wraps at its width (the report's title, the file name on a phone).
    ImGui::PushTextWrapPos(modal_text_width());
    section_title(shell.tr("report.export") + "  " + s.run()->result.table.title);
    if (s.run()->def->personal) notice(shell.tr("report.export_recorded"), modal_text_width());
    if (e.job) {
        run_job(shell, s);
        ImGui::PopTextWrapPos();
        ImGui::EndPopup();
        return;
    }
    form_label(shell.tr("report.format"));
    float radios = 0;  // the widest choice: beside the label where it fits, under it on a phone
    for (ExportFormat f : k_export_formats)
        radios = std::max(radios, ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                                      ImGui::CalcTextSize(shell.tr(std::string("report.format.") + export_format_id(f)).c_str()).x);
    under_label_if_narrow(radios);
    ImGui::BeginGroup();
    for (int i = 0; i < static_cast<int>(std::size(k_export_formats)); ++i) {
        const char* id = export_format_id(k_export_formats[i]);
        if (ImGui::RadioButton(shell.tr(std::string("report.format.") + id).c_str(), e.format == i)) e.format = i;
        shell.anchor(std::string("reports.export.format.") + id);
    }
    ImGui::EndGroup();
    const ExportFormat format = k_export_formats[e.format];
    form_label(shell.tr("report.file_name"));
    form_value(export_file_name(*s.run(), format));
    if (format == ExportFormat::csv_cp932) {
        if (!e.cp932_preview) {
            auto preview = export_csv(s.run()->result.table, ExportFormat::csv_cp932, export_options(shell.app(), *s.run()));
            e.cp932_preview = preview ? preview->unencodable : std::vector<Unencodable>{};
        }
        list_unencodable(shell, *s.run(), *e.cp932_preview);
    }
    field_message(e.error, true);
    if (ImGui::Button(shell.tr("report.export_run").c_str())) {
        e.error.clear();
        e.job_format = format;
        e.compressing_since = -1;
        e.job = make_report_exporter(s.run()->result.table, format, export_options(shell.app(), *s.run()));
    }
    shell.anchor("reports.export.run");
    ImGui::SameLine();
    if (ImGui::Button(shell.tr("common.cancel").c_str())) {
        e.open = false;
        ImGui::CloseCurrentPopup();
    }
    shell.anchor("reports.export.close");
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
}

}  // namespace vsys::ui
