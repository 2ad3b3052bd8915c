// The vaccine catalog: products with their packaging as dated data (assets/catalog/products.tsv),
// allocation rounds (クール, assets/catalog/rounds.tsv), which product each handled-vaccine
// category (取扱ワクチン) requests, and which simulation modes fit a product at a level
// (DOMAIN.md §3-4).
//
// Invariants of a parsed Catalog: every count is a positive integer; the periods of one product
// never overlap; round codes are unique, 1-40 characters of valid UTF-8 without spaces, control
// characters, '/' or '@' (they become document ids); each round names a known product and its
// dates are ordered (requests_from <= period_start <= period_end <= listed_until).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/calendar.hpp"
#include "core/base/result.hpp"
#include "core/directory/site.hpp"

namespace vsys {

// A round's life: 希望量受付中 → 配分中 → 確定 → 納入済 → 終了.
enum class RoundState { requests, allocating, locked, delivered, closed };
const char* round_state_id(RoundState s);  // "requests", "allocating", ...
std::optional<RoundState> parse_round_state(std::string_view id);

struct ProductSpec {
    VaccineProduct product = VaccineProduct::pfizer_12;
    Date valid_from;
    std::optional<Date> valid_to;  // inclusive; nullopt while in force
    std::int64_t vials_per_box = 1;
    std::int64_t doses_per_vial = 1;
    std::int64_t needle_boxes_per_box = 1;   // suggested per vaccine box on a delivery (assumed)
    std::int64_t syringe_boxes_per_box = 1;  // likewise
    std::string basis;                       // "public", "inferred" or "assumed"
    std::string name_ja;
    std::string name_en;

    std::int64_t doses_per_box() const { return vials_per_box * doses_per_vial; }
};

struct Round {
    std::string code;  // PF12_R9, PFchild01クール
    VaccineProduct product = VaccineProduct::pfizer_12;
    std::string name;
    Date requests_from;
    std::optional<Date> requests_until;  // nullopt: while the round is in state requests
    Date period_start;                   // delivery period
    Date period_end;
    std::optional<Date> listed_until;  // nullopt: listed until the round is closed
    RoundState state = RoundState::requests;  // initial state; the nation's "round" document moves it
};

inline constexpr std::size_t k_max_round_code = 40;
inline constexpr std::int64_t k_max_pack_count = 10'000;

class Catalog {
public:
    // Errors: catalog.bad_row {file} {line} {reason}, catalog.overlap {product},
    // catalog.duplicate_round {round}.
    static Result<Catalog> parse(std::string_view products_tsv, std::string_view rounds_tsv);
    // The embedded catalog, parsed once (a unit test checks it parses).
    static const Catalog& builtin();

    const std::vector<ProductSpec>& products() const { return products_; }
    const std::vector<Round>& rounds() const { return rounds_; }
    const Round* find_round(std::string_view code) const;
    // The packaging in force on a date; nullptr before the product's first row.
    const ProductSpec* product_at(VaccineProduct p, const Date& date) const;
    // The packaging of a round: in force on its first delivery day.
    const ProductSpec* product_of(const Round& r) const { return product_at(r.product, r.period_start); }

private:
    std::vector<ProductSpec> products_;
    std::vector<Round> rounds_;
};

// True when a round code may be a document id (see the invariants above).
bool valid_round_code(std::string_view code);

// Whether a round is listed on a date, given its current state: from requests_from, until
// listed_until, and never once closed. An unlisted round answers "no access".
bool round_listed(const Round& r, RoundState state, const Date& today);
// Whether sites may report or change requests: state requests, inside the request window.
bool requests_open(const Round& r, RoundState state, const Date& today);

// The product a category requests from the chain: hub → Pfizer 12+, 5-11 → Pfizer 5-11,
// Takeda/Moderna (not workplace) → Takeda/Moderna. A satellite requests nothing (its hub
// requests for it) and neither does a workplace venue (its supply is its vaccination plan, §8).
std::optional<VaccineProduct> requested_product(VaccineCategory c);
// Refusals: chain.satellite_request, chain.workplace_request, chain.product_not_handled, each
// with {site} {product}.
Status may_request(VaccineCategories handled, VaccineProduct p, std::string_view site);

// Who splits: the nation among prefectures (①), a prefecture among municipalities (②), a
// municipality among its sites (④).
enum class SplitLevel { nation, prefecture, municipality };
const char* split_level_id(SplitLevel l);  // "nation", "prefecture", "municipality"

// 分配シミュレーションの方式. Fixed values (固定値) are not a mode: the deck types them for
// particular children and then runs the split (「特定の市町村の分配量を指定する場合は、「固定値」に
// 入力して分配実行してください」), so every mode gives them first and splits the rest among the
// others. Results registered while 固定値 was a mode of its own still carry "fixed"
// (k_legacy_fixed_mode), which documents accept as a record and no split offers.
enum class SimMode { request, eligible_population, child_population };
const char* sim_mode_id(SimMode m);  // "request", "eligible_population", "child_population"
std::optional<SimMode> parse_sim_mode(std::string_view id);
inline constexpr std::string_view k_legacy_fixed_mode = "fixed";
// Whether the mode splits by a population (eligible or child): such a split may be capped by
// what each child requested (cap_by_request).
bool splits_by_population(SimMode m);

// The modes offered for a product at a level, the default first (DOMAIN.md §4): population
// modes only where children have populations (prefectures at ①, municipalities at ②):
// eligible population for Pfizer 12+ and Takeda/Moderna, child population for Pfizer 5-11;
// request ratio everywhere (sites at ④ by request only).
std::vector<SimMode> valid_modes(VaccineProduct p, SplitLevel level);
bool mode_valid(VaccineProduct p, SplitLevel level, SimMode m);

}  // namespace vsys
