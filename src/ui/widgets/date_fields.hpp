// The date and month fields every screen shares (issue 13: "a month picker and a date picker",
// dates on forms in 令和).
//
// Date field: the text as typed, read by the core's one rule (core/base/date_entry.hpp: 2022/1/31,
// 令和4年1月31日, full-width digits), the date read back beside it with its weekday and 令和 year
// so a slip (1/13 for 1/31) shows before it is saved, a カレンダー button that opens the month's
// page (Sunday first; Sundays and public holidays red, Saturdays blue; days outside the field's
// range disabled; the holiday's name on hover), and 今日. A refusal is shown beside the field,
// naming it by its label, until the text is fixed; the bound value changes only when the text is
// a date within the range. Anchors: <anchor> (the text), <anchor>.calendar, <anchor>.today,
// <anchor>.message, and in the page <anchor>.page.prev / .next and <anchor>.day.<YYYY-MM-DD>.
//
// Month field: ‹ 2022年1月（令和4年1月） ›. The middle button opens a year with its twelve months
// (‹ 2021年 › and a 4×3 grid) and a box to type one (2021/12, 令和3年12月, Enter), so a month five
// years back is a few clicks rather than sixty. Anchors: <anchor> (the button), <anchor>.prev,
// <anchor>.next, and in the picker <anchor>.year.prev / .next, <anchor>.m<1-12>, <anchor>.typed.
//
// Both note their refusals like the other fields (fields_invalid, window.vsys.screen()).
#pragma once

#include <string>

#include "core/base/calendar.hpp"
#include "core/base/date_entry.hpp"
#include "ui/widgets/fields.hpp"

namespace vsys::ui {

class Shell;

// `iso` is the bound date ("2022-01-31"); `today` is the 今日 button's date (in Japan).
FieldResult date_field(Shell& shell, const std::string& anchor, std::string& iso, const DateRule& rule,
                       const Date& today, float width = 150.0f);

// `month` is the bound month; FieldResult::changed when the user chose another one this frame.
FieldResult month_field(Shell& shell, const std::string& anchor, YearMonth& month, const MonthRule& rule);

// How a screen writes a month: 「2022年1月（令和4年1月）」 (「2022年1月」 without_reiwa), "Jan 2022"
// in English.
std::string month_text(Shell& shell, const YearMonth& m, bool with_reiwa = true);

// The width a month field takes on one line: its two arrows around the month, written with or
// without its 令和 reading. A screen that puts the field beside a label breaks the line when even
// the shorter one does not fit; the field itself drops the reading when only that one fits.
float month_field_width(Shell& shell, const YearMonth& m, bool with_reiwa);

}  // namespace vsys::ui
