#include "sync/kinds.hpp"

#include "core/allocation/kinds.hpp"
#include "core/claims/kinds.hpp"
#include "core/directory/kinds.hpp"
#include "core/documents/common_kinds.hpp"
#include "core/reports/kinds.hpp"
#include "core/reservations/kinds.hpp"
#include "core/stock/kinds.hpp"

namespace vsys::sync {

const KindRegistry& document_kinds() {
    static const KindRegistry kinds = [] {
        KindRegistry k;
        register_identity_kinds(k);
        register_settings_kinds(k);
        register_directory_kinds(k);
        register_allocation_kinds(k);
        register_claims_kinds(k);
        register_reports_kinds(k);
        register_reservations_kinds(k);
        register_stock_kinds(k);
        register_reserved_kinds(k);
        return k;
    }();
    return kinds;
}

}  // namespace vsys::sync
