#include "core/base/number_field.hpp"

#include <vector>

#include "core/base/input.hpp"
#include "core/base/numbers.hpp"

namespace vsys {

namespace {

// The characters a number field understands, after full-width forms are folded to ASCII.
enum class Sym { digit, minus, comma, blank, other };

struct Char {
    Sym sym;
    int digit;
};

// One UTF-8 character at s[i]: what it is and how many bytes it takes.
Char classify(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        if (c >= '0' && c <= '9') return {Sym::digit, c - '0'};
        if (c == '-') return {Sym::minus, 0};
        if (c == ',') return {Sym::comma, 0};
        if (c == ' ' || c == '\t') return {Sym::blank, 0};
        return {Sym::other, 0};
    }
    // Three-byte forms only: full-width digits U+FF10–FF19 (EF BC 90–99), full-width comma
    // U+FF0C (EF BC 8C), full-width hyphen-minus U+FF0D (EF BC 8D), minus sign U+2212
    // (E2 88 92), ideographic space U+3000 (E3 80 80).
    if (i + 2 < s.size()) {
        const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
        if (c == 0xEF && b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) {
            i += 3;
            return {Sym::digit, b2 - 0x90};
        }
        if (c == 0xEF && b1 == 0xBC && b2 == 0x8C) return i += 3, Char{Sym::comma, 0};
        if (c == 0xEF && b1 == 0xBC && b2 == 0x8D) return i += 3, Char{Sym::minus, 0};
        if (c == 0xE2 && b1 == 0x88 && b2 == 0x92) return i += 3, Char{Sym::minus, 0};
        if (c == 0xE3 && b1 == 0x80 && b2 == 0x80) return i += 3, Char{Sym::blank, 0};
    }
    // Any other character: skip its continuation bytes so an excerpt stays whole.
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return {Sym::other, 0};
}

Error refusal(const char* code, const char* detail, const NumberRule& rule, std::string_view typed) {
    return Error{code, detail,
                 {{"label", rule.label},
                  {"text", input::excerpt(typed, 20)},
                  {"min", format_grouped(rule.min)},
                  {"max", format_grouped(rule.max)}}};
}

}  // namespace

std::string ascii_digits(std::string_view typed) {
    std::string out;
    for (std::size_t i = 0; i < typed.size();) {
        const std::size_t at = i;
        const Char c = classify(typed, i);
        if (c.sym == Sym::digit) out.push_back(static_cast<char>('0' + c.digit));
        else out.append(typed.substr(at, i - at));
    }
    return out;
}

Error number_out_of_range(const NumberRule& rule) {
    return refusal("number.out_of_range", "the number is outside the field's range", rule, "");
}

Result<std::int64_t> check_number(std::int64_t value, const NumberRule& rule) {
    if (value < 0 && rule.min >= 0)
        return refusal("number.negative", "the field takes no negative numbers", rule, std::to_string(value));
    if (value < rule.min || value > rule.max)
        return refusal("number.out_of_range", "the number is outside the field's range", rule, std::to_string(value));
    return value;
}

Result<std::int64_t> read_number(std::string_view typed, const NumberRule& rule) {
    std::vector<Char> chars;
    for (std::size_t i = 0; i < typed.size();) chars.push_back(classify(typed, i));
    std::size_t b = 0, e = chars.size();
    while (b < e && chars[b].sym == Sym::blank) ++b;
    while (e > b && chars[e - 1].sym == Sym::blank) --e;
    if (b == e) return refusal("number.empty", "the field is empty", rule, typed);
    bool negative = false;
    if (chars[b].sym == Sym::minus) {
        negative = true;
        ++b;
    }
    // Digits, with commas only between groups of three: the first group 1–3 digits, the others 3.
    std::vector<int> digits;
    std::size_t group = 0, groups = 0;
    bool grouped = false;
    for (std::size_t k = b; k < e; ++k) {
        const Char ch = chars[k];
        if (ch.sym == Sym::digit) {
            digits.push_back(ch.digit);
            ++group;
        } else if (ch.sym == Sym::comma && group > 0 && (groups == 0 ? group <= 3 : group == 3)) {
            grouped = true;
            ++groups;
            group = 0;
        } else {
            return refusal("number.not_a_number", "the text is not a whole number", rule, typed);
        }
    }
    if (digits.empty() || (grouped && group != 3))
        return refusal("number.not_a_number", "the text is not a whole number", rule, typed);
    if (negative && rule.min >= 0) return refusal("number.negative", "the field takes no negative numbers", rule, typed);
    // Leading zeros are harmless; the value is built only while it stays within int64.
    std::int64_t v = 0;
    for (int d : digits) {
        if (v > (INT64_MAX - d) / 10) return refusal("number.out_of_range", "the number is outside the field's range", rule, typed);
        v = v * 10 + d;
    }
    if (negative) v = -v;
    if (v < rule.min || v > rule.max)
        return refusal("number.out_of_range", "the number is outside the field's range", rule, typed);
    return v;
}

}  // namespace vsys
