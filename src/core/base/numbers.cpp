#include "core/base/numbers.hpp"

namespace vsys {

std::string format_grouped(std::int64_t v) {
    std::string digits = std::to_string(v);
    std::size_t start = digits[0] == '-' ? 1 : 0;
    std::string out;
    for (std::size_t i = start; i < digits.size(); ++i) {
        if (i > start && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (start ? "-" : "") + out;
}

std::int64_t scaled_decimal(std::int64_t whole, std::int64_t num, std::int64_t den, int places) {
    std::int64_t scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    if (den <= 0) return whole * scale;
    // num < den, and den stays far below 2^63 / 10^places for populations and box counts; the
    // quotient is taken in 128 bits all the same so no input can overflow.
    const auto part = static_cast<std::int64_t>((static_cast<__int128>(num) * scale * 2 + den) / (static_cast<__int128>(den) * 2));
    return whole * scale + part;
}

std::string format_data_size(std::int64_t bytes) {
    if (bytes < 0) bytes = 0;
    const char* unit = "KB";
    std::int64_t per = 1024;
    if (bytes >= 1024LL * 1024 * 1024) {
        unit = "GB";
        per = 1024LL * 1024 * 1024;
    } else if (bytes >= 1024LL * 1024) {
        unit = "MB";
        per = 1024LL * 1024;
    }
    const std::int64_t tenths = scaled_decimal(bytes / per, bytes % per, per, 1);
    return format_grouped(tenths / 10) + "." + std::to_string(tenths % 10) + " " + unit;
}

}  // namespace vsys
