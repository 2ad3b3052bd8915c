#include "app/base/glyph_ranges.hpp"

#include <algorithm>

namespace vsys {

bool glyph_covered(std::uint32_t cp) {
    auto r = ui_glyph_ranges();
    auto it = std::upper_bound(r.begin(), r.end(), cp, [](std::uint32_t v, const GlyphRange& g) { return v < g.first; });
    if (it == r.begin()) return false;
    --it;
    return cp >= it->first && cp <= it->last;
}

}  // namespace vsys
