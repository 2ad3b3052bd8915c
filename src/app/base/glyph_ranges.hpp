// The code points the UI font covers (generated at build time by tools/gen/glyph_ranges.py):
// JIS X 0208 rows 1-84, ImGui's Japanese ranges, and every character of the UI strings and of
// the master data. The same ranges drive the font subset and ImGui's atlas.
#pragma once

#include <cstdint>
#include <span>

namespace vsys {

struct GlyphRange {
    std::uint32_t first;
    std::uint32_t last;
};

std::span<const GlyphRange> ui_glyph_ranges();

// True when the code point is covered by ui_glyph_ranges() (binary search).
bool glyph_covered(std::uint32_t code_point);

}  // namespace vsys
