// Legacy counts of the old "ticket-printed pre-examination form" column (接種券付き予診票).
// The column is gone from claim entry (DOMAIN.md §6); its historical counts stay readable as
// a legacy view per site (report R533) and per municipality (report R313). They are not
// claim lines: nothing here prices them or feeds them into claim totals.
//
// JSON form (an array, e.g. in the demo data):
//   [{"site": "0110113719", "municipality": "011002", "month": "2021-10", "count": 120}, ...]
// Invariants of a parsed list: site 10 digits, municipality a known active one, month valid,
// count in 0..k_max_count, at most one entry per (site, municipality, month).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/claims/claims.hpp"

namespace vsys {

struct LegacyTicketFormCount {
    std::string site;
    std::string municipality;  // of residence
    YearMonth month;           // vaccination month
    std::int64_t count = 0;
};

// Errors: claims.legacy_malformed {index} {reason}.
Result<std::vector<LegacyTicketFormCount>> legacy_counts_from_json(const nlohmann::json& j);
nlohmann::json to_json(std::span<const LegacyTicketFormCount> counts);

struct LegacyView {
    std::string code;  // the site (R533) or the municipality (R313) viewed
    std::vector<LegacyTicketFormCount> rows;  // by month, then municipality (R533) or site (R313)
    std::int64_t total = 0;
};
LegacyView legacy_view_for_site(std::span<const LegacyTicketFormCount> counts, std::string_view site);
LegacyView legacy_view_for_municipality(std::span<const LegacyTicketFormCount> counts, std::string_view municipality);

// CSV of a view (same conventions as claims_csv.hpp), its last row the total.
std::string legacy_view_csv(const LegacyView& v);

// The documents that carry the counts (kind "ticket_forms", claims/kinds.hpp): one per site and
// month, owner site:<code> or venue:<code> (proxy: its municipality, as for claims), id YYYY-MM
// no later than the column's last month, body {"counts": [{"municipality": "131016", "count":
// 120}, ...]}, one count per municipality of residence. Those municipalities read it (its
// audience), so R313 shows residents treated at sites elsewhere; the site's own levels read it
// as part of their subtree. Nothing in the app writes one any more (the column is gone): they
// come with the history (the demo's, demo_history.cpp).
inline constexpr YearMonth k_last_ticket_form_month{2021, 11};
// The counts of one document, each with its site (from the owner) and month (from the id).
// Errors: claims.legacy_malformed {index} {reason} (index 0 for the document as a whole).
Result<std::vector<LegacyTicketFormCount>> ticket_forms_from_document(std::string_view owner, std::string_view id,
                                                                      const nlohmann::json& body);
// The body of one site's month (the counts' site and month are the document's owner and id).
nlohmann::json ticket_forms_body(std::span<const LegacyTicketFormCount> counts);

}  // namespace vsys
