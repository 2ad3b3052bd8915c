// The result section of 分配シミュレーション (simulation_screen.hpp): the summary of a run and of
// its parts, a bar chart of request against result that draws only the bars in view, and the
// shared Table (1,741 municipalities or thousands of sites through its clipper; sorting, filter,
// totals, CSV) with 理想配分 a decimal and its exact fraction on hover, the engine's explanation
// on hover, and the 固定値 fields in their column. In tranches the weight and share columns give
// way to one result column per part, and the result column is the total.
#include <algorithm>

#include "app/allocation/chain_fields.hpp"
#include "ui/allocation/allocation_ui.hpp"
#include "ui/allocation/simulation_screen.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

const ImVec4 k_request_colour{0.62f, 0.70f, 0.82f, 1.0f};

TableCell signed_cell(std::int64_t d, CellTone tone = CellTone::normal) {
    return {std::string(d > 0 ? "+" : "") + format_grouped(d), d, false, "", tone};
}

// The rows of the table: one per child, with the last run's result when there is one.
void build_model(Shell& shell, const SimScreen& sim, TableModel& m) {
    const SimulationView* result = sim.result ? &*sim.result : nullptr;
    const bool compared = result && result->compare;
    const std::size_t parts = result ? result->outcome.tranches.size() : 0;
    const std::string unit = shell.tr("alloc.boxes_unit");
    m.columns = {{shell.tr("sim.col.child"), false, "", 0, false},
                 {shell.tr("alloc.col.request"), true, unit, 0, true}};
    if (parts > 0) {
        for (std::size_t t = 0; t < parts; ++t)
            m.columns.push_back(
                {fill_placeholders(shell.tr("sim.tranche.part"), {{"n", std::to_string(t + 1)}}), true, "", 0, true});
    } else {
        m.columns.push_back({shell.tr("sim.col.weight"), true, "", 0, false});
        m.columns.push_back({shell.tr("sim.col.share"), true, "", 0, false, false, 2});  // in hundredths
    }
    m.columns.push_back({shell.tr("sim.col.fixed"), false, "", ImGui::GetFontSize() * 5, false, true});
    m.columns.push_back({shell.tr(compared    ? "sim.col.a"
                                  : parts > 0 ? "sim.col.total"
                                              : "sim.col.result"),
                         true, unit, 0, true});
    m.columns.push_back({shell.tr("sim.col.difference"), true, "", 0, true});
    if (compared) {
        m.columns.push_back({shell.tr("sim.col.b"), true, unit, 0, true});
        m.columns.push_back({shell.tr("sim.col.b_minus_a"), true, "", 0, true});
    }
    m.rows.clear();
    const TableCell none{"", 0, true};
    for (const RequestTotals& c : sim.children) {
        const auto at = sim.row_of.find(c.org);
        const SimulationChild* r = at == sim.row_of.end() ? nullptr : &result->rows[at->second];
        // The engine's explanation of the row, on hover over its name and its numbers.
        const std::string why = r ? r->explanation : std::string();
        std::vector<TableCell> row{{c.name, 0, false, why}, {"", c.boxes}};
        if (parts > 0) {
            for (std::size_t t = 0; t < parts; ++t) {
                const bool has = r && r->parts && t < r->parts->size();
                row.push_back(has ? TableCell{"", (*r->parts)[t].result, false, why} : none);
            }
        } else {
            row.push_back(r ? TableCell{"", r->weight.value_or(0)} : none);
            // 理想配分 as a decimal; the exact fraction the engine works with on hover.
            if (r && r->share) {
                const ShareFraction& share = *r->share;
                row.push_back({"", scaled_decimal(share.whole, share.num, share.den), false,
                               share.text + (why.empty() ? "" : "\n" + why)});
            } else {
                row.push_back(none);
            }
        }
        row.push_back({});  // the fixed value's field
        if (r) {
            row.push_back({"", r->result, false, why, CellTone::confirmed});
            row.push_back(signed_cell(r->difference, r->difference < 0 ? CellTone::error : CellTone::normal));
        } else {
            row.push_back(none);
            row.push_back(none);
        }
        if (compared) {
            const auto& crows = result->compare->rows;
            const ComparedChild* crow = r && at->second < crows.size() ? &crows[at->second] : nullptr;
            row.push_back(crow ? TableCell{"", crow->b, false, "", CellTone::pending} : none);
            row.push_back(crow ? signed_cell(crow->difference) : none);
        }
        m.rows.push_back(std::move(row));
    }
}

}  // namespace

std::string simulation_summary(Shell& shell, const SimulationOutcome& s, const SimulationSpecArgs& spec) {
    const bool in_parts = spec.tranches && !spec.tranches->empty();
    return fill_placeholders(
        shell.tr("sim.summary"),
        {{"mode", shell.tr("chain.mode." + (in_parts ? std::string("tranches") : spec.mode.value_or("")))},
         {"total", format_grouped(s.total)},
         {"allocated", format_grouped(s.allocated)},
         {"unallocated", format_grouped(s.unallocated)},
         {"requested", format_grouped(s.requested)}});
}

void tranche_summary(Shell& shell, const SimulationOutcome& s) {
    if (s.tranches.empty()) return;
    std::string line;
    for (std::size_t t = 0; t < s.tranches.size(); ++t) {
        const SimulationTrancheRow& part = s.tranches[t];
        const std::string label =
            fill_placeholders(shell.tr("sim.tranche.label"), {{"n", std::to_string(t + 1)},
                                                              {"mode", shell.tr("chain.mode." + part.mode)},
                                                              {"amount", format_grouped(part.amount)}});
        if (t > 0) line += "   ";
        line += fill_placeholders(shell.tr("sim.tranche.summary"), {{"label", label},
                                                                    {"allocated", format_grouped(part.allocated)},
                                                                    {"unallocated", format_grouped(part.unallocated)}});
    }
    ImGui::PushStyleColor(ImGuiCol_Text, colour::muted);
    text_wrapped(line);
    ImGui::PopStyleColor();
    shell.anchor("sim.tranche.summary");
}

void simulation_chart(Shell& shell, const SimScreen& sim) {
    const std::vector<SimulationChild>& rows = sim.result->rows;
    const std::vector<ComparedChild>* b_rows = sim.result->compare ? &sim.result->compare->rows : nullptr;
    const std::size_t n = b_rows ? std::min(rows.size(), b_rows->size()) : rows.size();
    if (n == 0) return;
    std::int64_t top = 1;
    for (std::size_t i = 0; i < n; ++i) {
        top = std::max({top, rows[i].request, rows[i].result});
        if (b_rows) top = std::max(top, (*b_rows)[i].b);
    }
    ImGui::ColorButton("##lr", k_request_colour, ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
    ImGui::SameLine();
    ImGui::TextUnformatted(shell.tr("alloc.col.request").c_str());
    // The legend on one line while it fits, else an entry a line (a phone).
    same_line_if_room(16 + ImGui::CalcTextSize(shell.tr(b_rows ? "sim.col.a" : "sim.col.result").c_str()).x);
    ImGui::ColorButton("##la", colour::confirmed, ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
    ImGui::SameLine();
    ImGui::TextUnformatted(shell.tr(b_rows ? "sim.col.a" : "sim.col.result").c_str());
    if (b_rows) {
        same_line_if_room(16 + ImGui::CalcTextSize(shell.tr("sim.col.b").c_str()).x);
        ImGui::ColorButton("##lb", k_sim_b_colour, ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
        ImGui::SameLine();
        ImGui::TextUnformatted(shell.tr("sim.col.b").c_str());
    }
    const float height = 100.0f;
    // As tall as the bars, its padding and the sideways scroll bar (a phone shows it): a chart that
    // could scroll up and down by a few pixels would take the wheel from the screen scrolled past it.
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::BeginChild("##chart", ImVec2(0, height + style.WindowPadding.y * 2 + style.ScrollbarSize + 4), true,
                      ImGuiWindowFlags_HorizontalScrollbar);
    const int bars = b_rows ? 3 : 2;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float group = std::clamp(avail / static_cast<float>(n), 4.0f * bars + 4, 48.0f);
    const float bar = (group - 4) / static_cast<float>(bars);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(group * static_cast<float>(n), height));
    const float scroll = ImGui::GetScrollX();
    const float width = ImGui::GetWindowWidth();
    const std::size_t first = static_cast<std::size_t>(std::max(0.0f, scroll / group));
    const std::size_t last = std::min(n, static_cast<std::size_t>((scroll + width) / group) + 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float base = origin.y + height;
    auto draw_bar = [&](std::size_t i, int k, std::int64_t value, const ImVec4& c) {
        const float x = origin.x + group * static_cast<float>(i) + 2 + bar * static_cast<float>(k);
        const float h = height * static_cast<float>(value) / static_cast<float>(top);
        dl->AddRectFilled(ImVec2(x, base - h), ImVec2(x + bar - 1, base), ImGui::GetColorU32(c));
    };
    for (std::size_t i = first; i < last; ++i) {
        draw_bar(i, 0, rows[i].request, k_request_colour);
        draw_bar(i, 1, rows[i].result, colour::confirmed);
        if (b_rows) draw_bar(i, 2, (*b_rows)[i].b, k_sim_b_colour);
    }
    dl->AddLine(ImVec2(origin.x, base), ImVec2(origin.x + group * static_cast<float>(n), base),
                ImGui::GetColorU32(colour::muted));
    if (ImGui::IsWindowHovered()) {
        const float mx = ImGui::GetIO().MousePos.x - origin.x;
        const std::size_t i = static_cast<std::size_t>(std::max(0.0f, mx / group));
        if (i < n) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(rows[i].name.c_str());
            ImGui::Text("%s %s / %s %s", shell.tr("alloc.col.request").c_str(), format_grouped(rows[i].request).c_str(),
                        shell.tr("sim.col.result").c_str(), format_grouped(rows[i].result).c_str());
            ImGui::EndTooltip();
        }
    }
    ImGui::EndChild();
    shell.anchor("sim.chart");
}

void simulation_table(Shell& shell, SimScreen& sim) {
    field_message(sim.fixed_refusal, true);
    sim.fixed_refusal.clear();
    if (sim.table.stale(sim.runs)) build_model(shell, sim, sim.table.model);
    TableOptions o{"sim.table", 0, sim.children.size() > 8, "simulation.csv"};
    o.draw_cell = [&](int row, int) {
        const RequestTotals& c = sim.children[static_cast<std::size_t>(row)];
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 0));  // rows stay one line high
        // The refusal shows in the cell's tooltip and above the table (sim.fixed_refusal).
        const FieldResult f = optional_number_field(shell, "sim.fixed." + std::to_string(row), sim.fixed[c.org],
                                                    boxes_rule("sim.col.fixed"), -1, MessagePlace::caller);
        if (!f.valid) sim.fixed_refusal = c.name + ": " + f.message;
        ImGui::PopStyleVar();
    };
    draw_table(shell, "sim", sim.table.model, sim.table.built, sim.table.state, o);
    shell.anchor("sim.table");
}

}  // namespace vsys::ui
