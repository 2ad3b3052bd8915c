#include "core/base/number_text.hpp"

namespace vsys {

std::string format_grouped(std::int64_t v) {
    std::string digits = std::to_string(v);
    const std::size_t start = digits[0] == '-' ? 1 : 0;
    std::string out;
    for (std::size_t i = start; i < digits.size(); ++i) {
        if (i > start && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (start ? "-" : "") + out;
}

}  // namespace vsys
