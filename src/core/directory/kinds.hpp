// Master data's document kinds, registered with the kind registry:
//   site_info         a site's or venue's own record (site.hpp's JSON; proxy: its municipality)
//   vaccine_change    a site's request to change the vaccines it handles {vaccines, hub}
//   vaccine_decision  its municipality's answer, id = the site's code {request, approved, reason}
//   population        a municipality's census figures {schema, total, eligible, child}
//   doctors, catalog  kept from the former hand-kept list with no writer yet: a site's doctors
//                     (written inside site_info today) and the nation's catalog of products
#pragma once

#include "core/documents/kind_registry.hpp"

namespace vsys {

inline constexpr const char* k_site_info_kind = "site_info";
inline constexpr const char* k_vaccine_change_kind = "vaccine_change";
inline constexpr const char* k_vaccine_decision_kind = "vaccine_decision";
inline constexpr const char* k_population_kind = "population";

void register_directory_kinds(KindRegistry& kinds);

}  // namespace vsys
