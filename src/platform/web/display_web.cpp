#include "platform/web/display_web.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "ui/shell/theme.hpp"

namespace vsys::web {

namespace {

EM_JS(void, js_css_size, (double* w, double* h, double* dpr), {
    // Unsigned addresses (past 2 GB they arrive negative, cmake/web.cmake).
    HEAPF64[(w >>> 0) >>> 3] = window.innerWidth;
    HEAPF64[(h >>> 0) >>> 3] = window.innerHeight;
    HEAPF64[(dpr >>> 0) >>> 3] = window.devicePixelRatio || 1;
});
EM_JS(int, js_font_rest_ready, (), { return Module.vsysFontRestReady ? 1 : 0; });

}  // namespace

void update_display(Display& d, int text_size_percent) {
    double w, h, dpr;
    js_css_size(&w, &h, &dpr);
    dpr = std::min(std::max(dpr, 1.0), 3.0);
    if (w != d.css_w || h != d.css_h || dpr != d.dpr) {
        d.css_w = w;
        d.css_h = h;
        d.dpr = dpr;
        // Not glfwSetWindowSize: Emscripten's GLFW turns a size equal to the screen's into a
        // fullscreen request (refused without a user gesture) instead of resizing.
        emscripten_set_canvas_element_size("#canvas", static_cast<int>(std::lround(w * dpr)),
                                           static_cast<int>(std::lround(h * dpr)));
    }
    const float want = static_cast<float>(std::min(dpr, 2.0));
    // The text size (settings; Ctrl + wheel steps it): shown at once by scaling the atlas, which
    // is rasterised again at the new size once the size has stood still for a moment (a run of
    // wheel notches costs one rebuild, and the text is crisp again).
    const float text = static_cast<float>(text_size_percent) / 100.0f;
    const double now = emscripten_get_now();
    if (text != d.text_seen) {
        d.text_seen = text;
        d.text_changed_at = now;
    }
    const bool settled = text != d.font_text && now - d.text_changed_at > 300;
    const bool rest_arrived = !d.font_rest && js_font_rest_ready();
    if (want != d.font_scale || d.font_text == 0 || settled || rest_arrived) {
        d.font_scale = want;
        d.font_text = text;
        d.font_rest = js_font_rest_ready() != 0;
        d.font_loaded = vsys::ui::load_fonts(want, text);
        ++d.atlas_generation;
        d.font_global = ImGui::GetIO().FontGlobalScale;
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui::GetIO().FontGlobalScale = d.font_global * text / d.font_text;
}

void fix_io_after_backend(const Display& d) {
    ImGuiIO& io = ImGui::GetIO();
    const float s = static_cast<float>(d.dpr);
    io.DisplaySize = ImVec2(static_cast<float>(d.css_w), static_cast<float>(d.css_h));
    io.DisplayFramebufferScale = ImVec2(s, s);
    if (io.MousePos.x > -FLT_MAX / 2) io.MousePos = ImVec2(io.MousePos.x / s, io.MousePos.y / s);
}

}  // namespace vsys::web
