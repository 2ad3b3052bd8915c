// ④ 調整後の納入数 (DOMAIN.md §4: 「調整後の納入数を入力（ワクチン・針・シリンジの箱数を入力）」):
// after a municipality runs its split, each site's vaccine boxes come from the result and its
// needle and syringe boxes are suggested from the packaging (the simulation view's rows); the
// municipality may change all three per site before registering. What is not given to a site
// stays unallocated; more than the amount is refused beside the totals before anything is sent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/allocation/simulation_view.hpp"

namespace vsys::ui {

class Shell;

struct SiteAdjustment {
    std::optional<SimulationSpecArgs> filled_from;  // the settings of the result the rows were filled from
    struct Row {
        std::string org, name;
        std::int64_t boxes = 0, needles = 0, syringes = 0;
        std::int64_t suggested_boxes = 0, suggested_needles = 0, suggested_syringes = 0;
    };
    std::vector<Row> rows;
    bool open = false;
};

// Draws the section under the simulation's controls. `result` is the simulation view of the
// last run and `spec` what was run; `stale` when the inputs changed since (nothing registers).
void site_adjustment_section(Shell& shell, SiteAdjustment& adj, const SimulationView& result,
                             const SimulationSpecArgs& spec, const std::string& round, bool stale);

}  // namespace vsys::ui
