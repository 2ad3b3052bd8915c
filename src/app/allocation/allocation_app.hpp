// What the allocation commands (cmd_allocation.cpp) and views (view_allocation.cpp) share: the
// app layer over the chain core (docs/CHAIN.md). Every rule is the core's; here are only the
// ChainWorld of the demo directory, "today", and strict readers of the JSON arguments
// the typed commands and views share.
//
// Invariants: the world is built once per Directory from its generated sites (approved changes
// of handled vaccines are not reflected until the directory is rebuilt); "today" is the device's
// date in Japan (UTC+9) from App::now(), so the tests drive it with the fixture's clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/allocation/chain_simulation.hpp"
#include "core/allocation/chain_state.hpp"

namespace vsys {

class App;

const ChainWorld& allocation_world(App& app);
Date allocation_today(const App& app);

// {org: boxes} → shares. Errors: arg.type {name}.
Result<std::vector<Share>> shares_from_json(const nlohmann::json& j, const std::string& name);

// The split level of an organisation that splits (nation, prefecture, municipality).
std::optional<SplitLevel> split_level_of(const ChainWorld& world, std::string_view org);

struct RoundListing;
// A round as the screens list it (rounds_view.hpp), in the user's language.
RoundListing round_listing(App& app, const Round& r, RoundState state, const Date& today);

}  // namespace vsys
