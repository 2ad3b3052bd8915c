#include "core/base/display_time.hpp"

#include <array>
#include <cstdio>

#include "core/base/utc_text.hpp"

namespace vsys {

namespace {
constexpr std::array<std::string_view, 7> k_ja = {"日", "月", "火", "水", "木", "金", "土"};
constexpr std::array<std::string_view, 7> k_en = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

// Floor division: times before 1970 stay on the right day.
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

std::string_view weekday_short(Weekday w, bool english) {
    const auto i = static_cast<std::size_t>(w);
    return english ? k_en[i] : k_ja[i];
}

std::string display_date(const Date& d, bool english) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d/%02d/%02d", d.year, d.month, d.day);
    std::string out = buf;
    out += english ? " (" : "(";
    out += weekday_short(weekday(d), english);
    out += ")";
    return out;
}

std::string display_time(std::int64_t utc_seconds, bool english) {
    const std::int64_t local = utc_seconds + k_japan_utc_offset_seconds;
    const std::int64_t days = floor_div(local, 86400);
    const std::int64_t in_day = local - days * 86400;
    char hm[8];
    std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(in_day / 3600), static_cast<int>(in_day % 3600 / 60));
    return display_date(date_from_days(days), english) + " " + hm;
}

std::string display_time(std::string_view utc_text, bool english) {
    const auto t = utc_seconds(utc_text);
    return t ? display_time(*t, english) : std::string(utc_text);
}

}  // namespace vsys
