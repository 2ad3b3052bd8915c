// The commands of a site's claim month as typed structs (app/base/contract.hpp): what the claim
// screen emits and window.vsys sends as JSON, read by each struct's one codec (`read`, strict)
// and applied by `prepare` (cmd_claims.cpp), which holds the rules.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"
#include "core/base/calendar.hpp"
#include "core/claims/claims.hpp"

namespace vsys {

class App;

// {type: "save_claim", site, month: "YYYY-MM", lines: [{municipality, form, category, normal,
//  outside_hours, holiday, pre_exam_only, under_6?}]}: the month's lines as the screen's edit
// buffer holds them (the core's ClaimLine; a count may arrive at the edge as the text typed).
struct SaveClaim {
    static constexpr const char* type = "save_claim";
    std::string site;
    YearMonth month;
    std::vector<ClaimLine> lines;
    static Result<SaveClaim> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const SaveClaim& c);

// {type: "submit_claim", site, month}: the saved month becomes final. The screen asks first.
struct SubmitClaim {
    static constexpr const char* type = "submit_claim";
    std::string site;
    YearMonth month;
    static Result<SubmitClaim> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const SubmitClaim& c);

// {type: "set_claim_routing", municipality, commissioned: bool}
struct SetClaimRouting {
    static constexpr const char* type = "set_claim_routing";
    std::string municipality;
    bool commissioned = false;
    static Result<SetClaimRouting> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const SetClaimRouting& c);

}  // namespace vsys
