#include "sync/utc_time.hpp"

#include <charconv>
#include <cstdio>

#include "core/calendar.hpp"

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
    Error bad{"time.malformed", "not an ISO 8601 UTC time (YYYY-MM-DDTHH:MM:SSZ)", {{"value", std::string(s)}}};
    if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return bad;
    auto date = parse_iso_date(s.substr(0, 10));
    if (!date) return bad;
    auto num = [&](std::size_t pos, int max, int& out) {
        auto r = std::from_chars(s.data() + pos, s.data() + pos + 2, out);
        return r.ec == std::errc{} && r.ptr == s.data() + pos + 2 && out >= 0 && out <= max;
    };
    int h = 0, m = 0, sec = 0;
    if (!num(11, 23, h) || !num(14, 59, m) || !num(17, 59, sec)) return bad;
    return days_since_epoch(*date) * k_seconds_per_day + h * 3600 + m * 60 + sec;
}

}  // namespace vsys::sync
