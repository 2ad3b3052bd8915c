// Whether a frame would draw what the canvas already shows (main_web.cpp).
// The app runs ImGui every animation frame so that input, sync progress and toasts are never
// late, but most frames draw exactly the previous picture. In a browser without a GPU (a clinic's
// old PC, headless Chromium) the WebGL work of a frame costs more than computing it, so a frame
// whose draw data is the same as the last one drawn is not drawn at all: WebGL keeps showing the
// last picture until something is drawn again.
#pragma once

#include <cstdint>

struct ImDrawData;

namespace vsys::web {

// A 64-bit fingerprint of everything a frame would draw: the vertices, indices, commands (clip
// rectangles, textures, offsets), the display size and scale, and `extra` (what changes the
// picture without changing the draw data, such as a font atlas rebuilt under the same texture).
std::uint64_t draw_fingerprint(const ImDrawData& d, std::uint64_t extra);

// Remembers the picture on the canvas: changed() is true for the first frame and for any frame
// whose fingerprint differs from the last one drawn, and counts the frames that drew.
class RepaintFilter {
public:
    bool changed(const ImDrawData& d, std::uint64_t extra) {
        const std::uint64_t print = draw_fingerprint(d, extra);
        if (drawn_ > 0 && print == last_) return false;
        last_ = print;
        ++drawn_;
        return true;
    }
    std::int64_t drawn() const { return drawn_; }

private:
    std::uint64_t last_ = 0;
    std::int64_t drawn_ = 0;
};

}  // namespace vsys::web
