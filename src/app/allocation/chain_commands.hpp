// The allocation chain's commands as typed structs (app/base/contract.hpp, docs/CHAIN.md): a
// site reports its request (希望量), the nation moves the round on and sets ①, a prefecture
// registers ②, the nation locks it (③), a municipality registers ④ with the delivery amounts
// (納入数), the prefecture locks them (⑤); each lock can be undone by its level with a reason.
// The screens build these structs; window.vsys's JSON is read by each one's read(), strictly
// (the members named in each struct's comment, nothing else). prepare() holds the rules
// (cmd_allocation.cpp): one version built by the chain core, which validates it exactly as a
// received one.
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

// {site: "<code>", round, boxes, product?}: 希望量の報告 (a municipality may report for its
// site: 代行入力). A product that is not the round's is refused.
struct ReportRequest {
    static constexpr const char* type = "report_request";
    std::string site, round;
    std::int64_t boxes = 0;
    std::optional<std::string> product;  // "pfizer_12", ...: checked against the round's
    static Result<ReportRequest> read(const nlohmann::json& args);
};

// {round, state: "requests" | "allocating" | "locked" | "delivered" | "closed"}
struct SetRoundState {
    static constexpr const char* type = "set_round_state";
    std::string round;
    RoundState state = RoundState::requests;
    static Result<SetRoundState> read(const nlohmann::json& args);
};

// ①, ② or ④'s amounts: typed shares (with what stays unallocated), or the split a simulation
// gives, run when the command applies. Exactly one of them.
struct AmountsSource {
    std::optional<std::vector<Share>> shares;
    std::int64_t unallocated = 0;
    std::optional<SimulationSpecArgs> simulation;
    // The edge's simulation as refused when read: answered when the command applies, after the
    // access check, so that a user without access learns only that (screens never set it).
    std::optional<Error> simulation_refused;
};

// ① {round, shares: {"pref:…": boxes}, unallocated?} or {round, simulation: <spec>}
struct SetPrefectureAmounts {
    static constexpr const char* type = "set_prefecture_amounts";
    std::string round;
    AmountsSource amounts;
    static Result<SetPrefectureAmounts> read(const nlohmann::json& args);
};

// ② {round, prefecture?, shares | simulation, unallocated?}
struct RegisterMunicipalityAmounts {
    static constexpr const char* type = "register_municipality_amounts";
    std::string round;
    std::optional<std::string> prefecture;  // default: the user's own
    AmountsSource amounts;
    static Result<RegisterMunicipalityAmounts> read(const nlohmann::json& args);
};

// ③ {round, prefecture}
struct LockPrefecture {
    static constexpr const char* type = "lock_prefecture";
    std::string round, prefecture;
    static Result<LockPrefecture> read(const nlohmann::json& args);
};

// {round, prefecture, reason}
struct UnlockPrefecture {
    static constexpr const char* type = "unlock_prefecture";
    std::string round, prefecture, reason;
    static Result<UnlockPrefecture> read(const nlohmann::json& args);
};

// ④ {round, municipality?, deliveries: {"site:…": {boxes, needle_boxes?, syringe_boxes?}},
// unallocated?} or {round, municipality?, simulation: <spec>} (needle and syringe boxes then
// suggested from the packaging).
struct RegisterSiteAmounts {
    static constexpr const char* type = "register_site_amounts";
    std::string round;
    std::optional<std::string> municipality;  // default: the user's own
    std::optional<std::vector<Delivery>> deliveries;
    std::int64_t unallocated = 0;
    std::optional<SimulationSpecArgs> simulation;
    std::optional<Error> simulation_refused;  // as AmountsSource's
    static Result<RegisterSiteAmounts> read(const nlohmann::json& args);
};

// ⑤ {round, prefecture?, municipalities?: ["muni:…"]} (none: all of them)
struct LockSites {
    static constexpr const char* type = "lock_sites";
    std::string round;
    std::optional<std::string> prefecture;  // default: the user's own
    std::vector<std::string> municipalities;
    static Result<LockSites> read(const nlohmann::json& args);
};

// {round, prefecture?, municipalities?, reason} (none: every locked one)
struct UnlockSites {
    static constexpr const char* type = "unlock_sites";
    std::string round;
    std::optional<std::string> prefecture;
    std::vector<std::string> municipalities;
    std::string reason;
    static Result<UnlockSites> read(const nlohmann::json& args);
};

Result<PreparedCommand> prepare(App& app, const ReportRequest& c);
Result<PreparedCommand> prepare(App& app, const SetRoundState& c);
Result<PreparedCommand> prepare(App& app, const SetPrefectureAmounts& c);
Result<PreparedCommand> prepare(App& app, const RegisterMunicipalityAmounts& c);
Result<PreparedCommand> prepare(App& app, const LockPrefecture& c);
Result<PreparedCommand> prepare(App& app, const UnlockPrefecture& c);
Result<PreparedCommand> prepare(App& app, const RegisterSiteAmounts& c);
Result<PreparedCommand> prepare(App& app, const LockSites& c);
Result<PreparedCommand> prepare(App& app, const UnlockSites& c);

}  // namespace vsys
