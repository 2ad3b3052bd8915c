// The summary's picture (UX.md "Pictures where people would rather look than read"): one
// horizontal bar per label (a prefecture, a municipality, a site, a month), the largest first,
// each series in its colour with a legend and the value written at the bar's end (never colour
// alone). The first dozen only: the rest are in the details. Names are never cut: when the
// longest name is wider than its column (at most 40 % of the width), every name takes a line of
// its own over its bars, wrapped (a clinic PC's 768 px tablet cut a site's name before).
#include <algorithm>
#include <string>
#include <vector>

#include "app/base/i18n.hpp"
#include "core/base/numbers.hpp"
#include "ui/reports/reports_ui.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
constexpr std::size_t k_max_bars = 12;
const ImVec4 k_series[] = {{0.55f, 0.62f, 0.72f, 1.0f}, {0.10f, 0.50f, 0.20f, 1.0f}};

std::string label_of(const ChartBar& b) { return b.label.empty() ? "—" : b.label; }
}  // namespace

void report_chart(Shell& shell, const ReportResult& result) {
    if (result.bars.empty()) return;
    for (std::size_t s = 0; s < result.chart_series.size() && s < 2; ++s) {
        if (s) same_line_if_room(16 + ImGui::CalcTextSize(result.chart_series[s].c_str()).x);  // a phone: one a line
        ImGui::ColorButton(("##series" + std::to_string(s)).c_str(), k_series[s], ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
        ImGui::SameLine();
        ImGui::TextUnformatted(result.chart_series[s].c_str());
    }
    const std::size_t n = std::min(result.bars.size(), k_max_bars);
    const std::size_t series = std::min<std::size_t>(result.chart_series.size(), 2);
    std::int64_t top = 1;
    std::vector<std::string> values(n);  // written at each bar's end
    float label_need = 0, value_w = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const ChartBar& b = result.bars[i];
        for (std::size_t s = 0; s < series; ++s) {
            top = std::max(top, b.values[s]);
            values[i] += (s ? " / " : "") + format_grouped(b.values[s]);
        }
        label_need = std::max(label_need, ImGui::CalcTextSize(label_of(b).c_str()).x + 8);
        value_w = std::max(value_w, ImGui::CalcTextSize(values[i].c_str()).x);
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float label_w = std::clamp(label_need, 80.0f, std::max(80.0f, width * 0.4f));
    // Where a name does not fit its column, each name takes a line of its own, wrapped, over its
    // bars: read whole, never cut.
    const bool stacked = label_need > label_w;
    const float bar_x = stacked ? 0 : label_w;
    const float bar_w = std::max(40.0f, width - bar_x - value_w - 16);
    const float line = ImGui::GetTextLineHeight();
    const float row_h = std::max(line, 10.0f * static_cast<float>(series) + 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < n; ++i) {
        const ChartBar& b = result.bars[i];
        const std::string label = label_of(b);
        if (stacked) text_wrapped(label);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (!stacked) dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), label.c_str());  // fits its column
        for (std::size_t s = 0; s < series; ++s) {
            const float y = at.y + static_cast<float>(s) * 10.0f + 1;
            const float w = bar_w * static_cast<float>(b.values[s]) / static_cast<float>(top);
            dl->AddRectFilled(ImVec2(at.x + bar_x, y), ImVec2(at.x + bar_x + std::max(w, 1.0f), y + 8), ImGui::GetColorU32(k_series[s]));
        }
        dl->AddText(ImVec2(at.x + bar_x + bar_w + 8, at.y), ImGui::GetColorU32(ImGuiCol_Text), values[i].c_str());
        ImGui::Dummy(ImVec2(width, row_h + 2));
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
            text_wrapped((label + ": " + values[i]));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        shell.anchor("reports.chart.bar." + std::to_string(i));
        if (stacked && i + 1 < n) ImGui::Spacing();
    }
    if (result.bars.size() > n)
        muted_text(fill_placeholders(shell.tr("report.chart_more"), {{"n", format_grouped(static_cast<std::int64_t>(result.bars.size() - n))}}));
    shell.anchor("reports.chart");
}

}  // namespace vsys::ui
