#include "app/reports/reports_app.hpp"

#include <algorithm>

#include "app/allocation/allocation_app.hpp"
#include "app/base/app.hpp"
#include "app/base/permissions.hpp"
#include "app/reports/sources.hpp"
#include "app/base/i18n.hpp"
#include "core/base/numbers.hpp"
#include "core/claims/claims_documents.hpp"

namespace vsys {

namespace {

std::optional<OrgRole> user_role(const App& app) {
    OrgRole r;
    if (!app.session().signed_in() || !role_of_org(app.session().org, r)) return std::nullopt;
    return r;
}

int folder_rank(const std::string& folder) {
    const auto& folders = report_folders();
    for (std::size_t i = 0; i < folders.size(); ++i)
        if (folders[i].id == folder) return static_cast<int>(i);
    return static_cast<int>(folders.size());
}

// Rounds latest first (by delivery period), the reports' default being the first.
std::vector<const Round*> rounds_latest_first(const Catalog& c) {
    std::vector<const Round*> out;
    for (const auto& r : c.rounds()) out.push_back(&r);
    std::stable_sort(out.begin(), out.end(), [](const Round* a, const Round* b) { return a->period_start > b->period_start; });
    return out;
}

// "2021/05" for "2021-05".
std::string month_label(const std::string& iso) {
    std::string out = iso;
    if (out.size() == 7) out[4] = '/';
    return out;
}

}  // namespace

std::vector<const ReportDefinition*> reports_for_user(const App& app) {
    std::vector<const ReportDefinition*> out;
    auto role = user_role(app);
    if (!role) return out;
    for (const auto& d : report_definitions())
        if (d.visible_to(*role)) out.push_back(&d);
    std::stable_sort(out.begin(), out.end(), [](const ReportDefinition* a, const ReportDefinition* b) {
        return folder_rank(a->folder) < folder_rank(b->folder);
    });
    return out;
}

Result<const ReportDefinition*> report_for_user(const App& app, const std::string& id) {
    const ReportDefinition* def = find_report(id);
    if (!def) return Error{"reports.unknown", "no such report", {{"report", id}}};
    auto role = user_role(app);
    if (!role || !def->visible_to(*role)) return Error{"reports.not_for_role", "this report is not for your role", {{"report", id}}};
    return def;
}

ReportChoices report_choices(App& app, const ReportRun& run) {
    const ReportDefinition& def = *run.def;
    ReportChoices c;
    const ChainWorld& w = allocation_world(app);
    if (def.has_filter(ReportFilter::round))
        for (const Round* r : rounds_latest_first(w.catalog())) c.rounds.push_back({r->code, r->code + "  " + r->name});
    if (def.has_filter(ReportFilter::month)) {
        // The months there are, latest first; the user's month stays listed, in order, even when
        // it has no rows any more (its label says so): a choice is never dropped silently.
        std::vector<std::string> months = run.result.months;
        const std::string& chosen = run.query.month;
        const bool chosen_missing = !chosen.empty() && std::find(months.begin(), months.end(), chosen) == months.end();
        if (chosen_missing)
            months.insert(std::find_if(months.begin(), months.end(), [&](const std::string& m) { return m < chosen; }), chosen);
        for (const std::string& m : months) {
            std::string label = month_label(m);
            if (chosen_missing && m == chosen) label = fill_placeholders(app.tr("report.month_no_rows"), {{"month", label}});
            c.months.push_back({m, label});
        }
    }
    if (def.has_filter(ReportFilter::product))
        for (VaccineProduct p : {VaccineProduct::pfizer_12, VaccineProduct::pfizer_5_11, VaccineProduct::takeda_moderna})
            c.products.push_back({vaccine_product_id(p), app.tr(std::string("product.") + vaccine_product_id(p))});
    if (def.has_filter(ReportFilter::municipality)) {
        const Hierarchy& h = w.hierarchy();
        const OrgIndex root = h.find(app.session().org);
        if (root != k_no_org)
            for (OrgIndex i = root; i < root + h.subtree_size(root); ++i)
                if (h.level(i) == OrgLevel::municipality && h.active(i))
                    c.municipalities.push_back({std::string(h.code(i)), w.facts(i).name});
    }
    return c;
}

std::string report_empty_text(App& app, const ReportRun& run) {
    switch (report_emptiness(run.result)) {
        case ReportEmptiness::has_rows: return "";
        case ReportEmptiness::nothing_in_scope:
            if (app.kiosk()) return app.tr("report.empty.kiosk");
            return app.tr(run.def->has_filter(ReportFilter::round) ? "report.empty.nothing_round" : "report.empty.nothing");
        case ReportEmptiness::filtered_out: break;
    }
    // The filters that exclude the rows, named with their values: 接種月 2021/05、ワクチン …
    std::string filters;
    auto add = [&](const char* filter, const std::string& value) {
        if (value.empty()) return;
        if (!filters.empty()) filters += app.language() == Language::en ? ", " : "、";
        filters += app.tr(std::string("report.filter.") + filter) + " " + value;
    };
    add("month", run.query.month.empty() ? "" : month_label(run.query.month));
    add("product", run.query.product.empty() ? "" : app.tr("product." + run.query.product));
    add("municipality", run.query.municipality.empty() ? "" : app.directory().org_name("muni:" + run.query.municipality));
    return fill_placeholders(app.tr("report.empty.filtered"),
                             {{"n", format_grouped(static_cast<std::int64_t>(run.result.in_scope))}, {"filters", filters}});
}

Result<ReportRun> run_report(App& app, const ReportQuery& query) {
    // The screen calls this directly: the same check as the `report` view's.
    if (auto st = check_access("view:report", app.session(), app.session().org, &app.directory()); !st) return st.error();
    auto def = report_for_user(app, query.report);
    if (!def) return def.error();
    const ChainWorld& w = allocation_world(app);
    ReportRun run;
    run.def = *def;
    run.query = query;
    SourceContext ctx;
    ctx.viewer = app.session().org;
    ctx.everywhere = (*def)->scope == ReportScope::everywhere;
    if ((*def)->has_filter(ReportFilter::round)) {
        if (run.query.round.empty()) {
            auto rounds = rounds_latest_first(w.catalog());
            if (!rounds.empty()) run.query.round = rounds.front()->code;
        }
        ctx.round = w.catalog().find_round(run.query.round);
        if (!ctx.round) return Error{"reports.unknown_round", "no such round", {{"round", run.query.round}}};
    } else {
        run.query.round.clear();
    }
    ReportSelection sel;
    if ((*def)->has_filter(ReportFilter::month) && !run.query.month.empty()) {
        auto m = parse_year_month(run.query.month);
        if (!m) return m.error();
        sel.month = to_iso(*m);
    } else if (!(*def)->has_filter(ReportFilter::month)) {
        run.query.month.clear();
    }
    if ((*def)->has_filter(ReportFilter::product) && !query.product.empty()) {
        if (!parse_vaccine_product(query.product))
            return Error{"reports.unknown_product", "no such product", {{"product", query.product}}};
        sel.product = query.product;
    }
    if ((*def)->has_filter(ReportFilter::municipality) && !query.municipality.empty()) {
        const OrgIndex m = w.hierarchy().find("muni:" + query.municipality);
        if (m == k_no_org || !w.hierarchy().in_subtree(w.hierarchy().id(m), app.session().org))
            return Error{"reports.unknown_municipality", "no such municipality here", {{"municipality", query.municipality}}};
        sel.municipality = query.municipality;
    }
    if (!(*def)->has_filter(ReportFilter::product)) run.query.product.clear();
    if (!(*def)->has_filter(ReportFilter::municipality)) run.query.municipality.clear();
    SourceFn source = find_source((*def)->source);
    if (!source) return Error{"reports.unknown_source", "no such source", {{"report", (*def)->id}}};
    auto rows = source(app, ctx);
    if (!rows) return rows.error();
    const Hierarchy& h = app.directory().tree();
    // The viewer's node looked up once: a nation's report asks this of 70,000 rows.
    const OrgIndex root = h.find(ctx.viewer);
    ReportViewer viewer{ctx.viewer, [&h, root](std::string_view o) {
                            const OrgIndex i = root == k_no_org ? k_no_org : h.find(o);
                            return i != k_no_org && h.in_subtree(i, root);
                        }};
    auto result = build_report(**def, std::move(*rows), viewer, sel, app.language() == Language::en,
                               [&app](std::string_view unit) { return app.tr(unit); });
    if (!result) return result.error();
    run.result = std::move(*result);
    run.org_name = app.directory().org_name(ctx.viewer);
    for (const std::string& f : {run.query.round, run.query.month}) run.filter_names.push_back(f);
    if (!run.query.product.empty()) run.filter_names.push_back(app.tr("product." + run.query.product));
    if (!run.query.municipality.empty())
        run.filter_names.push_back(app.directory().org_name("muni:" + run.query.municipality));
    run.as_of = to_iso(allocation_today(app));
    return run;
}

}  // namespace vsys
