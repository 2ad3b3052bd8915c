#include "app/stock/stock_fields.hpp"

#include "core/base/input.hpp"

namespace vsys::stock_fields {

Result<std::int64_t> read_temperature(std::string_view typed) {
    // Full-width digits, point and minus signs as typed with an IME, then "-12", "-12.5", "8".
    std::string t = ascii_digits(typed);
    for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"\xE2\x88\x92", "-"},  // −
                                   {"\xEF\xBC\x8D", "-"},                                            // －
                                   {"\xEF\xBC\x8E", "."},                                            // ．
                                   {"\xE2\x80\x90", "-"}}) {                                         // ‐
        for (std::size_t at; (at = t.find(from)) != std::string::npos;) t.replace(at, from.size(), to);
    }
    while (!t.empty() && t.front() == ' ') t.erase(t.begin());
    while (!t.empty() && t.back() == ' ') t.pop_back();
    const Error refusal{"stock.temperature", "not a temperature", {{"text", input::excerpt(typed)}}};
    std::size_t i = 0;
    bool negative = false;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) negative = t[i++] == '-';
    std::int64_t whole = 0;
    std::size_t digits = 0;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9' && digits < 4; ++i, ++digits) whole = whole * 10 + (t[i] - '0');
    if (digits == 0) return refusal;
    std::int64_t tenth = 0;
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (i >= t.size() || t[i] < '0' || t[i] > '9') return refusal;
        tenth = t[i++] - '0';
    }
    if (i != t.size()) return refusal;
    const std::int64_t value = (negative ? -1 : 1) * (whole * 10 + tenth);
    if (value < -1000 || value > 600) return refusal;
    return value;
}

}  // namespace vsys::stock_fields
