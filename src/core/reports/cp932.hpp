// The CP932 (Windows-31J) encoder of the CSV export: what Excel on a Japanese Windows PC reads
// as "Shift_JIS". Emscripten's iconv has no CP932 (its `cp932` is plain Shift_JIS and silently
// turns ① and 髙 into `*`), so the table is generated at build time from Debian's `locales`
// charmap (tools/gen/cp932.py): every character Windows encodes, the NEC and IBM extensions
// included, with the byte sequence Windows writes (髙 → FB FC, ① → 87 40).
//
// On top of the table, the best-fit Windows applies to characters other systems produce for the
// same glyph (〜 U+301C → 81 60 like ～ U+FF5E; − U+2212 → 81 7C; ‖ U+2016 → 81 61; — U+2014 →
// 81 5C; ¢ £ ¬ → 81 91, 81 92, 81 CA), and ¥ U+00A5 → 5C, which a reader may see as a backslash:
// that one is reported as `substituted`. Anything else (an emoji, a kanji outside JIS) becomes
// 〓 (81 AC) and is reported, never dropped. Invalid UTF-8 counts as unencodable too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vsys::cp932 {

enum class Fit {
    exact,        // in the Windows table
    best_fit,     // another code point of the same glyph (〜 → ～): not reported
    substituted,  // a different character on some readers (¥ → 0x5C): reported
    unencodable,  // written as 〓: reported
};

struct Encoded {
    std::uint16_t code = 0;  // one byte (< 0x100) or a lead/trail pair
    Fit fit = Fit::exact;
};

constexpr std::uint16_t geta = 0x81AC;  // 〓, the replacement for what cannot be encoded

Encoded encode(char32_t c);

// Appends s in CP932 to out. For every character that is substituted or unencodable, calls
// report(character as UTF-8, replacement as UTF-8, substituted). ASCII is copied as is.
template <class Report>
void append(std::string& out, std::string_view s, Report&& report);

// Decoding the next code point of UTF-8 text: returns the code point and advances i; a malformed
// sequence yields U+FFFD and consumes one byte.
char32_t next_code_point(std::string_view s, std::size_t& i);
std::string to_utf8(char32_t c);

inline void put(std::string& out, std::uint16_t code) {
    if (code > 0xFF) out += static_cast<char>(code >> 8);
    out += static_cast<char>(code & 0xFF);
}

template <class Report>
void append(std::string& out, std::string_view s, Report&& report) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto byte = static_cast<unsigned char>(s[i]);
        if (byte < 0x80) {  // ASCII is CP932's single-byte range unchanged
            out += static_cast<char>(byte);
            ++i;
            continue;
        }
        const char32_t c = next_code_point(s, i);
        const Encoded e = encode(c);
        put(out, e.code);
        if (e.fit == Fit::substituted || e.fit == Fit::unencodable)
            report(to_utf8(c), e.fit == Fit::substituted ? std::string("\\") : to_utf8(U'〓'),
                   e.fit == Fit::substituted);
    }
}

}  // namespace vsys::cp932
