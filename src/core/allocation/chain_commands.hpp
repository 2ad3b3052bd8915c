// The commands of the allocation chain, each as one builder that validates and answers the
// unsealed next version of the owning organisation's document (DocumentStore::successor), to be
// sealed (sync::seal) and applied by the caller, plus validate_chain_version, which checks a
// chain version against the same rules where it is written. A received version is checked by
// its kind's registered validate (allocation/kinds.cpp: the strict codec, id = round), not by
// these rules, which depend on versions a reader may not hold yet.
//
// Rules (docs/CHAIN.md): steps in order (requests → ① → ② → ③ → ④ → ⑤); every write of ①-⑤
// needs the round in state "allocating"; requests need it open for requests; a round that is
// not listed answers chain.no_access. Amounts add up exactly: Σ shares + unallocated = the amount
// from above. A version that replaces a version locked by ③/⑤ is refused (the store's lock
// check); ① may not change the amount of a prefecture whose ② is locked. A lock is undone only by
// a new version of the locking level's own lock document (recorded with action "unlock" and a
// reason), and ③ cannot be undone while ⑤ locks anything in that prefecture.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/allocation/chain_state.hpp"

namespace vsys {

// 希望量の報告 by a site (a satellite or workplace venue is refused).
Result<DocumentVersion> build_request(const ChainWorld& world, const DocumentStore& store, std::string_view site,
                                      std::string_view round, std::int64_t boxes, const Date& today);

// The nation moves a round on: forward only, except back from allocating to requests while no
// ① exists. Errors: chain.round_transition {round} {from} {to}.
Result<DocumentVersion> build_round_state(const ChainWorld& world, const DocumentStore& store, std::string_view round,
                                          RoundState state, const Date& today);

// ①: shares per prefecture; body.amount is set to Σ shares + unallocated (the round's total).
Result<DocumentVersion> build_nation_amounts(const ChainWorld& world, const DocumentStore& store,
                                             std::string_view round, AmountsBody body, const Date& today);
// ②: shares per municipality; body.amount is set to the prefecture's ① amount.
Result<DocumentVersion> build_municipality_amounts(const ChainWorld& world, const DocumentStore& store,
                                                   std::string_view round, std::string_view prefecture,
                                                   AmountsBody body, const Date& today);
// ③: the nation locks the prefecture's current ②.
Result<DocumentVersion> build_nation_lock(const ChainWorld& world, const DocumentStore& store, std::string_view round,
                                          std::string_view prefecture, const Date& today);
Result<DocumentVersion> build_nation_unlock(const ChainWorld& world, const DocumentStore& store,
                                            std::string_view round, std::string_view prefecture,
                                            std::string reason, const Date& today);
// ④: deliveries per site; body.amount is set to the municipality's ② amount.
Result<DocumentVersion> build_site_amounts(const ChainWorld& world, const DocumentStore& store, std::string_view round,
                                           std::string_view municipality, SiteAmountsBody body, const Date& today);
// ⑤: the prefecture locks the current ④ of the named municipalities (empty: all of them, each
// of which must have registered ④).
Result<DocumentVersion> build_prefecture_lock(const ChainWorld& world, const DocumentStore& store,
                                              std::string_view round, std::string_view prefecture,
                                              const std::vector<std::string>& municipalities, const Date& today);
// Undoes ⑤ for the named municipalities (empty: every locked one).
Result<DocumentVersion> build_prefecture_unlock(const ChainWorld& world, const DocumentStore& store,
                                                std::string_view round, std::string_view prefecture,
                                                const std::vector<std::string>& municipalities, std::string reason,
                                                const Date& today);

// Any version of kind request, round, allocation or lock (other kinds pass). The version need
// not be sealed; it is checked against the store as it is (its parent, the levels above).
Status validate_chain_version(const ChainWorld& world, const DocumentStore& store, const DocumentVersion& v,
                              const Date& today);

}  // namespace vsys
