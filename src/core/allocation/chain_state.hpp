// Reading the allocation chain out of the document store: the effective state of a round, the
// current ①-⑤ documents, each level's progress for an organisation (chain_state), the totals of
// requests (希望量) over a subtree, and the delivery orders sites see once ⑤ locks their ④.
//
// Definitions used everywhere (docs/CHAIN.md "States"):
// - ② of a prefecture is "locked" (③) when the nation's lock for that prefecture names the
//   current head of its ② document; ④ of a municipality is "locked" (⑤) when its prefecture's
//   lock names the current head of its ④ document.
// - A registered ② is "stale" when its amount is no longer the prefecture's ① amount; a
//   registered ④ when its amount is no longer the municipality's ② amount. Stale amounts must be
//   registered again before they can be locked.
// Pure: store and world in, values out; no clock (today is passed in).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/allocation/chain_documents.hpp"
#include "core/allocation/chain_world.hpp"
#include "core/documents/document_store.hpp"

namespace vsys {

// The nation's "round" document when there is one, else the catalog's initial state.
RoundState round_state(const DocumentStore& store, const Round& r);
// Rounds listed on a date, in catalog order.
std::vector<const Round*> listed_rounds(const ChainWorld& world, const DocumentStore& store, const Date& today);
// Errors: chain.unknown_round {round}, chain.no_access {round} (closed, old or not yet listed).
Result<const Round*> accessible_round(const ChainWorld& world, const DocumentStore& store, std::string_view code,
                                      const Date& today);

template <class Body>
struct ChainDoc {
    const DocumentVersion* version = nullptr;
    Body body;
};
// nullopt when the document does not exist. Errors: store.conflict {key}, chain.malformed {field}.
Result<std::optional<ChainDoc<RequestBody>>> read_request(const DocumentStore& store, std::string_view key);
Result<std::optional<ChainDoc<AmountsBody>>> read_amounts(const DocumentStore& store, std::string_view key);
Result<std::optional<ChainDoc<SiteAmountsBody>>> read_site_amounts(const DocumentStore& store, std::string_view key);
Result<std::optional<ChainDoc<LockBody>>> read_lock(const DocumentStore& store, std::string_view key);

struct StepProgress {
    std::int64_t done = 0;   // registered (or locked) and current
    std::int64_t stale = 0;  // registered, but the amount from above has changed since
    std::int64_t of = 0;     // how many there are to do in the organisation's scope
    bool complete() const { return of > 0 && done == of; }
};

// Each level's step for an organisation's scope: the nation sees all prefectures and
// municipalities; a prefecture itself and its municipalities; a municipality (and a site) its
// prefecture's steps ①-③ and its own ④ and ⑤.
struct ChainState {
    std::string round;
    RoundState round_state = RoundState::requests;
    bool listed = false;
    bool requests_open = false;
    StepProgress nation_amounts;        // ① set (for the nation: the document exists)
    StepProgress municipality_amounts;  // ② registered, per prefecture
    StepProgress nation_locks;          // ③ locked, per prefecture
    StepProgress site_amounts;          // ④ registered, per municipality
    StepProgress prefecture_locks;      // ⑤ locked, per municipality
    // What the level above gave this organisation: a prefecture's ① amount, a municipality's ②
    // amount, a site's ④ boxes. nullopt when not yet decided.
    std::optional<std::int64_t> amount;
    std::vector<std::string> conflicts;  // chain documents in scope with several heads
};

// Errors: chain.unknown_round, chain.unknown_org {org}.
Result<ChainState> chain_state(const ChainWorld& world, const DocumentStore& store, std::string_view round,
                               std::string_view org, const Date& today);

// Whether the current ② of a prefecture / ④ of a municipality is locked by ③ / ⑤.
bool nation_locked(const DocumentStore& store, std::string_view round, std::string_view prefecture);
bool prefecture_locked(const DocumentStore& store, std::string_view round, std::string_view municipality,
                       std::string_view prefecture);

// The municipalities of a prefecture whose current ④ its ⑤ lock names (prefecture_locked for all
// of them at once: a report over a whole prefecture reads the lock document once).
std::set<std::string> prefecture_locked_municipalities(const DocumentStore& store, std::string_view round,
                                                       std::string_view prefecture);

struct RequestTotals {
    std::string org;
    std::string name;
    std::int64_t boxes = 0;     // Σ requested boxes
    std::int64_t reported = 0;  // sites that reported a request
    std::int64_t sites = 0;     // sites that may request the round's product
};
// Totals of the subtree of org (a site, municipality, prefecture or the nation). A request in
// conflict, malformed, of another product or of a site that no longer handles it is not counted.
Result<RequestTotals> request_totals(const ChainWorld& world, const DocumentStore& store, std::string_view round,
                                     std::string_view org);
// One row per child that shares org's split (prefectures, municipalities or sites).
Result<std::vector<RequestTotals>> request_totals_by_child(const ChainWorld& world, const DocumentStore& store,
                                                           std::string_view round, std::string_view org);

// A site's confirmed delivery: its row of a ⑤-locked ④.
struct DeliveryOrder {
    std::string round;
    VaccineProduct product = VaccineProduct::pfizer_12;
    std::string site;
    std::string name;
    std::string municipality;
    Delivery delivery;
    std::int64_t vials = 0;  // boxes × vials per box (packaging of the round's period)
    std::int64_t doses = 0;
    std::string allocation_hash;  // the locked ④ version
};
// Delivery orders of the sites in org's subtree (a site sees its own), by municipality in
// hierarchy order, then by site id; only rows with boxes, needles or syringes. Errors: chain.unknown_round, chain.unknown_org.
Result<std::vector<DeliveryOrder>> delivery_orders(const ChainWorld& world, const DocumentStore& store,
                                                   std::string_view round, std::string_view org);

}  // namespace vsys
