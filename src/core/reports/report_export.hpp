// The bytes of a report export (issue 14): CSV in UTF-8 with a BOM (the default: Excel on a
// Japanese PC reads UTF-8 only with it), CSV in CP932 (what many offices still expect), and
// XLSX (the only format in which Excel keeps the leading zeros of a code such as 011002).
//
// CSV, both encodings: a header row of the column labels (with the unit: 「接種回数（回）」),
// then the rows, then a totals row when a column totals (sums of its non-blank cells, labelled
// ExportOptions::totals_label). CRLF line ends, RFC 4180 quoting (core/base/csv.hpp). A text,
// code or date cell starting with = + - @ TAB or CR gets a leading ' so that Excel does not run
// it as a formula; numbers are never touched (-12 stays -12). A blank cell is empty, never 0. A
// date is written 2022/01/31. CP932: see cp932.hpp; every character that is substituted (¥) or
// written as 〓 is listed in ExportedFile::unencodable with its row (0 = the header) and column,
// so the dialog can show them before the user confirms.
//
// XLSX is written by libxlsxwriter, which assembles its zip through temporary files, so it
// lives in the app layer (app/reports/xlsx_export.hpp: make_report_exporter for any format); in
// the browser it runs in a Web Worker, handed the table by core/reports/report_table_codec.hpp.
// Deterministic: the same table and options give the same bytes (no clock in core: the XLSX
// creation time comes from ExportOptions).
//
// Large exports run across frames: a ReportExporter writes up to max_rows rows per step(); the
// UI calls step() once a frame, shows rows_done / rows_total, and cancels by dropping the object.
// An exporter whose file is assembled off the page's thread (the browser's XLSX worker) reports
// `compressing` once every row is handed over, until the file is ready: the UI keeps calling
// step() each frame to learn when. The table must outlive the exporter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/report_table.hpp"
#include "core/base/result.hpp"

namespace vsys {

enum class ExportFormat { csv_utf8, csv_cp932, xlsx };

// "csv" | "csv-cp932" | "xlsx", the ids of the automation API and `vsys report --format`.
std::optional<ExportFormat> parse_export_format(std::string_view id);
const char* export_format_id(ExportFormat f);
const char* export_format_mime(ExportFormat f);       // text/csv;charset=utf-8, ...;charset=shift_jis, or the XLSX type
const char* export_format_extension(ExportFormat f);  // "csv" or "xlsx", without the dot

struct ExportOptions {
    std::string sheet_name;            // XLSX: the report id; empty = the title's first word (R313)
    std::string totals_label = "合計";  // the first cell of the totals row, in the user's language
    std::int64_t created_unix = 0;     // XLSX: the workbook's creation time, seconds since 1970 (UTC);
                                       // 0 = 1980-01-01, the zip entries' own date
};

struct Unencodable {
    std::size_t row = 0;     // 0 = the header row, 1 = the first data row, rows + 1 = the totals row
    std::size_t column = 0;  // 0-based
    std::string character;   // as UTF-8
    std::string replacement; // what the file holds instead, as UTF-8 (〓, or \ for ¥)
    bool substituted = false;  // true: a character that may read differently (¥ → 0x5C); false: 〓
};

struct ExportedFile {
    std::string bytes;
    std::string mime;
    std::string extension;  // without the dot
    std::vector<Unencodable> unencodable;
    // finish() called while the browser's XLSX worker still writes the file: bytes are empty and
    // the page awaits the job of this number (platform/web/xlsx_client.js); -1 otherwise.
    int worker_job = -1;
};

struct ExportProgress {
    std::size_t rows_done = 0;
    std::size_t rows_total = 0;
    bool compressing = false;  // every row handed over; the file is being assembled elsewhere
    bool done() const { return rows_done >= rows_total && !compressing; }
};

class ReportExporter {
public:
    virtual ~ReportExporter() = default;
    virtual ExportProgress step(std::size_t max_rows) = 0;  // writes up to max_rows more rows
    virtual Result<ExportedFile> finish() = 0;  // writes what is left and the totals; call once
};

// CSV in either encoding (format csv_utf8 or csv_cp932; xlsx is refused with an error here).
std::unique_ptr<ReportExporter> make_csv_exporter(const ReportTable& table, ExportFormat format,
                                                  const ExportOptions& options);
Result<ExportedFile> export_csv(const ReportTable& table, ExportFormat format, const ExportOptions& options);

// R311_千代田区_2022-01-31.csv: report id, organisation name, the filters chosen (round, month,
// product, municipality: R204_東京都_2021-12_千代田区_2022-01-31.csv), date, and _SJIS for CP932,
// joined by _, so two exports of one day that hold other rows or bytes never share a name; the
// characters Windows forbids in a file name (\ / : * ? " < > | and controls) replaced by _.
std::string export_file_name(std::string_view report_id, std::string_view org_name,
                             const std::vector<std::string>& filters, std::string_view date_iso, ExportFormat format);

// The shared cell rules of every format, exposed for the XLSX writer and the tests.
std::string export_header(const ReportColumn& column);          // label（unit）
std::string export_date_text(std::string_view iso);             // 2022-01-31 → 2022/01/31
bool needs_formula_guard(std::string_view text);                // starts with = + - @ TAB or CR
std::string default_sheet_name(const ReportTable& table, const ExportOptions& options);
// The totals of the columns that total (0 for the others), sums of the non-blank cells.
std::vector<std::int64_t> column_totals(const ReportTable& table);
bool has_totals(const ReportTable& table);

}  // namespace vsys
