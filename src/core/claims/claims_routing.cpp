#include "core/claims/claims_routing.hpp"

#include "core/directory/local_gov.hpp"

namespace vsys {

Result<std::string> prefecture_of(std::string_view municipality) {
    const LocalGov* g = find_local_gov(municipality);
    if (!g || g->kind != LocalGovKind::municipality)
        return Error("claims.unknown_municipality", "no municipality has the code '" + std::string(municipality) + "'",
                     {{"code", std::string(municipality)}, {"role", "site_municipality"}});
    return g->parent;
}

bool claimed_directly(std::string_view site_municipality, std::string_view residence,
                      const RoutingSettings& routing) noexcept {
    return residence == site_municipality && !routing.is_commissioned(residence);
}

Payer route_in_prefecture(std::string_view site_municipality, std::string_view prefecture, std::string_view residence,
                          const RoutingSettings& routing) {
    if (claimed_directly(site_municipality, residence, routing))
        return Payer{Payer::Kind::municipality, std::string(residence)};
    return Payer{Payer::Kind::federation, std::string(prefecture)};
}

Result<Payer> route_line(std::string_view site_municipality, std::string_view residence, const RoutingSettings& routing) {
    auto pref = prefecture_of(site_municipality);
    if (!pref) return pref.error();
    return route_in_prefecture(site_municipality, *pref, residence, routing);
}

Result<Date> claim_deadline(const YearMonth& vaccination_month) {
    YearMonth due = next_month(vaccination_month);
    return business_day_on_or_after(Date{due.year, due.month, 10});
}

}  // namespace vsys
