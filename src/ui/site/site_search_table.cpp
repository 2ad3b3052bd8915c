#include "ui/site/site_search_table.hpp"

#include "core/base/numbers.hpp"
#include "imgui.h"
#include "ui/shell/cached_view.hpp"
#include "ui/shell/shell.hpp"

namespace vsys::ui {

std::string site_search_table(Shell& shell, const char* anchor, const CachedView& sites, KeptTable& t) {
    const nlohmann::json& rows = sites["sites"];
    if (t.stale(sites.loads())) {
        t.model.columns = {{shell.tr("site.code"), false, "", 90, false},  // a code does not stretch
                           {shell.tr("site.name"), false, "", 0, false},
                           {shell.tr("site.reading"), false, "", 0, false},
                           {shell.tr("site.municipality"), false, "", 0, false}};
        t.model.rows.clear();
        t.model.rows.reserve(rows.size());
        for (const auto& r : rows)
            t.model.rows.push_back({{r.value("code", "")}, {r.value("name", "")}, {r.value("reading", "")},
                                    {r.value("municipality_name", "")}});
    }
    ImGui::TextDisabled("%s", fill_placeholders(shell.tr("browser.count"),
                                                {{"count", format_grouped(static_cast<std::int64_t>(rows.size()))}})
                                  .c_str());
    // The query above is the filter (it searches readings too), so the Table's own is not shown.
    const TableEvents ev = draw_table(shell, anchor, t.model, t.built, t.state, {anchor, 0, false, "sites.csv"});
    if (ev.activated < 0) return {};
    return t.model.rows[static_cast<std::size_t>(ev.activated)][0].text;
}

}  // namespace vsys::ui
