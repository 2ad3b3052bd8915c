#include "ui/allocation/site_adjustment.hpp"

#include <algorithm>
#include <tuple>

#include "app/allocation/chain_commands.hpp"
#include "app/allocation/chain_fields.hpp"
#include "core/base/numbers.hpp"
#include "imgui.h"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

void fill(SiteAdjustment& adj, const SimulationView& result, const SimulationSpecArgs& spec) {
    adj.filled_from = spec;
    adj.rows.clear();
    for (const SimulationChild& r : result.rows) {
        SiteAdjustment::Row row;
        row.org = r.org;
        row.name = r.name;
        row.boxes = row.suggested_boxes = r.result;
        row.needles = row.suggested_needles = r.needle_boxes.value_or(0);
        row.syringes = row.suggested_syringes = r.syringe_boxes.value_or(0);
        adj.rows.push_back(std::move(row));
    }
}

bool edited(const SiteAdjustment& adj) {
    return std::any_of(adj.rows.begin(), adj.rows.end(), [](const SiteAdjustment::Row& r) {
        return r.boxes != r.suggested_boxes || r.needles != r.suggested_needles || r.syringes != r.suggested_syringes;
    });
}

// A count of boxes in a cell, read by the one number rule every field keeps (full-width digits
// taken, letters and out-of-range counts refused, never changed silently); its refusal is shown
// below the table, naming the column and the row.
std::string count_cell(Shell& shell, const std::string& anchor, const char* column, std::int64_t& value) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 0));
    const FieldResult r = number_field(shell, anchor, value, boxes_rule(column), -1, MessagePlace::caller);
    ImGui::PopStyleVar();
    return r.message;
}

}  // namespace

void site_adjustment_section(Shell& shell, SiteAdjustment& adj, const SimulationView& result,
                             const SimulationSpecArgs& spec, const std::string& round, bool stale) {
    if (adj.filled_from != spec) fill(adj, result, spec);
    if (adj.rows.empty()) return;
    ImGui::SetNextItemOpen(adj.open, ImGuiCond_Always);
    adj.open = collapsing_header(shell.tr("sim.adjust.title"), "sim.adjust");
    shell.anchor("sim.adjust");
    if (!adj.open) return;
    muted_text(shell.tr("sim.adjust.explain"));  // under the header: a header's label does not wrap
    const std::int64_t amount = result.outcome.total;
    std::int64_t boxes = 0, needles = 0, syringes = 0;
    bool negative = false;
    for (const auto& r : adj.rows) {
        boxes += r.boxes, needles += r.needles, syringes += r.syringes;
        negative = negative || r.boxes < 0 || r.needles < 0 || r.syringes < 0;
    }
    if (edited(adj)) shell.mark_unsaved();
    // The sites' names stretch to the width left; where the line is too narrow for the names and
    // the three counts (a phone), the table scrolls sideways with the names pinned.
    const std::string child = shell.tr("sim.col.child");
    float name_w = ImGui::CalcTextSize(child.c_str()).x;
    for (const auto& r : adj.rows) name_w = std::max(name_w, ImGui::CalcTextSize(r.name.c_str()).x);
    const float count_w = 130;
    const bool narrow = ImGui::GetContentRegionAvail().x <
                        name_w + 3 * count_w + ImGui::GetStyle().CellPadding.x * 8 + ImGui::GetStyle().ScrollbarSize;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersV | (narrow ? ImGuiTableFlags_ScrollX : 0);
    const float height = std::min(260.0f, ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(adj.rows.size()) + 2.5f));
    std::string typed_problem;  // the first count refused as typed
    if (ImGui::BeginTable("##adjust", 4, flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn(child.c_str(), narrow ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                                narrow ? name_w : 0.0f);
        for (const char* k : {"alloc.col.boxes", "alloc.col.needles", "alloc.col.syringes"})
            ImGui::TableSetupColumn(shell.tr(k).c_str(), ImGuiTableColumnFlags_WidthFixed, count_w);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < adj.rows.size(); ++i) {
            auto& r = adj.rows[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.name.c_str());
            const std::string n = std::to_string(i);
            for (const auto& [field, column, value] :
                 {std::tuple{"boxes", "alloc.col.boxes", &r.boxes}, std::tuple{"needles", "alloc.col.needles", &r.needles},
                  std::tuple{"syringes", "alloc.col.syringes", &r.syringes}}) {
                ImGui::TableNextColumn();
                std::string refused = count_cell(shell, std::string("sim.adjust.") + field + "." + n, column, *value);
                if (!refused.empty() && typed_problem.empty()) typed_problem = r.name + ": " + refused;
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    const std::int64_t rest = amount - boxes;
    text_wrapped(fill_placeholders(shell.tr("sim.adjust.totals"),
                                             {{"boxes", format_grouped(boxes)},
                                              {"amount", format_grouped(amount)},
                                              {"rest", format_grouped(rest)},
                                              {"needles", format_grouped(needles)},
                                              {"syringes", format_grouped(syringes)}})
                               );
    shell.anchor("sim.adjust.totals");
    // A count refused as typed first (the others are computed from the values it did not change).
    std::string problem = typed_problem;
    if (problem.empty() && negative) problem = shell.tr("sim.adjust.negative");
    else if (problem.empty() && rest < 0)
        problem = fill_placeholders(shell.tr("sim.adjust.over"), {{"over", format_grouped(-rest)}});
    field_message(problem, true);
    ImGui::BeginDisabled(stale || !problem.empty());
    const bool reg = wrapped_button(shell.tr("sim.adjust.register"));
    ImGui::EndDisabled();
    shell.anchor("sim.adjust.register");
    if (stale) disabled_reason(shell.tr("sim.stale"));
    same_line_if_room(button_width(shell.tr("sim.adjust.reset")), ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button(shell.tr("sim.adjust.reset").c_str())) fill(adj, result, spec);
    shell.anchor("sim.adjust.reset");
    if (!reg) return;
    RegisterSiteAmounts cmd;
    cmd.round = round;
    cmd.deliveries.emplace();
    for (const auto& r : adj.rows)
        if (r.boxes != 0 || r.needles != 0 || r.syringes != 0) cmd.deliveries->push_back({r.org, r.boxes, r.needles, r.syringes});
    cmd.unallocated = rest;
    const std::string err = shell.run(cmd, "sim.registered");
    if (err.empty()) {
        // What was registered is the new baseline: nothing is unsaved any more.
        for (auto& r : adj.rows) r.suggested_boxes = r.boxes, r.suggested_needles = r.needles, r.suggested_syringes = r.syringes;
    }
}

}  // namespace vsys::ui
