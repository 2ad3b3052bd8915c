// The dates a stock form accepts, stated once for the commands (stock_command_args.cpp) and the
// screens' date fields (ui/stock), so a field refuses what its command would.
#pragma once

#include "core/base/calendar.hpp"
#include "core/base/date_entry.hpp"

namespace vsys {

// The first day of the programme's deliveries: no stock event is dated before it.
inline constexpr Date k_first_stock_day{2021, 2, 14};

// An event (a delivery, a transfer, its answer, a wastage, a count) happens between the
// programme's first day and today (Japan).
inline DateRule stock_event_dates(const Date& today) { return {"stock.label.date", k_first_stock_day, today}; }

// A stock request's due date is today or later; the command sets no latest day.
inline DateRule stock_due_dates(const Date& today) { return {"stock.label.due", today, Date{9999, 12, 31}}; }

}  // namespace vsys
