#include "core/base/date_entry.hpp"

#include <optional>
#include <vector>

#include "core/base/display_time.hpp"
#include "core/base/input.hpp"
#include "core/base/number_field.hpp"

namespace vsys {

namespace {

// A typed date as its parts: the digit runs in order, and whether a 令和 year came first.
struct Parts {
    bool reiwa = false;
    std::vector<std::string> numbers;
};

// What may stand between the numbers, in either width.
constexpr std::string_view k_separators[] = {"-", "/", ".", " ", "\t", "年", "月", "日", "－", "／", "．", "　", "−"};
constexpr std::string_view k_reiwa[] = {"令和", "R", "r", "Ｒ", "ｒ"};

bool take(std::string_view& s, std::string_view prefix) {
    if (!s.starts_with(prefix)) return false;
    s.remove_prefix(prefix.size());
    return true;
}

// A weekday in brackets at the end, as the app shows dates: 「(月)」「（月）」「 (Mon)」.
std::string_view without_weekday(std::string_view s) {
    while (s.ends_with(" ") || s.ends_with("\t")) s.remove_suffix(1);
    while (s.ends_with("　")) s.remove_suffix(std::string_view("　").size());
    for (std::string_view close : {")", "）"}) {
        if (!s.ends_with(close)) continue;
        for (std::string_view open : {"(", "（"}) {
            const auto at = s.rfind(open);
            if (at == std::string_view::npos) continue;
            const std::string_view inner = s.substr(at + open.size(), s.size() - close.size() - at - open.size());
            for (int w = 0; w < 7; ++w)
                for (bool en : {false, true})
                    if (inner == weekday_short(static_cast<Weekday>(w), en)) return s.substr(0, at);
        }
    }
    return s;
}

// The parts of a typed date, or nothing when a character is neither a digit, a separator nor an
// era at the start.
std::optional<Parts> split(std::string_view typed) {
    const std::string folded = ascii_digits(typed);
    std::string_view s = without_weekday(folded);
    Parts p;
    while (!s.empty() && (take(s, " ") || take(s, "　"))) {
    }
    for (auto era : k_reiwa)
        if (take(s, era)) {
            p.reiwa = true;
            break;
        }
    if (p.reiwa && take(s, "元")) p.numbers.push_back("1");  // 令和元年
    bool after_number = !p.numbers.empty();
    while (!s.empty()) {
        if (s[0] >= '0' && s[0] <= '9') {
            if (after_number) p.numbers.back().push_back(s[0]);
            else p.numbers.emplace_back(1, s[0]);
            after_number = true;
            s.remove_prefix(1);
            continue;
        }
        bool separator = false;
        for (auto sep : k_separators)
            if (take(s, sep)) {
                separator = true;
                break;
            }
        if (!separator) return std::nullopt;
        after_number = false;
    }
    return p;
}

bool blank(std::string_view typed) {
    std::string_view s = typed;
    while (!s.empty() && (take(s, " ") || take(s, "　") || take(s, "\t"))) {
    }
    return s.empty();
}

// A run of digits as a small number; none past 4 digits is a part of a date.
std::optional<int> small(const std::string& digits) {
    if (digits.empty() || digits.size() > 4) return std::nullopt;
    return std::stoi(digits);
}

// The year from its digits: four digits, or a 令和 year (1–99, 令和1 = 2019).
std::optional<int> year_of(const std::string& digits, bool reiwa) {
    auto n = small(digits);
    if (!n) return std::nullopt;
    if (reiwa) return *n >= 1 && *n <= 99 ? std::optional(2018 + *n) : std::nullopt;
    return digits.size() == 4 ? n : std::nullopt;
}

// Year, month and day (or year and month, `count` 2) from the parts: the numbers as written, or
// one run of 8 (6) digits read as YYYYMMDD (YYYYMM).
std::optional<std::vector<int>> fields(const Parts& p, std::size_t count) {
    std::vector<std::string> n = p.numbers;
    if (n.size() == 1 && !p.reiwa && n[0].size() == 2 * count + 2) {
        const std::string whole = n[0];
        n = {whole.substr(0, 4), whole.substr(4, 2)};
        if (count == 3) n.push_back(whole.substr(6, 2));
    }
    if (n.size() != count) return std::nullopt;
    std::vector<int> out;
    auto y = year_of(n[0], p.reiwa);
    if (!y) return std::nullopt;
    out.push_back(*y);
    for (std::size_t k = 1; k < count; ++k) {
        auto v = n[k].size() <= 2 ? small(n[k]) : std::nullopt;
        if (!v) return std::nullopt;
        out.push_back(*v);
    }
    return out;
}

Error refusal(const char* code, const char* detail, const std::string& label, std::string_view typed,
              const std::string& min, const std::string& max) {
    return Error{code, detail, {{"label", label}, {"text", input::excerpt(typed, 20)}, {"min", min}, {"max", max}}};
}

std::string shown(const Date& d) { return form_date(d); }
std::string shown(const YearMonth& m) { return form_date(first_day(m)).substr(0, 7); }  // 2021/02

}  // namespace

std::string form_date(const Date& d) { return display_date(d, false).substr(0, 10); }

Result<Date> read_date(std::string_view typed, const DateRule& rule) {
    const std::string lo = shown(rule.min), hi = shown(rule.max);
    if (blank(typed)) return refusal("date.empty", "the field is empty", rule.label, typed, lo, hi);
    const auto parts = split(typed);
    const auto f = parts ? fields(*parts, 3) : std::nullopt;
    if (!f || !is_valid_date((*f)[0], (*f)[1], (*f)[2]))
        return refusal("date.not_a_date", "the text is not a date", rule.label, typed, lo, hi);
    const Date d{(*f)[0], (*f)[1], (*f)[2]};
    if (d < rule.min || d > rule.max)
        return refusal("date.out_of_range", "the date is outside the field's range", rule.label, typed, lo, hi);
    return d;
}

Result<YearMonth> read_month(std::string_view typed, const MonthRule& rule) {
    const std::string lo = shown(rule.min), hi = shown(rule.max);
    if (blank(typed)) return refusal("month.empty", "the field is empty", rule.label, typed, lo, hi);
    const auto parts = split(typed);
    const auto f = parts ? fields(*parts, 2) : std::nullopt;
    if (!f || (*f)[1] < 1 || (*f)[1] > 12)
        return refusal("month.not_a_month", "the text is not a month", rule.label, typed, lo, hi);
    const YearMonth m{(*f)[0], (*f)[1]};
    if (m < rule.min || m > rule.max)
        return refusal("month.out_of_range", "the month is outside the field's range", rule.label, typed, lo, hi);
    return m;
}

std::array<Date, 42> calendar_page(const YearMonth& m) {
    const Date first = first_day(m);
    const Date start = add_days(first, -static_cast<std::int64_t>(weekday(first)));  // Weekday::sunday == 0
    std::array<Date, 42> page;
    for (std::size_t i = 0; i < page.size(); ++i) page[i] = add_days(start, static_cast<std::int64_t>(i));
    return page;
}

YearMonth previous_month(const YearMonth& m) { return m.month == 1 ? YearMonth{m.year - 1, 12} : YearMonth{m.year, m.month - 1}; }

}  // namespace vsys
