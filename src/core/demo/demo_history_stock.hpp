// The stock part of the demo world's history (demo_history.hpp, issue 15): what sites recorded
// after their ⑤ deliveries, generated from the same seed and through the same codecs the app
// writes with (core/stock/stock_documents.hpp):
// - receipts (stock_receipt) of most deliveries of the history rounds, in one or two lots with
//   the expiry of the shelf life in force; about one in seven left unconfirmed (受入 waits);
// - transfers from Pfizer hubs to their satellites (2–5 vials, 2–8 °C), taken in, a few
//   refused with a reason, a few of the last round still in transit;
// - wastage with every reason of the data (expired, broken, a cold-chain excursion with its
//   times and temperature, the open-vial time limit in doses, other with a text);
// - the nation's stock request of January 2022 and the counts answering it (entered before the
//   purge's cut-off, so the app shows them as deleted), and one open request issued two days
//   before `today`, answered by about half of the sites holding stock.
// Balances are tracked here as events are made, so no event takes a lot below zero; orders
// are Lamport numbers per site as the app gives them (next_stock_order).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/calendar.hpp"
#include "core/base/result.hpp"
#include "core/demo/demo_data.hpp"
#include "core/directory/catalog.hpp"
#include "core/directory/hierarchy.hpp"

namespace vsys {

struct StockHistoryDelivery {
    const Round* round = nullptr;
    OrgIndex site = 0;
    std::int64_t boxes = 0;
};

struct StockHistoryContext {
    std::uint64_t seed = 1;
    const Hierarchy* tree = nullptr;
    const Catalog* catalog = nullptr;
    Date today;
    // The site at a tree index when its documents are wanted (in the history's scope), else null.
    std::function<const Site*(OrgIndex)> site_of;
    const std::vector<Site>* sites = nullptr;  // the demo's sites (a satellite names its hub)
    // Writes version 1 of owner/kind/id with the body, on a day at a Japan hour and minute.
    std::function<Status(const std::string& owner, const char* kind, const std::string& id, nlohmann::json body,
                         const Date& day, int hour, int minute)>
        write;
};

Status demo_stock_history(const StockHistoryContext& ctx, std::span<const StockHistoryDelivery> deliveries);

}  // namespace vsys
