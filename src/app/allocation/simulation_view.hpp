// 分配シミュレーション as a typed view (app/base/contract.hpp): the split of a parent for a
// round by the settings given, with a second setting side by side when asked (compare). Rows
// carry the engine's explanation in the user's language; in tranches each row has its parts.
// The simulation screen reads SimulationView; window.vsys reads to_json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/allocation/simulation_spec.hpp"
#include "app/base/contract.hpp"

namespace vsys {

class App;

// An ideal share: whole + num/den, and its text ("12 3/7").
struct ShareFraction {
    std::int64_t whole = 0, num = 0, den = 1;
    std::string text;
};

// One part of a child's result split in tranches.
struct SimulationChildPart {
    std::int64_t result = 0, weight = 0;
    ShareFraction share;
    std::string reason, explanation;
};

struct SimulationChild {
    std::string org, name;
    std::int64_t request = 0;
    std::optional<std::int64_t> weight;  // none in tranches
    std::optional<ShareFraction> share;  // none in tranches
    std::int64_t result = 0, difference = 0;
    std::string reason, explanation;
    std::optional<std::vector<SimulationChildPart>> parts;  // in tranches
    // ④ (a municipality's split, not compared): the packaging's suggestion for the site's boxes
    std::optional<std::int64_t> needle_boxes, syringe_boxes;
};

struct SimulationTrancheRow {
    std::int64_t amount = 0;
    std::string mode;
    bool cap_by_request = false;
    std::string label;  // "Part 1 (Eligible-population ratio, 8,000 boxes)"
    std::int64_t allocated = 0, unallocated = 0;
};

// What a run gave overall: the settings it ran (the core's, default mode filled in), its sums
// and its parts.
struct SimulationOutcome {
    SimulationSpec spec;
    std::int64_t total = 0, allocated = 0, unallocated = 0, requested = 0;
    std::vector<SimulationTrancheRow> tranches;
};

struct ComparedChild {
    std::string org, name;
    std::int64_t request = 0, a = 0, b = 0, difference = 0;  // difference: b - a
};

struct SimulationCompared {
    SimulationOutcome outcome;
    std::vector<ComparedChild> rows;
};

struct SimulationView {
    std::string round, parent;
    std::vector<std::string> modes;  // valid at the parent's level for the round's product
    SplitLevel level = SplitLevel::nation;
    SimulationOutcome outcome;
    std::vector<SimulationChild> rows;
    std::optional<SimulationCompared> compare;
};

// {round, parent?, <spec>, compare?: <spec>}: the split of the parent (default: the user's own
// organisation).
struct SimulationQuery {
    static constexpr const char* name = "simulation";
    using View = SimulationView;
    std::string round;
    std::optional<std::string> parent;
    SimulationSpecArgs spec;
    std::optional<SimulationSpecArgs> compare;
    static Result<SimulationQuery> read(const nlohmann::json& args);
    bool operator==(const SimulationQuery&) const = default;
};

Result<Prepared<SimulationView>> prepare(App& app, const SimulationQuery& q);
nlohmann::json to_json(const SimulationView& v);

}  // namespace vsys
