#include "ui/shell/theme.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "app/base/glyph_ranges.hpp"

namespace vsys::ui {

namespace {

void set_state_colours(bool high_contrast) {
    if (high_contrast) {
        colour::text = ImVec4(0, 0, 0, 1);
        colour::muted = ImVec4(0.20f, 0.20f, 0.22f, 1);
        colour::accent = ImVec4(0.00f, 0.19f, 0.50f, 1);
        colour::locked = ImVec4(0.25f, 0.25f, 0.27f, 1);
        colour::pending = ImVec4(0.50f, 0.27f, 0.00f, 1);
        colour::error = ImVec4(0.60f, 0.00f, 0.00f, 1);
        colour::confirmed = ImVec4(0.00f, 0.36f, 0.10f, 1);
        colour::bar = ImVec4(0.88f, 0.90f, 0.96f, 1);
    } else {
        colour::text = ImVec4(0.10f, 0.11f, 0.13f, 1);
        colour::muted = ImVec4(0.38f, 0.40f, 0.44f, 1);
        colour::accent = ImVec4(0.05f, 0.35f, 0.65f, 1);
        colour::locked = ImVec4(0.45f, 0.45f, 0.48f, 1);
        colour::pending = ImVec4(0.72f, 0.45f, 0.00f, 1);
        colour::error = ImVec4(0.75f, 0.10f, 0.10f, 1);
        colour::confirmed = ImVec4(0.10f, 0.50f, 0.20f, 1);
        colour::bar = ImVec4(0.93f, 0.95f, 0.98f, 1);
    }
}

}  // namespace

void apply_theme(bool high_contrast) {
    set_state_colours(high_contrast);
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowRounding = 0.0f;
    s.FrameRounding = 4.0f;
    s.GrabRounding = 4.0f;
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(10, 8);
    s.CellPadding = ImVec2(8, 4);
    s.ScrollbarSize = 16.0f;
    s.FrameBorderSize = high_contrast ? 2.0f : 1.0f;
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = colour::text;
    c[ImGuiCol_TextDisabled] = colour::muted;
    c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 0);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.1f, 0.15f, 0.35f);
    if (!high_contrast) {
        c[ImGuiCol_Border] = ImVec4(0.78f, 0.80f, 0.84f, 1);
        c[ImGuiCol_FrameBg] = ImVec4(0.98f, 0.98f, 0.99f, 1);
        c[ImGuiCol_Button] = ImVec4(0.90f, 0.93f, 0.97f, 1);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.87f, 0.96f, 1);
        c[ImGuiCol_ButtonActive] = ImVec4(0.68f, 0.79f, 0.94f, 1);
        c[ImGuiCol_Header] = ImVec4(0.86f, 0.91f, 0.97f, 1);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.78f, 0.86f, 0.96f, 1);
        return;
    }
    // Every edge black, fields white, the hovered and selected things yellow as in the
    // operating systems' own high-contrast themes.
    const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), yellow(1.0f, 0.93f, 0.30f, 1);
    c[ImGuiCol_Border] = black;
    c[ImGuiCol_Separator] = black;
    c[ImGuiCol_FrameBg] = white;
    c[ImGuiCol_FrameBgHovered] = yellow;
    c[ImGuiCol_FrameBgActive] = yellow;
    c[ImGuiCol_Button] = ImVec4(0.85f, 0.88f, 0.95f, 1);
    c[ImGuiCol_ButtonHovered] = yellow;
    c[ImGuiCol_ButtonActive] = ImVec4(1.0f, 0.80f, 0.10f, 1);
    c[ImGuiCol_Header] = yellow;
    c[ImGuiCol_HeaderHovered] = yellow;
    c[ImGuiCol_HeaderActive] = ImVec4(1.0f, 0.80f, 0.10f, 1);
    c[ImGuiCol_CheckMark] = black;
    c[ImGuiCol_SliderGrab] = black;
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.80f, 0.84f, 0.93f, 1);
    c[ImGuiCol_TableBorderStrong] = black;
    c[ImGuiCol_TableBorderLight] = ImVec4(0.25f, 0.25f, 0.25f, 1);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.93f, 0.93f, 0.93f, 1);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.25f, 0.25f, 0.25f, 1);
    c[ImGuiCol_NavHighlight] = black;
    c[ImGuiCol_TextSelectedBg] = yellow;
}

bool load_fonts(float scale, float text_scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Built once from the generated table; the font atlas keeps a pointer to it.
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> out;
        for (const auto& r : ui_glyph_ranges()) {
            out.push_back(static_cast<ImWchar>(r.first));
            out.push_back(static_cast<ImWchar>(r.last));
        }
        out.push_back(0);
        return out;
    }();
    FILE* f = std::fopen("/assets/font.ttf", "rb");
    if (!f) {
        io.Fonts->AddFontDefault();
        return false;
    }
    std::fclose(f);
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    // Rasterised at the size drawn, up to 2.5 times the standard size: above that the atlas of
    // ~7,000 glyphs would outgrow the texture sizes phones allow, and ImGui scales it up instead.
    const float raster = std::min(scale * text_scale, 2.5f);
    io.Fonts->TexDesiredWidth = raster > 1.5f ? 4096 : 2048;
    ImFont* font = io.Fonts->AddFontFromFileTTF("/assets/font.ttf", k_font_px * raster, &cfg, ranges.data());
    if (!font) {
        io.Fonts->AddFontDefault();
        return false;
    }
    // The rest of the kanji, once the page has it (fetched after the first frame): merged into the
    // same font, so a character of either file is drawn and only one missing from both is "?".
    if (FILE* rest = std::fopen(k_font_rest_path, "rb")) {
        std::fclose(rest);
        ImFontConfig more = cfg;
        more.MergeMode = true;
        io.Fonts->AddFontFromFileTTF(k_font_rest_path, k_font_px * raster, &more, ranges.data());
    }
    io.FontGlobalScale = text_scale / raster;
    return true;
}

}  // namespace vsys::ui
