#include "core/reports/report_engine.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace vsys {

int SourceRows::field_of(std::string_view id) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].id == id) return static_cast<int>(i);
    return -1;
}

bool row_in_scope(ReportScope scope, const SourceRow& row, const ReportViewer& viewer) {
    if (scope == ReportScope::everywhere) return true;
    if (!row.org.empty() && viewer.in_subtree(row.org)) return true;
    if (scope == ReportScope::subtree_addressed)
        return std::find(row.addressed.begin(), row.addressed.end(), viewer.org) != row.addressed.end();
    return false;
}

namespace {

bool same_storage(CellType a, CellType b) { return is_number(a) == is_number(b); }

// Blanks first, numbers as numbers, texts as bytes (codes and ISO dates sort right that way).
int compare_cells(const ReportCell& a, const ReportCell& b, CellType type) {
    if (a.blank != b.blank) return a.blank ? -1 : 1;
    if (is_number(type)) return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
    return a.text.compare(b.text) < 0 ? -1 : (a.text == b.text ? 0 : 1);
}

}  // namespace

Result<ReportResult> build_report(const ReportDefinition& def, SourceRows rows, const ReportViewer& viewer,
                                  const ReportSelection& selection, bool english,
                                  const std::function<std::string(std::string_view)>& unit_text) {
    std::vector<int> map;  // column → source field
    for (const auto& c : def.columns) {
        int f = rows.field_of(c.field);
        if (f < 0 || !same_storage(rows.fields[f].type, c.type))
            return Error{"reports.source_field", def.id + ": the source gives no " + c.field,
                         {{"report", def.id}, {"field", c.field}}};
        map.push_back(f);
    }
    ReportResult out;
    out.unreadable = rows.unreadable;
    out.table.title = def.id + " " + (english ? def.title_en : def.title_ja);
    for (const auto& c : def.columns)
        out.table.columns.push_back({english ? c.label_en : c.label_ja, c.type, c.unit.empty() ? "" : unit_text(c.unit), c.total});
    std::vector<SourceRow*> kept;
    kept.reserve(rows.rows.size());
    std::set<std::string, std::greater<>> months;
    for (auto& r : rows.rows) {
        if (!row_in_scope(def.scope, r, viewer)) {
            ++out.out_of_scope;
            continue;
        }
        ++out.in_scope;
        if (!r.month.empty()) months.insert(r.month);
        if (!selection.municipality.empty() && r.municipality != selection.municipality) continue;
        if (!selection.product.empty() && r.product != selection.product) continue;
        if (!selection.month.empty() && r.month != selection.month) continue;
        kept.push_back(&r);
    }
    out.months.assign(months.begin(), months.end());
    std::vector<std::pair<int, CellType>> keys;
    for (const auto& s : def.sort) {
        int c = def.column_of(s);
        keys.push_back({map[c], def.columns[c].type});
    }
    std::stable_sort(kept.begin(), kept.end(), [&](const SourceRow* a, const SourceRow* b) {
        for (const auto& [f, type] : keys)
            if (int c = compare_cells(a->cells[f], b->cells[f], type)) return c < 0;
        return false;
    });
    out.table.rows.reserve(kept.size());
    out.totals.assign(def.columns.size(), std::nullopt);
    for (std::size_t c = 0; c < def.columns.size(); ++c)
        if (def.columns[c].total) out.totals[c] = 0;
    for (SourceRow* r : kept) {
        std::vector<ReportCell> cells;
        cells.reserve(map.size());
        for (std::size_t c = 0; c < map.size(); ++c) {
            ReportCell& cell = r->cells[map[c]];
            if (out.totals[c] && !cell.blank) *out.totals[c] += cell.number;
            cells.push_back(std::move(cell));
        }
        out.table.rows.push_back(std::move(cells));
    }
    if (!def.chart_label.empty()) {
        const int label = def.column_of(def.chart_label);
        const int key = def.chart_key.empty() ? label : def.column_of(def.chart_key);
        std::vector<int> values;
        for (const auto& v : def.chart_values) {
            values.push_back(def.column_of(v));
            out.chart_series.push_back(out.table.columns[values.back()].label);
        }
        std::map<std::string, std::size_t> index;               // key → bar
        std::map<std::string, std::vector<std::size_t>> named;  // label → its bars
        std::vector<std::string> keys;                          // per bar
        for (const auto& row : out.table.rows) {
            auto [it, fresh] = index.try_emplace(row[key].text, out.bars.size());
            if (fresh) {
                named[row[label].text].push_back(out.bars.size());
                keys.push_back(row[key].text);
                out.bars.push_back({row[label].text, std::vector<std::int64_t>(values.size(), 0)});
            }
            for (std::size_t v = 0; v < values.size(); ++v)
                if (!row[values[v]].blank) out.bars[it->second].values[v] += row[values[v]].number;
        }
        // Two sites (or towns) of one name: each bar says which by its key.
        for (const auto& [name, bars] : named)
            if (bars.size() > 1)
                for (std::size_t b : bars) out.bars[b].label = name + " (" + keys[b] + ")";
        std::stable_sort(out.bars.begin(), out.bars.end(),
                         [](const ChartBar& a, const ChartBar& b) { return a.values[0] > b.values[0]; });
    }
    return out;
}

ReportEmptiness report_emptiness(const ReportResult& result) {
    if (!result.table.rows.empty()) return ReportEmptiness::has_rows;
    return result.in_scope > 0 ? ReportEmptiness::filtered_out : ReportEmptiness::nothing_in_scope;
}

const char* report_emptiness_id(ReportEmptiness e) {
    switch (e) {
        case ReportEmptiness::has_rows: return "has_rows";
        case ReportEmptiness::nothing_in_scope: return "nothing_in_scope";
        case ReportEmptiness::filtered_out: return "filtered_out";
    }
    return "has_rows";
}

}  // namespace vsys
