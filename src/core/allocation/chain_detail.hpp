// Internal helpers shared by the chain's validation, builders and simulation (not an API): error
// values that name an organisation by id and display name, and the round checks every write makes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/allocation/chain_state.hpp"

namespace vsys::chain_detail {

using Args = std::vector<std::pair<std::string, std::string>>;

inline Args org_args(const ChainWorld& w, std::string_view org) {
    OrgIndex i = w.hierarchy().find(org);
    std::string name = i == k_no_org || w.facts(i).name.empty() ? std::string(org) : w.facts(i).name;
    return {{"org", std::string(org)}, {"name", std::move(name)}};
}

inline Error org_error(const ChainWorld& w, const char* code, const char* detail, std::string_view org, Args more = {}) {
    auto args = org_args(w, org);
    for (auto& a : more) args.push_back(std::move(a));
    return Error{code, detail, std::move(args)};
}

inline Status boxes_in_range(std::int64_t n, std::string_view field) {
    if (n < 0 || n > k_max_boxes)
        return Error{"chain.boxes_range", "a number of boxes must be from 0 to the limit",
                     {{"field", std::string(field)}, {"value", std::to_string(n)}, {"max", std::to_string(k_max_boxes)}}};
    return ok_status();
}

// The round, listed on `today` and in state `needed`. Errors: chain.unknown_round,
// chain.no_access, chain.round_state {round} {state}.
inline Result<const Round*> round_in_state(const ChainWorld& w, const DocumentStore& s, std::string_view code,
                                           RoundState needed, const Date& today) {
    auto r = accessible_round(w, s, code, today);
    if (!r) return r;
    auto state = round_state(s, **r);
    if (state != needed)
        return Error{"chain.round_state", "the round is not in the state this step needs",
                     {{"round", (*r)->code}, {"state", round_state_id(state)}, {"needed", round_state_id(needed)}}};
    return r;
}

}  // namespace vsys::chain_detail
