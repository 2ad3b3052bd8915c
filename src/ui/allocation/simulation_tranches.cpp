#include "ui/allocation/simulation_tranches.hpp"

#include <algorithm>
#include <string>

#include "app/allocation/chain_fields.hpp"
#include "ui/allocation/allocation_ui.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

// The second part starts in the second valid mode: request, at every level with population modes.
void start(const std::vector<SimModeChoice>& modes, TrancheInputs& in, std::optional<std::int64_t> amount,
           std::int64_t fixed) {
    in.parts.clear();
    in.parts.push_back({std::max<std::int64_t>(0, amount.value_or(0) - fixed), 0, false});
    if (modes.size() > 1) in.parts.push_back({0, 1, false});
}

// One part's row; true when its remove button was pressed.
bool part_row(Shell& shell, const std::vector<SimModeChoice>& modes, std::size_t t, TrancheInputs::Part& p) {
    const std::string n = std::to_string(t);
    form_label(fill_placeholders(shell.tr("sim.tranche.part"), {{"n", std::to_string(t + 1)}}), 100);
    const FieldResult amount = number_field(shell, "sim.tranche.amount." + n, p.amount, boxes_rule("sim.tranche.amount"), 140,
                                            MessagePlace::caller, shell.tr("alloc.boxes_unit"));
    // The part's modes, its cap and 削除 beside the amount while they fit, else on lines of their own
    // (a phone).
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    auto choice_width = [](const std::string& label) { return ImGui::GetFrameHeight() + ImGui::CalcTextSize(label.c_str()).x + 8; };
    for (std::size_t i = 0; i < modes.size(); ++i) {
        const char* id = modes[i].id.c_str();
        const std::string label = shell.tr(std::string("chain.mode.") + id);
        same_line_if_room(choice_width(label), i == 0 ? 24 : spacing);
        ImGui::RadioButton(label.c_str(), &p.mode, static_cast<int>(i));
        shell.anchor("sim.tranche.mode." + n + "." + id);
    }
    if (modes[static_cast<std::size_t>(p.mode)].population) {
        same_line_if_room(choice_width(shell.tr("sim.cap_by_request")), spacing);
        ImGui::Checkbox(shell.tr("sim.cap_by_request").c_str(), &p.cap_by_request);
        shell.anchor("sim.tranche.cap." + n);
    }
    same_line_if_room(button_width(shell.tr("sim.tranche.remove")), 24);
    const bool removed = ImGui::SmallButton(shell.tr("sim.tranche.remove").c_str());
    shell.anchor("sim.tranche.remove." + n);
    if (!amount.valid) field_message(amount.message, true);  // under the part, not past its modes
    return removed;
}

}  // namespace

void tranche_section(Shell& shell, const std::vector<SimModeChoice>& modes, TrancheInputs& in,
                     std::optional<std::int64_t> amount, std::int64_t fixed, std::size_t max_parts) {
    if (checkbox(shell.tr("sim.tranches"), &in.on) && in.on && in.parts.empty())
        start(modes, in, amount, fixed);
    shell.anchor("sim.tranches");
    if (!in.on) return;
    ImGui::Indent(24);
    std::int64_t parts = 0;
    std::optional<std::size_t> removed;
    for (std::size_t t = 0; t < in.parts.size(); ++t) {
        ImGui::PushID(static_cast<int>(t));
        if (part_row(shell, modes, t, in.parts[t])) removed = t;
        ImGui::PopID();
        parts += in.parts[t].amount;
    }
    if (removed) {
        parts -= in.parts[*removed].amount;
        in.parts.erase(in.parts.begin() + static_cast<std::ptrdiff_t>(*removed));
    }
    ImGui::BeginDisabled(in.parts.size() >= max_parts);
    if (ImGui::SmallButton(shell.tr("sim.tranche.add").c_str())) in.parts.push_back({0, 0, false});
    ImGui::EndDisabled();
    shell.anchor("sim.tranche.add");
    const bool matches = amount && parts + fixed == *amount;
    const std::string sum = fill_placeholders(shell.tr("sim.tranche.sum"), {{"parts", format_grouped(parts)},
                                                                            {"fixed", format_grouped(fixed)},
                                                                            {"sum", format_grouped(parts + fixed)},
                                                                            {"total", amount ? format_grouped(*amount) : "?"}});
    same_line_if_room(ImGui::CalcTextSize(sum.c_str()).x, 24);
    ImGui::PushStyleColor(ImGuiCol_Text, matches || !amount ? colour::text : colour::error);
    text_wrapped(sum);
    ImGui::PopStyleColor();
    shell.anchor("sim.tranche.sum");
    if (amount && !matches)
        field_message(fill_placeholders(shell.tr("sim.tranche.sum_mismatch"), {{"difference", format_grouped(*amount - parts - fixed)}}),
                      true);
    ImGui::Unindent(24);
}

std::vector<TrancheArgs> tranches_arg(const std::vector<SimModeChoice>& modes, const TrancheInputs& in) {
    std::vector<TrancheArgs> out;
    for (const auto& p : in.parts) {
        const SimModeChoice& m = modes[static_cast<std::size_t>(p.mode)];
        out.push_back({p.amount, m.id, m.population && p.cap_by_request});
    }
    return out;
}

}  // namespace vsys::ui
