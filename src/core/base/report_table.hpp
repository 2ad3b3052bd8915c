// A report's rows as typed values (DOMAIN.md §9): what the report engine (core/reports) computes,
// what the report screen shows through the shared Table widget and what every export (CSV in
// UTF-8 or CP932, XLSX) writes. A value type of the base, so that the ui may read it as it reads
// dates and amounts.
//
// Invariants: every row has columns.size() cells; a cell of a count or yen column holds its value
// in `number` (text empty), a cell of a text, code or date column in `text`; a date is ISO
// "YYYY-MM-DD" (shown 2022/01/31, written to XLSX as a date); a code keeps its leading zeros
// (011002) and is never turned into a number by an export.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vsys {

enum class CellType { text, code, count, yen, date };

inline bool is_number(CellType t) { return t == CellType::count || t == CellType::yen; }

struct ReportColumn {
    std::string label;  // the header, in the user's language
    CellType type = CellType::text;
    std::string unit;   // a count's unit in the user's language (箱, バイアル, 回, 件); yen: 円
    bool total = false; // summed in the totals row (count and yen columns)
};

struct ReportCell {
    std::string text;
    std::int64_t number = 0;
    bool blank = false;  // not known (shown "—", written as an empty cell, never as 0)
};

struct ReportTable {
    std::string title;  // "R313 請求総括書用・接種券付予診票分データ一覧"
    std::vector<ReportColumn> columns;
    std::vector<std::vector<ReportCell>> rows;
};

inline ReportCell text_cell(std::string s) { return ReportCell{std::move(s), 0, false}; }
inline ReportCell number_cell(std::int64_t n) { return ReportCell{{}, n, false}; }
inline ReportCell blank_cell() { return ReportCell{{}, 0, true}; }

}  // namespace vsys
