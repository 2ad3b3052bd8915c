// Vaccination fee claims (請求処理, DOMAIN.md §6): what a site enters for one vaccination month,
// and the priced, routed claim computed from it.
//
// A site's month is a set of lines, one per (municipality of residence, pre-examination form,
// recipient category). Counts are disjoint: each vaccination is exactly one of normal,
// outside_hours or holiday; pre_exam_only counts people examined but not vaccinated; under_6
// counts vaccinations (or pre-examinations) of children under 6 that earn the under-6 add-on.
//
// Invariants of a ComputedClaim (compute_claim refuses anything else, and nothing is partially
// computed): every count is in 0..k_max_count, every municipality is a known active one, no
// two lines share a key, the month is not after `today`'s month, every dated rule holds, and
// every amount is exact in int64 (line amounts are at most ~10^13 yen by the bounds).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/calendar.hpp"
#include "core/claims/fees.hpp"
#include "core/directory/local_gov_index.hpp"
#include "core/base/result.hpp"

namespace vsys {

// The largest count accepted in one field of one line: a mass venue gave at most a few
// thousand doses a day, so a million a month for one municipality is far beyond real use.
inline constexpr std::int64_t k_max_count = 1'000'000;

enum class ClaimForm { old_form, new_form, additional };  // 旧様式, 新様式, 追加接種用
enum class RecipientCategory { no_coupon = 1, with_coupon = 2 };  // 1: 医療従事者等 (接種券なし), 2: 接種券あり

std::string_view claim_form_name(ClaimForm f);  // "old", "new", "additional"
std::string_view claim_form_label(ClaimForm f);  // 旧様式, 新様式, 追加接種用
std::optional<ClaimForm> parse_claim_form(std::string_view name);
std::string_view category_label(RecipientCategory c);  // 接種券なし(医療従事者等), 接種券あり

struct ClaimCounts {
    std::int64_t normal = 0;         // 通常 (within hours, weekday)
    std::int64_t outside_hours = 0;  // 時間外
    std::int64_t holiday = 0;        // 休日
    std::int64_t pre_exam_only = 0;  // 予診のみ
    std::int64_t under_6 = 0;        // 6歳未満乳幼児加算の対象
};

struct ClaimLine {
    std::string municipality;  // of residence, 6-digit code
    ClaimForm form = ClaimForm::new_form;
    RecipientCategory category = RecipientCategory::with_coupon;
    ClaimCounts counts;
};

// What the site enters for one vaccination month.
struct SiteClaim {
    std::string site;               // 10-digit institution code (or 類似コード)
    std::string site_municipality;  // where the site is
    YearMonth month;                // vaccination month
    std::vector<ClaimLine> lines;
};

// Municipalities that have commissioned the federation to handle the claims of their own
// sites for their own residents (a setting of each municipality, passed in as data).
struct RoutingSettings {
    std::vector<std::string> commissioned;
    bool is_commissioned(std::string_view municipality) const noexcept;
};

struct Payer {
    enum class Kind { municipality, federation } kind = Kind::municipality;
    std::string code;  // municipality code, or the federation's prefecture code

    std::string str() const;     // "municipality:011002" / "federation:010006"
    std::string org_id() const;  // document owner id: "muni:011002" / "federation:010006"
    bool operator==(const Payer&) const = default;
};

struct PricedLine {
    ClaimLine line;
    Payer payer;
    Amounts amounts;
    // local_gov_id(line.municipality) (local_gov_index.hpp), so that totals over many claims
    // key their rows by integer; k_no_local_gov (never from compute_claim) makes them look the
    // code up instead.
    std::uint32_t municipality_id = k_no_local_gov;
};

struct ComputedClaim {
    std::string site;
    std::string site_municipality;
    std::string prefecture;  // the site municipality's prefecture (its federation)
    YearMonth month;
    Date deadline;           // submission deadline (claim_deadline)
    MonthFees fees;          // the fees the lines were priced with
    std::vector<PricedLine> lines;  // in input order
    Amounts total;
};

// Checks every rule of a site's month (see claims_rules.hpp) and prices, routes and dates it.
// `today` is the date the claim is entered on: months after today's month are refused.
Result<ComputedClaim> compute_claim(const SiteClaim& claim, const RoutingSettings& routing, const Date& today,
                                    const FeeSchedule& fees = fee_schedule());

// The amount of one line before tax with the month's fees: normal × vaccination
// + outside_hours × (vaccination + outside add-on) + holiday × (vaccination + holiday add-on)
// + pre_exam_only × pre-examination fee + under_6 × under-6 add-on. Add-ons not in force count
// as 0 (the rules refuse such counts before pricing).
std::int64_t line_amount_before_tax(const ClaimCounts& c, const MonthFees& fees);

}  // namespace vsys
