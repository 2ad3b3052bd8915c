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

Result<PreparedView> prepare_reports(App& app, const json& j) {
    ArgReader r(j, {});
    if (auto e = r.finish()) return *e;
    return PreparedView{app.session().org, [&app]() -> Result<json> {
                            const bool en = app.language() == Language::en;
                            json folders = json::array();
                            for (const ReportDefinition* d : reports_for_user(app)) {
                                if (folders.empty() || folders.back()["id"] != d->folder) {
                                    std::string name = d->folder;
                                    for (const auto& f : report_folders())
                                        if (f.id == d->folder) name = en ? f.name_en : f.name_ja;
                                    folders.push_back({{"id", d->folder}, {"name", name}, {"reports", json::array()}});
                                }
                                folders.back()["reports"].push_back(
                                    {{"id", d->id}, {"title", en ? d->title_en : d->title_ja}, {"personal", d->personal}});
                            }
                            return json{{"folders", folders}};
                        }};
}

}  // namespace

ReportQuery report_query_from(ArgReader& r) {
    ReportQuery q;
    q.report = r.string("report");
    q.round = r.optional_string("round").value_or("");
    q.month = r.optional_string("month").value_or("");
    q.product = r.optional_string("product").value_or("");
    q.municipality = r.optional_string("municipality").value_or("");
    return q;
}

namespace {

json report_run_json(App& app, const ReportRun& run, bool detail) {
    const ReportResult& res = run.result;
    json columns = json::array();
    for (const auto& c : res.table.columns)
        columns.push_back({{"label", c.label}, {"type", cell_type_id(c.type)}, {"unit", c.unit}, {"total", c.total}});
    json totals = json::array();
    for (const auto& t : res.totals) totals.push_back(t ? json(*t) : json(nullptr));
    json bars = json::array();
    for (const auto& b : res.bars) bars.push_back({{"label", b.label}, {"values", b.values}});
    const ReportChoices choices = report_choices(app, *run.def);
    json out{{"report", run.def->id},
             {"title", res.table.title},
             {"folder", run.def->folder},
             {"personal", run.def->personal},
             {"notice", run.def->notice.empty() ? "" : app.tr(run.def->notice)},
             {"query",
              {{"round", run.query.round}, {"month", run.query.month}, {"product", run.query.product},
               {"municipality", run.query.municipality}}},
             {"choices",
              {{"round", choices_json(choices.rounds)}, {"month", choices_json(choices.months)},
               {"product", choices_json(choices.products)}, {"municipality", choices_json(choices.municipalities)}}},
             {"columns", columns},
             {"row_count", res.table.rows.size()},
             {"unreadable", res.unreadable},
             {"totals", totals},
             {"chart", {{"series", res.chart_series}, {"bars", bars}}},
             {"as_of", run.as_of}};
    if (detail) {
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

Result<PreparedView> prepare_report(App& app, const json& j) {
    ArgReader r(j, {});
    ReportQuery q = report_query_from(r);
    const bool detail = r.optional_bool("detail").value_or(false);
    if (auto e = r.finish()) return *e;
    return PreparedView{app.session().org, [&app, q, detail]() -> Result<json> {
                            auto run = run_report(app, q);
                            if (!run) return run.error();
                            return report_run_json(app, *run, detail);
                        }};
}

const ViewEntry k_views[] = {{"reports", prepare_reports}, {"report", prepare_report}};

}  // namespace

std::span<const ViewEntry> reports_views() { return k_views; }

}  // namespace vsys
