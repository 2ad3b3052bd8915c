// The simulation screen's state (screen_simulation.cpp: the inputs and the run) and its result
// section (simulation_result.cpp: summary, chart, table), kept per user by the Shell. The
// settings run and the result are the typed ones the App answers (simulation_view.hpp): the
// result shown is registered exactly as it was run.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/allocation/requests_view.hpp"
#include "app/allocation/simulation_view.hpp"
#include "imgui.h"
#include "ui/allocation/simulation_tranches.hpp"
#include "ui/allocation/site_adjustment.hpp"
#include "ui/widgets/table.hpp"

namespace vsys::ui {

class Shell;

inline const ImVec4 k_sim_b_colour{0.85f, 0.55f, 0.15f, 1.0f};  // the second mode's bars and summary

struct SimScreen {
    std::string round;                      // the children and the inputs belong to one split: this round's, the user's
    SplitLevel level = SplitLevel::nation;  // the split level (requests view)
    std::vector<SimModeChoice> modes;       // none: the user's organisation does not split
    std::size_t max_parts = 0;
    int mode = 0, mode_b = 1, method = 0;
    bool compare = false, cap_by_request = false;
    std::int64_t total = 0;
    // Below the nation, what the level above gave (from round_state, then from each run): shown
    // beside the parts so that the user sees the remainder before running.
    std::optional<std::int64_t> amount;
    TrancheInputs tranches;
    std::vector<RequestTotals> children;                       // org, name, boxes (requested) before any run
    std::map<std::string, std::optional<std::int64_t>> fixed;  // 固定値 typed (none: not fixed)
    std::optional<SimulationView> result;                      // the last run's
    std::unordered_map<std::string, std::size_t> row_of;       // org → index in result rows
    SimulationSpecArgs spec_a;                                 // what was run, registered as it is
    std::optional<SimulationSpecArgs> spec_b;
    std::string error;
    SiteAdjustment adjustment;  // ④: boxes, needles and syringes per site
    std::string fixed_refusal;  // a refused 固定値 of the last frame, shown above the table
    std::uint64_t runs = 0;     // counts the runs: the table's model is built again after each
    KeptTable table;
};

// The summary line of a run (`spec` is what was run).
std::string simulation_summary(Shell& shell, const SimulationOutcome& s, const SimulationSpecArgs& spec);
// One line per part of a split in tranches, under the summary.
void tranche_summary(Shell& shell, const SimulationOutcome& s);
// Request against result (and the second mode's result) per child: only the bars in view.
void simulation_chart(Shell& shell, const SimScreen& sim);
// The children with the last run's result and the 固定値 fields (the shared Table).
void simulation_table(Shell& shell, SimScreen& sim);

}  // namespace vsys::ui
