// The report exports (issue 14): golden bytes for UTF-8 with a BOM and for CP932 (written here
// by hand from the Windows table, not computed by the code under test), formula neutralisation,
// CRLF and quoting, leading zeros, blanks, dates, totals, file names, the incremental writer,
// and the XLSX writer's determinism. tests/cli/exports.test.mjs decodes the same files with
// independent decoders (Python's cp932 codec, node's TextDecoder, openpyxl): the last case here
// writes them when VSYS_EXPORT_DIR names a folder.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>

#include "app/reports/xlsx_export.hpp"
#include "core/reports/cp932.hpp"
#include "core/reports/report_export.hpp"

TEST_SUITE_BEGIN("reports");

using namespace vsys;

namespace {

std::string bytes(std::initializer_list<unsigned> list) {
    std::string out;
    for (unsigned b : list) out += static_cast<char>(b);
    return out;
}

// The name of every encoding test: ① 髙 〜 ～ − ¥ ｱ and an emoji (U+1F489 syringe).
const std::string k_name = "①髙〜～−¥ｱ\xF0\x9F\x92\x89";

ReportTable golden_table() {
    ReportTable t;
    t.title = "R999 テスト";
    t.columns = {{"名称", CellType::text, "", false},
                 {"コード", CellType::code, "", false},
                 {"接種回数", CellType::count, "回", true},
                 {"金額", CellType::yen, "円", true},
                 {"日付", CellType::date, "", false}};
    t.rows = {{text_cell(k_name), text_cell("011002"), number_cell(12), number_cell(-1500), text_cell("2022-01-31")},
              {text_cell("千代田区"), text_cell("131016"), blank_cell(), number_cell(2070), blank_cell()}};
    return t;
}

std::string csv(const ReportTable& t, ExportFormat f, ExportOptions o = {}) {
    Result<ExportedFile> r = export_csv(t, f, o);
    REQUIRE(r);
    return r->bytes;
}

// A table of one text column, for the cell rules.
ReportTable one_column(CellType type, std::vector<ReportCell> cells) {
    ReportTable t;
    t.title = "R1 x";
    t.columns = {{"c", type, "", false}};
    for (auto& c : cells) t.rows.push_back({std::move(c)});
    return t;
}

}  // namespace

TEST_CASE("UTF-8 CSV: BOM, header with units, CRLF, rows as written, a blank cell empty, a totals row") {
    const std::string expected = "\xEF\xBB\xBF"
                                 "名称,コード,接種回数（回）,金額（円）,日付\r\n" +
                                 k_name + ",011002,12,-1500,2022/01/31\r\n"
                                          "千代田区,131016,,2070,\r\n"
                                          "合計,,12,570,\r\n";
    CHECK(csv(golden_table(), ExportFormat::csv_utf8) == expected);
    Result<ExportedFile> r = export_csv(golden_table(), ExportFormat::csv_utf8, {});
    CHECK(r->unencodable.empty());
    CHECK(r->mime == "text/csv;charset=utf-8");
    CHECK(r->extension == "csv");
}

TEST_CASE("CP932 CSV: Windows' bytes for ① 髙 〜 ～ − ｱ, ¥ as 0x5C and an emoji as 〓, both listed") {
    const std::string header = bytes({0x96, 0xBC, 0x8F, 0xCC, ',', 0x83, 0x52, 0x81, 0x5B, 0x83, 0x68, ',', 0x90, 0xDA,
                                      0x8E, 0xED, 0x89, 0xF1, 0x90, 0x94, 0x81, 0x69, 0x89, 0xF1, 0x81, 0x6A, ',', 0x8B,
                                      0xE0, 0x8A, 0x7A, 0x81, 0x69, 0x89, 0x7E, 0x81, 0x6A, ',', 0x93, 0xFA, 0x95, 0x74}) +
                               "\r\n";
    //                         ①           髙          〜          ～          −           ¥     ｱ     emoji → 〓
    const std::string name = bytes({0x87, 0x40, 0xFB, 0xFC, 0x81, 0x60, 0x81, 0x60, 0x81, 0x7C, 0x5C, 0xB1, 0x81, 0xAC});
    const std::string chiyoda = bytes({0x90, 0xE7, 0x91, 0xE3, 0x93, 0x63, 0x8B, 0xE6});
    const std::string total = bytes({0x8D, 0x87, 0x8C, 0x76});
    const std::string expected = header + name + ",011002,12,-1500,2022/01/31\r\n" + chiyoda + ",131016,,2070,\r\n" +
                                 total + ",,12,570,\r\n";
    Result<ExportedFile> r = export_csv(golden_table(), ExportFormat::csv_cp932, {});
    REQUIRE(r);
    CHECK(r->bytes == expected);
    CHECK(r->mime == "text/csv;charset=shift_jis");
    REQUIRE(r->unencodable.size() == 2);
    CHECK(r->unencodable[0].row == 1);
    CHECK(r->unencodable[0].column == 0);
    CHECK(r->unencodable[0].character == "¥");
    CHECK(r->unencodable[0].replacement == "\\");
    CHECK(r->unencodable[0].substituted);
    CHECK(r->unencodable[1].row == 1);
    CHECK(r->unencodable[1].character == "\xF0\x9F\x92\x89");
    CHECK(r->unencodable[1].replacement == "〓");
    CHECK_FALSE(r->unencodable[1].substituted);
}

TEST_CASE("CP932: the Windows best-fit, the IBM extension row and invalid UTF-8") {
    CHECK(cp932::encode(U'‖').code == 0x8161);
    CHECK(cp932::encode(U'—').code == 0x815C);
    CHECK(cp932::encode(U'¢').code == 0x8191);
    CHECK(cp932::encode(U'£').code == 0x8192);
    CHECK(cp932::encode(U'¬').code == 0x81CA);
    CHECK(cp932::encode(U'ⅰ').code == 0xFA40);  // small roman numeral: IBM row, as Windows writes it
    CHECK(cp932::encode(U'＼').code == 0x815F);
    CHECK(cp932::encode(U'\u3402').fit == cp932::Fit::unencodable);  // CJK extension A: not in JIS
    std::string out;
    int reported = 0;
    cp932::append(out, "a\xFF" "b", [&](std::string c, std::string, bool) {
        ++reported;
        CHECK(c == "\xEF\xBF\xBD");
    });
    CHECK(out == bytes({'a', 0x81, 0xAC, 'b'}));
    CHECK(reported == 1);
}

TEST_CASE("a text, code or date cell that starts like a formula gets a leading ', numbers never") {
    const ReportTable t = one_column(CellType::text, {text_cell("=SUM(A1)"), text_cell("+81"), text_cell("-1"),
                                                      text_cell("@x"), text_cell("\tx"), text_cell("\rx"),
                                                      text_cell("a=b")});
    CHECK(csv(t, ExportFormat::csv_utf8) == "\xEF\xBB\xBF" "c\r\n'=SUM(A1)\r\n'+81\r\n'-1\r\n'@x\r\n'\tx\r\n\"'\rx\"\r\na=b\r\n");
    const ReportTable code = one_column(CellType::code, {text_cell("-011002")});
    CHECK(csv(code, ExportFormat::csv_cp932) == "c\r\n'-011002\r\n");
    const ReportTable numbers = one_column(CellType::count, {number_cell(-12), number_cell(0)});
    CHECK(csv(numbers, ExportFormat::csv_utf8) == "\xEF\xBB\xBF" "c\r\n-12\r\n0\r\n");
}

TEST_CASE("RFC 4180 quoting: commas, quotes and line breaks; leading zeros kept; blanks empty, never 0") {
    const ReportTable t = one_column(CellType::text, {text_cell("a,b"), text_cell("say \"hi\""), text_cell("two\nlines"),
                                                      text_cell("0012"), blank_cell(), text_cell("")});
    CHECK(csv(t, ExportFormat::csv_utf8) ==
          "\xEF\xBB\xBF" "c\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n0012\r\n\r\n\r\n");
    const ReportTable yen = one_column(CellType::yen, {blank_cell(), number_cell(0)});
    CHECK(csv(yen, ExportFormat::csv_utf8) == "\xEF\xBB\xBF" "c（円）\r\n\r\n0\r\n");
}

TEST_CASE("a date is written 2022/01/31; a date cell that is not an ISO date stays as its text") {
    const ReportTable t = one_column(CellType::date, {text_cell("2022-01-31"), text_cell("2022-02-30"), text_cell("未定")});
    CHECK(csv(t, ExportFormat::csv_utf8) == "\xEF\xBB\xBF" "c\r\n2022/01/31\r\n2022-02-30\r\n未定\r\n");
}

TEST_CASE("the totals row takes its label from the options and only when a column totals") {
    ExportOptions o;
    o.totals_label = "Total";
    CHECK(csv(golden_table(), ExportFormat::csv_utf8, o).find("\r\nTotal,,12,570,\r\n") != std::string::npos);
    ReportTable t = golden_table();
    for (auto& c : t.columns) c.total = false;
    CHECK(csv(t, ExportFormat::csv_utf8).find("合計") == std::string::npos);
    CHECK(column_totals(golden_table()) == std::vector<std::int64_t>{0, 0, 12, 570, 0});
}

TEST_CASE("file names say what they are, filters and encoding included, and hold no character Windows refuses") {
    CHECK(export_file_name("R311", "千代田区", {}, "2022-01-31", ExportFormat::csv_utf8) == "R311_千代田区_2022-01-31.csv");
    // The CP932 file of the same rows beside the UTF-8 one.
    CHECK(export_file_name("R311", "千代田区", {}, "2022-01-31", ExportFormat::csv_cp932) == "R311_千代田区_2022-01-31_SJIS.csv");
    // Another month, round, product or municipality of the same day: another name.
    CHECK(export_file_name("R204", "東京都", {"", "2021-12", "武田/モデルナ", "千代田区"}, "2022-01-31", ExportFormat::xlsx) ==
          "R204_東京都_2021-12_武田_モデルナ_千代田区_2022-01-31.xlsx");
    CHECK(export_file_name("R301", "千代田区", {"PF12_R10"}, "2022-01-31", ExportFormat::csv_utf8) ==
          "R301_千代田区_PF12_R10_2022-01-31.csv");
    CHECK(export_file_name("R313", "A/B:C*D?\"<>|\\", {}, "2022-01-31", ExportFormat::xlsx) ==
          "R313_A_B_C_D_______2022-01-31.xlsx");
    CHECK(export_file_name("R1", "x.", {}, "", ExportFormat::csv_utf8) == "R1_x.csv");
    CHECK(export_file_name("", "", {}, "", ExportFormat::xlsx) == "report.xlsx");
}

TEST_CASE("format ids round-trip and an unknown id is refused") {
    for (ExportFormat f : {ExportFormat::csv_utf8, ExportFormat::csv_cp932, ExportFormat::xlsx})
        CHECK(parse_export_format(export_format_id(f)) == f);
    CHECK_FALSE(parse_export_format("cp932"));
    CHECK_FALSE(parse_export_format(""));
    CHECK_FALSE(export_csv(golden_table(), ExportFormat::xlsx, {}));
}

TEST_CASE("the incremental writer reports progress and writes the same bytes as the whole export") {
    ReportTable t = golden_table();
    for (int i = 0; i < 5; ++i) t.rows.push_back(t.rows[0]);
    for (ExportFormat f : {ExportFormat::csv_utf8, ExportFormat::csv_cp932, ExportFormat::xlsx}) {
        auto exporter = make_report_exporter(t, f, {});
        ExportProgress p = exporter->step(3);
        CHECK(p.rows_done == 3);
        CHECK(p.rows_total == 7);
        CHECK_FALSE(p.done());
        p = exporter->step(10);
        CHECK(p.done());
        Result<ExportedFile> stepped = exporter->finish();
        Result<ExportedFile> whole = export_report(t, f, {});
        REQUIRE(stepped);
        REQUIRE(whole);
        CHECK(stepped->bytes == whole->bytes);
        CHECK(stepped->unencodable.size() == whole->unencodable.size());
    }
}

TEST_CASE("XLSX: a zip, the same bytes for the same table and creation time, another time other bytes") {
    ExportOptions o;
    o.created_unix = 1643587200;  // 2022-01-31T00:00:00Z
    Result<ExportedFile> a = export_report(golden_table(), ExportFormat::xlsx, o);
    Result<ExportedFile> b = export_report(golden_table(), ExportFormat::xlsx, o);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->bytes.substr(0, 4) == "PK\x03\x04");
    CHECK(a->bytes == b->bytes);
    CHECK(a->extension == "xlsx");
    CHECK(a->mime == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    o.created_unix += 1;
    CHECK(export_report(golden_table(), ExportFormat::xlsx, o)->bytes != a->bytes);
}

TEST_CASE("a cancelled XLSX export leaves no temporary file behind") {
    namespace fs = std::filesystem;
    // A folder of this test's own, so that exports running elsewhere on the machine do not count.
    const char* previous = std::getenv("TMPDIR");
    const std::string saved = previous ? previous : "";
    const fs::path dir = fs::temp_directory_path() / ("vsys-export-test-" + std::to_string(std::rand()));
    fs::create_directories(dir);
    setenv("TMPDIR", dir.c_str(), 1);
    auto count = [&] { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator())); };
    const ReportTable table = golden_table();  // outlives the exporter, as the header asks
    {
        auto exporter = make_report_exporter(table, ExportFormat::xlsx, {});
        exporter->step(1);
        CHECK(count() == 1);
    }
    CHECK(count() == 0);
    CHECK(export_report(table, ExportFormat::xlsx, {}));
    CHECK(count() == 0);
    if (previous) setenv("TMPDIR", saved.c_str(), 1);
    else unsetenv("TMPDIR");
    fs::remove_all(dir);
}

TEST_CASE("sheet names: the report id, without the characters Excel refuses, at most 31 characters") {
    CHECK(default_sheet_name(golden_table(), {}) == "R999");
    ExportOptions o;
    o.sheet_name = "a[b]c:d*e?f/g\\h";
    CHECK(default_sheet_name(golden_table(), o) == "a_b_c_d_e_f_g_h");
    o.sheet_name = std::string(40, 'x');
    CHECK(default_sheet_name(golden_table(), o).size() == 31);
}

// Not a check of its own: writes the golden files for tests/cli/exports.test.mjs, which decodes
// them with Python's cp932 codec, node's TextDecoder('shift_jis') and openpyxl.
TEST_CASE("the golden files for the independent decoders are written when VSYS_EXPORT_DIR is set") {
    const char* dir = std::getenv("VSYS_EXPORT_DIR");
    if (!dir) return;
    ReportTable t = golden_table();
    t.rows.push_back({text_cell("=1+1"), text_cell("000123"), number_cell(-12), number_cell(1234567), text_cell("2021-12-01")});
    ExportOptions o;
    o.sheet_name = "R999";
    o.created_unix = 1643587200;
    for (ExportFormat f : {ExportFormat::csv_utf8, ExportFormat::csv_cp932, ExportFormat::xlsx}) {
        Result<ExportedFile> r = export_report(t, f, o);
        REQUIRE(r);
        std::ofstream out(std::string(dir) + "/golden-" + export_format_id(f) + "." + r->extension, std::ios::binary);
        out << r->bytes;
        REQUIRE(out.good());
    }
}

TEST_SUITE_END();
