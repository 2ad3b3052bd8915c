// Maps each screen id of app/base/screens.hpp to the function that draws it.
#pragma once

#include <string>
#include <string_view>

namespace vsys::ui {

class Shell;
using DrawScreen = void (*)(Shell&);

DrawScreen find_draw(std::string_view screen_id);

void draw_home(Shell& shell);
void draw_login_panel(Shell& shell);  // part of home when signed out
void draw_kiosk_switcher(Shell& shell);  // instead, in the training kiosk
void draw_login(Shell& shell);
void draw_site_info(Shell& shell);
void draw_site(Shell& shell);
void draw_org_browser(Shell& shell);
void draw_approvals(Shell& shell);
void draw_unlock_inbox(Shell& shell);
void draw_enrolment(Shell& shell);
void draw_claims(Shell& shell);
void draw_federation_claims(Shell& shell);
void draw_municipality_claims(Shell& shell);
void draw_requests(Shell& shell);
void draw_allocation(Shell& shell);
void draw_simulation(Shell& shell);
void draw_deliveries(Shell& shell);
void draw_settings(Shell& shell);
void draw_about(Shell& shell);
void draw_sync(Shell& shell);
void draw_stock(Shell& shell);
void draw_stock_receive(Shell& shell);
void draw_stock_transfer(Shell& shell);
void draw_stock_wastage(Shell& shell);
void draw_stock_requests(Shell& shell);
void draw_reports(Shell& shell);
// A bundle file the user picked in the browser: imported, and the sync screen shows the result.
void import_bundle_file(Shell& shell, const std::string& data);

}  // namespace vsys::ui
