// The rules of stock, transfers and wastage as dated data (DOMAIN.md §5, FACTS.md "Vaccines and
// packaging"), from assets/stock/*.tsv:
//   doses.tsv              doses per vial by product and kind of dose (primary, booster), dated
//   shelf_life.tsv         months of shelf life by product, dated (extensions apply to lots
//                          already delivered: see effective_expiry)
//   transfer_matrix.tsv    the 5×5 compatibility of handled-vaccine categories (○ / ×)
//   transfer_conditions.tsv the cold-chain conditions a transfer may be made in, by product,
//                          with whether the receiver must hold the ultra-low freezer (a hub)
//   transfer_caps.tsv      the most vials one transfer may carry, dated (5 until 2022-01-30;
//                          no cap from 2022-01-31: 「1/31以降、6バイアル以上の移送量の登録が可能」)
//   reasons.tsv            wastage reasons, count-difference reasons, receipt-discrepancy and
//                          refusal reasons, each with what it requires (free text, an excursion)
//   purge.tsv              the dated deletion of entered stock figures (「入力された在庫量を
//                          1/31 18:00目処に削除します」) and how many days before users are told
//
// Invariants of a parsed StockRules: dated rows of one key never overlap; every count is
// positive; the matrix has all 25 cells; every reason and condition id is unique.
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

enum class DoseKind : std::uint8_t { primary, booster };
const char* dose_kind_id(DoseKind k);  // "primary", "booster"

struct DosesPerVial {
    VaccineProduct product = VaccineProduct::pfizer_12;
    DoseKind kind = DoseKind::primary;
    Date valid_from;
    std::optional<Date> valid_to;  // inclusive
    std::int64_t doses = 1;
};

struct ShelfLife {
    VaccineProduct product = VaccineProduct::pfizer_12;
    Date valid_from;
    std::optional<Date> valid_to;
    int months = 1;
};

struct TransferCondition {
    std::string id;  // cool_2_8_3h, frozen_minus60_minus10_3h, ultra_low_box
    VaccineProducts products;
    bool receiver_needs_freezer = false;  // only to a receiver with an ultra-low freezer (a Pfizer hub)
    Date valid_from;
    std::optional<Date> valid_to;
    std::string name_ja;  // 2～8℃（3時間以内）
    std::string name_en;
};

struct TransferCap {
    Date valid_from;
    std::optional<Date> valid_to;
    std::optional<std::int64_t> max_vials;  // nullopt: no cap in this period
};

// What a reason requires of the event that gives it.
enum class ReasonNeeds : std::uint8_t { nothing, text, excursion };
// Which list a reason belongs to.
enum class ReasonList : std::uint8_t { wastage, count_below, count_above, discrepancy, refusal };

struct StockReason {
    ReasonList list = ReasonList::wastage;
    std::string id;  // wastage: expired, broken, cold_chain, open_vial_time_limit, other;
                     // count_below: used, unexplained; count_above: found;
                     // discrepancy: short, excess, damaged, other; refusal: condition, not_expected, other
    ReasonNeeds needs = ReasonNeeds::nothing;
    std::string name_ja;
    std::string name_en;
};

struct PurgeRule {
    std::int64_t cutoff_unix = 0;  // 2022-01-31T09:00:00Z (18:00 JST)
    int notice_days = 7;
    std::string basis;  // "public" (the deck)
    // From when users are told (notice_days before the cutoff), and whether it has passed.
    std::int64_t notice_from_unix() const { return cutoff_unix - std::int64_t(notice_days) * 86400; }
    bool notice_due(std::int64_t now_unix) const { return now_unix >= notice_from_unix() && now_unix < cutoff_unix; }
    bool passed(std::int64_t now_unix) const { return now_unix >= cutoff_unix; }
};

inline constexpr std::int64_t k_max_transfer_vials = 100'000;  // an input bound, not a rule
inline constexpr std::int64_t k_max_stock_vials = 10'000'000;
inline constexpr std::size_t k_max_lot = 20;         // lot numbers: printable ASCII, no spaces
inline constexpr std::size_t k_max_reason_text = 200;
inline constexpr int k_expiry_warning_days = 7;       // a lot within 7 days of expiry asks first

class StockRules {
public:
    // Errors: stock.bad_rules {file} {line} {reason}.
    static Result<StockRules> parse(std::string_view doses_tsv, std::string_view shelf_life_tsv,
                                    std::string_view matrix_tsv, std::string_view conditions_tsv,
                                    std::string_view caps_tsv, std::string_view reasons_tsv,
                                    std::string_view purge_tsv);
    // The embedded rules, parsed once (a unit test checks they parse).
    static const StockRules& builtin();

    // Doses a vial gives on a date; 0 when no row covers the date.
    std::int64_t doses_per_vial(VaccineProduct p, DoseKind k, const Date& on) const;
    // Shelf life in months in force on a date; 0 when no row covers it.
    int shelf_life_months(VaccineProduct p, const Date& on) const;
    // Whether a transfer from a site of category `from` to one of category `to` is allowed (○).
    bool matrix_allows(VaccineCategory from, VaccineCategory to) const;
    // The conditions offered for a product, a receiver and a date (the receiver's categories
    // decide ultra_low_box), in data order.
    std::vector<const TransferCondition*> conditions_for(VaccineProduct p, VaccineCategories receiver,
                                                         const Date& on) const;
    const TransferCondition* find_condition(std::string_view id) const;
    // The cap row in force on a transfer's date (Japan time); nullptr when none.
    const TransferCap* cap_on(const Date& on) const;
    const StockReason* find_reason(ReasonList list, std::string_view id) const;
    std::vector<const StockReason*> reasons(ReasonList list) const;
    const PurgeRule& purge() const { return purge_; }

    const std::vector<DosesPerVial>& doses() const { return doses_; }
    const std::vector<ShelfLife>& shelf_lives() const { return shelf_; }
    const std::vector<TransferCondition>& conditions() const { return conditions_; }
    const std::vector<TransferCap>& caps() const { return caps_; }
    const std::vector<StockReason>& all_reasons() const { return reasons_; }

private:
    std::vector<DosesPerVial> doses_;
    std::vector<ShelfLife> shelf_;
    bool matrix_[5][5] = {};
    std::vector<TransferCondition> conditions_;
    std::vector<TransferCap> caps_;
    std::vector<StockReason> reasons_;
    PurgeRule purge_;
};

// The category a site acts in for a product it moves: Pfizer 12+ → pfizer_hub if it has it,
// else pfizer_satellite; Pfizer 5-11 → pfizer_child; Takeda/Moderna → tm_general, else
// tm_workplace; nullopt when the site does not handle the product at all (counts as ×).
std::optional<VaccineCategory> category_for_product(VaccineCategories handled, VaccineProduct p);

// A lot's expiry on a date: the printed expiry moved by any extension of the shelf life made
// after the lot was received (the rule in force on `received_on` is what the printed date
// reflects): printed + (months on `on` − months on `received_on`) when that is positive.
// Month arithmetic keeps the day, clamped to the month's length (2021-08-31 + 1 month =
// 2021-09-30).
Date effective_expiry(const StockRules& rules, VaccineProduct p, const Date& printed, const Date& received_on,
                      const Date& on);
Date add_months_clamped(const Date& d, int months);

}  // namespace vsys
