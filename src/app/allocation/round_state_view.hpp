// 配分状況 as a typed view (app/base/contract.hpp): a round's state for one organisation, the
// five steps ①-⑤ with their status and progress, and the children of its split with what the
// overview shows about each. The screen reads RoundStateView; window.vsys reads to_json.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/allocation/rounds_view.hpp"
#include "app/base/contract.hpp"
#include "core/directory/hierarchy.hpp"  // OrgLevel

namespace vsys {

class App;

// A step's status: locked once the lock that covers it holds everywhere in scope, confirmed when
// it is done everywhere, else pending. Its id ("locked", ...) names the badge's word.
enum class StepStatus { pending, confirmed, locked };
const char* step_status_id(StepStatus s);

struct StepCount {
    std::int64_t done = 0, stale = 0, of = 0;
};

struct ChainStep {
    int step = 0;     // 1..5
    std::string key;  // nation_amounts, municipality_amounts, nation_locks, site_amounts, prefecture_locks
    StepStatus status = StepStatus::pending;
    StepCount count;
};

// A child of the user's split. `request` when the child is in the requests' totals; a
// municipality's children (sites) carry ④'s boxes, the others the step fields.
struct SplitChild {
    std::string org, name;
    struct Requested {
        std::int64_t boxes = 0, reported = 0, sites = 0;
    };
    std::optional<Requested> request;
    // sites (a municipality's split): ④'s delivery, none before it is registered
    std::optional<std::int64_t> boxes, needle_boxes, syringe_boxes;
    // prefectures or municipalities: the amount given from above and the child's own step
    std::optional<std::int64_t> amount;
    bool registered = false, stale = false, locked = false;
    StepCount site_amounts, site_locks;
};

struct RoundStateView {
    RoundListing round;
    std::string org, org_name;
    OrgLevel level = OrgLevel::nation;
    std::optional<std::int64_t> amount;  // what the level above gave the organisation
    std::array<ChainStep, 5> steps;
    std::vector<std::string> conflicts;  // chain documents in scope with several heads
    std::vector<SplitChild> children;    // none below a municipality
};

// {round, org?}: the round's state for the organisation (default: the user's own).
struct RoundStateQuery {
    static constexpr const char* name = "round_state";
    using View = RoundStateView;
    std::string round;
    std::optional<std::string> org;
    static Result<RoundStateQuery> read(const nlohmann::json& args);
    bool operator==(const RoundStateQuery&) const = default;
};

Result<Prepared<RoundStateView>> prepare(App& app, const RoundStateQuery& q);
nlohmann::json to_json(const RoundStateView& v);

}  // namespace vsys
