// レポート: the folders of the user's level with their reports; a report's page with its
// filters, summary (row count, totals, chart), 「詳細を表示」 and 「詳細のエクスポート」.
// Reads the app's typed views (app/reports/reports_app.hpp) kept in KeptViews: a run is made
// again only when its filters change or the documents do (App::revision()).
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

void draw_list(Shell& shell, ReportScreen& s) {
    const ReportsView* v = s.list.get(shell.app(), ReportsQuery{});
    if (!v) {
        field_message(s.list.error(), true);
        return;
    }
    if (v->folders.empty()) {
        muted_text(shell.tr("report.none"));
        return;
    }
    muted_text(shell.tr("report.choose"));
    for (const ReportFolderListing& folder : v->folders) {
        section_title(folder.name);
        shell.anchor("reports.folder." + folder.id);
        for (const ReportListing& r : folder.reports) {
            // A long title wraps (a phone) rather than running past the edge.
            if (wrapped_selectable(r.id, r.title, false, ImGui::GetTextLineHeight() * 1.6f, r.id))
                shell.go("reports", r.id);
            shell.anchor("reports.open." + r.id);
        }
    }
}

// A filter's combo; true when the user picked another value.
bool filter_combo(Shell& shell, const char* key, const std::vector<ReportChoice>& choices, std::string& value, bool all) {
    if (choices.empty()) return false;
    std::string shown = shell.tr("report.all");
    for (const auto& c : choices)
        if (c.id == value) shown = c.label;
    form_label(shell.tr(std::string("report.filter.") + key), 110);
    under_label_if_narrow(std::min(280.0f, combo_width(shown)));
    field_width(280);
    bool changed = false;
    const std::string anchor = std::string("reports.filter.") + key;
    if (begin_combo(std::string("##filter.") + key, shown, anchor)) {
        if (all) {
            if (combo_choice(shell.tr("report.all"), value.empty())) value.clear(), changed = true;
            shell.anchor(anchor + ".all");
        }
        for (const auto& c : choices) {
            if (combo_choice(c.label + "##" + c.id, c.id == value)) value = c.id, changed = true;
            shell.anchor(anchor + "." + c.id);  // each choice, for the tests and tours: <anchor>.<id>
        }
        ImGui::EndCombo();
    }
    shell.anchor(anchor);
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

// An empty report says why (the app's words) and, where the filters exclude every row, offers to
// clear them.
void empty_reason(Shell& shell, ReportScreen& s, const ReportRunView& v) {
    if (v.empty_text.empty()) return;
    notice(v.empty_text, ImGui::GetContentRegionAvail().x);
    shell.anchor("reports.empty");
    if (v.emptiness != ReportEmptiness::filtered_out) return;
    if (wrapped_button(shell.tr("report.clear_filters"))) {
        ReportQuery q = v.run.query;
        q.month.clear();
        q.product.clear();
        q.municipality.clear();
        s.question.query = q;  // asked next frame
    }
    shell.anchor("reports.clear_filters");
}

void summary(Shell& shell, ReportScreen& s, const ReportRunView& v) {
    const ReportResult& r = v.run.result;
    section_title(shell.tr("report.summary"));
    text_wrapped(fill_placeholders(shell.tr("report.rows"), {{"n", format_grouped(static_cast<std::int64_t>(r.table.rows.size()))}}));
    shell.anchor("reports.count");
    empty_reason(shell, s, v);
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
    if (wrapped_button("< " + shell.tr("report.back"))) {
        shell.go("reports");
        return;
    }
    shell.anchor("reports.back");
    // The defaults a run filled in (the latest round and month) stay as shown when the documents
    // change: the question takes them just before the new revision asks the run again (unless
    // the user has just chosen another filter).
    if (const ReportRunView* shown = s.report.view();
        shown && !s.exporting.job && s.shown_at != app.revision() && s.question == s.shown_for)
        s.question.query = shown->run.query;
    // While an export runs it reads the shown run's table, so the run is not asked again then.
    const bool asked = !s.exporting.job;
    const ReportRunView* view = asked ? s.report.get(app, s.question) : s.report.view();
    if (asked && s.report.fresh()) {
        s.shown_for = s.question;
        s.shown_at = app.revision();
        s.exporting.cp932_preview.reset();
    }
    if (!view) {
        field_message(s.report.error(), true);
        return;
    }
    const ReportRun& run = view->run;
    screen_title(run.result.table.title);
    if (!view->notice.empty()) notice(view->notice, ImGui::GetContentRegionAvail().x);
    if (run.def->personal) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::pending);
        text_wrapped(shell.tr("report.personal"));
        ImGui::PopStyleColor();
    }
    if (run.result.unreadable > 0)
        notice(fill_placeholders(shell.tr("report.sealed_unreadable"), {{"n", std::to_string(run.result.unreadable)}}),
               ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(fill_placeholders(shell.tr("report.as_of"), {{"date", shell.date_text(run.as_of)}}));
    ImGui::PopStyleColor();
    const ReportChoices& choices = view->choices;
    ReportQuery q = run.query;
    bool changed = filter_combo(shell, "round", choices.rounds, q.round, false);
    changed |= filter_combo(shell, "month", choices.months, q.month, true);
    changed |= filter_combo(shell, "product", choices.products, q.product, true);
    changed |= filter_combo(shell, "municipality", choices.municipalities, q.municipality, true);
    if (changed) {
        s.question.query = q;  // asked next frame
        return;
    }
    // The actions before the summary, so they are in view without scrolling on a small screen.
    if (wrapped_button(shell.tr(s.detail ? "report.hide_detail" : "report.show_detail"))) s.detail = !s.detail;
    shell.anchor("reports.detail");
    same_line_if_room(button_width(shell.tr("report.export")), ImGui::GetStyle().ItemSpacing.x);
    if (wrapped_button(shell.tr("report.export"))) {
        s.exporting.open = true;
        s.exporting.error.clear();
    }
    shell.anchor("reports.export");
    report_export_dialog(shell, s);
    // The rows, once asked for, come first (in view at once); the summary follows them.
    if (s.detail) {
        ImGui::Spacing();
        if (run.result.table.rows.empty()) {
            muted_text(shell.tr("report.empty"));  // the summary below says why
        } else {
            if (s.table.stale(s.report.loads())) build_table(shell, run.result, s.table.model);
            draw_table(shell, "reports.table", s.table.model, s.report.loads(), s.table.state, {"reports.table", 0, true, ""});
        }
    }
    summary(shell, s, *view);
}

}  // namespace

void draw_reports(Shell& shell) {
    ReportScreen& s = shell.state<ReportScreen>();
    if (s.question.query.report != shell.param()) {
        s = ReportScreen{};
        s.question.query.report = shell.param();
    }
    if (s.question.query.report.empty()) {
        screen_title(shell.tr("screen.reports"));
        draw_list(shell, s);
        return;
    }
    draw_report(shell, s);
}

}  // namespace vsys::ui
