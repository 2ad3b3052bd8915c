// What the claim commands and views share (app layer over src/core/claims*.hpp):
//   site:<code>/claim/<YYYY-MM>          a site's month of claims (owner: the site); the body is
//                                        the core's entry JSON plus "submitted" (bool) and, once
//                                        submitted, "addressed_to" (its payers' organisations)
//   muni:<code>/claim_routing/main       {"commissioned": bool}: the municipality has commissioned
//                                        the federation (国保連) to handle its own sites' claims
// "Today" is the device's date in Japan (UTC+9), from App::now(); the core never reads a clock.
// Claims are always recomputed from their entry with the core, so every view reconciles with
// the per-municipality claims and the summary to the yen.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/command_table.hpp"
#include "core/claims/claims_documents.hpp"
#include "core/claims/claims_legacy.hpp"
#include "core/claims/kinds.hpp"
#include "core/demo/demo_history.hpp"
#include "core/directory/site.hpp"

namespace vsys {

class App;

Date claims_today(const App& app);
// Every municipality whose current claim_routing document says "commissioned".
RoutingSettings claims_routing(const App& app);
// The site as it stands (site_info document over the generated master), or site.not_found.
Result<Site> claims_site(App& app, const std::string& code);
// 医療機関名 and 代表者 for printed documents (site_representative: the representative field, or
// the first registered doctor for site information written before that field).
ClaimParty claims_party(const Site& site);

struct StoredClaim {
    SiteClaim entry;
    bool submitted = false;
};
Result<StoredClaim> stored_claim_from_body(const nlohmann::json& body);

// The submitted claims of a month in the store, computed (a stored claim the rules now refuse
// is skipped: it could not have been submitted under them).
std::vector<ComputedClaim> submitted_claims(App& app, const YearMonth& month);

// The old form's 接種券付き予診票 counts of the "ticket_forms" documents in the store (this
// device's own and what it pulled: its subtree's, and those naming its residents), each
// document's counts in the store's order.
struct StoredTicketForms {
    std::string owner;  // site:<code> or venue:<code>
    std::vector<LegacyTicketFormCount> counts;
};
std::vector<StoredTicketForms> stored_ticket_forms(App& app);

// Why this user may not enter the site's claims although the permission table might let a
// municipality through: it is another municipality's site (claims.proxy_other_municipality).
std::optional<Error> claims_entry_refusal(const App& app, const Site& site);
// The one codec of claim lines (the core's): the lines of save_claim, claim_check and the claim
// view at the window.vsys edge (view_claim_entry.cpp).
nlohmann::json claim_lines_json(const std::vector<ClaimLine>& lines);

}  // namespace vsys
