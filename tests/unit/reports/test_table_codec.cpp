// The table the browser hands its XLSX worker (core/reports/report_table_codec.hpp): every cell
// and option comes back as it went, the worker's writer gives the in-process writer's bytes for
// it, and damaged input is refused with an error, never read past its end.
#include <doctest/doctest.h>

#include <limits>

#include "app/reports/xlsx_export.hpp"
#include "core/reports/report_table_codec.hpp"

TEST_SUITE_BEGIN("reports");

using namespace vsys;

namespace {

ReportTable tricky_table() {
    ReportTable t;
    t.title = "R999 テスト ①髙〜";
    t.columns = {{"名称", CellType::text, "", false},
                 {"コード", CellType::code, "", false},
                 {"接種回数", CellType::count, "回", true},
                 {"金額", CellType::yen, "円", true},
                 {"日付", CellType::date, "", false}};
    t.rows = {{text_cell("①髙〜～−¥ｱ\xF0\x9F\x92\x89"), text_cell("011002"), number_cell(12), number_cell(-1500), text_cell("2022-01-31")},
              {text_cell("=1+1"), text_cell("000000"), blank_cell(), number_cell(std::numeric_limits<std::int64_t>::min()), blank_cell()},
              {text_cell(""), text_cell("131016"), number_cell(std::numeric_limits<std::int64_t>::max()), number_cell(0), text_cell("2022-13-40")}};
    return t;
}

ExportOptions tricky_options() {
    ExportOptions o;
    o.sheet_name = "R999";
    o.totals_label = "Total";
    o.created_unix = 1643587200;
    return o;
}

}  // namespace

TEST_CASE("a table and its export options come back from their encoding cell for cell") {
    const ReportTable t = tricky_table();
    const std::string bytes = encode_report_table(t, tricky_options());
    auto d = decode_report_table(bytes);
    REQUIRE(d);
    CHECK(d->table.title == t.title);
    CHECK(d->options.sheet_name == "R999");
    CHECK(d->options.totals_label == "Total");
    CHECK(d->options.created_unix == 1643587200);
    REQUIRE(d->table.columns.size() == t.columns.size());
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        CHECK(d->table.columns[c].label == t.columns[c].label);
        CHECK(d->table.columns[c].type == t.columns[c].type);
        CHECK(d->table.columns[c].unit == t.columns[c].unit);
        CHECK(d->table.columns[c].total == t.columns[c].total);
    }
    REQUIRE(d->table.rows.size() == t.rows.size());
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            CHECK(d->table.rows[r][c].text == t.rows[r][c].text);
            CHECK(d->table.rows[r][c].number == t.rows[r][c].number);
            CHECK(d->table.rows[r][c].blank == t.rows[r][c].blank);
        }
}

TEST_CASE("encoding across steps gives the bytes of encoding at once") {
    const ReportTable t = tricky_table();
    ReportTableEncoder e(t, tricky_options());
    CHECK(e.step(1).rows_done == 1);
    CHECK_FALSE(e.done());
    CHECK(e.step(1).rows_done == 2);
    CHECK(e.take() == encode_report_table(t, tricky_options()));
}

TEST_CASE("the XLSX written from the decoded table is the in-process writer's file, byte for byte") {
    const ReportTable t = tricky_table();
    auto direct = make_xlsx_writer(t, tricky_options())->finish();
    auto d = decode_report_table(encode_report_table(t, tricky_options()));
    REQUIRE(d);
    auto through = make_xlsx_writer(d->table, d->options)->finish();
    REQUIRE(direct);
    REQUIRE(through);
    CHECK(direct->bytes.substr(0, 4) == "PK\x03\x04");
    CHECK(through->bytes == direct->bytes);
}

TEST_CASE("a damaged table is refused: truncated anywhere, a wrong mark, trailing bytes, a bad type or flags") {
    const std::string good = encode_report_table(tricky_table(), tricky_options());
    for (std::size_t n = 0; n < good.size(); ++n) {
        auto d = decode_report_table(std::string_view(good).substr(0, n));
        REQUIRE_FALSE(d);
        CHECK(d.error().code == "export.table");
    }
    CHECK_FALSE(decode_report_table(good + '\0'));
    std::string wrong = good;
    wrong[3] = '2';
    CHECK_FALSE(decode_report_table(wrong));
    // A row count no bytes could hold is refused before anything is reserved for it.
    ReportTable empty = tricky_table();
    empty.rows.clear();
    std::string huge = encode_report_table(empty, {});
    huge.pop_back();  // the row count 0
    huge += std::string("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x7F", 8);
    CHECK_FALSE(decode_report_table(huge));
    ExportOptions plain;
    plain.totals_label.clear();
    std::string bad_type = encode_report_table(ReportTable{"t", {{"c", CellType::text, "", false}}, {}}, plain);
    // the column's type byte follows "VXT1", the title "t", two empty strings, the time 0, the
    // column count and the label "c"
    const std::size_t type_at = 4 + 2 + 1 + 1 + 1 + 1 + 2;
    REQUIRE(bad_type[type_at] == 0);
    bad_type[type_at] = 9;
    CHECK_FALSE(decode_report_table(bad_type));
    std::string bad_flags = encode_report_table(ReportTable{"t", {{"c", CellType::text, "", false}}, {{text_cell("")}}}, plain);
    bad_flags.back() = 8;
    CHECK_FALSE(decode_report_table(bad_flags));
}

TEST_SUITE_END();
