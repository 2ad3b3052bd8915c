#include "core/base/utc_text.hpp"

#include <charconv>

#include "core/base/calendar.hpp"

namespace vsys {

std::optional<std::int64_t> utc_seconds(std::string_view s) {
    if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return std::nullopt;
    auto date = parse_iso_date(s.substr(0, 10));
    if (!date) return std::nullopt;
    auto num = [&](std::size_t pos, int max, int& out) {
        auto r = std::from_chars(s.data() + pos, s.data() + pos + 2, out);
        return r.ec == std::errc{} && r.ptr == s.data() + pos + 2 && out >= 0 && out <= max;
    };
    int h = 0, m = 0, sec = 0;
    if (!num(11, 23, h) || !num(14, 59, m) || !num(17, 59, sec)) return std::nullopt;
    return days_since_epoch(*date) * 86400 + h * 3600 + m * 60 + sec;
}

}  // namespace vsys
