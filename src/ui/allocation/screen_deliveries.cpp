// 納入予定: the confirmed delivery orders (納入数) a site receives once its prefecture has locked
// the site amounts (⑤): per round, the vaccine boxes with their vials and doses, the needle
// and syringe boxes, and the delivery period. A municipality, prefecture or the nation sees the
// orders of its subtree (thousands of rows) in the shared Table: filter, sort, totals, CSV.
#include "app/allocation/deliveries_view.hpp"
#include "ui/allocation/allocation_ui.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct Deliveries {
    KeptView<DeliveriesQuery> view;
    TableModel model;
    std::uint64_t model_version = 0;  // view loads the model was built from
    TableState table;
};

// The rows as the shared Table's model. Doses and the needle and syringe boxes add up across
// products; vaccine boxes and vials do not (a box of one product is not a box of another), so
// only the former have a total (filter by product or round to read the others' sums).
void build_model(Shell& shell, const std::vector<DeliveryRow>& rows, bool many_sites, TableModel& m) {
    m.columns.clear();
    m.rows.clear();
    m.columns.push_back({shell.tr("alloc.round"), false, "", 0, false});
    m.columns.push_back({shell.tr("alloc.product"), false, "", 180, false});
    if (many_sites) m.columns.push_back({shell.tr("alloc.col.site"), false, "", 0, false});
    m.columns.push_back({shell.tr("alloc.col.boxes"), true, "", 135, false});
    m.columns.push_back({shell.tr("deliveries.vials"), true, "", 90, false});
    m.columns.push_back({shell.tr("deliveries.doses"), true, "", 100, true});
    m.columns.push_back({shell.tr("alloc.col.needles"), true, "", 110, true});
    m.columns.push_back({shell.tr("alloc.col.syringes"), true, "", 135, true});
    m.columns.push_back({shell.tr("alloc.period"), false, "", 220, false});
    for (const auto& r : rows) {
        std::vector<TableCell> row;
        row.push_back({r.round_name});
        row.push_back({r.product_name});
        if (many_sites) row.push_back({r.name});
        for (std::int64_t n : {r.boxes, r.vials, r.doses, r.needle_boxes, r.syringe_boxes}) row.push_back({"", n});
        row.push_back({period_text(shell, r.period_start, r.period_end)});
        m.rows.push_back(std::move(row));
    }
}
}  // namespace

void draw_deliveries(Shell& shell) {
    screen_title(shell.tr("screen.deliveries"));
    Deliveries& d = shell.state<Deliveries>();
    const DeliveriesView* v = d.view.get(shell.app(), DeliveriesQuery{});
    field_message(d.view.error(), true);
    static const std::vector<DeliveryRow> k_none;
    const std::vector<DeliveryRow>& rows = v ? v->rows : k_none;
    if (rows.empty()) {
        muted_text(shell.tr("deliveries.empty"));
        shell.anchor("deliveries.empty");
        return;
    }
    muted_text(shell.tr("deliveries.help"));
    const bool many_sites = shell.role() != Role::site && shell.role() != Role::venue;
    if (d.model_version != d.view.loads()) {
        build_model(shell, rows, many_sites, d.model);
        d.model_version = d.view.loads();
    }
    draw_table(shell, "deliveries", d.model, d.model_version, d.table, {"deliveries", 0, true, "deliveries.csv"});
}

}  // namespace vsys::ui
