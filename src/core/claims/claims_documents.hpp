// The claim documents computed from priced claims, and the upper levels' views of them:
//   - 市区町村別請求書: one per municipality of residence of a site's month;
//   - 国保連提出用請求総括書: the site's summary for the federation over the lines routed
//     through it;
//   - the federation's totals per municipality and per site over many sites' claims;
//   - a municipality's view of the claims about its residents, direct and via the federation.
//
// Invariant: every total is the exact sum of the priced lines below it (tax is never
// recomputed on a total: see consumption_tax), so per-municipality claims add up to the
// summary and summaries add up to the federation's totals, to the yen.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/claims/claims.hpp"

namespace vsys {

// Names for documents: 札幌市; 北海道国民健康保険団体連合会 for a federation. The code itself when
// unknown (documents are built from validated claims, so that does not happen in practice).
std::string municipality_name(std::string_view code);
std::string payer_name(const Payer& p);

// Who claims, printed on each document (from the site's master data, which claims do not hold).
struct ClaimParty {
    std::string site_name;       // 医療機関名
    std::string representative;  // 代表者氏名
};

// Adds every field of b into a (bounded counts cannot overflow: see k_max_count).
void add_counts(ClaimCounts& a, const ClaimCounts& b);

struct MunicipalityClaimLine {
    ClaimForm form = ClaimForm::new_form;
    RecipientCategory category = RecipientCategory::with_coupon;
    ClaimCounts counts;
    Amounts amounts;
};

// 市区町村別請求書 (form 4-5).
struct MunicipalityClaim {
    std::string site;
    std::string site_municipality;
    std::string prefecture;
    YearMonth month;
    Date deadline;
    MonthFees fees;
    std::string municipality;  // of residence: who is billed in the end
    Payer payer;               // who the site sends it to
    std::vector<MunicipalityClaimLine> lines;  // by form (old, new, additional), then category
    ClaimCounts counts;
    Amounts total;

    // Document owner ids it is addressed to: the payer, and the municipality of residence
    // when that is another organisation.
    std::vector<std::string> addressed_to() const;
};

// One per municipality of residence, sorted by municipality code.
std::vector<MunicipalityClaim> municipality_claims(const ComputedClaim& claim);

struct TotalsRow {
    std::string code;  // municipality or site code
    ClaimCounts counts;
    Amounts amounts;
};

// 国保連提出用請求総括書 (form 4-5-3): rows per municipality of residence for the lines routed
// through the federation, sorted by code. Empty rows (and zero totals) when nothing is.
struct ClaimSummary {
    std::string site;
    std::string site_municipality;
    std::string prefecture;  // the federation
    YearMonth month;
    Date deadline;
    std::vector<TotalsRow> rows;
    ClaimCounts counts;
    Amounts total;
};
ClaimSummary claim_summary(const ComputedClaim& claim);

// What a federation (国保連) of `prefecture` receives for a vaccination month: the lines of
// the given claims that are routed through it (other months and federations are skipped).
struct FederationTotals {
    std::string prefecture;
    YearMonth month;
    std::vector<TotalsRow> by_municipality;  // sorted by code
    std::vector<TotalsRow> by_site;          // sorted by code
    ClaimCounts counts;
    Amounts total;
};
// Refused with claims.amount_overflow if a total would leave int64.
Result<FederationTotals> federation_totals(std::string_view prefecture, const YearMonth& month,
                                           std::span<const ComputedClaim> claims);

// A municipality's view: the per-municipality claims about its residents for a month, sent to
// it directly or through a federation, sorted by site code.
struct MunicipalityView {
    std::string municipality;
    YearMonth month;
    std::vector<MunicipalityClaim> direct;
    std::vector<MunicipalityClaim> via_federation;
    Amounts direct_total;
    Amounts federation_total;
    Amounts total;
};
Result<MunicipalityView> municipality_view(std::string_view municipality, const YearMonth& month,
                                           std::span<const ComputedClaim> claims);

}  // namespace vsys
