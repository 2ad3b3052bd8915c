// The look (UX.md "Look"): a light office theme, BIZ UDGothic, and the state colours used
// everywhere (never alone: a word or mark always goes with a colour).
#pragma once

#include "imgui.h"

namespace vsys::ui {

namespace colour {
inline const ImVec4 text{0.10f, 0.11f, 0.13f, 1.0f};
inline const ImVec4 muted{0.38f, 0.40f, 0.44f, 1.0f};
inline const ImVec4 accent{0.05f, 0.35f, 0.65f, 1.0f};
inline const ImVec4 locked{0.45f, 0.45f, 0.48f, 1.0f};
inline const ImVec4 pending{0.72f, 0.45f, 0.00f, 1.0f};
inline const ImVec4 error{0.75f, 0.10f, 0.10f, 1.0f};
inline const ImVec4 confirmed{0.10f, 0.50f, 0.20f, 1.0f};
inline const ImVec4 bar{0.93f, 0.95f, 0.98f, 1.0f};
}  // namespace colour

void apply_light_theme();

// Loads /assets/font.ttf rasterised for `scale` (device pixels per CSS pixel) so text is crisp
// on HiDPI screens; returns false when the font is missing (ImGui's default font is used).
bool load_fonts(float scale);
constexpr float k_font_px = 18.0f;  // readable on a 1366x768 clinic PC

}  // namespace vsys::ui
