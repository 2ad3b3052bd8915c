#include "ui/widgets/line_break.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

namespace vsys::ui {

namespace {

// How a character behaves at a line end (a small part of UAX #14 and JIS X 4051).
enum class Kind {
    blank,    // a space or a tab: a line may end after it; the blanks there are not drawn
    newline,  // ends its line
    glue,     // a no-break space or a word joiner: holds its neighbours together (「8,000 箱」)
    close,    // closing punctuation, small kana, 「ー」「々」: never starts a line
    open,     // an opening bracket: never ends a line
    ideo,     // kanji, kana, full-width forms, emoji: a line may break on either side
    digit,    // holds its word together, and the unit that follows it (「12 人」 as 「12人」)
    word,     // Latin letters and the other characters of a word: never split
};

bool in(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

Kind kind_of(char32_t c) {
    if (c == '\n') return Kind::newline;
    if (c == ' ' || c == '\t' || c == '\r') return Kind::blank;
    if (c == 0x00A0 || c == 0x202F || c == 0x2060 || c == 0xFEFF) return Kind::glue;
    if (c >= '0' && c <= '9') return Kind::digit;
    if (in(c, U",.;:!?)]}%")) return Kind::close;
    if (in(c, U"([{")) return Kind::open;
    if (in(c,
           U"、。，．・：；？！）］｝」』】〕〉》〙〗〟’”｠»ーｰ々ゝゞヽヾ〜～‐゠–〻"
           U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｯｬｭｮ％"))
        return Kind::close;
    if (in(c, U"（［｛「『【〔〈《〘〖〝‘“｟«")) return Kind::open;
    if ((c >= 0x2E80 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFFEF) || c >= 0x1F000) return Kind::ideo;
    return Kind::word;
}

// May a line end between a character of kind `a` and the next one of kind `b`?
bool may_break(Kind a, Kind b) {
    if (a == Kind::blank) return b != Kind::blank && b != Kind::newline && b != Kind::glue;
    if (b == Kind::blank || b == Kind::newline || a == Kind::glue || b == Kind::glue) return false;
    if (b == Kind::close || a == Kind::open) return false;
    if (a == Kind::digit && b == Kind::ideo) return false;  // a number keeps its unit
    return a == Kind::ideo || b == Kind::ideo || (a == Kind::close && b == Kind::open);
}

struct Char {
    char32_t code;
    std::size_t begin, end;
    Kind kind;
};

std::vector<Char> decode(std::string_view text) {
    std::vector<Char> out;
    out.reserve(text.size());
    const char* const first = text.data();
    const char* const last = first + text.size();
    for (const char* s = first; s < last;) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, s, last);
        const int step = n > 0 ? n : 1;
        const auto begin = static_cast<std::size_t>(s - first);
        out.push_back({static_cast<char32_t>(c), begin, begin + static_cast<std::size_t>(step), kind_of(c)});
        s += step;
    }
    return out;
}

}  // namespace

std::vector<TextLine> break_lines(std::string_view text, float width, const CharAdvance& advance) {
    const std::vector<Char> chars = decode(text);
    std::vector<TextLine> lines;
    const std::size_t n = chars.size();
    std::size_t start = 0;  // the first character of the line being filled
    while (start <= n) {
        float used = 0, blanks = 0;  // blanks: their width, counted only once something follows
        std::size_t end_byte = start < n ? chars[start].begin : text.size();
        std::size_t candidate = 0;  // where the next line would start, 0 = no break yet
        std::size_t candidate_end = 0;
        std::size_t next = n + 1;  // set when the line ends
        std::size_t i = start;
        for (; i < n; ++i) {
            const Char& c = chars[i];
            if (c.kind == Kind::newline) {
                next = i + 1;
                break;
            }
            if (i > start && may_break(chars[i - 1].kind, c.kind)) {
                candidate = i;
                candidate_end = end_byte;
            }
            if (c.kind == Kind::blank) {
                blanks += advance(c.code);
                continue;
            }
            const float w = advance(c.code);
            if (i > start && used + blanks + w > width) {
                if (candidate > start) {
                    lines.push_back({chars[start].begin, candidate_end});
                    next = candidate;
                } else {  // one unit wider than the line: cut it here
                    lines.push_back({chars[start].begin, end_byte});
                    next = i;
                }
                break;
            }
            used += blanks + w;
            blanks = 0;
            end_byte = c.end;
        }
        if (i == n) {  // the text ran out on this line
            lines.push_back({start < n ? chars[start].begin : text.size(), end_byte});
            break;
        }
        if (chars[i].kind == Kind::newline) lines.push_back({start < n ? chars[start].begin : text.size(), end_byte});
        start = next;
        if (start == n) {  // a final '\n' leaves an empty last line, as ImGui draws it
            lines.push_back({text.size(), text.size()});
            break;
        }
        // A line that wrapped does not start with the blanks it broke at.
        if (chars[next - 1].kind != Kind::newline)
            while (start < n && chars[start].kind == Kind::blank) ++start;
        if (start == n) break;
    }
    if (lines.empty()) lines.push_back({0, 0});
    return lines;
}

}  // namespace vsys::ui
