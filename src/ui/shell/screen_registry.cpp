#include "ui/shell/screen_registry.hpp"

namespace vsys::ui {

namespace {
struct Entry {
    std::string_view id;
    DrawScreen draw;
};
const Entry k_entries[] = {
    {"home", draw_home},
    {"login", draw_login_panel},
    {"site_info", draw_site_info},
    {"site", draw_site},
    {"org_browser", draw_org_browser},
    {"approvals", draw_approvals},
    {"unlock_inbox", draw_unlock_inbox},
    {"enrolment", draw_enrolment},
    {"claims", draw_claims},
    {"federation_claims", draw_federation_claims},
    {"municipality_claims", draw_municipality_claims},
    {"requests", draw_requests},
    {"allocation", draw_allocation},
    {"simulation", draw_simulation},
    {"deliveries", draw_deliveries},
    {"sync", draw_sync},
    {"reports", draw_reports},
    {"stock", draw_stock},
    {"stock_receive", draw_stock_receive},
    {"stock_transfer", draw_stock_transfer},
    {"stock_wastage", draw_stock_wastage},
    {"stock_requests", draw_stock_requests},
    {"settings", draw_settings},
    {"about", draw_about},
};
}  // namespace

DrawScreen find_draw(std::string_view id) {
    for (const auto& e : k_entries)
        if (e.id == id) return e.draw;
    return nullptr;
}

}  // namespace vsys::ui
