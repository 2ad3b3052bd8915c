// Who pays a claim line and when the claim is due (DOMAIN.md §6, FACTS.md "Claims flow").
//
// Routing: residents of the site's own municipality are claimed from that municipality
// directly, or through the federation (国保連) when that municipality has commissioned it;
// everyone else through the federation of the site's prefecture, which bills each
// municipality of residence. Deadline: the 10th of the month after the vaccination month,
// moved to the next business day (not a weekend, not a public holiday).
#pragma once

#include <string_view>

#include "core/claims/claims.hpp"

namespace vsys {

// Both codes must be known municipalities (checked by validate_claim); an unknown site
// municipality is refused with claims.unknown_municipality.
Result<Payer> route_line(std::string_view site_municipality, std::string_view residence, const RoutingSettings& routing);

// The rule itself: true when the line is claimed from the municipality of residence directly
// (it is the site's own and has not commissioned the federation), false when through the
// federation of the site's prefecture. Cannot throw: compute_claim asks it for every line.
bool claimed_directly(std::string_view site_municipality, std::string_view residence,
                      const RoutingSettings& routing) noexcept;

// The same rule when the site's prefecture is already known.
Payer route_in_prefecture(std::string_view site_municipality, std::string_view prefecture, std::string_view residence,
                          const RoutingSettings& routing);

// The prefecture code of a municipality (its federation), or claims.unknown_municipality.
Result<std::string> prefecture_of(std::string_view municipality);

// e.g. 2021-12 → 2022-01-11 (2022-01-10 was 成人の日). Refused with calendar.out_of_range
// beyond the holiday data.
Result<Date> claim_deadline(const YearMonth& vaccination_month);

}  // namespace vsys
