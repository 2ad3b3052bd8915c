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

}  // namespace vsys
