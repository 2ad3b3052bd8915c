// Reports (レポート, DOMAIN.md §9): the report tab's folders, reports, summary, detail and
// exports (reports_app.hpp, view_reports.cpp, cmd_export_report.cpp).
#include "app/base/feature.hpp"
#include "app/reports/reports_app.hpp"

namespace vsys {

namespace {
const ScreenInfo k_screens[] = {
    {"reports", "home.group.reports", "screen.reports", "screen.reports.desc",
     role_bit(Role::nation) | role_bit(Role::prefecture) | k_muni | k_site_roles | role_bit(Role::federation) |
         role_bit(Role::support),
     ""},
};
}  // namespace

const Feature& reports_feature() {
    static const Feature f{"reports", reports_commands(), reports_views(), k_screens};
    return f;
}

}  // namespace vsys
