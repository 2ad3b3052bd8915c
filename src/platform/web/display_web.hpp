// The canvas and the font atlas in the browser: Emscripten's GLFW ignores devicePixelRatio, so
// the canvas backing store is sized in device pixels, ImGui works in CSS pixels with a
// framebuffer scale, and the font is rasterised at the device scale (and the text size of the
// settings) so text stays sharp.
#pragma once

#include <cstdint>

namespace vsys::web {

struct Display {
    double css_w = 0, css_h = 0, dpr = 0;
    float font_scale = 0;
    float font_text = 0;          // the text size (1 = standard) the atlas was rasterised at
    float font_global = 1;        // io.FontGlobalScale for that atlas
    float text_seen = 0;          // the text size setting last seen, and since when
    double text_changed_at = 0;
    bool font_loaded = false;
    bool font_rest = false;       // the atlas holds the rest of the font (font-rest.ttf)
    std::uint64_t atlas_generation = 0;  // bumped whenever the font atlas is rebuilt
};

// Before the backends' NewFrame: the canvas follows the window and devicePixelRatio, and the
// atlas follows the scale, the text size (`text_size_percent`) and the rest of the font.
void update_display(Display& d, int text_size_percent);
// After the GLFW backend's NewFrame, which knows nothing of devicePixelRatio: the display in CSS
// pixels, the framebuffer scale, and the mouse in CSS pixels.
void fix_io_after_backend(const Display& d);

}  // namespace vsys::web
