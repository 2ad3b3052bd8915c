#include "core/reports/report_table_codec.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace vsys {

namespace {

constexpr std::string_view k_magic = "VXT1";

enum CellFlags : unsigned { k_blank = 1, k_text = 2, k_number = 4 };

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7F) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

void put_int(std::string& out, std::int64_t v) {
    put_varint(out, (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

void put_string(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out += s;
}

void put_row(std::string& out, const std::vector<ReportCell>& row, std::size_t columns) {
    for (std::size_t c = 0; c < columns; ++c) {
        static const ReportCell k_missing = blank_cell();  // a short row reads as blanks, as the writers treat it
        const ReportCell& cell = c < row.size() ? row[c] : k_missing;
        const unsigned flags = (cell.blank ? k_blank : 0u) | (cell.text.empty() ? 0u : k_text) |
                               (cell.number != 0 ? k_number : 0u);
        out += static_cast<char>(flags);
        if (flags & k_text) put_string(out, cell.text);
        if (flags & k_number) put_int(out, cell.number);
    }
}

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}

    std::optional<std::uint64_t> varint() {
        std::uint64_t v = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            if (pos_ >= in_.size()) return std::nullopt;
            const auto b = static_cast<unsigned char>(in_[pos_++]);
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        return std::nullopt;  // more than ten bytes: not a varint of ours
    }

    std::optional<std::int64_t> integer() {
        auto v = varint();
        if (!v) return std::nullopt;
        return static_cast<std::int64_t>((*v >> 1) ^ (~(*v & 1) + 1));
    }

    std::optional<std::string> string() {
        auto n = varint();
        if (!n || *n > in_.size() - pos_) return std::nullopt;
        std::string s(in_.substr(pos_, static_cast<std::size_t>(*n)));
        pos_ += static_cast<std::size_t>(*n);
        return s;
    }

    std::optional<unsigned> byte() {
        if (pos_ >= in_.size()) return std::nullopt;
        return static_cast<unsigned char>(in_[pos_++]);
    }

    bool take_magic() {
        if (in_.substr(0, k_magic.size()) != k_magic) return false;
        pos_ = k_magic.size();
        return true;
    }
    std::size_t left() const { return in_.size() - pos_; }

private:
    std::string_view in_;
    std::size_t pos_ = 0;
};

Error refused(const std::string& what) { return Error("export.table", "the table for the XLSX writer is damaged: " + what, {{"reason", what}}); }

}  // namespace

ReportTableEncoder::ReportTableEncoder(const ReportTable& table, const ExportOptions& options) : table_(table) {
    out_.reserve(64 + table.rows.size() * table.columns.size() * 8);
    out_ += k_magic;
    put_string(out_, table.title);
    put_string(out_, options.sheet_name);
    put_string(out_, options.totals_label);
    put_int(out_, options.created_unix);
    put_varint(out_, table.columns.size());
    for (const auto& c : table.columns) {
        put_string(out_, c.label);
        put_varint(out_, static_cast<std::uint64_t>(c.type));
        put_string(out_, c.unit);
        put_varint(out_, c.total ? 1 : 0);
    }
    put_varint(out_, table.rows.size());
}

ExportProgress ReportTableEncoder::step(std::size_t max_rows) {
    const std::size_t end = std::min(table_.rows.size(), next_ + max_rows);
    for (; next_ < end; ++next_) put_row(out_, table_.rows[next_], table_.columns.size());
    return {next_, table_.rows.size()};
}

std::string ReportTableEncoder::take() {
    step(table_.rows.size());
    return std::move(out_);
}

std::string encode_report_table(const ReportTable& table, const ExportOptions& options) {
    return ReportTableEncoder(table, options).take();
}

Result<DecodedReportTable> decode_report_table(std::string_view bytes) {
    Reader r(bytes);
    if (!r.take_magic()) return refused("not a table (no VXT1 mark)");
    DecodedReportTable d;
    auto title = r.string();
    auto sheet = r.string();
    auto totals = r.string();
    auto created = r.integer();
    auto columns = r.varint();
    if (!title || !sheet || !totals || !created || !columns || *columns > r.left()) return refused("truncated header");
    d.table.title = std::move(*title);
    d.options.sheet_name = std::move(*sheet);
    d.options.totals_label = std::move(*totals);
    d.options.created_unix = *created;
    for (std::uint64_t i = 0; i < *columns; ++i) {
        auto label = r.string();
        auto type = r.varint();
        auto unit = r.string();
        auto total = r.varint();
        if (!label || !type || !unit || !total) return refused("truncated column");
        if (*type > static_cast<std::uint64_t>(CellType::date) || *total > 1) return refused("unknown column type");
        d.table.columns.push_back({std::move(*label), static_cast<CellType>(*type), std::move(*unit), *total == 1});
    }
    auto rows = r.varint();
    const std::size_t width = d.table.columns.size();
    // Every cell takes at least its flags byte: a count the bytes cannot hold is a damaged table
    // (rows of no columns take none, so their count is bounded by a limit of its own).
    constexpr std::uint64_t k_max_empty_rows = 10'000'000;
    if (!rows || (width > 0 && *rows > r.left() / width) || (width == 0 && *rows > k_max_empty_rows))
        return refused("row count beyond the bytes");
    d.table.rows.reserve(static_cast<std::size_t>(*rows));
    for (std::uint64_t i = 0; i < *rows; ++i) {
        std::vector<ReportCell> row(width);
        for (auto& cell : row) {
            auto flags = r.byte();
            if (!flags || *flags > (k_blank | k_text | k_number)) return refused("bad cell");
            cell.blank = (*flags & k_blank) != 0;
            if (*flags & k_text) {
                auto text = r.string();
                if (!text) return refused("truncated cell");
                cell.text = std::move(*text);
            }
            if (*flags & k_number) {
                auto n = r.integer();
                if (!n) return refused("truncated cell");
                cell.number = *n;
            }
        }
        d.table.rows.push_back(std::move(row));
    }
    if (r.left() != 0) return refused("trailing bytes");
    return d;
}

}  // namespace vsys
