// Report definitions as data (assets/reports/) and the engine's rules: scope row by row, sort,
// totals and chart — pure, over rows made here.
#include <doctest/doctest.h>

#include "core/reports/report_engine.hpp"

TEST_SUITE_BEGIN("reports");

using namespace vsys;

namespace {

constexpr const char* k_reports_head =
    "id\tfolder\ttitle_ja\ttitle_en\troles\tscope\tsource\tfilters\tsort\tchart\tpersonal\tnotice\n";
constexpr const char* k_columns_head = "report\tfield\tlabel_ja\tlabel_en\ttype\tunit\ttotal\n";

std::string reason_of(const std::string& reports, const std::string& columns) {
    auto r = parse_report_definitions(std::string(k_reports_head) + reports, std::string(k_columns_head) + columns);
    return r ? std::string() : r.error().arg("reason");
}

SourceRow row(std::string org, std::string code, std::int64_t n, std::vector<std::string> addressed = {}) {
    SourceRow r;
    r.org = std::move(org);
    r.addressed = std::move(addressed);
    r.municipality = code;
    r.cells = {text_cell(code), number_cell(n)};
    return r;
}

}  // namespace

TEST_CASE("the embedded report definitions parse, every folder is known and every report has columns") {
    const auto& defs = report_definitions();
    REQUIRE(defs.size() >= 20);
    for (const auto& d : defs) {
        bool known = false;
        for (const auto& f : report_folders()) known = known || f.id == d.folder;
        CHECK_MESSAGE(known, d.id << " in an unknown folder " << d.folder);
        CHECK_MESSAGE(!d.columns.empty(), d.id);
        CHECK_MESSAGE(d.id.rfind(d.folder, 0) == 0, d.id << " is named after its folder");
    }
    // The deck's reports are there, in the deck's folders.
    REQUIRE(find_report("R313"));
    CHECK(find_report("R313")->folder == "R3");
    REQUIRE(find_report("R533"));
    CHECK(find_report("R533")->folder == "R5");
    CHECK(report_folders().size() == 6);
}

TEST_CASE("a definition the engine could not honour is refused with the line's reason") {
    const std::string ok_report = "R1\tR1\tt\tt\tnation\tsubtree\tsrc\tround\tcode\t\t0\t\n";
    const std::string ok_columns = "R1\tcode\tコード\tcode\tcode\t\t0\nR1\tn\t数\tn\tcount\tunit.box\t1\n";
    CHECK(reason_of(ok_report, ok_columns).empty());
    CHECK(reason_of("R1\tR1\tt\tt\tmayor\tsubtree\tsrc\t\t\t\t0\t\n", ok_columns).find("unknown role") == 0);
    CHECK(reason_of("R1\tR1\tt\tt\tnation\teverything\tsrc\t\t\t\t0\t\n", ok_columns).find("unknown scope") == 0);
    CHECK(reason_of("R1\tR1\tt\tt\tnation\tsubtree\tsrc\tweek\t\t\t0\t\n", ok_columns).find("unknown filter") == 0);
    CHECK(reason_of(ok_report, "R1\tcode\tコード\tcode\tcode\t\t1\n").find("only count and yen") == 0);
    CHECK(reason_of(ok_report, ok_columns + "R1\tn\t数\tn\tcount\t\t0\n").find("duplicate field") == 0);
    CHECK(reason_of(ok_report, "R9\tcode\tコード\tcode\tcode\t\t0\n").find("unknown report") == 0);
    CHECK(reason_of("R1\tR1\tt\tt\tnation\tsubtree\tsrc\t\tmissing\t\t0\t\n", ok_columns).find("R1: sort field") == 0);
    CHECK(reason_of("R1\tR1\tt\tt\tnation\tsubtree\tsrc\t\t\tcode:code\t0\t\n", ok_columns).find("R1: chart value") == 0);
    CHECK(reason_of(ok_report + ok_report, ok_columns).find("duplicate id") == 0);
    CHECK(reason_of("R1\tR1\tt\tt\tnation\tsubtree\tsrc\t\t\tcode/code:n\t0\t\n", ok_columns).empty());
    CHECK(reason_of("R1\tR1\tt\tt\tnation\tsubtree\tsrc\t\t\tkey/code:n\t0\t\n", ok_columns).find("R1: chart key") == 0);
    CHECK(reason_of("R1\tR1\tt\tt\tnation\tsubtree\tsrc\t\t\ta/b/code:n\t0\t\n", ok_columns).find("chart is") == 0);
}

TEST_CASE("a chart keyed by code gives two sites of one name a bar each, each saying which") {
    ReportDefinition def;
    def.id = "R313";
    def.chart_key = "code";
    def.chart_label = "name";
    def.chart_values = {"n"};
    def.columns = {{"code", "コード", "code", CellType::code, "", false},
                   {"name", "名称", "name", CellType::text, "", false},
                   {"n", "数", "n", CellType::count, "", true}};
    SourceRows rows;
    rows.fields = {{"code", CellType::code}, {"name", CellType::text}, {"n", CellType::count}};
    auto site = [](std::string code, std::string name, std::int64_t n) {
        SourceRow r;
        r.org = "site:" + code;
        r.cells = {text_cell(code), text_cell(std::move(name)), number_cell(n)};
        return r;
    };
    rows.rows = {site("1310000078", "千代田内科医院", 5), site("1310000110", "千代田内科医院", 7),
                 site("1310000078", "千代田内科医院", 1), site("1310000011", "駅前内科医院", 3)};
    ReportViewer viewer{"muni:131016", [](std::string_view) { return true; }};
    auto r = build_report(def, rows, viewer, {}, false, [](std::string_view) { return std::string(); });
    REQUIRE(r);
    REQUIRE(r->bars.size() == 3);
    CHECK(r->bars[0].label == "千代田内科医院 (1310000110)");
    CHECK(r->bars[0].values[0] == 7);
    CHECK(r->bars[1].label == "千代田内科医院 (1310000078)");
    CHECK(r->bars[1].values[0] == 6);
    CHECK(r->bars[2].label == "駅前内科医院");  // a name of one site stays as it is
    // Without a key, bars are per label: the two clinics are one bar.
    def.chart_key.clear();
    r = build_report(def, rows, viewer, {}, false, [](std::string_view) { return std::string(); });
    REQUIRE(r);
    CHECK(r->bars.size() == 2);
}

TEST_CASE("the engine keeps only rows in the viewer's scope, sorts numbers as numbers and totals what it keeps") {
    ReportDefinition def;
    def.id = "R301";
    def.title_ja = "テスト";
    def.title_en = "Test";
    def.sort = {"n"};
    def.chart_label = "code";
    def.chart_values = {"n"};
    def.columns = {{"code", "コード", "code", CellType::code, "", false}, {"n", "数", "n", CellType::count, "unit.box", true}};
    SourceRows rows;
    rows.fields = {{"code", CellType::code}, {"n", CellType::count}};
    rows.rows = {row("site:a", "131016", 10), row("site:b", "131016", 9), row("site:far", "271004", 1000),
                 row("muni:271004", "271004", 7, {"muni:131016"}), row("site:c", "131016", 100)};
    ReportViewer viewer{"muni:131016", [](std::string_view o) { return o == "muni:131016" || (o.substr(0, 5) == "site:" && o != "site:far"); }};
    auto units = [](std::string_view u) { return std::string(u == "unit.box" ? "箱" : "?"); };

    def.scope = ReportScope::subtree;
    auto r = build_report(def, rows, viewer, {}, false, units);
    REQUIRE(r);
    REQUIRE(r->table.rows.size() == 3);
    CHECK(r->out_of_scope == 2);
    CHECK(r->table.rows[0][1].number == 9);  // 9 < 10 < 100 as numbers (as text "100" < "9")
    CHECK(r->table.rows[2][1].number == 100);
    REQUIRE(r->totals[1]);
    CHECK(*r->totals[1] == 119);
    CHECK(!r->totals[0]);
    CHECK(r->table.columns[1].unit == "箱");
    CHECK(r->table.title == "R301 テスト");
    REQUIRE(r->bars.size() == 1);
    CHECK(r->bars[0].values[0] == 119);

    // Addressed rows join only under subtree_addressed; a filter narrows what the scope allows.
    def.scope = ReportScope::subtree_addressed;
    r = build_report(def, rows, viewer, {}, true, units);
    REQUIRE(r);
    CHECK(r->table.rows.size() == 4);
    CHECK(r->out_of_scope == 1);
    CHECK(r->table.title == "R301 Test");
    r = build_report(def, rows, viewer, {"271004", ""}, false, units);
    REQUIRE(r);
    REQUIRE(r->table.rows.size() == 1);
    CHECK(r->table.rows[0][1].number == 7);

    // A column the source does not give is a broken definition, named.
    def.columns.push_back({"missing", "欠け", "missing", CellType::count, "", false});
    r = build_report(def, rows, viewer, {}, false, units);
    REQUIRE(!r);
    CHECK(r.error().code == "reports.source_field");
    CHECK(r.error().arg("field") == "missing");
}

TEST_CASE("an empty result says whether nothing is in scope or the filters exclude every row; months are the rows' own, newest first") {
    ReportDefinition def;
    def.id = "R304";
    def.columns = {{"code", "コード", "code", CellType::code, "", false}, {"n", "数", "n", CellType::count, "", true}};
    SourceRows rows;
    rows.fields = {{"code", CellType::code}, {"n", CellType::count}};
    auto dated = [](std::string org, std::string code, std::string month) {
        SourceRow r = row(std::move(org), std::move(code), 1);
        r.month = std::move(month);
        return r;
    };
    rows.rows = {dated("site:a", "131016", "2021-07"), dated("site:b", "131016", "2021-12"), dated("site:a", "131016", "2021-07"),
                 dated("site:far", "271004", "2022-03")};
    ReportViewer viewer{"muni:131016", [](std::string_view o) { return o.substr(0, 5) == "site:" && o != "site:far"; }};
    auto units = [](std::string_view) { return std::string(); };

    auto r = build_report(def, rows, viewer, {}, false, units);
    REQUIRE(r);
    CHECK(r->in_scope == 3);
    CHECK(r->months == std::vector<std::string>{"2021-12", "2021-07"});  // not 2022-03: out of scope
    CHECK(report_emptiness(*r) == ReportEmptiness::has_rows);

    ReportSelection month;
    month.month = "2021-07";
    r = build_report(def, rows, viewer, month, false, units);
    REQUIRE(r);
    CHECK(r->table.rows.size() == 2);
    CHECK(r->months.size() == 2);  // the choices do not shrink to the chosen month

    month.month = "2022-03";
    r = build_report(def, rows, viewer, month, false, units);
    REQUIRE(r);
    CHECK(r->table.rows.empty());
    CHECK(r->in_scope == 3);
    CHECK(report_emptiness(*r) == ReportEmptiness::filtered_out);

    ReportViewer stranger{"muni:011002", [](std::string_view) { return false; }};
    r = build_report(def, rows, stranger, {}, false, units);
    REQUIRE(r);
    CHECK(r->in_scope == 0);
    CHECK(r->months.empty());
    CHECK(report_emptiness(*r) == ReportEmptiness::nothing_in_scope);
    CHECK(std::string(report_emptiness_id(ReportEmptiness::nothing_in_scope)) == "nothing_in_scope");
}

TEST_SUITE_END();
