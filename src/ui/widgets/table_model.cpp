#include "ui/widgets/table_model.hpp"

#include <algorithm>
#include <numeric>

#include "core/base/csv.hpp"
#include "core/base/numbers.hpp"

namespace vsys::ui {

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool contains_folded(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return true;
    if (needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && lower_ascii(hay[i + k]) == lower_ascii(needle[k])) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

bool row_matches(const TableModel& m, const std::vector<TableCell>& row, std::string_view filter) {
    for (std::size_t c = 0; c < row.size() && c < m.columns.size(); ++c)
        if (contains_folded(cell_text(m.columns[c], row[c]), filter)) return true;
    return false;
}

// A number in 10^-decimals as plain digits with a point ("2070.86", "-0.05").
std::string plain_decimal(std::int64_t v, int decimals) {
    if (decimals <= 0) return std::to_string(v);
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    const bool negative = v < 0;
    const std::uint64_t a = negative ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    std::string frac = std::to_string(a % static_cast<std::uint64_t>(scale));
    frac.insert(0, static_cast<std::size_t>(decimals) - frac.size(), '0');
    return (negative ? "-" : "") + std::to_string(a / static_cast<std::uint64_t>(scale)) + "." + frac;
}

std::string grouped_decimal(std::int64_t v, int decimals) {
    const std::string plain = plain_decimal(v, decimals);
    const auto point = plain.find('.');
    if (point == std::string::npos) return format_grouped(v);
    const bool negative = plain[0] == '-';
    const std::string whole = plain.substr(negative ? 1 : 0, point - (negative ? 1 : 0));
    return (negative ? "-" : "") + format_grouped(std::stoll(whole)) + plain.substr(point);
}

}  // namespace

std::string cell_text(const TableColumn& c, const TableCell& cell) {
    if (!c.numeric) return cell.text;
    if (cell.blank) return "—";
    if (!cell.text.empty()) return cell.text;
    std::string s = grouped_decimal(cell.number, c.decimals);
    return c.unit.empty() ? s : s + " " + c.unit;
}

std::vector<int> table_order(const TableModel& m, std::string_view filter, int sort_column, bool ascending) {
    std::vector<int> rows;
    rows.reserve(m.rows.size());
    for (std::size_t i = 0; i < m.rows.size(); ++i)
        if (filter.empty() || row_matches(m, m.rows[i], filter)) rows.push_back(static_cast<int>(i));
    if (sort_column < 0 || sort_column >= static_cast<int>(m.columns.size())) return rows;
    const auto col = static_cast<std::size_t>(sort_column);
    const bool numeric = m.columns[col].numeric;
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const TableCell& x = m.rows[static_cast<std::size_t>(a)][col];
        const TableCell& y = m.rows[static_cast<std::size_t>(b)][col];
        if (numeric) {
            // Blanks last in both directions: an unknown count is never the largest or smallest.
            if (x.blank != y.blank) return y.blank;
            return ascending ? x.number < y.number : y.number < x.number;
        }
        return ascending ? x.text < y.text : y.text < x.text;
    });
    return rows;
}

std::vector<std::optional<std::int64_t>> table_totals(const TableModel& m, const std::vector<int>& rows) {
    std::vector<std::optional<std::int64_t>> out(m.columns.size());
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
        if (!m.columns[c].total || !m.columns[c].numeric) continue;
        std::int64_t sum = 0;
        for (int r : rows) {
            const TableCell& cell = m.rows[static_cast<std::size_t>(r)][c];
            if (!cell.blank) sum += cell.number;
        }
        out[c] = sum;
    }
    return out;
}

std::string table_csv(const TableModel& m, const std::vector<int>& rows, std::string_view totals_label) {
    std::string out;
    auto line = [&out](const std::vector<std::string>& fields) { out += csv_line(fields); };
    std::vector<std::string> fields;
    for (const auto& c : m.columns) fields.push_back(c.unit.empty() ? c.label : c.label + "(" + c.unit + ")");
    line(fields);
    for (int r : rows) {
        fields.clear();
        const auto& row = m.rows[static_cast<std::size_t>(r)];
        for (std::size_t c = 0; c < m.columns.size(); ++c)
            fields.push_back(!m.columns[c].numeric ? row[c].text
                             : row[c].blank        ? std::string()
                                                   : plain_decimal(row[c].number, m.columns[c].decimals));
        line(fields);
    }
    const auto totals = table_totals(m, rows);
    if (std::any_of(totals.begin(), totals.end(), [](const auto& t) { return t.has_value(); })) {
        fields.assign(m.columns.size(), std::string());
        if (!fields.empty()) fields[0] = std::string(totals_label);
        for (std::size_t c = 0; c < totals.size(); ++c)
            if (totals[c]) fields[c] = plain_decimal(*totals[c], m.columns[c].decimals);
        line(fields);
    }
    return out;
}

}  // namespace vsys::ui
