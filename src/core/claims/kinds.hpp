// The claims' document kinds, registered with the kind registry:
//   claim          a site's month of claims, id = YYYY-MM (proxy: its municipality); once
//                  submitted it is addressed to its payers ("addressed_to", the audience)
//   claim_routing  a municipality's setting {commissioned}: it has commissioned the federation
//                  (国保連) to handle its claims; addressed to its prefecture's federation, and
//                  read by its sites through the municipality's news
//   ticket_forms   a site's month of the old form's 接種券付き予診票 counts (claims_legacy.hpp),
//                  id = YYYY-MM up to 2021-11 (proxy: its municipality); addressed to the
//                  municipalities of residence it counts (R313, R533)
//   claim_review, payment  the federation's, kept from the former hand-kept list with no writer yet
#pragma once

#include "core/documents/kind_registry.hpp"

namespace vsys {

inline constexpr const char* k_claim_kind = "claim";
inline constexpr const char* k_claim_routing_kind = "claim_routing";
inline constexpr const char* k_ticket_forms_kind = "ticket_forms";

void register_claims_kinds(KindRegistry& kinds);

}  // namespace vsys
