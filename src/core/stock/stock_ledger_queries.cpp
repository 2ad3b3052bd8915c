// Questions asked of a finished stock ledger (stock_ledger.hpp): the lots two devices took below
// zero, a lot's expiry on a day, the next order number of a site's events, and doses from vials.
// Apart from stock_ledger.cpp, which builds the ledger by replaying events.
#include "core/stock/stock_ledger.hpp"

namespace vsys {

std::vector<Error> stock_conflicts(const StockLedger& ledger) {
    std::vector<Error> out;
    for (const auto& l : ledger.lots) {
        if (!l.conflict) continue;
        std::string ids;
        for (const auto& id : l.conflict_events) ids += (ids.empty() ? "" : ",") + id;
        out.push_back(Error{"lot.conflict", "debits recorded on two devices took the lot below zero",
                            {{"site", l.site},
                             {"product", vaccine_product_id(l.product)},
                             {"lot", l.lot},
                             {"lowest", std::to_string(l.lowest)},
                             {"events", ids}}});
    }
    return out;
}

std::optional<Date> lot_expiry_on(const StockRules& rules, const LotBalance& lot, const Date& on) {
    if (!lot.expiry) return std::nullopt;
    return effective_expiry(rules, lot.product, *lot.expiry, lot.expiry_basis.value_or(*lot.expiry), on);
}

bool lot_near_expiry(const StockRules& rules, const LotBalance& lot, const Date& on) {
    auto e = lot_expiry_on(rules, lot, on);
    return e && days_since_epoch(*e) - days_since_epoch(on) <= k_expiry_warning_days;
}

std::int64_t next_stock_order(const StockLedger& ledger, std::initializer_list<std::string_view> sites) {
    std::int64_t top = 0;
    for (std::string_view s : sites)
        for (const auto& [site, order] : ledger.max_order_by_site)
            if (site == s && order > top) top = order;
    return top + 1;
}

std::int64_t stock_doses(const StockRules& rules, VaccineProduct p, DoseKind k, std::int64_t vials, const Date& on) {
    return vials * rules.doses_per_vial(p, k, on);
}

}  // namespace vsys
