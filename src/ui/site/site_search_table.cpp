#include "ui/site/site_search_table.hpp"

#include "core/base/numbers.hpp"
#include "imgui.h"
#include "ui/shell/shell.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

std::string site_search_table(Shell& shell, const char* anchor, const KeptView<SiteSearchQuery>& sites, KeptTable& t) {
    static const std::vector<SiteHit> k_none;
    const std::vector<SiteHit>& rows = sites.view() ? sites.view()->sites : k_none;
    if (t.stale(sites.loads())) {
        t.model.columns = {{shell.tr("site.code"), false, "", 90, false},  // a code does not stretch
                           {shell.tr("site.name"), false, "", 0, false},
                           {shell.tr("site.reading"), false, "", 0, false},
                           {shell.tr("site.municipality"), false, "", 0, false}};
        t.model.rows.clear();
        t.model.rows.reserve(rows.size());
        for (const auto& r : rows)
            t.model.rows.push_back({{r.code}, {r.name}, {r.reading}, {r.municipality_name}});
    }
    muted_text(fill_placeholders(shell.tr("browser.count"),
                                                {{"count", format_grouped(static_cast<std::int64_t>(rows.size()))}})
                                  );
    // The query above is the filter (it searches readings too), so the Table's own is not shown.
    const TableEvents ev = draw_table(shell, anchor, t.model, t.built, t.state, {anchor, 0, false, "sites.csv"});
    if (ev.activated < 0) return {};
    return t.model.rows[static_cast<std::size_t>(ev.activated)][0].text;
}

}  // namespace vsys::ui
