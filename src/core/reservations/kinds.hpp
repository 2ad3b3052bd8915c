// The reservations' document kind, registered with the kind registry:
//   reservations  the retired reservation function's list of one site (reservations.hpp),
//                 owned by the site's municipality, id the site's code; its audience is that
//                 site alone, since the rows are personal data
#pragma once

#include "core/documents/kind_registry.hpp"

namespace vsys {

void register_reservations_kinds(KindRegistry& kinds);

}  // namespace vsys
