// レポート: the folders of the user's level with their reports; a report's page with its
// filters, summary (row count, totals, chart), 「詳細を表示」 and 「詳細のエクスポート」.
// Reads the app's typed report runs (app/reports/reports_app.hpp); a run is made again when
// its filters change or the documents do (App::revision()).
#include "app/base/app.hpp"
#include "app/base/i18n.hpp"
#include "core/base/numbers.hpp"
#include "ui/reports/reports_ui.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

std::string folder_name(const App& app, const std::string& id) {
    for (const auto& f : report_folders())
        if (f.id == id) return app.language() == Language::en ? f.name_en : f.name_ja;
    return id;
}

void draw_list(Shell& shell) {
    const auto reports = reports_for_user(shell.app());
    if (reports.empty()) {
        muted_text(shell.tr("report.none"));
        return;
    }
    muted_text(shell.tr("report.choose"));
    const bool en = shell.app().language() == Language::en;
    std::string folder;
    for (const ReportDefinition* d : reports) {
        if (d->folder != folder) {
            folder = d->folder;
            section_title(folder_name(shell.app(), folder));
            shell.anchor("reports.folder." + folder);
        }
        const std::string label = d->id + "  " + (en ? d->title_en : d->title_ja);
        if (ImGui::Selectable((label + "##" + d->id).c_str(), false, 0, ImVec2(0, ImGui::GetTextLineHeight() * 1.6f)))
            shell.go("reports", d->id);
        shell.anchor("reports.open." + d->id);
    }
}

// A filter's combo; true when the user picked another value.
bool filter_combo(Shell& shell, const char* key, const std::vector<ReportChoice>& choices, std::string& value, bool all) {
    if (choices.empty()) return false;
    std::string shown = shell.tr("report.all");
    for (const auto& c : choices)
        if (c.id == value) shown = c.label;
    form_label(shell.tr(std::string("report.filter.") + key), 110);
    field_width(280);
    bool changed = false;
    if (ImGui::BeginCombo((std::string("##filter.") + key).c_str(), shown.c_str())) {
        if (all && ImGui::Selectable(shell.tr("report.all").c_str(), value.empty())) value.clear(), changed = true;
        for (const auto& c : choices)
            if (ImGui::Selectable((c.label + "##" + c.id).c_str(), c.id == value)) value = c.id, changed = true;
        ImGui::EndCombo();
    }
    shell.anchor(std::string("reports.filter.") + key);
    return changed;
}

void build_table(Shell& shell, const ReportResult& r, TableModel& m) {
    m.columns.clear();
    m.rows.clear();
    for (const auto& c : r.table.columns) m.columns.push_back({c.label, is_number(c.type), c.unit, 0, c.total});
    m.rows.reserve(r.table.rows.size());
    for (const auto& row : r.table.rows) {
        std::vector<TableCell> cells;
        cells.reserve(row.size());
        for (std::size_t c = 0; c < row.size(); ++c) {
            const ReportCell& cell = row[c];
            TableCell t;
            t.blank = cell.blank;
            t.number = cell.number;
            if (!cell.blank && r.table.columns[c].type == CellType::date) t.text = shell.date_text(cell.text);
            else if (!is_number(r.table.columns[c].type)) t.text = cell.text;
            cells.push_back(std::move(t));
        }
        m.rows.push_back(std::move(cells));
    }
}

void summary(Shell& shell, const ReportResult& r) {
    section_title(shell.tr("report.summary"));
    ImGui::TextUnformatted(fill_placeholders(shell.tr("report.rows"), {{"n", format_grouped(static_cast<std::int64_t>(r.table.rows.size()))}}).c_str());
    shell.anchor("reports.count");
    for (std::size_t c = 0; c < r.table.columns.size(); ++c) {
        if (!r.totals[c]) continue;
        form_label(r.table.columns[c].label, 200);
        form_value(format_grouped(*r.totals[c]) + " " + r.table.columns[c].unit);
        shell.anchor("reports.total." + std::to_string(c));
    }
    if (!r.bars.empty()) {
        ImGui::Spacing();
        report_chart(shell, r);
    }
}

void draw_report(Shell& shell, ReportScreen& s) {
    App& app = shell.app();
    if (ImGui::Button(("< " + shell.tr("report.back")).c_str())) {
        shell.go("reports");
        return;
    }
    shell.anchor("reports.back");
    if (!s.run || s.run_revision != app.revision()) {
        auto run = run_report(app, s.query);
        s.run_revision = app.revision();
        s.error.clear();
        s.run.reset();
        s.exporting.cp932_preview.reset();
        if (run) {
            s.query = run->query;
            s.run = std::move(*run);
            ++s.runs;
        } else {
            s.error = app.error_text(run.error());
        }
    }
    if (!s.run) {
        field_message(s.error, true);
        return;
    }
    const ReportRun& run = *s.run;
    screen_title(run.result.table.title);
    if (!run.def->notice.empty()) notice(shell.tr(run.def->notice), ImGui::GetContentRegionAvail().x);
    if (run.def->personal) ImGui::TextColored(colour::pending, "%s", shell.tr("report.personal").c_str());
    if (run.result.unreadable > 0)
        notice(fill_placeholders(shell.tr("report.sealed_unreadable"), {{"n", std::to_string(run.result.unreadable)}}),
               ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", fill_placeholders(shell.tr("report.as_of"), {{"date", shell.date_text(run.as_of)}}).c_str());
    ImGui::PopStyleColor();
    const ReportChoices choices = report_choices(app, *run.def);
    ReportQuery q = s.query;
    bool changed = filter_combo(shell, "round", choices.rounds, q.round, false);
    changed |= filter_combo(shell, "month", choices.months, q.month, true);
    changed |= filter_combo(shell, "product", choices.products, q.product, true);
    changed |= filter_combo(shell, "municipality", choices.municipalities, q.municipality, true);
    if (changed) {
        s.query = q;
        s.run.reset();
        return;
    }
    // The actions before the summary, so they are in view without scrolling on a small screen.
    if (ImGui::Button(shell.tr(s.detail ? "report.hide_detail" : "report.show_detail").c_str())) s.detail = !s.detail;
    shell.anchor("reports.detail");
    ImGui::SameLine();
    if (ImGui::Button(shell.tr("report.export").c_str())) {
        s.exporting.open = true;
        s.exporting.error.clear();
    }
    shell.anchor("reports.export");
    report_export_dialog(shell, s);
    // The rows, once asked for, come first (in view at once); the summary follows them.
    if (s.detail) {
        ImGui::Spacing();
        if (run.result.table.rows.empty()) {
            muted_text(shell.tr("report.empty"));
        } else {
            if (s.table.stale(s.runs)) build_table(shell, run.result, s.table.model);
            draw_table(shell, "reports.table", s.table.model, s.runs, s.table.state, {"reports.table", 0, true, ""});
        }
    }
    summary(shell, run.result);
}

}  // namespace

void draw_reports(Shell& shell) {
    ReportScreen& s = shell.state<ReportScreen>();
    if (s.query.report != shell.param()) {
        s = ReportScreen{};
        s.query.report = shell.param();
    }
    if (s.query.report.empty()) {
        screen_title(shell.tr("screen.reports"));
        draw_list(shell);
        return;
    }
    draw_report(shell, s);
}

}  // namespace vsys::ui
