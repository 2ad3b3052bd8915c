#include "ui/widgets/clip_record.hpp"

#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"  // RenderTextEllipsis: ImGui's own "…" cut, as its table headers use

namespace vsys::ui {

namespace {
ClipRecord* g_record = nullptr;
}  // namespace

void ClipRecord::add(std::string_view text, std::string_view where) {
    // A text drawn every frame in a loop (a row and its tooltip) is one clip, not many.
    for (const auto& c : current_)
        if (c.text == text && c.where == where) return;
    current_.push_back({std::string(text), std::string(where)});
}

void set_clip_record(ClipRecord* record) { g_record = record; }

void note_clipped(std::string_view text, std::string_view where) {
    if (g_record) g_record->add(text, where);
}

void text_fit(const std::string& text, std::string_view where, bool right) {
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    // Half a pixel of slack: column widths are measured with the same font and rounded.
    if (w <= avail + 0.5f) {
        if (right && avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
        ImGui::TextUnformatted(text.c_str());
        return;
    }
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    const float width = std::max(avail, 1.0f);
    ImGui::Dummy(ImVec2(width, h));
    const ImVec2 end(pos.x + width, pos.y + h);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), pos, end, end.x, end.x, text.c_str(), nullptr, nullptr);
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    note_clipped(text, where.empty() ? std::string_view(ImGui::GetCurrentWindow()->Name) : where);
}

}  // namespace vsys::ui
