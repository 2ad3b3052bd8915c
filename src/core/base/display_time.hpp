// Times and dates as users read them (UX.md "Dates as 2022/01/31 with the weekday"): every
// instant is stored in UTC ("2026-12-05T03:12:05Z", utc_text.hpp), but a nurse in a clinic reads
// Japan time, so screens show "2026/12/05(土) 12:12" (English: "2026/12/05 (Sat) 12:12").
// Japan has kept UTC+9 without daylight saving since 1951, so the offset is a constant here
// rather than a time-zone database.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/calendar.hpp"

namespace vsys {

inline constexpr std::int64_t k_japan_utc_offset_seconds = 9 * 3600;

// "土" / "Sat".
std::string_view weekday_short(Weekday w, bool english);
// "2022/01/31(月)" / "2022/01/31 (Mon)".
std::string display_date(const Date& d, bool english);
// "2022/01/31(月) 18:00" in Japan time, from seconds since the epoch (UTC).
std::string display_time(std::int64_t utc_seconds, bool english);
// The same from the stored form; text that is not a stored UTC time comes back unchanged, so a
// screen never hides what it was given.
std::string display_time(std::string_view utc_text, bool english);

}  // namespace vsys
