#include "ui/site/proxy_site_picker.hpp"

#include <algorithm>

#include "ui/shell/shell.hpp"
#include "ui/site/site_search_table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct ProxyPicker {
    char query[128] = {};
    KeptView<SiteSearchQuery> sites;
    KeptTable table;
};
constexpr int k_picker_limit = 500;
}  // namespace

void proxy_site_picker(Shell& shell, const std::string& screen, const std::string& anchor, const char* help_key) {
    ProxyPicker& picker = shell.state<ProxyPicker>();
    muted_text(shell.tr(help_key));
    form_label(shell.tr("browser.query"), 160);
    search_input("##proxy_query", picker.query, sizeof picker.query, 420, shell.tr("browser.hint"),
                 shell.tr("browser.hint.short"));
    shell.anchor(anchor + ".query");
    picker.sites.get(shell.app(), SiteSearchQuery{picker.query, k_picker_limit});
    field_message(picker.sites.error(), true);
    const std::string open = site_search_table(shell, anchor.c_str(), picker.sites, picker.table);
    if (!open.empty()) shell.go(screen, open);
}

}  // namespace vsys::ui
