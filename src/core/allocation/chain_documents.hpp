// The documents of the allocation chain (DOMAIN.md §4), their keys and their JSON bodies.
//
//   document                          owner        kind        id
//   希望量 request                     site:<code>  request     <round>
//   round state                       nation       round       <round>
//   ① prefecture amounts              nation       allocation  <round>
//   ② municipality amounts            pref:<code>  allocation  <round>
//   ③ nation lock of one prefecture   nation       lock        <round>@pref:<code>
//   ④ site amounts and 納入数          muni:<code>  allocation  <round>
//   ⑤ prefecture lock of its sites    pref:<code>  lock        <round>
//
// Locks are DocumentStore locks (body "locks": [hash...]) with the locked versions also named per
// organisation in "entries"; unlocking is a new version without the entry, action "unlock".
// Bodies hold integers and strings only; parsing is strict (types, ranges, unknown fields refused:
// chain.malformed {field}), so a typo never changes an allocation. Nothing here throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/directory/catalog.hpp"
#include "core/base/result.hpp"

namespace vsys {

inline constexpr int k_chain_schema = 1;
// Any number of boxes in the chain is 0..k_max_boxes (a national round was ~10,000 boxes), which
// keeps every sum of requests within the apportionment engine's bounds.
inline constexpr std::int64_t k_max_boxes = 10'000'000;
inline constexpr const char* k_request_kind = "request";
inline constexpr const char* k_round_kind = "round";
inline constexpr const char* k_allocation_kind = "allocation";

std::string request_key(std::string_view site, std::string_view round);
std::string round_key(std::string_view round);
// ① for "nation", ② for a prefecture, ④ for a municipality.
std::string allocation_key(std::string_view org, std::string_view round);
std::string nation_lock_id(std::string_view round, std::string_view prefecture);
std::string nation_lock_key(std::string_view round, std::string_view prefecture);
std::string prefecture_lock_key(std::string_view round, std::string_view prefecture);

// 希望量: boxes of the round's product.
struct RequestBody {
    std::string round;
    VaccineProduct product = VaccineProduct::pfizer_12;
    std::int64_t boxes = 0;
};

struct RoundStateBody {
    std::string round;
    RoundState state = RoundState::requests;
};

struct Share {
    std::string org;
    std::int64_t boxes = 0;
};

// The recorded mode of amounts registered from a split in tranches (parts with their own modes).
inline constexpr const char* k_tranches_mode = "tranches";

// ① (shares per prefecture) and ② (shares per municipality). `amount` is what was split: the
// round's national total at ①, the prefecture's ① amount at ②. Σ shares + unallocated == amount.
struct AmountsBody {
    std::string round;
    std::int64_t amount = 0;
    std::vector<Share> shares;  // sorted by org id
    std::int64_t unallocated = 0;
    std::string mode = "manual";   // a sim mode id, k_tranches_mode, or "manual" when typed by hand
    std::string method = "hamilton";

    std::int64_t sum() const;
    std::optional<std::int64_t> boxes_of(std::string_view org) const;
};

// 納入数 of one site: vaccine, needle and syringe boxes.
struct Delivery {
    std::string site;
    std::int64_t boxes = 0;
    std::int64_t needle_boxes = 0;
    std::int64_t syringe_boxes = 0;
};

// ④: the municipality's ② amount split over its sites. Σ boxes + unallocated == amount.
struct SiteAmountsBody {
    std::string round;
    std::int64_t amount = 0;
    std::vector<Delivery> deliveries;  // sorted by site id
    std::int64_t unallocated = 0;
    std::string mode = "manual";
    std::string method = "hamilton";

    std::int64_t sum() const;
    const Delivery* delivery_of(std::string_view site) const;
};

enum class LockStep { municipality_amounts, site_amounts };  // ③, ⑤
const char* lock_step_id(LockStep s);

struct LockEntry {
    std::string org;   // ③: the prefecture; ⑤: a municipality
    std::string hash;  // the locked ② or ④ version
};

struct LockBody {
    std::string round;
    std::string prefecture;
    LockStep step = LockStep::municipality_amounts;
    std::vector<LockEntry> entries;  // sorted by org
    bool unlock = false;             // this version undid locks (recorded with its reason)
    std::vector<std::string> changed;  // the organisations this version locked or unlocked
    std::string reason;

    const LockEntry* entry_of(std::string_view org) const;
};

nlohmann::json request_to_json(const RequestBody& b);
Result<RequestBody> request_from_json(const nlohmann::json& j);
nlohmann::json round_state_to_json(const RoundStateBody& b);
Result<RoundStateBody> round_state_from_json(const nlohmann::json& j);
nlohmann::json amounts_to_json(const AmountsBody& b);
Result<AmountsBody> amounts_from_json(const nlohmann::json& j);
nlohmann::json site_amounts_to_json(const SiteAmountsBody& b);
Result<SiteAmountsBody> site_amounts_from_json(const nlohmann::json& j);
// Also writes "locks": the entries' hashes, for DocumentStore.
nlohmann::json lock_to_json(const LockBody& b);
Result<LockBody> lock_from_json(const nlohmann::json& j);

}  // namespace vsys
