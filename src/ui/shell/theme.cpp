#include "ui/shell/theme.hpp"

#include <cstdio>
#include <vector>

#include "app/base/glyph_ranges.hpp"

namespace vsys::ui {

void apply_light_theme() {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowRounding = 0.0f;
    s.FrameRounding = 4.0f;
    s.GrabRounding = 4.0f;
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(10, 8);
    s.CellPadding = ImVec2(8, 4);
    s.ScrollbarSize = 16.0f;
    s.FrameBorderSize = 1.0f;
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = colour::text;
    c[ImGuiCol_TextDisabled] = colour::muted;
    c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 0);
    c[ImGuiCol_Border] = ImVec4(0.78f, 0.80f, 0.84f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(0.98f, 0.98f, 0.99f, 1);
    c[ImGuiCol_Button] = ImVec4(0.90f, 0.93f, 0.97f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.87f, 0.96f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.68f, 0.79f, 0.94f, 1);
    c[ImGuiCol_Header] = ImVec4(0.86f, 0.91f, 0.97f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.78f, 0.86f, 0.96f, 1);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.1f, 0.15f, 0.35f);
}

bool load_fonts(float scale) {
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
    io.Fonts->TexDesiredWidth = scale > 1.5f ? 4096 : 2048;
    ImFont* font = io.Fonts->AddFontFromFileTTF("/assets/font.ttf", k_font_px * scale, &cfg, ranges.data());
    if (!font) {
        io.Fonts->AddFontDefault();
        return false;
    }
    io.FontGlobalScale = 1.0f / scale;
    return true;
}

}  // namespace vsys::ui
