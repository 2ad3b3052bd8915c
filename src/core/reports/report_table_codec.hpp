// A report table and its export options as compact bytes: what the browser's main thread hands
// its XLSX worker (platform/web/xlsx_worker/), which decodes it and runs the very writer the
// native build runs in process (app/reports/xlsx_export.hpp), so the same table gives the same
// file in either place. Typed cells travel as they are: text and codes as strings (leading zeros
// kept), counts and yen as integers, dates as their ISO text, blanks as blanks.
//
// Layout (every integer an unsigned LEB128 varint; an int64 zigzag-encoded first; a string is
// its byte length then its UTF-8 bytes):
//   "VXT1"  title  sheet_name  totals_label  created_unix:int64
//   column count, then per column: label  type (0 text, 1 code, 2 count, 3 yen, 4 date)  unit  total (0|1)
//   row count, then per row and column: flags (1 blank, 2 has text, 4 has number), [text], [number:int64]
// Invariants: decode(encode(t, o)) gives back t and o field for field (a row shorter than the
// columns comes back padded with blank cells, which every writer treats as it treats the missing
// cells); decoding never reads past
// its input, never throws, and refuses trailing bytes, a row count larger than the bytes could
// hold and an unknown cell type, with Error code "export.table".
//
// Large tables are encoded across frames: a ReportTableEncoder writes up to max_rows rows per
// step() (the table must outlive it), then take() hands the bytes over.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/report_table.hpp"
#include "core/base/result.hpp"
#include "core/reports/report_export.hpp"

namespace vsys {

class ReportTableEncoder {
public:
    ReportTableEncoder(const ReportTable& table, const ExportOptions& options);
    ExportProgress step(std::size_t max_rows);  // rows_done = rows encoded so far
    bool done() const { return next_ >= table_.rows.size(); }
    std::string take();  // encodes what is left, then gives up the bytes; call once

private:
    const ReportTable& table_;
    std::string out_;
    std::size_t next_ = 0;
};

std::string encode_report_table(const ReportTable& table, const ExportOptions& options);

struct DecodedReportTable {
    ReportTable table;
    ExportOptions options;
};
Result<DecodedReportTable> decode_report_table(std::string_view bytes);

}  // namespace vsys
