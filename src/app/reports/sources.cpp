#include "app/reports/sources.hpp"

#include <cstring>

#include "core/base/display_time.hpp"
#include "sync/utc_time.hpp"

namespace vsys {

namespace {
const struct {
    const char* name;
    SourceFn fn;
} k_sources[] = {
    {"requests", source_requests},
    {"allocation_prefectures", source_allocation_prefectures},
    {"allocation_municipalities", source_allocation_municipalities},
    {"allocation_sites", source_allocation_sites},
    {"deliveries", source_deliveries},
    {"claims_by_site", source_claims_by_site},
    {"claims_by_residence", source_claims_by_residence},
    {"claims_of_site_by_residence", source_claims_of_site_by_residence},
    {"ticket_form_counts", source_ticket_form_counts},
    {"ticket_form_counts_of_site", source_ticket_form_counts_of_site},
    {"accounts", source_accounts},
    {"reservations", source_reservations},
    {"stock_by_municipality", source_stock_by_municipality},
    {"stock_by_site", source_stock_by_site},
    {"stock_moves", source_stock_moves},
    {"stock_ledger", source_stock_ledger},
};
}  // namespace

SourceFn find_source(const std::string& name) {
    for (const auto& s : k_sources)
        if (name == s.name) return s.fn;
    return nullptr;
}

OrgPlace org_place(const ChainWorld& world, OrgIndex i) {
    const Hierarchy& h = world.hierarchy();
    OrgPlace p;
    for (OrgIndex at = i; at != k_no_org; at = h.parent(at)) {
        const std::string code(h.code(at));
        const std::string& name = world.facts(at).name;
        switch (h.level(at)) {
            case OrgLevel::prefecture: p.prefecture_code = code, p.prefecture_name = name; break;
            case OrgLevel::municipality: p.municipality_code = code, p.municipality_name = name; break;
            case OrgLevel::site:
            case OrgLevel::venue: p.site_code = code, p.site_name = name; break;
            default: break;
        }
    }
    return p;
}

std::string japan_date(const std::string& utc_text) {
    auto t = sync::parse_utc(utc_text);
    return t ? sync::utc_day(*t + k_japan_utc_offset_seconds) : std::string();
}

}  // namespace vsys
