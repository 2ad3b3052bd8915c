// The month as a site types it on the claim screen (docs/CLAIMS.md): each line checked and
// priced on its own, so that every row shows its own refusal or amount while the user types,
// and the refusal of the whole month (compute_claim's: the site, the month against today, the
// fee schedule) beside them. The rules are claims_rules.hpp's; the only addition is where a
// duplicate is reported: on the later of two lines with the same municipality, form and
// category (claims.duplicate_line, with the form's label), the earlier one keeping its amount.
//
// Invariants: one EntryLine per input line, in input order; `counts` and `total` add up the
// lines with no error, and nothing else.
#pragma once

#include <optional>
#include <vector>

#include "core/claims/claims.hpp"
#include "core/claims/claims_routing.hpp"

namespace vsys {

struct EntryLine {
    std::optional<Error> error;  // the first rule the line breaks
    Amounts amounts;             // with tax; zero when refused
    std::optional<Payer> payer;  // where the line goes, when it keeps the rules and is routed
};

struct EntryCheck {
    std::vector<EntryLine> lines;
    ClaimCounts counts;
    Amounts total;
    std::optional<Error> claim_error;
};

EntryCheck check_entry(const SiteClaim& claim, const RoutingSettings& routing, const Date& today,
                       const FeeSchedule& fees = fee_schedule());

}  // namespace vsys
