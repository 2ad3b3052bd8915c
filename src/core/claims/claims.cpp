#include "core/claims/claims.hpp"

#include <algorithm>

#include "core/claims/claims_routing.hpp"
#include "core/claims/claims_rules.hpp"

namespace vsys {

std::string_view claim_form_name(ClaimForm f) {
    switch (f) {
    case ClaimForm::old_form: return "old";
    case ClaimForm::new_form: return "new";
    case ClaimForm::additional: return "additional";
    }
    return {};
}

std::string_view claim_form_label(ClaimForm f) {
    switch (f) {
    case ClaimForm::old_form: return "旧様式";
    case ClaimForm::new_form: return "新様式";
    case ClaimForm::additional: return "追加接種用";
    }
    return {};
}

std::optional<ClaimForm> parse_claim_form(std::string_view name) {
    for (ClaimForm f : {ClaimForm::old_form, ClaimForm::new_form, ClaimForm::additional})
        if (claim_form_name(f) == name) return f;
    return std::nullopt;
}

std::string_view category_label(RecipientCategory c) {
    return c == RecipientCategory::no_coupon ? "接種券なし（医療従事者等）" : "接種券あり";
}

bool RoutingSettings::is_commissioned(std::string_view municipality) const noexcept {
    return std::find(commissioned.begin(), commissioned.end(), municipality) != commissioned.end();
}

std::string Payer::str() const { return (kind == Kind::municipality ? "municipality:" : "federation:") + code; }
std::string Payer::org_id() const { return (kind == Kind::municipality ? "muni:" : "federation:") + code; }

std::int64_t line_amount_before_tax(const ClaimCounts& c, const MonthFees& fees) {
    // Bounded by validation: counts ≤ 10^6 and fees ≤ 10^5 keep every product below 10^12.
    std::int64_t outside = fees.outside_hours.value_or(0);
    std::int64_t holiday = fees.holiday.value_or(0);
    std::int64_t under_6 = fees.under_6.value_or(0);
    return c.normal * fees.vaccination + c.outside_hours * (fees.vaccination + outside) +
           c.holiday * (fees.vaccination + holiday) + c.pre_exam_only * fees.pre_exam_only + c.under_6 * under_6;
}

Result<ComputedClaim> compute_claim(const SiteClaim& claim, const RoutingSettings& routing, const Date& today,
                                    const FeeSchedule& fees) {
    auto checked = check_claim(claim, today, fees);
    if (!checked) return checked.error();
    auto deadline = claim_deadline(claim.month);
    if (!deadline) return deadline.error();
    auto pref = prefecture_of(claim.site_municipality);
    if (!pref) return pref.error();

    ComputedClaim out;
    out.site = claim.site;
    out.site_municipality = claim.site_municipality;
    out.prefecture = std::move(*pref);
    out.month = claim.month;
    out.deadline = *deadline;
    out.fees = checked->fees;
    out.lines.reserve(claim.lines.size());
    for (std::size_t i = 0; i < claim.lines.size(); ++i) {
        const ClaimLine& l = claim.lines[i];
        const bool direct = claimed_directly(claim.site_municipality, l.municipality, routing);
        const Amounts a = amounts_with_tax(line_amount_before_tax(l.counts, out.fees), out.fees.tax_percent);
        if (!add_amounts(out.total, a))
            return Error("claims.amount_overflow", "the claim's total does not fit in a 64-bit amount", {});
        out.lines.push_back(PricedLine{l,
                                       direct ? Payer{Payer::Kind::municipality, l.municipality}
                                              : Payer{Payer::Kind::federation, out.prefecture},
                                       a, checked->municipality_ids[i]});
    }
    return out;
}

}  // namespace vsys
