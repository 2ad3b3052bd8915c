// The stock rules read from assets/stock/*.tsv (stock_rules.hpp), strictly and row by row, and
// the look-ups the ledger and the screens make of them.
//
// [SECTION] The embedded files, and the kinds of dose
// [SECTION] Field readers: numbers, dates, reason lists, overlaps
// [SECTION] Parsing the seven files
// [SECTION] The built-in rules and their look-ups
// [SECTION] Categories and the effective expiry
#include "core/stock/stock_rules.hpp"

#include <algorithm>
#include <charconv>

#include "core/base/tsv.hpp"

namespace vsys {

// [SECTION] The embedded files, and the kinds of dose

namespace assets {
std::string_view stock_doses_tsv();
std::string_view stock_shelf_life_tsv();
std::string_view stock_transfer_matrix_tsv();
std::string_view stock_transfer_conditions_tsv();
std::string_view stock_transfer_caps_tsv();
std::string_view stock_reasons_tsv();
std::string_view stock_purge_tsv();
}  // namespace assets

const char* dose_kind_id(DoseKind k) { return k == DoseKind::primary ? "primary" : "booster"; }

// [SECTION] Field readers: numbers, dates, reason lists, overlaps

namespace {

struct Parser {
    const char* file;
    std::string error_reason;
    int error_line = 0;

    bool fail(int line, std::string reason) {
        if (error_line == 0) {
            error_line = line;
            error_reason = std::move(reason);
        }
        return false;
    }
    Error error() const {
        return Error{"stock.bad_rules", std::string(file) + ":" + std::to_string(error_line) + ": " + error_reason,
                     {{"file", file}, {"line", std::to_string(error_line)}, {"reason", error_reason}}};
    }
};

bool parse_int(std::string_view s, std::int64_t& out) {
    if (s.empty()) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

bool parse_date(std::string_view s, Date& out) {
    auto d = parse_iso_date(s);
    if (!d) return false;
    out = *d;
    return true;
}

bool parse_opt_date(std::string_view s, std::optional<Date>& out) {
    if (s.empty()) {
        out.reset();
        return true;
    }
    Date d;
    if (!parse_date(s, d)) return false;
    out = d;
    return true;
}

bool covers(const Date& from, const std::optional<Date>& to, const Date& on) { return from <= on && (!to || on <= *to); }

// Dated rows of one key must not overlap: sorted by start, each ends before the next starts.
template <class Row, class Key>
bool no_overlap(std::vector<Row> rows, Key key) {
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        return key(a) != key(b) ? key(a) < key(b) : a.valid_from < b.valid_from;
    });
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (key(rows[i]) == key(rows[i - 1]) && (!rows[i - 1].valid_to || *rows[i - 1].valid_to >= rows[i].valid_from))
            return false;
    return true;
}

bool parse_reason_list(std::string_view s, ReasonList& out) {
    static constexpr std::pair<std::string_view, ReasonList> k[] = {{"wastage", ReasonList::wastage},
                                                                    {"count_below", ReasonList::count_below},
                                                                    {"count_above", ReasonList::count_above},
                                                                    {"discrepancy", ReasonList::discrepancy},
                                                                    {"refusal", ReasonList::refusal}};
    for (auto [name, v] : k)
        if (s == name) {
            out = v;
            return true;
        }
    return false;
}

bool parse_needs(std::string_view s, ReasonNeeds& out) {
    if (s == "nothing") out = ReasonNeeds::nothing;
    else if (s == "text") out = ReasonNeeds::text;
    else if (s == "excursion") out = ReasonNeeds::excursion;
    else return false;
    return true;
}

// "YYYY-MM-DDTHH:MM:SSZ" → seconds since 1970 (UTC).
bool parse_utc(std::string_view s, std::int64_t& out) {
    if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return false;
    Date d;
    if (!parse_date(s.substr(0, 10), d)) return false;
    std::int64_t h = 0, m = 0, sec = 0;
    if (!parse_int(s.substr(11, 2), h) || !parse_int(s.substr(14, 2), m) || !parse_int(s.substr(17, 2), sec)) return false;
    if (h > 23 || m > 59 || sec > 59) return false;
    out = days_since_epoch(d) * 86400 + h * 3600 + m * 60 + sec;
    return true;
}

}  // namespace

// [SECTION] Parsing the seven files

Result<StockRules> StockRules::parse(std::string_view doses_tsv, std::string_view shelf_life_tsv,
                                     std::string_view matrix_tsv, std::string_view conditions_tsv,
                                     std::string_view caps_tsv, std::string_view reasons_tsv,
                                     std::string_view purge_tsv) {
    StockRules r;
    {
        Parser p{"doses.tsv"};
        tsv::for_each_row(doses_tsv, [&](int line, const std::vector<std::string_view>& f) {
            if (f.size() != 6) return p.fail(line, "expected 6 fields");
            DosesPerVial d;
            auto prod = parse_vaccine_product(f[0]);
            if (!prod) return p.fail(line, "unknown product");
            d.product = *prod;
            if (f[1] == "primary") d.kind = DoseKind::primary;
            else if (f[1] == "booster") d.kind = DoseKind::booster;
            else return p.fail(line, "unknown kind of dose");
            if (!parse_date(f[2], d.valid_from) || !parse_opt_date(f[3], d.valid_to)) return p.fail(line, "bad date");
            if (d.valid_to && *d.valid_to < d.valid_from) return p.fail(line, "valid_to before valid_from");
            if (!parse_int(f[4], d.doses) || d.doses <= 0) return p.fail(line, "doses must be a positive integer");
            r.doses_.push_back(d);
            return true;
        });
        if (p.error_line) return p.error();
        if (!no_overlap(r.doses_, [](const DosesPerVial& d) { return int(d.product) * 2 + int(d.kind); }))
            return Error{"stock.bad_rules", "doses.tsv: overlapping dated rows", {{"file", "doses.tsv"}, {"line", "0"}, {"reason", "overlapping dated rows"}}};
    }
    {
        Parser p{"shelf_life.tsv"};
        tsv::for_each_row(shelf_life_tsv, [&](int line, const std::vector<std::string_view>& f) {
            if (f.size() != 5) return p.fail(line, "expected 5 fields");
            ShelfLife s;
            auto prod = parse_vaccine_product(f[0]);
            if (!prod) return p.fail(line, "unknown product");
            s.product = *prod;
            if (!parse_date(f[1], s.valid_from) || !parse_opt_date(f[2], s.valid_to)) return p.fail(line, "bad date");
            if (s.valid_to && *s.valid_to < s.valid_from) return p.fail(line, "valid_to before valid_from");
            std::int64_t m = 0;
            if (!parse_int(f[3], m) || m <= 0 || m > 120) return p.fail(line, "months must be 1..120");
            s.months = static_cast<int>(m);
            r.shelf_.push_back(s);
            return true;
        });
        if (p.error_line) return p.error();
        if (!no_overlap(r.shelf_, [](const ShelfLife& s) { return int(s.product); }))
            return Error{"stock.bad_rules", "shelf_life.tsv: overlapping dated rows", {{"file", "shelf_life.tsv"}, {"line", "0"}, {"reason", "overlapping dated rows"}}};
    }
    {
        Parser p{"transfer_matrix.tsv"};
        bool seen[5] = {};
        // The header names the receiver columns in category order; checked on the first row.
        int header_line = 0;
        std::vector<std::string_view> header;
        {
            std::size_t pos = 0;
            int line_no = 0;
            while (pos < matrix_tsv.size()) {
                std::size_t end = matrix_tsv.find('\n', pos);
                if (end == std::string_view::npos) end = matrix_tsv.size();
                std::string_view line = matrix_tsv.substr(pos, end - pos);
                pos = end + 1;
                ++line_no;
                if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
                if (line.empty() || line[0] == '#') continue;
                header = tsv::split_tabs(line);
                header_line = line_no;
                break;
            }
        }
        if (header.size() != 6) return Error{"stock.bad_rules", "transfer_matrix.tsv: header", {{"file", p.file}, {"line", std::to_string(header_line)}, {"reason", "expected 6 columns"}}};
        for (int c = 0; c < 5; ++c)
            if (header[c + 1] != vaccine_category_id(static_cast<VaccineCategory>(c)))
                return Error{"stock.bad_rules", "transfer_matrix.tsv: header", {{"file", p.file}, {"line", std::to_string(header_line)}, {"reason", "columns must be the categories in order"}}};
        tsv::for_each_row(matrix_tsv, [&](int line, const std::vector<std::string_view>& f) {
            if (f.size() != 6) return p.fail(line, "expected 6 fields");
            auto from = parse_vaccine_category(f[0]);
            if (!from) return p.fail(line, "unknown category");
            if (seen[int(*from)]) return p.fail(line, "category listed twice");
            seen[int(*from)] = true;
            for (int c = 0; c < 5; ++c) {
                if (f[c + 1] == "○") r.matrix_[int(*from)][c] = true;
                else if (f[c + 1] == "×") r.matrix_[int(*from)][c] = false;
                else return p.fail(line, "cells must be ○ or ×");
            }
            return true;
        });
        if (p.error_line) return p.error();
        for (bool s : seen)
            if (!s) return Error{"stock.bad_rules", "transfer_matrix.tsv: missing rows", {{"file", p.file}, {"line", "0"}, {"reason", "the matrix needs all 25 cells"}}};
    }
    {
        Parser p{"transfer_conditions.tsv"};
        tsv::for_each_row(conditions_tsv, [&](int line, const std::vector<std::string_view>& f) {
            if (f.size() != 8) return p.fail(line, "expected 8 fields");
            TransferCondition c;
            c.id = std::string(f[0]);
            if (c.id.empty()) return p.fail(line, "empty id");
            for (const auto& x : r.conditions_)
                if (x.id == c.id) return p.fail(line, "id listed twice");
            std::string_view prods = f[1];
            while (!prods.empty()) {
                auto comma = prods.find(',');
                auto one = prods.substr(0, comma);
                auto prod = parse_vaccine_product(one);
                if (!prod) return p.fail(line, "unknown product");
                c.products.add(*prod);
                if (comma == std::string_view::npos) break;
                prods.remove_prefix(comma + 1);
            }
            if (c.products.empty()) return p.fail(line, "no product");
            if (f[2] != "0" && f[2] != "1") return p.fail(line, "receiver_needs_freezer must be 0 or 1");
            c.receiver_needs_freezer = f[2] == "1";
            if (!parse_date(f[3], c.valid_from) || !parse_opt_date(f[4], c.valid_to)) return p.fail(line, "bad date");
            c.name_ja = std::string(f[6]);
            c.name_en = std::string(f[7]);
            r.conditions_.push_back(std::move(c));
            return true;
        });
        if (p.error_line) return p.error();
    }
    {
        Parser p{"transfer_caps.tsv"};
        tsv::for_each_row(caps_tsv, [&](int line, const std::vector<std::string_view>& f) {
            if (f.size() != 4) return p.fail(line, "expected 4 fields");
            TransferCap c;
            if (!parse_date(f[0], c.valid_from) || !parse_opt_date(f[1], c.valid_to)) return p.fail(line, "bad date");
            if (!f[2].empty()) {
                std::int64_t v = 0;
                if (!parse_int(f[2], v) || v <= 0) return p.fail(line, "max_vials must be a positive integer or empty");
                c.max_vials = v;
            }
            r.caps_.push_back(c);
            return true;
        });
        if (p.error_line) return p.error();
        if (!no_overlap(r.caps_, [](const TransferCap&) { return 0; }))
            return Error{"stock.bad_rules", "transfer_caps.tsv: overlapping dated rows", {{"file", "transfer_caps.tsv"}, {"line", "0"}, {"reason", "overlapping dated rows"}}};
    }
    {
        Parser p{"reasons.tsv"};
        tsv::for_each_row(reasons_tsv, [&](int line, const std::vector<std::string_view>& f) {
            if (f.size() != 5) return p.fail(line, "expected 5 fields");
            StockReason s;
            if (!parse_reason_list(f[0], s.list)) return p.fail(line, "unknown list");
            s.id = std::string(f[1]);
            if (s.id.empty()) return p.fail(line, "empty id");
            for (const auto& x : r.reasons_)
                if (x.list == s.list && x.id == s.id) return p.fail(line, "id listed twice");
            if (!parse_needs(f[2], s.needs)) return p.fail(line, "needs must be nothing, text or excursion");
            s.name_ja = std::string(f[3]);
            s.name_en = std::string(f[4]);
            r.reasons_.push_back(std::move(s));
            return true;
        });
        if (p.error_line) return p.error();
    }
    {
        Parser p{"purge.tsv"};
        int rows = 0;
        tsv::for_each_row(purge_tsv, [&](int line, const std::vector<std::string_view>& f) {
            if (f.size() != 3) return p.fail(line, "expected 3 fields");
            if (++rows > 1) return p.fail(line, "one row only");
            if (!parse_utc(f[0], r.purge_.cutoff_unix)) return p.fail(line, "cutoff must be YYYY-MM-DDTHH:MM:SSZ");
            std::int64_t n = 0;
            if (!parse_int(f[1], n) || n < 0 || n > 365) return p.fail(line, "notice_days must be 0..365");
            r.purge_.notice_days = static_cast<int>(n);
            r.purge_.basis = std::string(f[2]);
            return true;
        });
        if (p.error_line) return p.error();
        if (rows != 1) return Error{"stock.bad_rules", "purge.tsv: no row", {{"file", "purge.tsv"}, {"line", "0"}, {"reason", "one row needed"}}};
    }
    return r;
}

// [SECTION] The built-in rules and their look-ups

const StockRules& StockRules::builtin() {
    // The embedded files are checked by a unit test; unparsable ones give empty rules (every
    // transfer refused for want of a condition) rather than wrong ones.
    static const StockRules rules = [] {
        auto r = StockRules::parse(assets::stock_doses_tsv(), assets::stock_shelf_life_tsv(),
                                   assets::stock_transfer_matrix_tsv(), assets::stock_transfer_conditions_tsv(),
                                   assets::stock_transfer_caps_tsv(), assets::stock_reasons_tsv(), assets::stock_purge_tsv());
        return r ? *r : StockRules{};
    }();
    return rules;
}

std::int64_t StockRules::doses_per_vial(VaccineProduct p, DoseKind k, const Date& on) const {
    for (const auto& d : doses_)
        if (d.product == p && d.kind == k && covers(d.valid_from, d.valid_to, on)) return d.doses;
    return 0;
}

int StockRules::shelf_life_months(VaccineProduct p, const Date& on) const {
    for (const auto& s : shelf_)
        if (s.product == p && covers(s.valid_from, s.valid_to, on)) return s.months;
    return 0;
}

bool StockRules::matrix_allows(VaccineCategory from, VaccineCategory to) const { return matrix_[int(from)][int(to)]; }

std::vector<const TransferCondition*> StockRules::conditions_for(VaccineProduct p, VaccineCategories receiver,
                                                                 const Date& on) const {
    std::vector<const TransferCondition*> out;
    for (const auto& c : conditions_)
        if (c.products.has(p) && covers(c.valid_from, c.valid_to, on) &&
            (!c.receiver_needs_freezer || receiver.has(VaccineCategory::pfizer_hub)))
            out.push_back(&c);
    return out;
}

const TransferCondition* StockRules::find_condition(std::string_view id) const {
    for (const auto& c : conditions_)
        if (c.id == id) return &c;
    return nullptr;
}

const TransferCap* StockRules::cap_on(const Date& on) const {
    for (const auto& c : caps_)
        if (covers(c.valid_from, c.valid_to, on)) return &c;
    return nullptr;
}

const StockReason* StockRules::find_reason(ReasonList list, std::string_view id) const {
    for (const auto& r : reasons_)
        if (r.list == list && r.id == id) return &r;
    return nullptr;
}

std::vector<const StockReason*> StockRules::reasons(ReasonList list) const {
    std::vector<const StockReason*> out;
    for (const auto& r : reasons_)
        if (r.list == list) out.push_back(&r);
    return out;
}

// [SECTION] Categories and the effective expiry

std::optional<VaccineCategory> category_for_product(VaccineCategories handled, VaccineProduct p) {
    switch (p) {
        case VaccineProduct::pfizer_12:
            if (handled.has(VaccineCategory::pfizer_hub)) return VaccineCategory::pfizer_hub;
            if (handled.has(VaccineCategory::pfizer_satellite)) return VaccineCategory::pfizer_satellite;
            return std::nullopt;
        case VaccineProduct::pfizer_5_11:
            if (handled.has(VaccineCategory::pfizer_child)) return VaccineCategory::pfizer_child;
            return std::nullopt;
        case VaccineProduct::takeda_moderna:
            if (handled.has(VaccineCategory::tm_general)) return VaccineCategory::tm_general;
            if (handled.has(VaccineCategory::tm_workplace)) return VaccineCategory::tm_workplace;
            return std::nullopt;
    }
    return std::nullopt;
}

Date add_months_clamped(const Date& d, int months) {
    int total = d.year * 12 + (d.month - 1) + months;
    Date out;
    out.year = total / 12;
    out.month = total % 12 + 1;
    out.day = std::min(d.day, days_in_month(out.year, out.month));
    return out;
}

Date effective_expiry(const StockRules& rules, VaccineProduct p, const Date& printed, const Date& received_on,
                      const Date& on) {
    const int then = rules.shelf_life_months(p, received_on);
    const int now = rules.shelf_life_months(p, on);
    // No data for either date: the printed expiry stands (never shortened, never guessed).
    if (then == 0 || now == 0 || now <= then) return printed;
    return add_months_clamped(printed, now - then);
}

}  // namespace vsys
