#include "app/reports/xlsx_export.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <unistd.h>

#include "core/base/calendar.hpp"
#include "core/reports/cp932.hpp"

namespace vsys {

namespace {

// 1980-01-01T00:00:00Z: the date libxlsxwriter gives every zip entry, used when the caller gives
// no creation time (libxlsxwriter would read the clock for 0).
constexpr std::int64_t k_default_created = 315532800;

// Excel's column width is in characters of its default font; a full-width character takes two.
std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = cp932::next_code_point(s, i);
        const bool half_kana = c >= 0xFF61 && c <= 0xFF9F;
        width += (c >= 0x1100 && !half_kana) ? 2 : 1;
    }
    return width;
}

std::size_t number_width(std::int64_t n) {
    // The magnitude as unsigned: -n overflows for the smallest int64 (UBSan found it).
    const std::uint64_t magnitude = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    const std::string digits = std::to_string(magnitude);
    return digits.size() + (digits.size() - 1) / 3 + (n < 0 ? 1 : 0);
}

std::optional<lxw_datetime> excel_date(std::string_view iso) {
    const Result<Date> d = parse_iso_date(iso);
    if (!d) return std::nullopt;
    return lxw_datetime{d->year, d->month, d->day, 0, 0, 0.0};
}

Error xlsx_error(const std::string& reason) { return Error("export.xlsx", reason, {{"reason", reason}}); }
Error xlsx_error(lxw_error e) { return xlsx_error(std::string("libxlsxwriter: ") + lxw_strerror(e)); }

class XlsxExporter final : public ReportExporter {
public:
    XlsxExporter(const ReportTable& table, const ExportOptions& options) : table_(table), options_(options) {
        widths_.resize(table.columns.size(), 0);
        // A unique, existing name that libxlsxwriter then overwrites: no other writer can take it.
        const std::string dir = std::filesystem::temp_directory_path(ec_).string();
        std::string name = (dir.empty() ? std::string("/tmp") : dir) + "/vsys-export-XXXXXX";
        const int fd = mkstemp(name.data());
        if (fd < 0) {
            error_ = xlsx_error("cannot create a temporary file for the XLSX export");
            return;
        }
        close(fd);
        path_ = name;
        sheet_name_ = default_sheet_name(table, options);
        title_ = table.title;
        lxw_workbook_options wo{};
        wo.constant_memory = LXW_TRUE;  // rows go to a temporary file as written: 71,000 rows in little memory
        book_ = workbook_new_opt(path_.c_str(), &wo);
        if (!book_) {
            error_ = xlsx_error("libxlsxwriter could not start a workbook");
            return;
        }
        lxw_doc_properties props{};
        props.title = title_.data();
        props.created = static_cast<time_t>(options.created_unix > 0 ? options.created_unix : k_default_created);
        workbook_set_properties(book_, &props);
        sheet_ = workbook_add_worksheet(book_, sheet_name_.c_str());
        if (!sheet_) {
            error_ = xlsx_error("libxlsxwriter refused the sheet name " + sheet_name_);
            return;
        }
        bold_ = workbook_add_format(book_);
        format_set_bold(bold_);
        number_ = workbook_add_format(book_);
        format_set_num_format(number_, "#,##0");
        bold_number_ = workbook_add_format(book_);
        format_set_num_format(bold_number_, "#,##0");
        format_set_bold(bold_number_);
        date_ = workbook_add_format(book_);
        format_set_num_format(date_, "yyyy/mm/dd");
        // Before any row: in constant_memory mode libxlsxwriter refuses ranges over rows already flushed.
        worksheet_freeze_panes(sheet_, 1, 0);
        if (!table.columns.empty())
            check(worksheet_autofilter(sheet_, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                                       col(table.columns.size() - 1)));
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const std::string header = export_header(table.columns[c]);
            check(worksheet_write_string(sheet_, 0, col(c), header.c_str(), bold_));
            widen(c, display_width(header));
        }
    }

    ~XlsxExporter() override {
        if (book_) {  // cancelled: nothing is assembled
            // lxw_workbook_free leaves a constant_memory sheet's row file open (1.1.4).
            if (sheet_ && sheet_->optimize_tmpfile) {
                std::fclose(sheet_->optimize_tmpfile);
                sheet_->optimize_tmpfile = nullptr;
                sheet_->file = nullptr;
            }
            lxw_workbook_free(book_);
        }
        if (!path_.empty()) std::remove(path_.c_str());
    }

    ExportProgress step(std::size_t max_rows) override {
        const std::size_t end = std::min(table_.rows.size(), next_ + max_rows);
        if (sheet_ && !error_)
            for (; next_ < end; ++next_) write_row(next_ + 1, table_.rows[next_]);
        return {next_, table_.rows.size()};
    }

    Result<ExportedFile> finish() override {
        step(table_.rows.size());
        if (error_) return *error_;
        const std::size_t last_data_row = table_.rows.size();
        if (has_totals(table_)) write_totals(last_data_row + 1);
        if (error_) return *error_;
        for (std::size_t c = 0; c < widths_.size(); ++c)
            worksheet_set_column(sheet_, col(c), col(c), static_cast<double>(std::min<std::size_t>(widths_[c] + 2, 60)),
                                 nullptr);
        const lxw_error closed = workbook_close(book_);  // assembles and writes the zip, frees the workbook
        book_ = nullptr;
        if (closed != LXW_NO_ERROR) return xlsx_error(closed);
        std::ifstream in(path_, std::ios::binary);
        ExportedFile file;
        file.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) return xlsx_error("cannot read back the XLSX export");
        file.mime = export_format_mime(ExportFormat::xlsx);
        file.extension = export_format_extension(ExportFormat::xlsx);
        return file;
    }

private:
    static lxw_col_t col(std::size_t c) { return static_cast<lxw_col_t>(c); }

    void check(lxw_error e) {
        if (e != LXW_NO_ERROR && !error_) error_ = xlsx_error(e);
    }

    void widen(std::size_t c, std::size_t w) { widths_[c] = std::max(widths_[c], w); }

    void write_row(std::size_t r, const std::vector<ReportCell>& row) {
        const auto xr = static_cast<lxw_row_t>(r);
        for (std::size_t c = 0; c < table_.columns.size() && c < row.size(); ++c) {
            const ReportCell& cell = row[c];
            if (cell.blank) continue;
            switch (table_.columns[c].type) {
            case CellType::count:
            case CellType::yen:
                check(worksheet_write_number(sheet_, xr, col(c), static_cast<double>(cell.number), number_));
                widen(c, number_width(cell.number));
                break;
            case CellType::date: {
                if (std::optional<lxw_datetime> d = excel_date(cell.text)) {
                    check(worksheet_write_datetime(sheet_, xr, col(c), &*d, date_));
                    widen(c, 10);
                    break;
                }
                [[fallthrough]];  // not a date after all: kept as the text it is
            }
            case CellType::text:
            case CellType::code:
                // A string cell is never evaluated, so no formula guard is needed here.
                check(worksheet_write_string(sheet_, xr, col(c), cell.text.c_str(), nullptr));
                widen(c, display_width(cell.text));
                break;
            }
        }
    }

    void write_totals(std::size_t r) {
        const std::vector<std::int64_t> totals = column_totals(table_);
        const auto xr = static_cast<lxw_row_t>(r);
        bool labelled = false;
        for (std::size_t c = 0; c < table_.columns.size(); ++c) {
            if (table_.columns[c].total) {
                check(worksheet_write_number(sheet_, xr, col(c), static_cast<double>(totals[c]), bold_number_));
                widen(c, number_width(totals[c]));
            } else if (!labelled) {
                check(worksheet_write_string(sheet_, xr, col(c), options_.totals_label.c_str(), bold_));
                widen(c, display_width(options_.totals_label));
                labelled = true;
            }
        }
    }

    const ReportTable& table_;
    ExportOptions options_;
    std::error_code ec_;
    std::string path_;
    std::string sheet_name_;
    std::string title_;
    lxw_workbook* book_ = nullptr;
    lxw_worksheet* sheet_ = nullptr;
    lxw_format* bold_ = nullptr;
    lxw_format* number_ = nullptr;
    lxw_format* bold_number_ = nullptr;
    lxw_format* date_ = nullptr;
    std::vector<std::size_t> widths_;
    std::size_t next_ = 0;
    std::optional<Error> error_;
};

}  // namespace

std::unique_ptr<ReportExporter> make_xlsx_writer(const ReportTable& table, const ExportOptions& options) {
    return std::make_unique<XlsxExporter>(table, options);
}

std::unique_ptr<ReportExporter> make_xlsx_exporter(const ReportTable& table, const ExportOptions& options) {
    return make_xlsx_writer(table, options);
}

}  // namespace vsys
