// The mouse wheel and the touchpad, as a browser reports them (a WheelEvent's deltaX/deltaY in
// pixels, lines or pages, positive = towards the end of the page), turned into ImGui's wheel
// units so that every screen scrolls the way any web page does:
// - a notch of a mouse wheel moves the content by about three lines, whatever the browser's
//   unit (Chromium: 100 px a notch; Firefox: 3 lines; deltaMode 2: a page);
// - wheel down (deltaY > 0) moves the content up (the view goes towards the end of the list);
// - a touchpad's small pixel deltas scroll by as many pixels, unquantised and with no inertia
//   added (Emscripten's GLFW passed the raw deltaY, reversed and ~30 times too large);
// - Ctrl + wheel never scrolls: it changes the text size (text_size_step, one step a notch).
#pragma once

namespace vsys::ui {

class Shell;

inline constexpr double k_lines_per_notch = 3.0;
inline constexpr double k_pixels_per_notch = 100.0;  // Chromium's notch, and Emscripten's own step

// The scroll asked for by one wheel event, in lines of text (positive = towards the end).
struct WheelLines {
    double x = 0, y = 0;
};
// delta_mode as in the DOM: 0 pixels, 1 lines, 2 pages; page_lines: how many lines a page is.
WheelLines wheel_lines(double dx, double dy, int delta_mode, double page_lines);

// One wheel event of the page: scrolls the window under the mouse (through ImGui's io, before
// the next frame) or, with Ctrl held, steps the text size.
void on_wheel(Shell& shell, double dx, double dy, int delta_mode, bool ctrl);

}  // namespace vsys::ui
