// The demo world's history: the documents of a past, generated deterministically from the demo
// data's seed (integer arithmetic and DemoRng only: the same bytes natively and in wasm), so
// reports, benchmarks and the training kiosk start from a world where work was already done.
//
// What is in it (docs/ARCHITECTURE.md "The demo world's history"):
// - the history rounds of the catalog (rounds.tsv, below the open ones) moved by the nation's
//   "round" documents into every state: PF12_R7 closed, PF12_R8 delivered, TM3rd02クール locked,
//   PFchild02クール allocating (① and part of ②-⑤), PF12_R11 requests. Each with requests (希望量)
//   of a share of the sites that may request the product, then ① nation → prefectures (the
//   round's boxes by population), ② each prefecture → municipalities (by population, capped by
//   requests), ③ nation locks, ④ each
//   municipality → its sites by request with needle and syringe boxes, ⑤ prefecture locks, all
//   built by the chain's own builders (chain_commands.hpp) against the store as it grows, so
//   every version passes validate_chain_version on the day `today`;
// - claim_routing documents of the municipalities that commission the federation, and the
//   submitted claims (kind "claim") of each site for the months it vaccinated the doses it was
//   delivered: old form up to 2021-11, additional and new form from 2021-12, residents of its
//   own and a few other municipalities, addressed to their payers (claims_documents.hpp), and
//   with each month up to 2021-11 its 接種券付き予診票 counts (kind "ticket_forms", R313/R533);
// - R505's data: kind "reservations" (core/reservations), the retired reservation function's
//   list per site up to 2022-01-31, owned by the municipality, its audience the site;
// - stock (demo_history_stock.hpp): receipts of most deliveries, hub → satellite transfers,
//   wastage with every reason, the purged counts of January 2022 and one open stock request.
// Every version is filled as App::successor/commit would (author = the owner's demo account,
// or its municipality's with proxy when sites have no devices; time = the day it happened) and
// sealed by options.seal (sync::seal: core cannot hash), in an order a store can apply.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/base/calendar.hpp"
#include "core/allocation/chain_world.hpp"
#include "core/base/result.hpp"
#include "core/claims/claims_legacy.hpp"
#include "core/demo/demo_data.hpp"
#include "core/directory/catalog.hpp"
#include "core/directory/hierarchy.hpp"
#include "core/documents/document.hpp"

namespace vsys {

// The last day of the history (PFchild02クール's split): every history round is listed from then
// on, so the rules hold on any day from this one.
inline constexpr Date k_demo_history_as_of{2022, 3, 31};

struct DemoHistoryOptions {
    // The day the chain's rules are checked on (rounds listed, requests open): the app's today,
    // on or after k_demo_history_as_of (demo.history otherwise: a round not yet listed).
    Date today{2026, 1, 1};
    // "" for the whole country, else a prefecture code ("310000"): only the documents of the
    // nation, that prefecture's subtree and its federation (the nation's ③ of that prefecture
    // only). The history itself is the same; this only filters what is returned.
    std::string prefecture;
    // false: sites have no devices, so their documents (requests, claims) are proxy versions
    // written by their municipality's account (what the exchange without site devices needs).
    bool site_devices = true;
    // The chain's facts over the same data, tree and catalog when the caller holds them already
    // (the app's allocation_world): built here otherwise (O(sites)).
    const ChainWorld* world = nullptr;
    // Fills the hash (sync::seal). Required.
    std::function<Status(DocumentVersion&)> seal;
};

struct DemoHistoryRound {
    const char* code;
    RoundState state;          // where the history leaves it
    std::uint32_t request_percent;  // of the sites that may request the product
    std::int64_t boxes;             // ①: the round's boxes (at most 10,000-ish a real round)
};
// The catalog rounds the history moves, oldest first.
std::span<const DemoHistoryRound> demo_history_rounds();

// Errors: demo.history {round} {reason} when the catalog lacks a history round or a builder
// refuses (a bug: the test suite checks the national history builds), seal's errors.
Result<std::vector<DocumentVersion>> demo_history_documents(const DemoData& data, const Hierarchy& tree,
                                                            const Catalog& catalog,
                                                            const DemoHistoryOptions& options);

// The 接種券付き予診票 counts of a site's claim of a month up to 2021-11 (none later), per
// municipality of residence, for its "ticket_forms" document (claims_legacy.hpp).
std::vector<LegacyTicketFormCount> demo_ticket_forms(const SiteClaim& entry, std::uint64_t seed);

}  // namespace vsys
