// The "split into tranches" section of the simulation screen (FACTS.md round 9: 8,000 boxes by
// population + 2,000 by request): the parts as typed (amount and mode each), their sum against
// the amount to split, and the `tranches` of the settings the simulation view and the
// registering commands take. The core checks the parts again when it runs them
// (chain.tranches_sum); the sum shown here only lets the user see the remainder before running.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/allocation/requests_view.hpp"     // SimModeChoice
#include "app/allocation/simulation_spec.hpp"  // TrancheArgs

namespace vsys::ui {

class Shell;

struct TrancheInputs {
    struct Part {
        std::int64_t amount = 0;
        int mode = 0;  // index into the screen's valid modes
        bool cap_by_request = false;
    };
    bool on = false;
    std::vector<Part> parts;
};

// The checkbox and, when on, one row per part, "add a part" (up to `max_parts`) and the sum.
// `amount` is what the parts and `fixed` must add up to, when the screen knows it. Turning the
// section on the first time starts from two parts: what the fixed values leave in the first
// mode, 0 in the second.
void tranche_section(Shell& shell, const std::vector<SimModeChoice>& modes, TrancheInputs& in,
                     std::optional<std::int64_t> amount, std::int64_t fixed, std::size_t max_parts);

// The parts as the simulation view and the registering commands take them.
std::vector<TrancheArgs> tranches_arg(const std::vector<SimModeChoice>& modes, const TrancheInputs& in);

}  // namespace vsys::ui
