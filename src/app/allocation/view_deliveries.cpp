// The deliveries view (deliveries_view.hpp): the core's delivery orders (chain_state.hpp) of the
// rounds a user may see, typed for the screen, and its one JSON codec for window.vsys.
#include "app/allocation/allocation_app.hpp"
#include "app/allocation/deliveries_view.hpp"
#include "app/base/app.hpp"
#include "app/base/args.hpp"

namespace vsys {

Result<DeliveriesQuery> DeliveriesQuery::read(const nlohmann::json& args) {
    ArgReader r(args, {});
    DeliveriesQuery q;
    q.round = r.optional_string("round");
    q.org = r.optional_string("org");
    if (auto e = r.finish()) return *e;
    return q;
}

static DeliveryRow delivery_row(App& app, const ChainWorld& w, const DeliveryOrder& d) {
    const Round* r = w.catalog().find_round(d.round);
    DeliveryRow row;
    row.round = d.round;
    row.round_name = r ? r->name : d.round;
    row.product = vaccine_product_id(d.product);
    row.product_name = app.tr("product." + row.product);
    row.site = d.site;
    row.name = d.name;
    row.municipality = d.municipality;
    row.boxes = d.delivery.boxes;
    row.needle_boxes = d.delivery.needle_boxes;
    row.syringe_boxes = d.delivery.syringe_boxes;
    row.vials = d.vials;
    row.doses = d.doses;
    if (r) {
        row.period_start = to_iso(r->period_start);
        row.period_end = to_iso(r->period_end);
    }
    row.allocation = d.allocation_hash;
    return row;
}

Result<Prepared<DeliveriesView>> prepare(App& app, const DeliveriesQuery& q) {
    const std::string org = q.org.value_or(app.session().org);
    return Prepared<DeliveriesView>{org, [&app, round = q.round, org]() -> Result<DeliveriesView> {
                                        const ChainWorld& w = allocation_world(app);
                                        const Date today = allocation_today(app);
                                        std::vector<const Round*> rounds;
                                        if (round) {
                                            auto rd = accessible_round(w, app.store(), *round, today);
                                            if (!rd) return rd.error();
                                            rounds.push_back(*rd);
                                        } else {
                                            rounds = listed_rounds(w, app.store(), today);
                                        }
                                        DeliveriesView v;
                                        v.org = org;
                                        for (const Round* rd : rounds) {
                                            auto orders = delivery_orders(w, app.store(), rd->code, org);
                                            if (!orders) return orders.error();
                                            for (const auto& d : *orders) v.rows.push_back(delivery_row(app, w, d));
                                        }
                                        return v;
                                    }};
}

nlohmann::json to_json(const DeliveriesView& v) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& d : v.rows)
        rows.push_back({{"round", d.round},
                        {"round_name", d.round_name},
                        {"product", d.product},
                        {"product_name", d.product_name},
                        {"site", d.site},
                        {"name", d.name},
                        {"municipality", d.municipality},
                        {"boxes", d.boxes},
                        {"needle_boxes", d.needle_boxes},
                        {"syringe_boxes", d.syringe_boxes},
                        {"vials", d.vials},
                        {"doses", d.doses},
                        {"period_start", d.period_start},
                        {"period_end", d.period_end},
                        {"allocation", d.allocation}});
    return {{"org", v.org}, {"deliveries", std::move(rows)}};
}

}  // namespace vsys
