// The reports at the window.vsys edge: `reports` (the folders and reports of the user's role)
// and `report` {report, round?, month?, product?, municipality?, detail?} (the summary, and with
// detail: true every row). The report screen reads the same through reports_app.hpp, typed.
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/reports/reports_app.hpp"

namespace vsys {

namespace {

using nlohmann::json;

const char* cell_type_id(CellType t) {
    switch (t) {
        case CellType::text: return "text";
        case CellType::code: return "code";
        case CellType::count: return "count";
        case CellType::yen: return "yen";
        case CellType::date: return "date";
    }
    return "text";
}

json choices_json(const std::vector<ReportChoice>& list) {
    json out = json::array();
    for (const auto& c : list) out.push_back({{"id", c.id}, {"label", c.label}});
    return out;
}

}  // namespace

ReportQuery report_query_from(ArgReader& r) {
    ReportQuery q;
    q.report = r.string("report");
    // The filters as members of their own (the report screen's JSON) or in `filters` (the
    // automation API's export_report {report, format, filters?}), not both ways at once.
    const auto filters = [&q](ArgReader& f) {
        const auto take = [&f](const char* name, std::string& into) {
            auto v = f.optional_string(name);
            if (!v) return;
            if (!into.empty())
                f.refuse(Error{"arg.twice", std::string("field '") + name + "' is given twice", {{"name", name}}});
            into = std::move(*v);
        };
        take("round", q.round);
        take("month", q.month);
        take("product", q.product);
        take("municipality", q.municipality);
    };
    filters(r);
    r.optional_object("filters", filters);
    return q;
}

Result<ReportsQuery> ReportsQuery::read(const json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return ReportsQuery{};
}

Result<Prepared<ReportsView>> prepare(App& app, const ReportsQuery&) {
    return Prepared<ReportsView>{app.session().org, [&app]() -> Result<ReportsView> {
                                     const bool en = app.language() == Language::en;
                                     ReportsView v;
                                     for (const ReportDefinition* d : reports_for_user(app)) {
                                         if (v.folders.empty() || v.folders.back().id != d->folder) {
                                             std::string name = d->folder;
                                             for (const auto& f : report_folders())
                                                 if (f.id == d->folder) name = en ? f.name_en : f.name_ja;
                                             v.folders.push_back({d->folder, name, {}});
                                         }
                                         v.folders.back().reports.push_back({d->id, en ? d->title_en : d->title_ja, d->personal});
                                     }
                                     return v;
                                 }};
}

json to_json(const ReportsView& v) {
    json folders = json::array();
    for (const auto& f : v.folders) {
        json reports = json::array();
        for (const auto& r : f.reports) reports.push_back({{"id", r.id}, {"title", r.title}, {"personal", r.personal}});
        folders.push_back({{"id", f.id}, {"name", f.name}, {"reports", std::move(reports)}});
    }
    return json{{"folders", std::move(folders)}};
}

Result<ReportRunQuery> ReportRunQuery::read(const json& args) {
    ArgReader r(args, {});
    ReportRunQuery q;
    q.query = report_query_from(r);
    q.detail = r.optional_bool("detail").value_or(false);
    if (auto e = r.finish()) return *e;
    return q;
}

Result<Prepared<ReportRunView>> prepare(App& app, const ReportRunQuery& q) {
    return Prepared<ReportRunView>{app.session().org, [&app, q]() -> Result<ReportRunView> {
                                       auto run = run_report(app, q.query);
                                       if (!run) return run.error();
                                       ReportRunView v;
                                       v.choices = report_choices(app, *run);
                                       v.notice = run->def->notice.empty() ? "" : app.tr(run->def->notice);
                                       v.emptiness = report_emptiness(run->result);
                                       v.empty_text = report_empty_text(app, *run);
                                       v.run = std::move(*run);
                                       v.detail = q.detail;
                                       return v;
                                   }};
}

json to_json(const ReportRunView& v) {
    const ReportRun& run = v.run;
    const ReportResult& res = run.result;
    json columns = json::array();
    for (const auto& c : res.table.columns)
        columns.push_back({{"label", c.label}, {"type", cell_type_id(c.type)}, {"unit", c.unit}, {"total", c.total}});
    json totals = json::array();
    for (const auto& t : res.totals) totals.push_back(t ? json(*t) : json(nullptr));
    json bars = json::array();
    for (const auto& b : res.bars) bars.push_back({{"label", b.label}, {"values", b.values}});
    const ReportChoices& choices = v.choices;
    json out{{"report", run.def->id},
             {"title", res.table.title},
             {"folder", run.def->folder},
             {"personal", run.def->personal},
             {"notice", v.notice},
             {"query",
              {{"round", run.query.round}, {"month", run.query.month}, {"product", run.query.product},
               {"municipality", run.query.municipality}}},
             {"choices",
              {{"round", choices_json(choices.rounds)}, {"month", choices_json(choices.months)},
               {"product", choices_json(choices.products)}, {"municipality", choices_json(choices.municipalities)}}},
             {"columns", columns},
             {"row_count", res.table.rows.size()},
             {"empty", {{"reason", report_emptiness_id(v.emptiness)}, {"text", v.empty_text}, {"in_scope", res.in_scope}}},
             {"unreadable", res.unreadable},
             {"totals", totals},
             {"chart", {{"series", res.chart_series}, {"bars", bars}}},
             {"as_of", run.as_of}};
    if (v.detail) {
        json rows = json::array();
        for (const auto& row : res.table.rows) {
            json cells = json::array();
            for (std::size_t c = 0; c < row.size(); ++c) {
                const ReportCell& cell = row[c];
                if (cell.blank) cells.push_back(nullptr);
                else if (is_number(res.table.columns[c].type)) cells.push_back(cell.number);
                else cells.push_back(cell.text);
            }
            rows.push_back(std::move(cells));
        }
        out["rows"] = std::move(rows);
    }
    return out;
}

namespace {

const ViewEntry k_views[] = {view_entry<ReportsQuery>(), view_entry<ReportRunQuery>()};

}  // namespace

std::span<const ViewEntry> reports_views() { return k_views; }

}  // namespace vsys
