#include "core/base/calendar.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

#include "core/base/tsv.hpp"

namespace vsys {

namespace assets {
std::string_view holidays_jp_tsv();
}

namespace {

// Nothing but ASCII digits (from_chars alone would accept a sign or stop early).
bool parse_digits(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

std::string pad(int v, int width) {
    std::string s = std::to_string(v);
    if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<size_t>(width) - s.size(), '0');
    return s;
}

struct HolidayTable {
    std::vector<PublicHoliday> rows;
    // Without a coverage line nothing is covered, so business days are refused, never guessed.
    Date first{9999, 12, 31};
    Date last{1900, 1, 1};
};

// The file is generated and checked by tests (coverage line present, dates valid and sorted),
// so a malformed row is skipped here rather than reported at run time. The coverage is the
// "# covers: FIRST..LAST" comment the generator writes.
const HolidayTable& holiday_table() {
    static const HolidayTable table = [] {
        HolidayTable t;
        std::string_view tsv = assets::holidays_jp_tsv();
        constexpr std::string_view covers = "\n# covers: ";
        if (size_t at = tsv.find(covers); at != std::string_view::npos) {
            std::string_view range = tsv.substr(at + covers.size());
            range = range.substr(0, range.find('\n'));
            size_t dots = range.find("..");
            auto a = parse_iso_date(range.substr(0, dots));
            auto b = dots == std::string_view::npos ? a : parse_iso_date(range.substr(dots + 2));
            if (a && b) {
                t.first = *a;
                t.last = *b;
            }
        }
        tsv::for_each_row(tsv, [&](int, const std::vector<std::string_view>& f) {
            if (f.size() < 3) return true;
            if (auto d = parse_iso_date(f[0])) t.rows.push_back(PublicHoliday{*d, std::string(f[1]), std::string(f[2])});
            return true;
        });
        std::sort(t.rows.begin(), t.rows.end(),
                  [](const PublicHoliday& a, const PublicHoliday& b) { return a.date < b.date; });
        return t;
    }();
    return table;
}

bool covered(const Date& d) {
    const auto& t = holiday_table();
    return t.first <= d && d <= t.last;
}

Error out_of_range(const Date& d) {
    const auto& t = holiday_table();
    return Error("calendar.out_of_range",
                 "no holiday data for " + to_iso(d) + " (data covers " + to_iso(t.first) + ".." + to_iso(t.last) + ")",
                 {{"date", to_iso(d)}, {"first", to_iso(t.first)}, {"last", to_iso(t.last)}});
}

constexpr Date k_reiwa_start{2019, 5, 1};

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : k_days[month - 1];
}

bool is_valid_date(int year, int month, int day) {
    return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

Result<Date> parse_iso_date(std::string_view text) {
    Error bad("calendar.malformed_date", "not a date of the form YYYY-MM-DD: '" + std::string(text) + "'",
              {{"value", std::string(text)}});
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad;
    Date d;
    if (!parse_digits(text.substr(0, 4), d.year) || !parse_digits(text.substr(5, 2), d.month) ||
        !parse_digits(text.substr(8, 2), d.day) || !is_valid_date(d.year, d.month, d.day))
        return bad;
    return d;
}

Result<YearMonth> parse_year_month(std::string_view text) {
    Error bad("calendar.malformed_month", "not a month of the form YYYY-MM: '" + std::string(text) + "'",
              {{"value", std::string(text)}});
    if (text.size() != 7 || text[4] != '-') return bad;
    YearMonth m;
    if (!parse_digits(text.substr(0, 4), m.year) || !parse_digits(text.substr(5, 2), m.month) ||
        !is_valid_date(m.year, m.month, 1))
        return bad;
    return m;
}

std::string to_iso(const Date& d) { return pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2); }
std::string to_iso(const YearMonth& m) { return pad(m.year, 4) + "-" + pad(m.month, 2); }

// Civil-from-days arithmetic over 400-year eras (146,097 days each), with March as the first
// month of the computational year so that the leap day falls at its end.
std::int64_t days_since_epoch(const Date& d) {
    std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    std::int64_t yoe = y - era * 400;
    std::int64_t mp = (d.month + 9) % 12;  // March = 0
    std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date date_from_days(std::int64_t days) {
    std::int64_t z = days + 719468;
    std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    std::int64_t doe = z - era * 146097;
    std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    std::int64_t mp = (5 * doy + 2) / 153;
    int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

Date add_days(const Date& d, std::int64_t n) { return date_from_days(days_since_epoch(d) + n); }

Weekday weekday(const Date& d) {
    // 1970-01-01 was a Thursday.
    std::int64_t w = (days_since_epoch(d) + 4) % 7;
    if (w < 0) w += 7;
    return static_cast<Weekday>(w);
}

YearMonth month_of(const Date& d) { return YearMonth{d.year, d.month}; }
YearMonth next_month(const YearMonth& m) { return m.month == 12 ? YearMonth{m.year + 1, 1} : YearMonth{m.year, m.month + 1}; }
Date first_day(const YearMonth& m) { return Date{m.year, m.month, 1}; }
Date last_day(const YearMonth& m) { return Date{m.year, m.month, days_in_month(m.year, m.month)}; }

std::span<const PublicHoliday> public_holidays() { return holiday_table().rows; }
Date holidays_first_covered() { return holiday_table().first; }
Date holidays_last_covered() { return holiday_table().last; }

const PublicHoliday* find_public_holiday(const Date& d) {
    const auto& rows = holiday_table().rows;
    auto it = std::lower_bound(rows.begin(), rows.end(), d,
                               [](const PublicHoliday& h, const Date& x) { return h.date < x; });
    return it != rows.end() && it->date == d ? &*it : nullptr;
}

Result<bool> is_business_day(const Date& d) {
    if (!covered(d)) return out_of_range(d);
    Weekday w = weekday(d);
    if (w == Weekday::saturday || w == Weekday::sunday) return false;
    return find_public_holiday(d) == nullptr;
}

Result<Date> business_day_on_or_after(const Date& d) {
    Date x = d;
    while (true) {
        auto b = is_business_day(x);
        if (!b) return b.error();
        if (*b) return x;
        x = add_days(x, 1);
    }
}

namespace {
std::string reiwa_year(int year) {
    int n = year - 2018;
    return "令和" + (n == 1 ? std::string("元") : std::to_string(n)) + "年";
}
}  // namespace

Result<std::string> format_reiwa(const Date& d) {
    if (d < k_reiwa_start)
        return Error("calendar.before_reiwa", to_iso(d) + " is before the Reiwa era (2019-05-01)", {{"date", to_iso(d)}});
    return reiwa_year(d.year) + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

Result<std::string> format_reiwa(const YearMonth& m) {
    if (first_day(m) < k_reiwa_start)
        return Error("calendar.before_reiwa", to_iso(m) + " is before the Reiwa era (2019-05-01)", {{"date", to_iso(m)}});
    return reiwa_year(m.year) + std::to_string(m.month) + "月";
}

}  // namespace vsys
