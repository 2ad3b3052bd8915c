// JSON forms of claims: the site's entry (also the body of its claim document and the input of
// `vsys claim`), and the computed claim and documents (the CLI's output, the automation API).
//
// Reading never throws and checks every type: counts must be JSON integers (a number above
// int64 is kept as "too large" so that validation names the bound), the month "YYYY-MM",
// form "old" | "new" | "additional", category 1 | 2. Unknown keys are ignored in a stored
// entry (a claim document's body also holds "submitted") and refused in a request
// (claims.unknown_field {field}). Reading only checks shapes; the rules are validate_claim's.
//
// Entry schema (schema 1; "schema" may be omitted on input):
//   {"schema": 1, "site": "0110113719", "site_municipality": "011002", "month": "2022-01",
//    "lines": [{"municipality": "011002", "form": "new", "category": 2, "normal": 100,
//               "outside_hours": 10, "holiday": 5, "pre_exam_only": 0, "under_6": 0}]}
// under_6 may be omitted (0). A request adds "today": "YYYY-MM-DD" and "commissioned": [codes].
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "core/claims/claims_documents.hpp"

namespace vsys {

inline constexpr int k_claim_schema = 1;

// Errors: claims.malformed {field}, claims.unknown_form {value}, claims.unknown_category
// {value}, claims.unsupported_schema {value}, calendar.malformed_month {value}.
Result<SiteClaim> site_claim_from_json(const nlohmann::json& j);
nlohmann::json to_json(const SiteClaim& c);

// A claim with its context, as `vsys claim` and the automation API receive it.
struct ClaimRequest {
    SiteClaim claim;
    RoutingSettings routing;
    std::optional<Date> today;  // nullopt: the caller decides (the CLI uses the system date)
};
// Also claims.unknown_field {field} ("under6", "lines[0].under6").
Result<ClaimRequest> claim_request_from_json(const nlohmann::json& j);

nlohmann::json to_json(const Amounts& a);
nlohmann::json to_json(const ComputedClaim& c);
nlohmann::json to_json(const MunicipalityClaim& m);
nlohmann::json to_json(const ClaimSummary& s);
nlohmann::json to_json(const FederationTotals& t);

}  // namespace vsys
