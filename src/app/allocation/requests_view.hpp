// 希望量 as a typed view (app/base/contract.hpp): the totals of requests over a subtree, per
// child of the split with what the simulation screen offers for it, and for a site its own
// request and whether it may report one. The request and simulation screens read RequestsView;
// window.vsys reads to_json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/allocation/rounds_view.hpp"
#include "app/base/contract.hpp"
#include "core/allocation/chain_state.hpp"  // RequestTotals

namespace vsys {

class App;

// A mode the split may use at this level for the round's product: its id ("request",
// "eligible_population", ...) and whether it splits by population (then capped by request).
struct SimModeChoice {
    std::string id;
    bool population = false;
    bool operator==(const SimModeChoice&) const = default;
};

// What a split offers (organisations that split: the nation, prefectures, municipalities).
struct SplitOffer {
    SplitLevel level = SplitLevel::nation;
    std::vector<SimModeChoice> modes;
    std::size_t max_tranches = 0;
};

// A site's (or venue's) own request.
struct OwnRequest {
    bool may_request = false;
    std::string refusal;                 // why not, in the user's language
    std::optional<std::int64_t> boxes;   // none before its first report
    std::optional<std::string> updated;  // when, ISO 8601 UTC
};

struct RequestsView {
    RoundListing round;
    std::string org;
    RequestTotals total;  // its org and name stay empty: the edge gives boxes, reported, sites
    std::optional<SplitOffer> split;
    std::vector<RequestTotals> children;  // per child of the split
    std::optional<OwnRequest> own;        // for a site or venue
};

// {round, org?}: org defaults to the user's own.
struct RequestsQuery {
    static constexpr const char* name = "requests";
    using View = RequestsView;
    std::string round;
    std::optional<std::string> org;
    static Result<RequestsQuery> read(const nlohmann::json& args);
    bool operator==(const RequestsQuery&) const = default;
};

Result<Prepared<RequestsView>> prepare(App& app, const RequestsQuery& q);
nlohmann::json to_json(const RequestsView& v);

}  // namespace vsys
