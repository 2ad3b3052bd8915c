// 医療機関の検索: search the sites under the user's organisation by name, reading or code;
// the results (the shared site table) scroll smoothly over tens of thousands of rows, and a row
// opens the site (proxy input for a municipality).
#include <algorithm>
#include <cstring>

#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/site/site_search_table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct Browser {
    char query[128] = {};
    KeptView<SiteSearchQuery> sites;
    KeptTable table;
};
constexpr int k_limit = 100000;
}  // namespace

void draw_org_browser(Shell& shell) {
    screen_title(shell.tr("screen.org_browser"));
    Browser& b = shell.state<Browser>();
    form_label(shell.tr("browser.query"), 160);
    search_input("##query", b.query, sizeof b.query, 420, shell.tr("browser.hint"), shell.tr("browser.hint.short"));
    shell.anchor("browser.query");
    const SiteSearchView* found = b.sites.get(shell.app(), SiteSearchQuery{b.query, k_limit});
    field_message(b.sites.error(), true);
    if (found && !found->code_problem.empty()) {
        field_message(found->code_problem, true);
        shell.anchor("browser.code_problem");
    }
    const std::string open = site_search_table(shell, "browser", b.sites, b.table);
    if (!open.empty()) shell.go("site", open);
}

}  // namespace vsys::ui
