// The rules a site's month of claims must keep, with the dated add-on rules of the deck as data
// (assets/claims/addon_rules.tsv): up to November 2021 the outside-hours and holiday add-ons
// were claimed outside V-SYS; from December 2021 the new and additional-dose forms claim them
// with the fee; the old form used from December 2021 is claimed as normal vaccinations only.
//
// Every refusal is an Error whose code has a translated message (assets/i18n/strings.tsv,
// err.claims.*) and whose args name the offending line (1-based "line") and field.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/claims/claims.hpp"

namespace vsys {

enum class AddonClaim {
    in_vsys,       // claimed together with the fee in the V-SYS claim
    outside_vsys,  // up to November 2021: claimed outside V-SYS
    separately,    // old form from December 2021: claimed separately, outside V-SYS
};

struct AddonRule {
    std::optional<ClaimForm> form;  // nullopt: every form
    Date valid_from;
    std::optional<Date> valid_to;  // inclusive
    AddonClaim addons = AddonClaim::in_vsys;
};

// Errors: claims.bad_rule_row {line} {reason}.
Result<std::vector<AddonRule>> parse_addon_rules(std::string_view tsv);
// The embedded rules, parsed once (a unit test checks they parse).
const std::vector<AddonRule>& addon_rules();
// How a form's add-ons are claimed in a vaccination month. A month no rule covers is treated
// as outside_vsys: add-on counts are refused rather than paid on a guess.
AddonClaim addon_claim_for(const std::vector<AddonRule>& rules, ClaimForm form, const YearMonth& month);

// One line in a month priced with `fees` (line_no is 1-based, for messages). Refusals:
// claims.unknown_municipality, claims.inactive_municipality, claims.negative_count,
// claims.count_too_large, claims.under_6_exceeds, claims.fee_not_in_force,
// claims.addons_outside_vsys, claims.old_form_addons_separate.
Status validate_line(const ClaimLine& line, std::size_t line_no, const MonthFees& fees,
                     const std::vector<AddonRule>& rules = addon_rules());

// The whole month: the site code (10 digits: claims.bad_site_code), the site's municipality,
// the month against today (claims.future_month), a fee schedule in force
// (claims.no_fee_schedule), at least one line (claims.no_lines), every line, and no two lines
// with the same municipality, form and category (claims.duplicate_line).
Status validate_claim(const SiteClaim& claim, const Date& today, const FeeSchedule& fees = fee_schedule(),
                      const std::vector<AddonRule>& rules = addon_rules());

// The same checks, answering what pricing needs next: the month's fees and each line's
// municipality as its local_gov_id (local_gov_index.hpp), in line order.
struct CheckedClaim {
    MonthFees fees;
    std::vector<std::uint32_t> municipality_ids;
};
Result<CheckedClaim> check_claim(const SiteClaim& claim, const Date& today, const FeeSchedule& fees = fee_schedule(),
                                 const std::vector<AddonRule>& rules = addon_rules());

// A municipality of residence or of a site: known, a municipality (not a prefecture), active.
Status check_municipality(std::string_view code, std::string_view role);

}  // namespace vsys
