// The summary's picture (UX.md "Pictures where people would rather look than read"): one
// horizontal bar per label (a prefecture, a municipality, a site, a month), the largest first,
// each series in its colour with a legend and the value written at the bar's end (never colour
// alone). The first dozen only: the rest are in the details.
#include <algorithm>

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
    std::int64_t top = 1;
    for (std::size_t i = 0; i < n; ++i)
        for (std::int64_t v : result.bars[i].values) top = std::max(top, v);
    const float width = ImGui::GetContentRegionAvail().x;
    const float label_w = std::clamp(width * 0.3f, 80.0f, 260.0f);
    const float value_w = ImGui::CalcTextSize("0,000,000,000").x;
    const float bar_w = std::max(40.0f, width - label_w - value_w - 16);
    const float line = ImGui::GetTextLineHeight();
    const std::size_t series = std::min<std::size_t>(result.chart_series.size(), 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < n; ++i) {
        const ChartBar& b = result.bars[i];
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float row_h = std::max(line, 10.0f * static_cast<float>(series) + 2);
        // The label, cut to its column (the details show it whole).
        ImGui::PushClipRect(at, ImVec2(at.x + label_w - 8, at.y + row_h), true);
        dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), b.label.empty() ? "—" : b.label.c_str());
        ImGui::PopClipRect();
        for (std::size_t s = 0; s < series; ++s) {
            const float y = at.y + static_cast<float>(s) * 10.0f + 1;
            const float w = bar_w * static_cast<float>(b.values[s]) / static_cast<float>(top);
            dl->AddRectFilled(ImVec2(at.x + label_w, y), ImVec2(at.x + label_w + std::max(w, 1.0f), y + 8),
                              ImGui::GetColorU32(k_series[s]));
        }
        std::string values;
        for (std::size_t s = 0; s < series; ++s) values += (s ? " / " : "") + format_grouped(b.values[s]);
        dl->AddText(ImVec2(at.x + label_w + bar_w + 8, at.y), ImGui::GetColorU32(ImGuiCol_Text), values.c_str());
        ImGui::Dummy(ImVec2(width, row_h + 2));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s", b.label.c_str(), values.c_str());
    }
    if (result.bars.size() > n)
        muted_text(fill_placeholders(shell.tr("report.chart_more"), {{"n", format_grouped(static_cast<std::int64_t>(result.bars.size() - n))}}));
    shell.anchor("reports.chart");
}

}  // namespace vsys::ui
