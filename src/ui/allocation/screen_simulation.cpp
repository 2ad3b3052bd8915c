// 分配シミュレーション: the nation (①), a prefecture (②) or a municipality (④) chooses a mode
// (only those valid for the round's product at its level), a rounding method, the total (the
// nation only) and fixed values per child, and runs the split; the table shows each child's
// request, weight, ideal share, result and difference with the engine's explanation on hover,
// a bar chart sets request against result, a second mode can be compared side by side, and the
// result shown is registered exactly as it was run. The amount can also be split in tranches
// (FACTS.md round 9: 8,000 boxes by population + 2,000 by request): the user adds parts (amount
// and mode), sees whether they and the fixed values add up to the amount to split, and the table
// shows each part's result and the total. The table is the shared Table (1,741 municipalities or
// thousands of sites drawn through its clipper; sorting, filter, totals, CSV), 理想配分 a decimal
// with the exact fraction on hover; the chart draws only the bars in view.
//
// This file: the inputs, the run and the registration (simulation_screen.hpp holds the state);
// the summary, chart and table are simulation_result.cpp.
//
// Index:
// [SECTION] the simulation run
// [SECTION] controls
// [SECTION] the screen
#include <algorithm>
#include <cstring>

#include "app/allocation/chain_commands.hpp"
#include "app/allocation/chain_fields.hpp"
#include "app/allocation/round_state_view.hpp"
#include "ui/allocation/allocation_ui.hpp"
#include "ui/allocation/simulation_screen.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

const char* const k_methods[] = {"hamilton", "dhondt", "sainte_lague", "adams", "dean", "huntington_hill"};

bool nation(const SimScreen& sim) { return sim.level == SplitLevel::nation; }

// [SECTION] the simulation run
// The inputs of a new split: the modes valid at the user's level for the round's product and
// the children with their requests, as the requests view gives them.
void reset(Shell& shell, SimScreen& sim, const std::string& round) {
    sim = SimScreen{};
    sim.round = round;
    auto v = shell.app().ask(RequestsQuery{round, std::nullopt});
    if (!v) {
        sim.error = shell.app().error_text(v.error());
        return;
    }
    if (v->split) {
        sim.level = v->split->level;
        sim.modes = v->split->modes;
        sim.max_parts = v->split->max_tranches;
    }
    sim.mode_b = sim.modes.size() > 1 ? 1 : 0;
    sim.children = std::move(v->children);
    // The nation splits the boxes it has; start from what was requested in total.
    sim.total = v->total.boxes;
    if (!nation(sim)) {
        auto state = shell.app().ask(RoundStateQuery{round, std::nullopt});
        if (state) sim.amount = state->amount;
    }
}

// The fixed values given (a refused entry keeps the field's last valid value and blocks 実行).
std::map<std::string, std::int64_t> typed_fixed(const SimScreen& sim) {
    std::map<std::string, std::int64_t> out;
    for (const auto& [org, n] : sim.fixed)
        if (n) out[org] = *n;
    return out;
}

// The settings of mode A (with the parts, when split in tranches) or of mode B.
SimulationSpecArgs spec_of(const SimScreen& sim, int mode_index, bool with_parts) {
    const SimModeChoice& m = sim.modes[static_cast<std::size_t>(mode_index)];
    SimulationSpecArgs s;
    s.mode = m.id;
    s.method = k_methods[sim.method];
    if (nation(sim)) s.total = sim.total;
    if (m.population && sim.cap_by_request) s.cap_by_request = true;
    for (const auto& [org, n] : typed_fixed(sim)) s.fixed.emplace_back(org, n);
    if (with_parts) s.tranches = tranches_arg(sim.modes, sim.tranches);
    return s;
}

std::optional<SimulationSpecArgs> spec_b_of(const SimScreen& sim) {
    if (!sim.compare) return std::nullopt;
    return spec_of(sim, sim.mode_b, false);
}

void run(Shell& shell, SimScreen& sim, const std::string& round) {
    sim.spec_a = spec_of(sim, sim.mode, sim.tranches.on);
    sim.spec_b = spec_b_of(sim);
    auto v = shell.app().ask(SimulationQuery{round, std::nullopt, sim.spec_a, sim.spec_b});
    sim.error = v ? std::string() : shell.app().error_text(v.error());
    sim.result.reset();
    sim.row_of.clear();
    ++sim.runs;
    if (!v) return;
    sim.result = std::move(*v);
    for (std::size_t i = 0; i < sim.result->rows.size(); ++i) sim.row_of[sim.result->rows[i].org] = i;
    if (!nation(sim)) sim.amount = sim.result->outcome.total;
}

// Whether the inputs changed since the result shown was run: registering it then would record a
// split other than the one the user now sees chosen (a mode switched after running, a fixed
// value typed), so it must be run again first.
bool stale(const SimScreen& sim) {
    if (!sim.result) return false;
    return spec_of(sim, sim.mode, sim.tranches.on) != sim.spec_a || spec_b_of(sim) != sim.spec_b;
}

// ①, ② or ④ from the settings run, by the user's level.
void register_result(Shell& shell, SimScreen& sim, const std::string& round, const SimulationSpecArgs& spec) {
    const AmountsSource from_run{std::nullopt, 0, spec};
    if (nation(sim))
        sim.error = shell.run(SetPrefectureAmounts{round, from_run}, "sim.registered");
    else if (sim.level == SplitLevel::prefecture)
        sim.error = shell.run(RegisterMunicipalityAmounts{round, std::nullopt, from_run}, "sim.registered");
    else
        sim.error = shell.run(RegisterSiteAmounts{round, std::nullopt, std::nullopt, 0, spec}, "sim.registered");
}

// [SECTION] controls
void mode_radios(Shell& shell, const SimScreen& sim, const char* label_key, const char* anchor, int& chosen) {
    if (label_key) form_label(shell.tr(label_key), 160);
    for (std::size_t i = 0; i < sim.modes.size(); ++i) {
        const char* id = sim.modes[i].id.c_str();
        // Radio buttons side by side while they fit on the line (a phone takes them one a line).
        const std::string label = shell.tr(std::string("chain.mode.") + id);
        const float width = ImGui::GetFrameHeight() + ImGui::CalcTextSize(label.c_str()).x + 8;
        if (i > 0) same_line_if_room(width, ImGui::GetStyle().ItemSpacing.x);
        else if (label_key) under_label_if_narrow(width);
        ImGui::PushID(anchor);
        ImGui::RadioButton(label.c_str(), &chosen, static_cast<int>(i));
        ImGui::PopID();
        shell.anchor(std::string(anchor) + "." + id);
    }
}

// The amount the parts and the fixed values must add up to, when the screen knows it.
std::optional<std::int64_t> amount_to_split(const SimScreen& sim) {
    return nation(sim) ? std::optional<std::int64_t>(sim.total) : sim.amount;
}

std::int64_t fixed_sum(const SimScreen& sim) {
    std::int64_t sum = 0;
    for (const auto& [org, n] : typed_fixed(sim)) sum += n;
    return sum;
}

void controls(Shell& shell, SimScreen& sim, const std::string& round) {
    // Three compact rows, so that the table keeps most of a 1366x768 screen. In tranches each
    // part has its own mode: mode A's choice then does not apply.
    ImGui::BeginDisabled(sim.tranches.on);
    mode_radios(shell, sim, "sim.mode", "sim.mode", sim.mode);
    ImGui::EndDisabled();
    const std::string method = shell.tr("sim.method");
    const std::string chosen = shell.tr(std::string("sim.method.") + k_methods[sim.method]);
    const float method_w = std::max(230.0f, combo_width(chosen));  // the method's name whole
    same_line_if_room(ImGui::CalcTextSize(method.c_str()).x + method_w + 10, 36);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(method.c_str());
    same_line_if_room(method_w, ImGui::GetStyle().ItemSpacing.x);
    field_width(method_w);
    if (begin_combo("##method", chosen, "sim.method")) {
        for (int i = 0; i < 6; ++i) {
            if (combo_choice(shell.tr(std::string("sim.method.") + k_methods[i]), i == sim.method)) sim.method = i;
            shell.anchor("sim.method." + std::to_string(i));
        }
        ImGui::EndCombo();
    }
    shell.anchor("sim.method");
    if (!sim.tranches.on && sim.modes[static_cast<std::size_t>(sim.mode)].population) {
        same_line_if_room(ImGui::GetFrameHeight() + ImGui::CalcTextSize(shell.tr("sim.cap_by_request").c_str()).x + 8,
                          ImGui::GetStyle().ItemSpacing.x);
        checkbox(shell.tr("sim.cap_by_request"), &sim.cap_by_request);
        shell.anchor("sim.cap");
    }
    checkbox(shell.tr("sim.compare"), &sim.compare);
    shell.anchor("sim.compare");
    if (sim.compare && sim.modes.size() > 1) {
        same_line_if_room(ImGui::GetFontSize() * 8, 24);
        mode_radios(shell, sim, nullptr, "sim.mode_b", sim.mode_b);
    }
    tranche_section(shell, sim.modes, sim.tranches, amount_to_split(sim), fixed_sum(sim), sim.max_parts);
    if (nation(sim)) {
        form_label(shell.tr("sim.total"), 160);
        number_field(shell, "sim.total", sim.total, boxes_rule("sim.total"), 160, MessagePlace::beside,
                     shell.tr("alloc.boxes_unit"));
        same_line_if_room(button_width(shell.tr("sim.run")), 36);
    }
    ImGui::BeginDisabled(fields_invalid(shell));
    if (ImGui::Button(shell.tr("sim.run").c_str())) run(shell, sim, round);
    ImGui::EndDisabled();
    shell.anchor("sim.run");
    const bool changed = stale(sim);
    if (sim.result) {
        same_line_if_room(button_width(shell.tr(!sim.spec_b ? "sim.register" : "sim.register_a")), ImGui::GetStyle().ItemSpacing.x);
        ImGui::BeginDisabled(changed);
        if (wrapped_button(shell.tr(!sim.spec_b ? "sim.register" : "sim.register_a")))
            register_result(shell, sim, round, sim.spec_a);
        shell.anchor("sim.register");
        if (sim.spec_b) {
            same_line_if_room(button_width(shell.tr("sim.register_b")), ImGui::GetStyle().ItemSpacing.x);
            if (wrapped_button(shell.tr("sim.register_b"))) register_result(shell, sim, round, *sim.spec_b);
            shell.anchor("sim.register_b");
        }
        ImGui::EndDisabled();
    }
    if (changed) {
        notice(shell.tr("sim.stale"), ImGui::GetContentRegionAvail().x);
        shell.anchor("sim.stale");
    }
    field_message(sim.error, true);
}

}  // namespace

// [SECTION] the screen
void draw_simulation(Shell& shell) {
    screen_title(shell.tr("screen.simulation"));
    form_label(shell.tr("alloc.round"), 160);
    round_picker(shell, "sim.round");
    const RoundListing* round = current_round(shell);
    if (!round) {
        muted_text(shell.tr("alloc.no_round"));
        return;
    }
    const std::string code = round->code;
    const std::string product_name = round->product_name;  // the round list may reload after a run
    SimScreen& sim = shell.state<SimScreen>();
    if (sim.round != code) reset(shell, sim, code);
    if (sim.modes.empty()) {
        field_message(sim.error, true);
        return;
    }
    // What is split, beside the round while it fits, else under it, wrapped (a phone).
    const std::string about = fill_placeholders(
        shell.tr("sim.about"), {{"product", product_name}, {"level", shell.tr(std::string("sim.level.") + split_level_id(sim.level))}});
    same_line_if_room(ImGui::CalcTextSize(about.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(about);
    ImGui::PopStyleColor();
    controls(shell, sim, code);
    if (sim.result) {
        text_wrapped(simulation_summary(shell, sim.result->outcome, sim.spec_a));
        shell.anchor("sim.summary");
        tranche_summary(shell, sim.result->outcome);
        if (sim.result->compare) {
            ImGui::PushStyleColor(ImGuiCol_Text, k_sim_b_colour);
            text_wrapped(simulation_summary(shell, sim.result->compare->outcome, sim.spec_b.value_or(SimulationSpecArgs{}))
                                         );
            ImGui::PopStyleColor();
        }
        simulation_chart(shell, sim);
        if (sim.level == SplitLevel::municipality && !sim.result->compare)
            site_adjustment_section(shell, sim.adjustment, *sim.result, sim.spec_a, code, stale(sim));
    }
    simulation_table(shell, sim);
}

}  // namespace vsys::ui
