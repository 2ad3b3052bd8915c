// The stock views for window.vsys (the screens read the typed views of stock_app.hpp):
//   stock {site}                     a site's lots, transit, deliveries and requests to answer
//   stock_ledger {site}              its ledger lines and purged counts
//   transfer_targets {site, product} receivers offered, with the matrix's answer and conditions
//   stock_requests {}                the requests the user's organisation issued, who answered
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/site/site_app.hpp"
#include "app/stock/stock_app.hpp"

namespace vsys {

namespace {

using nlohmann::json;

// The site's organisation id (access is checked on it before anything is built).
Result<std::string> site_org(App& app, const std::string& code) {
    auto site = site_as_it_stands(app, code);
    if (!site) return site.error();
    return site_org_id(*site);
}

json lot_json(const StockLotView& l) {
    const LotBalance& b = *l.lot;
    json j = {{"product", vaccine_product_id(b.product)},
              {"lot", b.lot},
              {"on_hand", b.on_hand},
              {"doses", l.doses},
              {"booster_doses", l.booster_doses},
              {"received", b.received},
              {"transferred_in", b.transferred_in},
              {"transferred_out", b.transferred_out},
              {"in_transit_out", b.in_transit_out},
              {"wasted_vials", b.wasted_vials},
              {"wasted_doses", b.wasted_doses},
              {"count_difference", b.count_difference},
              {"conflict", b.conflict},
              {"lowest", b.lowest},
              {"conflict_events", b.conflict_events}};
    if (b.expiry) {
        j["expiry"] = to_iso(*b.expiry);
        j["effective_expiry"] = to_iso(l.effective_expiry);
        j["days_left"] = l.days_left;
    }
    return j;
}

json event_json(const StockEvent& e) {
    json j = {{"id", e.id},       {"kind", stock_event_kind_id(e.kind)}, {"date", to_iso(e.date)},
              {"order", e.order}, {"site", e.site},                      {"product", vaccine_product_id(e.product)},
              {"lot", e.lot},     {"vials", e.vials}};
    if (!e.to.empty()) j["to"] = e.to;
    if (!e.condition.empty()) j["condition"] = e.condition;
    if (!e.reason.empty()) j["reason"] = e.reason;
    if (e.doses) j["doses"] = e.doses;
    if (!e.transfer.empty()) j["transfer"] = e.transfer;
    if (!e.request.empty()) j["request"] = e.request;
    return j;
}

}  // namespace

Result<StockSiteQuery> StockSiteQuery::read(const json& args) {
    ArgReader r(args, {});
    StockSiteQuery q;
    q.site = r.string("site");
    if (auto e = r.finish()) return *e;
    return q;
}

Result<Prepared<StockSiteView>> prepare(App& app, const StockSiteQuery& q) {
    auto org = site_org(app, q.site);
    if (!org) return org.error();
    return Prepared<StockSiteView>{*org, [&app, code = q.site]() { return stock_site_view(app, code); }};
}

json to_json(const StockSiteView& v) {
    json lots = json::array(), outgoing = json::array(), incoming = json::array(), deliveries = json::array(),
         requests = json::array();
    for (const auto& l : v.lots) lots.push_back(lot_json(l));
    for (const auto* t : v.outgoing)
        outgoing.push_back({{"transfer", t->transfer}, {"to", t->to}, {"lot", t->lot},
                            {"product", vaccine_product_id(t->product)}, {"vials", t->vials}, {"date", to_iso(t->date)}});
    for (const auto& t : v.incoming) {
        json e = event_json(*t.transfer);
        e["from_name"] = t.from_name;
        incoming.push_back(std::move(e));
    }
    for (const auto& d : v.deliveries)
        deliveries.push_back({{"round", d.round}, {"product", vaccine_product_id(d.product)}, {"boxes", d.boxes},
                              {"expected_vials", d.expected_vials}});
    for (const auto& s : v.requests) {
        json q = {{"request", s.request->key}, {"requester", s.request->owner}, {"due", to_iso(s.request->doc.due)},
                  {"answered", s.answer != nullptr}, {"overdue", s.overdue}};
        if (s.answer) q["answered_on"] = to_iso(s.answer->date);
        requests.push_back(std::move(q));
    }
    return json{{"site", v.org},
                {"lots", std::move(lots)},
                {"in_transit_out", std::move(outgoing)},
                {"to_receive", std::move(incoming)},
                {"deliveries", std::move(deliveries)},
                {"requests", std::move(requests)},
                {"conflicts", v.conflicts},
                {"purge", {{"active", v.purge_active}, {"notice", v.purge_notice}}}};
}

Result<StockLedgerQuery> StockLedgerQuery::read(const json& args) {
    ArgReader r(args, {});
    StockLedgerQuery q;
    q.site = r.string("site");
    if (auto e = r.finish()) return *e;
    return q;
}

Result<Prepared<StockLedgerView>> prepare(App& app, const StockLedgerQuery& q) {
    auto org = site_org(app, q.site);
    if (!org) return org.error();
    return Prepared<StockLedgerView>{*org, [&app, code = q.site]() -> Result<StockLedgerView> {
                                         auto v = stock_site_view(app, code);
                                         if (!v) return v.error();
                                         return StockLedgerView{std::move(v->lines), std::move(v->purged), std::move(v->world)};
                                     }};
}

json to_json(const StockLedgerView& v) {
    json lines = json::array(), purged = json::array();
    for (const LedgerLine* l : v.lines) {
        json e = event_json(*l->event);
        e["change"] = l->change;
        e["on_hand_after"] = l->on_hand_after;
        lines.push_back(std::move(e));
    }
    for (const StockEvent* e : v.purged) purged.push_back(event_json(*e));
    return json{{"lines", std::move(lines)}, {"purged", std::move(purged)}};
}

Result<TransferTargetsQuery> TransferTargetsQuery::read(const json& args) {
    ArgReader r(args, {});
    TransferTargetsQuery q;
    q.site = r.string("site");
    const std::string product_text = r.string("product");
    if (auto e = r.finish()) return *e;
    auto product = parse_vaccine_product(product_text);
    if (!product) return Error{"stock.product", "unknown product", {{"product", input::excerpt(product_text)}}};
    q.product = *product;
    return q;
}

Result<Prepared<TransferTargetsView>> prepare(App& app, const TransferTargetsQuery& q) {
    auto org = site_org(app, q.site);
    if (!org) return org.error();
    return Prepared<TransferTargetsView>{*org, [&app, q]() -> Result<TransferTargetsView> {
                                             TransferTargetsView v{transfer_targets(app, q.site, q.product)};
                                             const Date today = stock_today(app);
                                             for (auto& t : v.targets)
                                                 for (const auto* c :
                                                      StockRules::builtin().conditions_for(q.product, t.categories, today))
                                                     t.conditions.push_back(c->id);
                                             return v;
                                         }};
}

json to_json(const TransferTargetsView& v) {
    json targets = json::array();
    for (const auto& t : v.targets)
        targets.push_back({{"site", t.code},
                           {"name", t.name},
                           {"category", t.category ? vaccine_category_id(*t.category) : "none"},
                           {"allowed", t.allowed},
                           {"conditions", t.conditions}});
    return json{{"targets", std::move(targets)}};
}

Result<StockRequestsQuery> StockRequestsQuery::read(const json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return StockRequestsQuery{};
}

Result<Prepared<StockRequestsView>> prepare(App& app, const StockRequestsQuery&) {
    const std::string org = app.session().org;
    return Prepared<StockRequestsView>{org, [&app, org]() -> Result<StockRequestsView> {
                                           StockRequestsView v;
                                           v.world = stock_world_shared(app, StockNeeds::answers);
                                           auto progress = stock_requests_of(app, org);
                                           if (!progress) return progress.error();
                                           v.progress = std::move(*progress);
                                           return v;
                                       }};
}

json to_json(const StockRequestsView& v) {
    json out = json::array();
    for (const auto& p : v.progress) {
        json products = json::array();
        for (int i = 0; i < VaccineProducts::size; ++i)
            if (p.request->doc.products.has(static_cast<VaccineProduct>(i)))
                products.push_back(vaccine_product_id(static_cast<VaccineProduct>(i)));
        json waiting = json::array();
        for (const auto& row : p.rows)
            if (!row.answer) waiting.push_back(row.org);
        out.push_back({{"request", p.request->key},
                       {"issued", to_iso(p.request->doc.issued)},
                       {"due", to_iso(p.request->doc.due)},
                       {"products", std::move(products)},
                       {"sites", p.sites},
                       {"answered", p.answered},
                       {"not_answered", std::move(waiting)}});
    }
    return json{{"requests", std::move(out)}};
}

namespace {

const ViewEntry k_views[] = {view_entry<StockSiteQuery>(), view_entry<StockLedgerQuery>(),
                             view_entry<TransferTargetsQuery>(), view_entry<StockRequestsQuery>()};

}  // namespace

std::span<const ViewEntry> stock_views() { return k_views; }

}  // namespace vsys
