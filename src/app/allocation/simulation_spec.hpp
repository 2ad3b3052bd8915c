// A split's settings as the screens and window.vsys give them (分配シミュレーション): the
// simulation view runs them, and ①, ② and ④ register what they give. Typed (app/base/contract.hpp)
// with one JSON codec, {mode?, method?, total?, fixed?: {org: boxes}, cap_by_request?, tranches?:
// [{amount, mode, cap_by_request?}]}: a member left out here is left out there, so the screen's
// settings and the edge's are the same value. Modes and methods are ids checked when read; a
// missing mode is the default of the round's product at the parent's level (resolve()).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/allocation/chain_simulation.hpp"

namespace vsys {

struct TrancheArgs {
    std::int64_t amount = 0;
    std::string mode;
    bool cap_by_request = false;  // written only when true
    bool operator==(const TrancheArgs&) const = default;
};

struct SimulationSpecArgs {
    std::optional<std::string> mode, method;                  // "request", ...; "hamilton", ...
    std::optional<std::int64_t> total;                        // the nation's split only
    std::vector<std::pair<std::string, std::int64_t>> fixed;  // 固定値, by org (none: not written)
    std::optional<bool> cap_by_request;
    std::optional<std::vector<TrancheArgs>> tranches;  // none or empty: one split by mode
    bool operator==(const SimulationSpecArgs&) const = default;

    // `j`'s fields but `others`, which belong to the caller. Errors, in this order: arg.*,
    // chain.mode_invalid {mode}, allocation.unknown_method {method}, arg.type / chain.boxes_range
    // of fixed, then of the tranches.
    static Result<SimulationSpecArgs> read(const nlohmann::json& j, std::set<std::string> others = {});
    // The same rules on a typed value (a screen's, which never passes read()): the first refusal
    // read() would give for its JSON, in the same order, or nullopt.
    std::optional<Error> check() const;
};

nlohmann::json to_json(const SimulationSpecArgs& s);
// The core's spec for the split of `parent` in `round` (the default mode filled in).
SimulationSpec resolve(const ChainWorld& world, std::string_view round, std::string_view parent,
                       const SimulationSpecArgs& s);

}  // namespace vsys
