#include "core/reports/cp932.hpp"

#include <cstddef>
#include <vector>

namespace vsys::cp932_table {
extern const std::size_t size;            // generated: build/*/generated/cp932_table.cpp
extern const std::uint16_t unicode[];     // sorted code points
extern const std::uint16_t bytes[];       // what Windows writes for each
}  // namespace vsys::cp932_table

namespace vsys::cp932 {

namespace {

struct BestFit {
    char32_t from;
    std::uint16_t code;
    Fit fit;
};

// Windows' best-fit for code points that stand for a glyph of the table (TOOLCHAIN.md).
constexpr BestFit k_best_fit[] = {
    {U'\u00A2', 0x8191, Fit::best_fit},     // ¢ → ￠
    {U'\u00A3', 0x8192, Fit::best_fit},     // £ → ￡
    {U'\u00A5', 0x005C, Fit::substituted},  // ¥ → 0x5C: a yen sign in Japanese fonts, a backslash elsewhere
    {U'\u00AC', 0x81CA, Fit::best_fit},     // ¬ → ￢
    {U'\u2014', 0x815C, Fit::best_fit},     // — → ―
    {U'\u2016', 0x8161, Fit::best_fit},     // ‖ → ∥
    {U'\u2212', 0x817C, Fit::best_fit},     // − → －
    {U'\u301C', 0x8160, Fit::best_fit},     // 〜 → ～
};

// The generated table is sorted pairs (37 KB in the binary); the encoder looks up a direct table
// over the BMP, expanded from it once (128 KB of memory): a binary search per character made the
// CP932 export of 71,000 rows three times slower than the UTF-8 one in wasm. 0 = not in the
// table (U+0000 never gets here: ASCII is handled before).
const std::vector<std::uint16_t>& direct_table() {
    static const std::vector<std::uint16_t> table = [] {
        std::vector<std::uint16_t> t(0x10000, 0);
        for (std::size_t i = 0; i < cp932_table::size; ++i) t[cp932_table::unicode[i]] = cp932_table::bytes[i];
        return t;
    }();
    return table;
}

}  // namespace

Encoded encode(char32_t c) {
    if (c < 0x80) return {static_cast<std::uint16_t>(c), Fit::exact};
    if (c <= 0xFFFF) {
        if (const std::uint16_t code = direct_table()[c]) return {code, Fit::exact};
        for (const BestFit& b : k_best_fit)
            if (b.from == c) return {b.code, b.fit};
    }
    return {geta, Fit::unencodable};
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = 0;
    char32_t c = 0;
    char32_t min = 0;
    if (b0 < 0x80) { ++i; return b0; }
    if ((b0 & 0xE0) == 0xC0) { len = 2; c = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; c = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; c = b0 & 0x07; min = 0x10000; }
    else { ++i; return 0xFFFD; }
    if (i + len > s.size()) { ++i; return 0xFFFD; }
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        c = (c << 6) | (b & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) { ++i; return 0xFFFD; }
    i += len;
    return c;
}

std::string to_utf8(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

}  // namespace vsys::cp932
