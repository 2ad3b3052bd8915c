#include "ui/shell/wheel.hpp"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "ui/shell/text_size.hpp"

namespace vsys::ui {

namespace {
// A flick on some touchpads reports thousands of pixels at once: at most a few pages an event.
constexpr double k_max_lines_per_event = 60.0;
// Ctrl + wheel: lines not yet worth a whole text size step (touchpads send small deltas).
double g_ctrl_lines = 0;
}  // namespace

WheelLines wheel_lines(double dx, double dy, int delta_mode, double page_lines) {
    double per_unit = delta_mode == 1 ? 1.0 : delta_mode == 2 ? std::max(1.0, page_lines)
                                                             : k_lines_per_notch / k_pixels_per_notch;
    auto bounded = [](double v) { return std::clamp(v, -k_max_lines_per_event, k_max_lines_per_event); };
    return {bounded(dx * per_unit), bounded(dy * per_unit)};
}

void on_wheel(Shell& shell, double dx, double dy, int delta_mode, bool ctrl) {
    ImGuiIO& io = ImGui::GetIO();
    // The font size a window uses (ImGui's FontBaseSize): called between frames, when
    // ImGui::GetFontSize() has no current font.
    const ImFont* f = io.FontDefault ? io.FontDefault : io.Fonts->Fonts.empty() ? nullptr : io.Fonts->Fonts[0];
    const float font = f ? f->FontSize * f->Scale * io.FontGlobalScale : 16.0f;
    const double line = font + ImGui::GetStyle().ItemSpacing.y;  // one line of a form or list
    const WheelLines l = wheel_lines(dx, dy, delta_mode, io.DisplaySize.y / line);
    if (ctrl) {
        g_ctrl_lines += l.y;
        const int steps = static_cast<int>(g_ctrl_lines / k_lines_per_notch);
        if (steps != 0) {
            g_ctrl_lines -= steps * k_lines_per_notch;
            text_size_step(shell, -steps);  // wheel up (negative deltaY) = larger text
        }
        return;
    }
    // ImGui 1.86 scrolls Scroll.y -= MouseWheel * 5 font sizes (x: 2 font sizes): the units
    // that move the content by `line` pixels a line, towards the end when the wheel goes down.
    io.MouseWheel -= static_cast<float>(l.y * line / (5.0 * font));
    io.MouseWheelH -= static_cast<float>(l.x * line / (2.0 * font));
}

}  // namespace vsys::ui
