#include "core/reports/report_export.hpp"

#include <cstdint>

#include <charconv>

#include "core/base/calendar.hpp"
#include "core/base/csv.hpp"
#include "core/reports/cp932.hpp"

namespace vsys {

std::optional<ExportFormat> parse_export_format(std::string_view id) {
    if (id == "csv") return ExportFormat::csv_utf8;
    if (id == "csv-cp932") return ExportFormat::csv_cp932;
    if (id == "xlsx") return ExportFormat::xlsx;
    return std::nullopt;
}

const char* export_format_id(ExportFormat f) {
    switch (f) {
    case ExportFormat::csv_utf8: return "csv";
    case ExportFormat::csv_cp932: return "csv-cp932";
    case ExportFormat::xlsx: return "xlsx";
    }
    return "csv";
}

const char* export_format_mime(ExportFormat f) {
    switch (f) {
    case ExportFormat::csv_utf8: return "text/csv;charset=utf-8";
    case ExportFormat::csv_cp932: return "text/csv;charset=shift_jis";
    case ExportFormat::xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    return "application/octet-stream";
}

const char* export_format_extension(ExportFormat f) { return f == ExportFormat::xlsx ? "xlsx" : "csv"; }

std::string export_header(const ReportColumn& column) {
    std::string unit = column.unit;
    if (unit.empty() && column.type == CellType::yen) unit = "円";
    if (unit.empty() || column.label.find("（" + unit + "）") != std::string::npos) return column.label;
    return column.label + "（" + unit + "）";
}

std::string export_date_text(std::string_view iso) {
    std::string out(iso);
    if (parse_iso_date(iso)) out[4] = out[7] = '/';  // anything else stays as the text it is
    return out;
}

bool needs_formula_guard(std::string_view text) {
    if (text.empty()) return false;
    const char c = text.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string default_sheet_name(const ReportTable& table, const ExportOptions& options) {
    std::string name = options.sheet_name;
    if (name.empty()) name = table.title.substr(0, table.title.find(' '));
    // Excel refuses [ ] : * ? / \ in a sheet name and more than 31 characters.
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < name.size() && chars < 31;) {
        const std::size_t start = i;
        const char32_t c = cp932::next_code_point(name, i);
        if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' || c < 0x20) out += '_';
        else out.append(name, start, i - start);
        ++chars;
    }
    return out.empty() ? std::string("Report") : out;
}

std::vector<std::int64_t> column_totals(const ReportTable& table) {
    std::vector<std::int64_t> totals(table.columns.size(), 0);
    for (const auto& row : table.rows)
        for (std::size_t c = 0; c < table.columns.size() && c < row.size(); ++c)
            if (table.columns[c].total && !row[c].blank && __builtin_add_overflow(totals[c], row[c].number, &totals[c]))
                // Beyond any real count or amount (a damaged table): held at the limit, never wrapped.
                totals[c] = row[c].number < 0 ? INT64_MIN : INT64_MAX;
    return totals;
}

bool has_totals(const ReportTable& table) {
    for (const auto& column : table.columns)
        if (column.total) return true;
    return false;
}

std::string export_file_name(std::string_view report_id, std::string_view org_name,
                             const std::vector<std::string>& filters, std::string_view date_iso, ExportFormat format) {
    std::vector<std::string_view> parts{report_id, org_name};
    parts.insert(parts.end(), filters.begin(), filters.end());
    parts.push_back(date_iso);
    // The encoding where it is not the default: a CP932 file beside a UTF-8 one of the same rows.
    if (format == ExportFormat::csv_cp932) parts.push_back("SJIS");
    std::string raw;
    for (std::string_view part : parts) {
        if (part.empty()) continue;
        if (!raw.empty()) raw += '_';
        raw += part;
    }
    std::string out;
    for (std::size_t i = 0; i < raw.size();) {
        const std::size_t start = i;
        const char32_t c = cp932::next_code_point(raw, i);
        const bool forbidden = c < 0x20 || c == 0x7F || c == '\\' || c == '/' || c == ':' || c == '*' || c == '?' ||
                               c == '"' || c == '<' || c == '>' || c == '|' || c == 0xFFFD;
        if (forbidden) out += '_';
        else out.append(raw, start, i - start);
    }
    // Windows drops trailing dots and spaces, and refuses a name that is only dots.
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    if (out.empty()) out = "report";
    return out + "." + export_format_extension(format);
}

namespace {

// The CSV writer: one UTF-8 field at a time, quoted, then appended in the target encoding.
class CsvExporter final : public ReportExporter {
public:
    CsvExporter(const ReportTable& table, ExportFormat format, const ExportOptions& options)
        : table_(table), format_(format), options_(options) {
        file_.mime = export_format_mime(format);
        file_.extension = export_format_extension(format);
        // The rows are mostly ASCII digits and short names: a guess that saves most regrowth.
        file_.bytes.reserve(64 + table.rows.size() * table.columns.size() * 12);
        if (format_ == ExportFormat::csv_utf8) file_.bytes += "\xEF\xBB\xBF";
        for (std::size_t c = 0; c < table_.columns.size(); ++c) {
            if (c) file_.bytes += ',';
            field(0, c, export_header(table_.columns[c]), true);
        }
        file_.bytes += "\r\n";
    }

    ExportProgress step(std::size_t max_rows) override {
        const std::size_t end = std::min(table_.rows.size(), next_ + max_rows);
        for (; next_ < end; ++next_) write_row(next_ + 1, table_.rows[next_]);
        return {next_, table_.rows.size()};
    }

    Result<ExportedFile> finish() override {
        step(table_.rows.size());
        if (has_totals(table_)) write_totals();
        return std::move(file_);
    }

private:
    void write_row(std::size_t row_index, const std::vector<ReportCell>& row) {
        for (std::size_t c = 0; c < table_.columns.size(); ++c) {
            if (c) file_.bytes += ',';
            if (c >= row.size() || row[c].blank) continue;
            const ReportCell& cell = row[c];
            switch (table_.columns[c].type) {
            case CellType::count:
            case CellType::yen: number(cell.number); break;
            case CellType::date: field(row_index, c, export_date_text(cell.text), true); break;
            case CellType::text:
            case CellType::code: field(row_index, c, cell.text, true); break;
            }
        }
        file_.bytes += "\r\n";
    }

    void write_totals() {
        const std::vector<std::int64_t> totals = column_totals(table_);
        bool labelled = false;
        for (std::size_t c = 0; c < table_.columns.size(); ++c) {
            if (c) file_.bytes += ',';
            if (table_.columns[c].total) {
                number(totals[c]);
            } else if (!labelled) {
                field(table_.rows.size() + 1, c, options_.totals_label, true);
                labelled = true;
            }
        }
        file_.bytes += "\r\n";
    }

    void number(std::int64_t n) {
        char buf[24];
        const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
        file_.bytes.append(buf, end);
    }

    void field(std::size_t row_index, std::size_t column, std::string_view text, bool guard) {
        const bool guarded = guard && needs_formula_guard(text);
        // Most cells need neither the guard nor quotes nor re-encoding: append them as they are.
        const bool plain = !guarded && text.find_first_of(",\"\r\n") == std::string_view::npos;
        std::string_view out = text;
        if (!plain) {
            scratch_.clear();
            if (guarded) scratch_ += '\'';
            scratch_ += text;
            scratch_ = csv_field(scratch_);
            out = scratch_;
        }
        if (format_ == ExportFormat::csv_utf8) {
            file_.bytes += out;
            return;
        }
        // Quoting before encoding is exact: CP932 trail bytes never take the values of , " CR LF.
        cp932::append(file_.bytes, out, [&](std::string character, std::string replacement, bool substituted) {
            file_.unencodable.push_back({row_index, column, std::move(character), std::move(replacement), substituted});
        });
    }

    const ReportTable& table_;
    ExportFormat format_;
    ExportOptions options_;
    ExportedFile file_;
    std::size_t next_ = 0;
    std::string scratch_;
};

// What make_csv_exporter answers for a format it does not write: finish() carries the error.
class RefusedExporter final : public ReportExporter {
public:
    explicit RefusedExporter(Error e) : error_(std::move(e)) {}
    ExportProgress step(std::size_t) override { return {0, 0}; }
    Result<ExportedFile> finish() override { return error_; }

private:
    Error error_;
};

}  // namespace

std::unique_ptr<ReportExporter> make_csv_exporter(const ReportTable& table, ExportFormat format,
                                                  const ExportOptions& options) {
    if (format == ExportFormat::xlsx)
        return std::make_unique<RefusedExporter>(
            Error("export.format", "XLSX is written by app/reports/xlsx_export, not the CSV writer"));
    return std::make_unique<CsvExporter>(table, format, options);
}

Result<ExportedFile> export_csv(const ReportTable& table, ExportFormat format, const ExportOptions& options) {
    return make_csv_exporter(table, format, options)->finish();
}

}  // namespace vsys
