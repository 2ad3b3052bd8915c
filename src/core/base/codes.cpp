#include "core/base/codes.hpp"

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/base/text.hpp"

namespace vsys {

namespace {

// Decodes one code point of valid UTF-8 at s[i], advancing i.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    std::uint32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (int k = 1; k <= n; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n + 1;
    return cp;
}

std::string show_char(std::string_view s, std::size_t from, std::size_t to, std::uint32_t cp) {
    if (cp < 0x20 || cp == 0x7F || cp == 0x3000 || cp == 0x20) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
        return buf;
    }
    return std::string(s.substr(from, to - from));
}

// Empty, UTF-8, digits (naming full-width digits), then length, in that order: a code typed
// with full-width digits is reported as such, not as "30 characters long".
Status check_format(std::string_view code, std::size_t length) {
    if (code.empty()) return Error{"code.empty", "the code is empty"};
    if (!text::valid_utf8(code)) return Error{"code.utf8", "the code is not valid UTF-8"};
    std::size_t i = 0, position = 0;
    while (i < code.size()) {
        std::size_t from = i;
        std::uint32_t cp = next_code_point(code, i);
        ++position;
        if (cp >= 0xFF10 && cp <= 0xFF19)
            return Error{"code.fullwidth",
                         "full-width digit at character " + std::to_string(position) + "; use ASCII digits",
                         {{"position", std::to_string(position)}}};
        if (cp < '0' || cp > '9') {
            std::string shown = show_char(code, from, i, cp);
            return Error{"code.non_digit",
                         "character " + std::to_string(position) + " is not a digit: " + shown,
                         {{"position", std::to_string(position)}, {"char", shown}}};
        }
    }
    if (code.size() != length)
        return Error{"code.length",
                     "the code has " + std::to_string(code.size()) + " digits; " + std::to_string(length) +
                         " are required",
                     {{"expected", std::to_string(length)}, {"actual", std::to_string(code.size())}}};
    return ok_status();
}

Status check_prefecture(std::string_view code) {
    int pref = code_prefecture(code);
    if (pref < 1 || pref > 47)
        return Error{"code.prefecture",
                     "the prefecture number " + std::string(code.substr(0, 2)) + " does not exist (01-47)",
                     {{"prefecture", std::string(code.substr(0, 2))}}};
    return ok_status();
}

Status check_digit_matches(std::string_view code, char expected) {
    char actual = code.back();
    if (actual != expected)
        return Error{"code.check_digit",
                     std::string("wrong check digit: the last digit should be ") + expected + ", not " + actual,
                     {{"expected", std::string(1, expected)}, {"actual", std::string(1, actual)}}};
    return ok_status();
}

}  // namespace

const char* institution_code_kind_id(InstitutionCodeKind kind) {
    return kind == InstitutionCodeKind::insurance ? "insurance" : "similar";
}

std::optional<InstitutionCodeKind> parse_institution_code_kind(std::string_view id) {
    if (id == "insurance") return InstitutionCodeKind::insurance;
    if (id == "similar") return InstitutionCodeKind::similar;
    return std::nullopt;
}

char local_gov_check_digit(std::string_view first5) {
    int sum = 0;
    for (int k = 0; k < 5; ++k) sum += (first5[k] - '0') * (6 - k);
    return static_cast<char>('0' + (11 - sum % 11) % 10);
}

char institution_check_digit(std::string_view first9) {
    int sum = 0;
    for (int k = 0; k < 9; ++k) {
        // The rightmost of the nine (k == 8) is multiplied by 2, then 1, 2, ... leftwards.
        int product = (first9[k] - '0') * ((8 - k) % 2 == 0 ? 2 : 1);
        sum += product / 10 + product % 10;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

int code_prefecture(std::string_view code) {
    if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return 0;
    return (code[0] - '0') * 10 + (code[1] - '0');
}

Status check_local_gov_code(std::string_view code) {
    if (auto s = check_format(code, 6); !s) return s;
    if (auto s = check_prefecture(code); !s) return s;
    return check_digit_matches(code, local_gov_check_digit(code));
}

Status check_institution_code(std::string_view code, InstitutionCodeKind kind) {
    if (auto s = check_format(code, 10); !s) return s;
    if (auto s = check_prefecture(code); !s) return s;
    if (kind == InstitutionCodeKind::similar) return ok_status();
    char fee = code[2];
    if (fee != '1' && fee != '3' && fee != '4')
        return Error{"code.fee_table",
                     std::string("the fee-table digit ") + fee + " is not 1 (medical), 3 (dental) or 4 (pharmacy)",
                     {{"digit", std::string(1, fee)}}};
    return check_digit_matches(code, institution_check_digit(code));
}

const char* fee_table_name(char digit) {
    switch (digit) {
        case '1': return "medical";
        case '3': return "dental";
        case '4': return "pharmacy";
        default: return "unknown";
    }
}

}  // namespace vsys
