// Stock, transfers and wastage (実績の報告): the site's screens in the deck's words, which a
// municipality also opens for its sites (代行入力), and the requesters' stock requests
// (cmd_stock.cpp, view_stock.cpp, stock_app.hpp).
#include "app/base/app.hpp"
#include "app/base/feature.hpp"
#include "app/stock/stock_app.hpp"

namespace vsys {

namespace {

// The site's code when the signed-in organisation is a site or venue, else "".
std::string own_site_code(const App& app) {
    const std::string& org = app.session().org;
    const auto c = org.find(':');
    if (c == std::string::npos || (org.rfind("site:", 0) != 0 && org.rfind("venue:", 0) != 0)) return {};
    return org.substr(c + 1);
}

// Deliveries to confirm and transfers to take in (受入).
std::int64_t waiting_stock_receipts(App& app) {
    const std::string code = own_site_code(app);
    if (code.empty()) return 0;
    auto v = stock_site_view(app, code);
    return v ? static_cast<std::int64_t>(v->deliveries.size() + v->incoming.size()) : 0;
}

// Stock requests still open (not answered, not past their due date), and lots in conflict
// (在庫量の報告). A request whose date has passed stays listed on the screen, not on the badge.
std::int64_t waiting_stock_counts(App& app) {
    const std::string code = own_site_code(app);
    if (code.empty()) return 0;
    auto v = stock_site_view(app, code);
    if (!v) return 0;
    std::int64_t n = v->conflicts;
    for (const auto& r : v->requests) n += r.answer == nullptr && !r.overdue;
    return n;
}

const RoleMask k_requesters = role_bit(Role::nation) | role_bit(Role::prefecture) | role_bit(Role::municipality);

const ScreenInfo k_screens[] = {
    {"stock", "home.group.stock", "screen.stock", "screen.stock.desc", k_site_roles | k_muni, "", "",
     waiting_stock_counts},
    {"stock_receive", "home.group.stock", "screen.stock_receive", "screen.stock_receive.desc", k_site_roles | k_muni, "",
     "", waiting_stock_receipts},
    {"stock_transfer", "home.group.stock", "screen.stock_transfer", "screen.stock_transfer.desc", k_site_roles | k_muni,
     ""},
    {"stock_wastage", "home.group.stock", "screen.stock_wastage", "screen.stock_wastage.desc", k_site_roles | k_muni,
     ""},
    {"stock_requests", "home.group.stock", "screen.stock_requests", "screen.stock_requests.desc", k_requesters, ""},
};

}  // namespace

const Feature& stock_feature() {
    static const Feature f{"stock", stock_commands(), stock_views(), k_screens};
    return f;
}

}  // namespace vsys
