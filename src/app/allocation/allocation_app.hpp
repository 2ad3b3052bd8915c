// What the allocation commands (cmd_allocation.cpp) and views (view_allocation.cpp) share: the
// app layer over the chain core (docs/CHAIN.md). Every rule is the core's; here are only the
// ChainWorld of the demo directory, "today", and strict readers of the JSON arguments.
//
// Invariants: the world is built once per Directory from its generated sites (approved changes
// of handled vaccines are not reflected until the directory is rebuilt); "today" is the device's
// date in Japan (UTC+9) from App::now(), so the tests drive it with the fixture's clock.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/allocation/chain_simulation.hpp"
#include "core/allocation/chain_state.hpp"

namespace vsys {

class App;

const ChainWorld& allocation_world(App& app);
Date allocation_today(const App& app);

// {mode?, method?, total?, fixed?: {org: boxes}, cap_by_request?, tranches?: [{amount, mode,
// cap_by_request?}]} read from `j`, where the fields in `others` belong to the caller. A missing
// mode is the default of the round's product at the parent's level (the first valid mode); the
// core checks the modes and the parts' sum when it runs the spec (chain_simulation.hpp). An
// empty or null `tranches` is one split by `mode`.
// Errors: arg.*, chain.mode_invalid {mode}, allocation.unknown_method {method}.
Result<SimulationSpec> simulation_spec_from_json(const ChainWorld& world, std::string_view round,
                                                 std::string_view parent, const nlohmann::json& j,
                                                 std::set<std::string> others);
// {org: boxes} → shares. Errors: arg.type {name}.
Result<std::vector<Share>> shares_from_json(const nlohmann::json& j, const std::string& name);

// The split level of an organisation that splits (nation, prefecture, municipality).
std::optional<SplitLevel> split_level_of(const ChainWorld& world, std::string_view org);

}  // namespace vsys
