// What a person types into a date or month field, read as the date they meant, or refused with a
// reason that names the field by its label; and the page of a month a date picker shows. The
// screens' date and month fields (ui/widgets/date_fields.hpp) read through this one rule, so
// 「令和4年1月31日」, 「２０２２／１／３１」 and 「2022-01-31」 are the same date everywhere.
//
// Invariants:
// - never a silent change: a text is exactly one valid date (month) within the field's range, or
//   refused; 2022-02-30 is refused, never rolled over to March;
// - digits may be ASCII or full-width (a Japanese IME types 「２０２２」); the separators are
//   - / . 年 月 日 and blanks, in either width; a year is four digits, or a 令和 year after
//   「令和」 or 「R」 (「令和元年」 is year 1); 20220131 (202201 for a month) is read whole;
// - a weekday in brackets at the end (「(月)」, what the app itself shows) is ignored, so a date
//   copied from a screen reads back;
// - a refusal's arguments: {label} the field's label key in strings.tsv, {text} an excerpt of
//   what was typed, {min} {max} the range as the screens show dates (2021/02/14).
//
// Codes: date.empty, date.not_a_date, date.out_of_range; month.empty, month.not_a_month,
// month.out_of_range.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/base/calendar.hpp"
#include "core/base/result.hpp"

namespace vsys {

struct DateRule {
    std::string label;  // key of the field's label in strings.tsv, e.g. "stock.label.date"
    Date min;
    Date max;
};

struct MonthRule {
    std::string label;  // e.g. "claims.month"
    YearMonth min;
    YearMonth max;
};

// The typed text as a date within the rule's range.
Result<Date> read_date(std::string_view typed, const DateRule& rule);
// The typed text as a month within the rule's range.
Result<YearMonth> read_month(std::string_view typed, const MonthRule& rule);

// A date as a form's field and a refusal write it, without the weekday: 2022/01/31.
std::string form_date(const Date& d);

// The six weeks a month's calendar shows, Sunday first (the Japanese wall calendar): from the
// Sunday on or before the 1st, so the page holds every day of the month and a few around it.
std::array<Date, 42> calendar_page(const YearMonth& m);

// The month before / after, for a picker's arrows.
YearMonth previous_month(const YearMonth& m);

}  // namespace vsys
