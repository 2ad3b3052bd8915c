#include "ui/widgets/clip_record.hpp"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"  // RenderTextEllipsis: ImGui's own "…" cut, as its table headers use
#include "ui/widgets/widgets.hpp"

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

void ClipRecord::end_frame() {
    note_overflowing_windows(*this);
    last_.swap(current_);
}

void note_overflowing_windows(ClipRecord& record) {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float screen_right = vp->Pos.x + vp->Size.x;
    for (ImGuiWindow* w : g->Windows) {
        // Windows drawn this frame and shown: one that is still sizing itself is skipped.
        if (!w->Active || w->Hidden || w->Appearing || (w->Flags & ImGuiWindowFlags_Tooltip)) continue;
        float past = 0;
        if (w->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Modal | ImGuiWindowFlags_AlwaysAutoResize)) {
            // Sized to its content: what overflows is the window itself, or, where ImGui kept it
            // to the screen's size (a modal on a phone), its content past its own edge.
            past = std::max(w->Pos.x + w->Size.x - screen_right, vp->Pos.x - w->Pos.x);
            if (!(w->Flags & ImGuiWindowFlags_HorizontalScrollbar))
                past = std::max(past, w->DC.CursorMaxPos.x - std::max(w->InnerClipRect.Max.x, w->WorkRect.Max.x));
        } else if (!(w->Flags & ImGuiWindowFlags_HorizontalScrollbar)) {
            // The visible edge: the clip rect, or the work rect where a window has no padding (its
            // border is drawn over its content). Half a pixel of slack, as text_fit: widths are
            // measured with the same font and rounded.
            past = w->DC.CursorMaxPos.x - std::max(w->InnerClipRect.Max.x, w->WorkRect.Max.x);
        }
        if (past > 0.5f) record.add(std::to_string(static_cast<int>(past + 0.5f)) + " px past the right edge", w->Name);
    }
}

void set_clip_record(ClipRecord* record) { g_record = record; }

void note_clipped(std::string_view text, std::string_view where) {
    if (g_record) g_record->add(text, where);
}

void text_fit(const std::string& text, std::string_view where, bool right) {
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    // A table column scrolled out of sight keeps the width it had when last seen (ImGui updates a
    // fixed column's width only while it is visible): its text is not shown, so it is not cut
    // either; it takes its new width in the frame it comes into view.
    const bool hidden_column = ImGui::GetCurrentTable() && !(ImGui::TableGetColumnFlags() & ImGuiTableColumnFlags_IsVisible);
    // Half a pixel of slack: column widths are measured with the same font and rounded.
    if (w <= avail + 0.5f || hidden_column) {
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
    whole_text_tooltip(text);
    note_clipped(text, where.empty() ? std::string_view(ImGui::GetCurrentWindow()->Name) : where);
}

std::string fit_text(const std::string& text, float width, bool& cut) {
    cut = ImGui::CalcTextSize(text.c_str()).x > width + 0.5f;  // the slack of text_fit
    if (!cut) return text;
    const std::string ellipsis = "…";
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 1;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0xF0) n = 4;
        else if (c >= 0xE0) n = 3;
        else if (c >= 0xC0) n = 2;
        const std::string next = out + text.substr(i, n);
        if (ImGui::CalcTextSize((next + ellipsis).c_str()).x > width) break;
        out = next;
        i += n;
    }
    return out + ellipsis;
}

void whole_text_tooltip(const std::string& text) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    text_wrapped(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace vsys::ui
