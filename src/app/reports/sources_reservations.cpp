// R505 予約者一覧: the rows of the retired reservation function's lists (core/reservations),
// personal data. A list is owned by the municipality and addressed to its site only; it travels
// sealed to their devices (app/base/sealed_documents.hpp), so a device reads the lists sealed
// to it, and the engine keeps only the viewer's own (the site's rows for a site, its sites' for
// a municipality). A list meant for the viewer that this device cannot open yet is counted.
#include "app/base/app.hpp"
#include "app/base/sealed_documents.hpp"
#include "app/reports/sources.hpp"
#include "core/reservations/reservations.hpp"

namespace vsys {

Result<SourceRows> source_reservations(App& app, const SourceContext& ctx) {
    SourceRows out;
    out.fields = {{"site_code", CellType::code}, {"site_name", CellType::text}, {"date", CellType::date},
                  {"slot", CellType::text},      {"name", CellType::text},      {"reading", CellType::text},
                  {"birth", CellType::date},     {"dose", CellType::count},     {"product", CellType::text},
                  {"status", CellType::text}};
    const Directory& dir = app.directory();
    for (const auto& key : app.store().keys()) {
        const auto* d = app.store().current(key);
        if (!d || d->kind != k_reservations_kind) continue;
        auto body = readable_body(app, *d);
        if (!body) {
            // The site's own list, or any of the municipality's: meant for this viewer.
            if (d->owner == ctx.viewer || ctx.viewer == "site:" + d->id || ctx.viewer == "venue:" + d->id) ++out.unreadable;
            continue;
        }
        auto list = reservation_list_from_json(*body);
        if (!list) continue;
        const Site* site = dir.generated_site(list->site);
        const std::string site_org = site ? site_org_id(*site) : "site:" + list->site;
        const std::string site_name = site ? site->name : list->site;
        for (const auto& r : list->rows) {
            SourceRow row;
            row.org = site_org;
            row.municipality = list->municipality;
            row.product = vaccine_product_id(r.product);
            row.cells = {text_cell(list->site),
                         text_cell(site_name),
                         text_cell(to_iso(r.date)),
                         text_cell(r.slot),
                         text_cell(r.name),
                         text_cell(r.reading),
                         text_cell(to_iso(r.birth)),
                         number_cell(r.dose),
                         text_cell(app.tr(std::string("product.") + vaccine_product_id(r.product))),
                         text_cell(app.tr(std::string("report.reservation_") + reservation_status_id(r.status)))};
            out.rows.push_back(std::move(row));
        }
    }
    return out;
}

}  // namespace vsys
