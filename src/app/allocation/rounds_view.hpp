// The rounds of the allocation chain as typed views (app/base/contract.hpp): the rounds listed
// for the user ("rounds", the round picker of every allocation screen) and what each screen
// shows of one round (RoundListing, the head of "round_state" and "requests" too). The screens
// read these structs; window.vsys reads the same answers through to_json.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"
#include "core/directory/catalog.hpp"  // RoundState

namespace vsys {

class App;

// A round as the screens list it; dates are ISO (requests_until "" when requests stay open).
struct RoundListing {
    std::string code, name;
    std::string product, product_name;  // the product's id and its name in the user's language
    RoundState state = RoundState::requests;
    std::string state_name;
    bool requests_open = false;
    std::string requests_from, requests_until;
    std::string period_start, period_end;  // the delivery period
};

struct RoundsView {
    std::string today;  // ISO, the device's date in Japan
    std::vector<RoundListing> rounds;
};

// {}: the rounds listed for the user (closed ones drop out).
struct RoundsQuery {
    static constexpr const char* name = "rounds";
    using View = RoundsView;
    static Result<RoundsQuery> read(const nlohmann::json& args);
    bool operator==(const RoundsQuery&) const = default;
};

Result<Prepared<RoundsView>> prepare(App& app, const RoundsQuery& q);
nlohmann::json to_json(const RoundsView& v);
// The members of a round, which round_state and requests open with.
nlohmann::json to_json(const RoundListing& r);

}  // namespace vsys
