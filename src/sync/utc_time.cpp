#include "sync/utc_time.hpp"

#include <cstdio>

#include "core/base/calendar.hpp"
#include "core/base/input.hpp"
#include "core/base/utc_text.hpp"

namespace vsys::sync {

std::string format_utc(UtcTime t) {
    std::int64_t days = t / k_seconds_per_day, secs = t % k_seconds_per_day;
    if (secs < 0) { secs += k_seconds_per_day; --days; }
    Date d = date_from_days(days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buf;
}

std::string utc_day(UtcTime t) { return format_utc(t).substr(0, 10); }

Result<UtcTime> parse_utc(std::string_view s) {
    if (auto t = utc_seconds(s)) return *t;
    return Error{"time.malformed", "not an ISO 8601 UTC time (YYYY-MM-DDTHH:MM:SSZ)", {{"value", input::excerpt(s)}}};
}

}  // namespace vsys::sync
