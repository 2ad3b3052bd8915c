// Where a wrapped text breaks its lines (issue 13). Dear ImGui's own wrap is for English: it
// breaks after any comma or full stop, so at phone width 「8,000 箱」 came out as 「8,」 over
// 「000 箱」, and it starts a line with 「。」 or 「）」. This follows the usual rules of Japanese
// line breaking (JIS X 4051's kinsoku, simplified): a line may break between two Japanese
// characters, after a space, never inside a Latin word or a number, never between a number and
// the unit that follows it, never before closing punctuation or small kana, never after an
// opening bracket. A unit wider than the whole line is cut where it must, one character at least
// a line. Pure: the width of a character comes from the caller (the font, or a test's table).
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace vsys::ui {

// One line of the text: bytes [begin, end), without the blanks it broke at.
struct TextLine {
    std::size_t begin = 0;
    std::size_t end = 0;
};

using CharAdvance = std::function<float(char32_t)>;

// The lines of UTF-8 `text` at `width` (same unit as `advance`). A '\n' always ends a line.
// An empty text is one empty line.
std::vector<TextLine> break_lines(std::string_view text, float width, const CharAdvance& advance);

}  // namespace vsys::ui
