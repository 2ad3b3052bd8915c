#include "core/claims/claims_entry.hpp"

#include "core/claims/claims_documents.hpp"
#include "core/claims/claims_rules.hpp"

namespace vsys {

namespace {

bool same_key(const ClaimLine& a, const ClaimLine& b) {
    return a.municipality == b.municipality && a.form == b.form && a.category == b.category;
}

Error duplicate(const ClaimLine& line) {
    return Error{"claims.duplicate_line", "duplicate line",
                 {{"municipality", line.municipality},
                  {"form", std::string(claim_form_label(line.form))},
                  {"category", std::to_string(static_cast<int>(line.category))}}};
}

}  // namespace

EntryCheck check_entry(const SiteClaim& claim, const RoutingSettings& routing, const Date& today,
                       const FeeSchedule& schedule) {
    EntryCheck out;
    const auto fees = fees_for_month(schedule, claim.month);
    for (std::size_t i = 0; i < claim.lines.size(); ++i) {
        const ClaimLine& line = claim.lines[i];
        EntryLine e;
        if (!fees) e.error = fees.error();
        else if (auto st = validate_line(line, i + 1, *fees); !st) e.error = st.error();
        for (std::size_t k = 0; k < i && !e.error; ++k)
            if (same_key(claim.lines[k], line)) e.error = duplicate(line);
        if (!e.error) {
            e.amounts = amounts_with_tax(line_amount_before_tax(line.counts, *fees), fees->tax_percent);
            add_counts(out.counts, line.counts);
            add_amounts(out.total, e.amounts);
            if (auto p = route_line(claim.site_municipality, line.municipality, routing)) e.payer = *p;
        }
        out.lines.push_back(std::move(e));
    }
    if (auto c = compute_claim(claim, routing, today, schedule); !c) out.claim_error = c.error();
    return out;
}

}  // namespace vsys
