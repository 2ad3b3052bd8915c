// The look (UX.md "Look"): a light office theme and its high-contrast variant (a setting per
// device), BIZ UDGothic at the device's text size, and the state colours used everywhere (never
// alone: a word or mark always goes with a colour).
#pragma once

#include "imgui.h"

namespace vsys::ui {

// The state colours of the theme in use (set by apply_theme; the light theme's until then).
namespace colour {
inline ImVec4 text{0.10f, 0.11f, 0.13f, 1.0f};
inline ImVec4 muted{0.38f, 0.40f, 0.44f, 1.0f};
inline ImVec4 accent{0.05f, 0.35f, 0.65f, 1.0f};
inline ImVec4 locked{0.45f, 0.45f, 0.48f, 1.0f};
inline ImVec4 pending{0.72f, 0.45f, 0.00f, 1.0f};
inline ImVec4 error{0.75f, 0.10f, 0.10f, 1.0f};
inline ImVec4 confirmed{0.10f, 0.50f, 0.20f, 1.0f};
inline ImVec4 bar{0.93f, 0.95f, 0.98f, 1.0f};
}  // namespace colour

// The light theme, or the high-contrast one: black text and borders on white, darker state
// colours (each at least 7:1 against white, WCAG AAA), thicker frame borders.
void apply_theme(bool high_contrast);
inline void apply_light_theme() { apply_theme(false); }

// Loads /assets/font.ttf rasterised for `scale` (device pixels per CSS pixel) at the text size
// `text_scale` (1 = k_font_px) so text is crisp on HiDPI screens and at every text size; returns
// false when the font is missing (ImGui's default font is used). The rest of the kanji
// (k_font_rest_path) is merged in when that file is there; without it, the app's own texts and
// place names still show (tools/gen/font_subset.py).
bool load_fonts(float scale, float text_scale = 1.0f);
inline constexpr const char* k_font_rest_path = "/assets/font-rest.ttf";
constexpr float k_font_px = 18.0f;  // readable on a 1366x768 clinic PC

}  // namespace vsys::ui
