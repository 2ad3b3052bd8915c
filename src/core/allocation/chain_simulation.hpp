// 分配シミュレーション: builds an apportionment Problem (apportion.hpp) for one level of the chain
// from the hierarchy, the requests and the populations, runs it, and returns rows ready for a
// table (child, request, weight, ideal share, result, difference, explanation), a comparison of
// two modes, and the bodies to register the chosen result as ①, ② or ④.
//
// What is split: at the nation, the total the nation types; at a prefecture, its ① amount; at a
// municipality, its ② amount once ③ has locked it. Weights by mode: request ratio (each child's
// requested boxes, with cap_by_weight: nobody gets more than it asked for), eligible or child
// population (optionally capped by request), fixed (only the typed fixed values; the rest stays
// unallocated). Fixed values (固定値) are given first in every mode. The mode must be valid for
// the product at that level (catalog.hpp valid_modes). Reading only: nothing is written.
//
// Tranches (FACTS.md round 9: 8,000 boxes by population + 2,000 by request): the amount is split
// as a sum of parts, each with its own amount and mode, over the same children. The fixed values
// are given first and apart from the parts, so Σ part amounts + Σ fixed must equal the amount to
// split (chain.tranches_sum otherwise). Each part is a full split of its own (caps by request
// hold per part); a child's result is its fixed value or the sum of its parts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/allocation/apportion.hpp"
#include "core/allocation/chain_documents.hpp"
#include "core/allocation/chain_world.hpp"
#include "core/documents/document_store.hpp"

namespace vsys {

// One part of a split in tranches: `amount` boxes by `mode` (rounded by the spec's method).
struct SimulationTranche {
    std::int64_t amount = 0;
    SimMode mode = SimMode::request;
    bool cap_by_request = false;  // population modes: nobody gets more than it requested
};
inline constexpr std::size_t k_max_tranches = 8;

struct SimulationSpec {
    SimMode mode = SimMode::request;
    alloc::Method method = alloc::Method::hamilton;
    std::optional<std::int64_t> total;  // the nation's split only: the boxes of the round
    std::vector<Share> fixed;           // 固定値: child org id → boxes
    bool cap_by_request = false;        // population modes: nobody gets more than it requested
    // Empty: one split by `mode`. Else 1..k_max_tranches parts (`mode` and `cap_by_request` are
    // then unused).
    std::vector<SimulationTranche> tranches;
};

// A translatable sentence: a strings.tsv key ("chain.explain.<reason>") and its placeholders.
struct Explanation {
    std::string key;
    std::vector<std::pair<std::string, std::string>> args;
};

// A child's result in one part of a split (the whole split when there are no tranches).
struct SplitPart {
    std::int64_t weight = 0;      // what the split was proportional to (0 for a fixed child in mode fixed)
    alloc::Fraction share;        // ideal share before caps
    std::int64_t result = 0;      // boxes
    alloc::ChildOutcome outcome;  // every detail of the engine
    Explanation explanation;
};

struct SimulationRow {
    std::string org;
    std::string name;
    std::int64_t request = 0;     // requested boxes in the child's subtree
    std::int64_t weight = 0;      // without tranches: as in SplitPart; with tranches 0
    alloc::Fraction share;        // without tranches: as in SplitPart; with tranches 0
    std::int64_t result = 0;      // boxes: with tranches, the fixed value or the sum of the parts
    std::int64_t difference = 0;  // result - request
    alloc::ChildOutcome outcome;  // without tranches: every detail of the engine; with: units and reason only
    Explanation explanation;      // with tranches: chain.explain.fixed or chain.explain.tranches
    std::vector<SplitPart> parts;  // with tranches: one per part, in order (a fixed child's are 0)
};

struct TrancheResult {
    SimulationTranche part;
    std::int64_t allocated = 0;
    std::int64_t unallocated = 0;
};

struct Simulation {
    std::string round;
    VaccineProduct product = VaccineProduct::pfizer_12;
    SplitLevel level = SplitLevel::nation;
    std::string parent;
    SimulationSpec spec;
    std::int64_t total = 0;
    std::int64_t allocated = 0;
    std::int64_t unallocated = 0;
    std::int64_t requested = 0;  // Σ requests of the children
    std::vector<SimulationRow> rows;  // in hierarchy order
    std::vector<TrancheResult> tranches;  // one per part of spec.tranches
};

// Errors: chain.unknown_round, chain.no_access, chain.unknown_org, chain.wrong_level,
// chain.mode_invalid, chain.needs_total, chain.needs_nation_amounts, chain.needs_nation_lock,
// chain.unknown_child / chain.duplicate_child / chain.boxes_range (fixed values and part
// amounts), chain.tranches_count {max}, chain.tranches_sum {parts} {fixed} {total} {difference},
// and the engine's allocation.* refusals.
Result<Simulation> simulate(const ChainWorld& world, const DocumentStore& store, std::string_view round,
                            std::string_view parent, const SimulationSpec& spec, const Date& today);

struct ComparedRow {
    std::string org;
    std::string name;
    std::int64_t request = 0;
    std::int64_t a = 0;
    std::int64_t b = 0;
    std::int64_t difference = 0;  // b - a
};

struct SimulationComparison {
    Simulation a;
    Simulation b;
    std::vector<ComparedRow> rows;
};

Result<SimulationComparison> compare_simulations(const ChainWorld& world, const DocumentStore& store,
                                                 std::string_view round, std::string_view parent,
                                                 const SimulationSpec& a, const SimulationSpec& b, const Date& today);

// The body to register a simulation with build_nation_amounts / build_municipality_amounts. Its
// mode is the spec's mode, or k_tranches_mode for a split in tranches.
AmountsBody amounts_from_simulation(const Simulation& sim);
// The body for build_site_amounts: each site's boxes, with needle and syringe boxes suggested
// from the packaging of the round (catalog needle/syringe boxes per vaccine box); the
// municipality may adjust them before registering.
SiteAmountsBody site_amounts_from_simulation(const ChainWorld& world, const Simulation& sim);

// "12 + 3/7" style text of a fraction, for tables.
std::string fraction_text(const alloc::Fraction& f);

}  // namespace vsys
