// The old form's 接種券付き予診票 counts of the demo's history (R313, R533; claims_legacy.hpp):
// drawn from a site's claim of a month up to 2021-11, apart from demo_history.cpp.
#include <algorithm>
#include <map>

#include "core/demo/demo_data_rng.hpp"
#include "core/demo/demo_history.hpp"

namespace vsys {

namespace {
constexpr std::uint64_t k_salt_ticket_forms = 0x5449434B45540001ull;
}  // namespace

std::vector<LegacyTicketFormCount> demo_ticket_forms(const SiteClaim& entry, std::uint64_t seed) {
    std::vector<LegacyTicketFormCount> counts;
    if (k_last_ticket_form_month < entry.month) return counts;
    // Its own stream per site and month (the site code's digits, the month): the claims' draws
    // and bytes do not change with it.
    std::uint64_t item = static_cast<std::uint64_t>(entry.month.year) * 100 + static_cast<std::uint64_t>(entry.month.month);
    for (char c : entry.site) item = item * 10 + static_cast<std::uint64_t>(c - '0');
    DemoRng rng(seed ^ k_salt_ticket_forms, item);
    // Of the doses with a coupon on the old form, those given on a form with the ticket printed
    // on it, per municipality of residence.
    std::map<std::string, std::int64_t> per_municipality;
    for (const auto& l : entry.lines)
        if (l.form == ClaimForm::old_form && l.category == RecipientCategory::with_coupon)
            per_municipality[l.municipality] += l.counts.normal * (40 + static_cast<std::int64_t>(rng.below(55))) / 100;
    for (const auto& [municipality, n] : per_municipality)
        if (n > 0) counts.push_back({entry.site, municipality, entry.month, std::min(n, k_max_count)});
    return counts;
}

}  // namespace vsys
