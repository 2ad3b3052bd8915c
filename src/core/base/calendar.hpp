// Civil dates for claims and deadlines: proleptic Gregorian dates and months, weekdays, Japanese
// public holidays (assets/claims/holidays_jp.tsv, generated from npm @holiday-jp/holiday_jp by
// tools/gen/holidays.mjs), business days and 令和 era formatting.
//
// Invariants: a Date or YearMonth produced by this module is always valid (parse functions refuse
// anything else). There is no clock here: "today" is always passed in. Business-day questions
// are answered only inside the holiday data's stated coverage; outside it they are refused
// (calendar.out_of_range) rather than answered from incomplete data.
#pragma once

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace vsys {

struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..days_in_month
    auto operator<=>(const Date&) const = default;
};

struct YearMonth {
    int year = 1970;
    int month = 1;  // 1..12
    auto operator<=>(const YearMonth&) const = default;
};

enum class Weekday { sunday, monday, tuesday, wednesday, thursday, friday, saturday };

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid_date(int year, int month, int day);

// Strict "YYYY-MM-DD" / "YYYY-MM" (years 1900..9999). Errors: calendar.malformed_date,
// calendar.malformed_month with {value}.
Result<Date> parse_iso_date(std::string_view text);
Result<YearMonth> parse_year_month(std::string_view text);
std::string to_iso(const Date& d);       // "2022-01-11"
std::string to_iso(const YearMonth& m);  // "2022-01"

// Days since 1970-01-01 (negative before) and back.
std::int64_t days_since_epoch(const Date& d);
Date date_from_days(std::int64_t days);
Date add_days(const Date& d, std::int64_t n);
Weekday weekday(const Date& d);

YearMonth month_of(const Date& d);
YearMonth next_month(const YearMonth& m);
Date first_day(const YearMonth& m);
Date last_day(const YearMonth& m);

struct PublicHoliday {
    Date date;
    std::string name;     // 成人の日
    std::string name_en;  // Coming of Age Day
};

// The embedded holiday data, sorted by date, and the inclusive range it is complete for.
std::span<const PublicHoliday> public_holidays();
Date holidays_first_covered();
Date holidays_last_covered();
// nullptr when d is not a public holiday (or lies outside the coverage).
const PublicHoliday* find_public_holiday(const Date& d);

// A business day is a weekday (Monday to Friday) that is not a public holiday. Refused with
// calendar.out_of_range {date} outside the holiday data's coverage.
Result<bool> is_business_day(const Date& d);
// d itself when it is a business day, else the next one.
Result<Date> business_day_on_or_after(const Date& d);

// 令和 era dates for print: "令和4年1月11日", the first year written 元年 ("令和元年5月1日").
// Refused with calendar.before_reiwa {date} before 2019-05-01.
Result<std::string> format_reiwa(const Date& d);
// "令和4年1月" for a month (the month must start in 令和: from 2019-05).
Result<std::string> format_reiwa(const YearMonth& m);

}  // namespace vsys
