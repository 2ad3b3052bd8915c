// A small stock world for the stock tests: sites with their handled-vaccine categories, a ledger
// kept by appending checked events (as a device does), and builders of events.
#pragma once

#include <map>
#include <string>

#include "core/stock/stock_ledger.hpp"

namespace vsys::stock_test {

inline Date d(const char* iso) { return *parse_iso_date(iso); }

inline VaccineCategories cats(std::initializer_list<VaccineCategory> list) {
    VaccineCategories c;
    for (auto x : list) c.add(x);
    return c;
}

struct World {
    const StockRules& rules = StockRules::builtin();
    std::map<std::string, VaccineCategories, std::less<>> sites;
    StockLedger ledger;
    int next_id = 0;

    SiteCategoriesLookup lookup() const {
        return [this](std::string_view s) -> std::optional<VaccineCategories> {
            auto it = sites.find(s);
            if (it == sites.end()) return std::nullopt;
            return it->second;
        };
    }
    Status check(const StockEvent& e) const { return check_stock_event(rules, ledger, e, lookup()); }
    // Checks the event like a device and records it when accepted; the id and order are given
    // here unless set.
    Status add(StockEvent e) {
        if (e.id.empty()) e.id = "e" + std::to_string(100000 + ++next_id);
        if (e.order == 0) e.order = ledger.max_order + 1;
        auto s = check(e);
        if (s) append_stock_event(rules, ledger, std::move(e));
        return s;
    }
    std::string last_id() const { return "e" + std::to_string(100000 + next_id); }
    std::int64_t on_hand(const std::string& site, VaccineProduct p, const std::string& lot) const {
        const LotBalance* b = ledger.find(site, p, lot);
        return b ? b->on_hand : 0;
    }
};

inline StockEvent receipt(std::string site, VaccineProduct p, std::string lot, std::int64_t vials, Date date,
                          Date expiry) {
    StockEvent e;
    e.kind = StockEventKind::receipt;
    e.site = std::move(site);
    e.product = p;
    e.lot = std::move(lot);
    e.vials = vials;
    e.date = date;
    e.expiry = expiry;
    return e;
}

inline StockEvent transfer(std::string from, std::string to, VaccineProduct p, std::string lot, std::int64_t vials,
                           Date date, std::string condition = "cool_2_8_3h") {
    StockEvent e;
    e.kind = StockEventKind::transfer;
    e.site = std::move(from);
    e.to = std::move(to);
    e.product = p;
    e.lot = std::move(lot);
    e.vials = vials;
    e.date = date;
    e.condition = std::move(condition);
    return e;
}

inline StockEvent answer(std::string site, std::string transfer_id, Date date, bool accepted, std::string reason = {}) {
    StockEvent e;
    e.kind = accepted ? StockEventKind::transfer_receipt : StockEventKind::transfer_refusal;
    e.site = std::move(site);
    e.transfer = std::move(transfer_id);
    e.date = date;
    e.reason = std::move(reason);
    return e;
}

inline StockEvent wastage(std::string site, VaccineProduct p, std::string lot, std::int64_t vials, Date date,
                          std::string reason = "broken") {
    StockEvent e;
    e.kind = StockEventKind::wastage;
    e.site = std::move(site);
    e.product = p;
    e.lot = std::move(lot);
    e.vials = vials;
    e.date = date;
    e.reason = std::move(reason);
    return e;
}

inline StockEvent count(std::string site, VaccineProduct p, std::string lot, std::int64_t vials, Date date,
                        std::string reason = {}) {
    StockEvent e;
    e.kind = StockEventKind::count;
    e.site = std::move(site);
    e.product = p;
    e.lot = std::move(lot);
    e.vials = vials;
    e.date = date;
    e.reason = std::move(reason);
    return e;
}

// received + transferred_in = on_hand + transferred_out + wasted + count_difference
inline bool identity_holds(const LotBalance& l) {
    return l.received + l.transferred_in == l.on_hand + l.transferred_out + l.wasted_vials + l.count_difference;
}

}  // namespace vsys::stock_test
