#include "core/reports/report_definition.hpp"

#include <algorithm>
#include <set>

#include "core/base/tsv.hpp"

namespace vsys {

namespace assets {
std::string_view reports_tsv();
std::string_view report_columns_tsv();
std::string_view report_folders_tsv();
}  // namespace assets

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    if (s.empty()) return out;
    std::size_t pos = 0;
    while (true) {
        std::size_t end = s.find(sep, pos);
        out.push_back(s.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    return out;
}

std::optional<CellType> parse_cell_type(std::string_view s) {
    if (s == "text") return CellType::text;
    if (s == "code") return CellType::code;
    if (s == "count") return CellType::count;
    if (s == "yen") return CellType::yen;
    if (s == "date") return CellType::date;
    return std::nullopt;
}

std::optional<ReportFilter> parse_filter(std::string_view s) {
    for (ReportFilter f : {ReportFilter::round, ReportFilter::month, ReportFilter::product, ReportFilter::municipality})
        if (s == report_filter_id(f)) return f;
    return std::nullopt;
}

Error bad_row(const char* file, int line, std::string reason) {
    return Error{"reports.bad_row", std::string(file) + " line " + std::to_string(line) + ": " + reason,
                 {{"file", file}, {"line", std::to_string(line)}, {"reason", std::move(reason)}}};
}

}  // namespace

const char* report_filter_id(ReportFilter f) {
    switch (f) {
        case ReportFilter::round: return "round";
        case ReportFilter::month: return "month";
        case ReportFilter::product: return "product";
        case ReportFilter::municipality: return "municipality";
    }
    return "";
}

bool ReportDefinition::visible_to(OrgRole r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

bool ReportDefinition::has_filter(ReportFilter f) const {
    return std::find(filters.begin(), filters.end(), f) != filters.end();
}

int ReportDefinition::column_of(std::string_view field) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].field == field) return static_cast<int>(i);
    return -1;
}

Result<std::vector<ReportDefinition>> parse_report_definitions(std::string_view reports_tsv,
                                                               std::string_view columns_tsv) {
    std::vector<ReportDefinition> defs;
    std::optional<Error> error;
    tsv::for_each_row(reports_tsv, [&](int line, const std::vector<std::string_view>& f) {
        if (f.size() != 12) return error = bad_row("reports.tsv", line, "12 fields expected"), false;
        ReportDefinition d;
        d.id = f[0];
        d.folder = f[1];
        d.title_ja = f[2];
        d.title_en = f[3];
        if (d.id.empty() || d.title_ja.empty() || d.title_en.empty())
            return error = bad_row("reports.tsv", line, "id and titles are required"), false;
        for (auto& d2 : defs)
            if (d2.id == d.id) return error = bad_row("reports.tsv", line, "duplicate id " + d.id), false;
        for (auto r : split(f[4], ',')) {
            OrgRole role;
            if (!parse_role(r, role)) return error = bad_row("reports.tsv", line, "unknown role " + std::string(r)), false;
            d.roles.push_back(role);
        }
        if (d.roles.empty()) return error = bad_row("reports.tsv", line, "no role sees it"), false;
        if (f[5] == "subtree") d.scope = ReportScope::subtree;
        else if (f[5] == "subtree_addressed") d.scope = ReportScope::subtree_addressed;
        else if (f[5] == "everywhere") d.scope = ReportScope::everywhere;
        else return error = bad_row("reports.tsv", line, "unknown scope " + std::string(f[5])), false;
        d.source = f[6];
        if (d.source.empty()) return error = bad_row("reports.tsv", line, "no source"), false;
        for (auto s : split(f[7], ',')) {
            auto filter = parse_filter(s);
            if (!filter) return error = bad_row("reports.tsv", line, "unknown filter " + std::string(s)), false;
            d.filters.push_back(*filter);
        }
        for (auto s : split(f[8], ',')) d.sort.emplace_back(s);
        if (!f[9].empty()) {
            auto parts = split(f[9], ':');
            if (parts.size() != 2 || parts[0].empty() || parts[1].empty())
                return error = bad_row("reports.tsv", line, "chart is [key/]label:value[,value]"), false;
            auto key_label = split(parts[0], '/');
            if (key_label.size() > 2 || key_label.front().empty() || key_label.back().empty())
                return error = bad_row("reports.tsv", line, "chart is [key/]label:value[,value]"), false;
            d.chart_label = key_label.back();
            if (key_label.size() == 2) d.chart_key = key_label.front();
            for (auto v : split(parts[1], ',')) d.chart_values.emplace_back(v);
        }
        if (f[10] != "0" && f[10] != "1") return error = bad_row("reports.tsv", line, "personal is 0 or 1"), false;
        d.personal = f[10] == "1";
        d.notice = f[11];
        defs.push_back(std::move(d));
        return true;
    });
    if (error) return *error;
    tsv::for_each_row(columns_tsv, [&](int line, const std::vector<std::string_view>& f) {
        if (f.size() != 7) return error = bad_row("columns.tsv", line, "7 fields expected"), false;
        auto def = std::find_if(defs.begin(), defs.end(), [&](const ReportDefinition& d) { return d.id == f[0]; });
        if (def == defs.end()) return error = bad_row("columns.tsv", line, "unknown report " + std::string(f[0])), false;
        ReportColumnDef c;
        c.field = f[1];
        c.label_ja = f[2];
        c.label_en = f[3];
        auto type = parse_cell_type(f[4]);
        if (!type) return error = bad_row("columns.tsv", line, "unknown type " + std::string(f[4])), false;
        c.type = *type;
        c.unit = f[5];
        if (f[6] != "0" && f[6] != "1") return error = bad_row("columns.tsv", line, "total is 0 or 1"), false;
        c.total = f[6] == "1";
        if (c.total && !is_number(c.type))
            return error = bad_row("columns.tsv", line, "only count and yen columns total"), false;
        if (c.field.empty() || c.label_ja.empty() || c.label_en.empty())
            return error = bad_row("columns.tsv", line, "field and labels are required"), false;
        if (def->column_of(c.field) >= 0)
            return error = bad_row("columns.tsv", line, "duplicate field " + c.field), false;
        def->columns.push_back(std::move(c));
        return true;
    });
    if (error) return *error;
    for (const auto& d : defs) {
        auto fail = [&](std::string reason) { return bad_row("reports.tsv", 0, d.id + ": " + reason); };
        if (d.columns.empty()) return fail("no columns");
        for (const auto& s : d.sort)
            if (d.column_of(s) < 0) return fail("sort field " + s + " is not a column");
        if (!d.chart_label.empty() && d.column_of(d.chart_label) < 0) return fail("chart label is not a column");
        if (!d.chart_key.empty() && d.column_of(d.chart_key) < 0) return fail("chart key is not a column");
        for (const auto& v : d.chart_values) {
            int c = d.column_of(v);
            if (c < 0 || !is_number(d.columns[c].type)) return fail("chart value " + v + " is not a number column");
        }
    }
    return defs;
}

const std::vector<ReportDefinition>& report_definitions() {
    // The embedded files are checked by a unit test; unparsable ones give no reports at all
    // rather than reports with wrong columns.
    static const std::vector<ReportDefinition> defs = [] {
        auto r = parse_report_definitions(assets::reports_tsv(), assets::report_columns_tsv());
        return r ? *r : std::vector<ReportDefinition>{};
    }();
    return defs;
}

const ReportDefinition* find_report(std::string_view id) {
    for (const auto& d : report_definitions())
        if (d.id == id) return &d;
    return nullptr;
}

const std::vector<ReportFolder>& report_folders() {
    static const std::vector<ReportFolder> folders = [] {
        std::vector<ReportFolder> out;
        tsv::for_each_row(assets::report_folders_tsv(), [&](int, const std::vector<std::string_view>& f) {
            if (f.size() == 3) out.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2])});
            return true;
        });
        return out;
    }();
    return folders;
}

}  // namespace vsys
