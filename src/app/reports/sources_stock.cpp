// The stock reports' rows (issue 15), from the device's replayed stock (app/stock/stock_app.hpp):
//   stock_by_municipality  R105, R212: per municipality and product, the sites' latest answers
//                          to stock requests (upper levels see stock only through answers)
//   stock_by_site          R311: per site and product, the latest answer beside the calculated
//                          stock of the ledger (計算上の在庫), in transit and wasted
//   stock_moves            R312: the transfers and wastage of the sites, with reason or condition
//   stock_ledger           R511: a site's ledger line by line, and the counts the purge removed
// Answers and counts entered before the purge's cut-off are already out of the world
// (stock_world), so no report shows them once it has passed.
//
// [SECTION] Latest answers, and small helpers
// [SECTION] stock_by_municipality (R105, R212)
// [SECTION] stock_by_site (R311)
// [SECTION] stock_moves (R312)
// [SECTION] stock_ledger (R511)
#include <cstdlib>
#include <unordered_map>

#include "app/allocation/allocation_app.hpp"
#include "app/base/app.hpp"
#include "app/reports/sources.hpp"
#include "app/stock/stock_app.hpp"

namespace vsys {

// [SECTION] Latest answers, and small helpers

namespace {

struct SiteProduct {
    const StockAnswer* answer = nullptr;
    std::int64_t vials = 0;
};

// The latest answer of each site per product it answered for (a request names its products;
// an answer with no line of a product reports none of it).
std::unordered_map<std::string, std::array<SiteProduct, 3>> latest_answers(const StockWorld& w) {
    std::unordered_map<std::string, std::array<SiteProduct, 3>> out;
    for (const StockAnswer* answer : w.answers) {
        const StockAnswer& a = *answer;
        const StockRequestInfo* req = w.find_request(a.request);
        if (!req) continue;
        auto& slots = out[a.site];
        for (int p = 0; p < 3; ++p) {
            if (!req->doc.products.has(static_cast<VaccineProduct>(p))) continue;
            SiteProduct& s = slots[p];
            if (s.answer && !later_answer(a, *s.answer)) continue;
            s.answer = &a;
            s.vials = 0;
            for (const auto& line : a.lines)
                if (static_cast<int>(line.product) == p) s.vials += line.vials;
        }
    }
    return out;
}

bool handles(VaccineCategories cats, VaccineProduct p) {
    for (int i = 0; i < VaccineCategories::size; ++i)
        if (cats.has(static_cast<VaccineCategory>(i)) && product_of(static_cast<VaccineCategory>(i)) == p) return true;
    return false;
}

std::string product_name(const App& app, VaccineProduct p) { return app.tr(std::string("product.") + vaccine_product_id(p)); }

}  // namespace

// [SECTION] stock_by_municipality (R105, R212)

Result<SourceRows> source_stock_by_municipality(App& app, const SourceContext& ctx) {
    SourceRows out;
    out.fields = {{"prefecture_code", CellType::code}, {"prefecture_name", CellType::text},
                  {"municipality_code", CellType::code}, {"municipality_name", CellType::text},
                  {"product", CellType::text},          {"sites", CellType::count},
                  {"answered", CellType::count},        {"vials", CellType::count},
                  {"doses", CellType::count},           {"last_answer", CellType::date}};
    const StockWorld& w = stock_world(app, StockNeeds::answers);
    const ChainWorld& world = allocation_world(app);
    const Hierarchy& tree = world.hierarchy();
    const OrgIndex root = tree.find(ctx.viewer);
    if (root == k_no_org) return out;
    const auto latest = latest_answers(w);
    const Date today = stock_today(app);
    const StockRules& rules = StockRules::builtin();
    const OrgIndex end = root + tree.subtree_size(root);
    for (OrgIndex m = root; m < end; ++m) {
        if (tree.level(m) != OrgLevel::municipality || !tree.active(m)) continue;
        struct Sum {
            std::int64_t sites = 0, answered = 0, vials = 0;
            Date last{};
            bool any = false;
        } sums[3];
        for (OrgIndex s = m + 1; s < m + tree.subtree_size(m); ++s) {
            const OrgLevel level = tree.level(s);
            if (level != OrgLevel::site && level != OrgLevel::venue) continue;
            const auto it = latest.find(tree.id(s));
            for (int p = 0; p < 3; ++p) {
                if (!handles(world.facts(s).vaccines, static_cast<VaccineProduct>(p))) continue;
                Sum& sum = sums[p];
                ++sum.sites;
                if (it == latest.end() || !it->second[p].answer) continue;
                ++sum.answered;
                sum.vials += it->second[p].vials;
                if (!sum.any || it->second[p].answer->date > sum.last) sum.last = it->second[p].answer->date;
                sum.any = true;
            }
        }
        const OrgPlace place = org_place(world, m);
        for (int p = 0; p < 3; ++p) {
            if (sums[p].sites == 0) continue;
            const auto product = static_cast<VaccineProduct>(p);
            SourceRow row;
            row.org = tree.id(m);
            row.municipality = place.municipality_code;
            row.product = vaccine_product_id(product);
            row.cells = {text_cell(place.prefecture_code),
                         text_cell(place.prefecture_name),
                         text_cell(place.municipality_code),
                         text_cell(place.municipality_name),
                         text_cell(product_name(app, product)),
                         number_cell(sums[p].sites),
                         number_cell(sums[p].answered),
                         number_cell(sums[p].vials),
                         number_cell(stock_doses(rules, product, DoseKind::primary, sums[p].vials, today)),
                         sums[p].any ? text_cell(to_iso(sums[p].last)) : blank_cell()};
            out.rows.push_back(std::move(row));
        }
    }
    return out;
}

// [SECTION] stock_by_site (R311)

Result<SourceRows> source_stock_by_site(App& app, const SourceContext& ctx) {
    SourceRows out;
    out.fields = {{"site_code", CellType::code},       {"site_name", CellType::text},   {"product", CellType::text},
                  {"answered_vials", CellType::count}, {"answered_on", CellType::date}, {"calculated", CellType::count},
                  {"doses", CellType::count},          {"in_transit", CellType::count}, {"wasted", CellType::count},
                  {"state", CellType::text}};
    const StockWorld& w = stock_world(app);
    const ChainWorld& world = allocation_world(app);
    const Hierarchy& tree = world.hierarchy();
    const OrgIndex root = tree.find(ctx.viewer);
    if (root == k_no_org) return out;
    const auto latest = latest_answers(w);
    const Date today = stock_today(app);
    const StockRules& rules = StockRules::builtin();
    for (OrgIndex s = root; s < root + tree.subtree_size(root); ++s) {
        const OrgLevel level = tree.level(s);
        if (level != OrgLevel::site && level != OrgLevel::venue) continue;
        const std::string& org = tree.id(s);
        const auto it = latest.find(org);
        const auto lots = w.ledger.lots_of(org);
        const OrgPlace place = org_place(world, s);
        for (int p = 0; p < 3; ++p) {
            const auto product = static_cast<VaccineProduct>(p);
            std::int64_t calculated = 0, transit = 0, wasted = 0;
            bool held = false, conflict = false;
            for (const LotBalance* lot : lots) {
                if (lot->product != product) continue;
                held = true;
                calculated += lot->on_hand;
                transit += lot->in_transit_out;
                wasted += lot->wasted_vials;
                conflict |= lot->conflict;
            }
            const SiteProduct* answered = it != latest.end() && it->second[p].answer ? &it->second[p] : nullptr;
            if (!held && !answered && !handles(world.facts(s).vaccines, product)) continue;
            SourceRow row;
            row.org = org;
            row.municipality = place.municipality_code;
            row.product = vaccine_product_id(product);
            const char* state = conflict ? "stock.state.conflict" : answered ? "stock.state.answered" : "stock.state.not_answered";
            row.cells = {text_cell(place.site_code),
                         text_cell(place.site_name),
                         text_cell(product_name(app, product)),
                         answered ? number_cell(answered->vials) : blank_cell(),
                         answered ? text_cell(to_iso(answered->answer->date)) : blank_cell(),
                         number_cell(calculated),
                         number_cell(stock_doses(rules, product, DoseKind::primary, std::max<std::int64_t>(calculated, 0), today)),
                         number_cell(transit),
                         number_cell(wasted),
                         text_cell(app.tr(state))};
            out.rows.push_back(std::move(row));
        }
    }
    return out;
}

// [SECTION] stock_moves (R312)

Result<SourceRows> source_stock_moves(App& app, const SourceContext& ctx) {
    SourceRows out;
    out.fields = {{"date", CellType::date},    {"site_code", CellType::code}, {"site_name", CellType::text},
                  {"kind", CellType::text},    {"product", CellType::text},   {"lot", CellType::text},
                  {"vials", CellType::count},  {"doses", CellType::count},    {"reason", CellType::text},
                  {"counterpart", CellType::text}};
    const StockWorld& w = stock_world(app);
    const StockRules& rules = StockRules::builtin();
    const Directory& dir = app.directory();
    const bool en = app.language() == Language::en;
    for (const StockEvent& e : w.ledger.events) {
        if (e.kind != StockEventKind::transfer && e.kind != StockEventKind::wastage) continue;
        if (!dir.in_subtree(e.site, ctx.viewer)) continue;
        std::string reason, counterpart;
        if (e.kind == StockEventKind::wastage) {
            if (const auto* r = rules.find_reason(ReasonList::wastage, e.reason)) reason = en ? r->name_en : r->name_ja;
            if (!e.text.empty()) reason += "（" + e.text + "）";
            // A cold-chain failure with when and how far, as the site reported it.
            if (e.excursion) {
                const std::int64_t t = e.excursion->temperature_tenths;
                const std::string temp = (t < 0 ? "-" : "") + std::to_string(std::abs(t) / 10) + "." +
                                         std::to_string(std::abs(t) % 10) + "℃";
                reason += "（" + e.excursion->from + "〜" + e.excursion->to + "、" + temp + "）";
            }
        } else {
            if (const auto* c = rules.find_condition(e.condition)) reason = en ? c->name_en : c->name_ja;
            counterpart = dir.org_name(e.to);
            const auto state = w.ledger.transfer_state(e.id);
            if (state == StockLedger::TransferState::refused) counterpart += " " + app.tr("stock.state.refused");
            else if (state == StockLedger::TransferState::in_transit) counterpart += " " + app.tr("stock.state.in_transit");
        }
        const Site* site = dir.generated_site(e.site.substr(e.site.find(':') + 1));
        SourceRow row;
        row.org = e.site;
        row.municipality = site ? site->municipality : "";
        row.product = vaccine_product_id(e.product);
        row.cells = {text_cell(to_iso(e.date)),
                     text_cell(site ? site->code : e.site),
                     text_cell(site ? site->name : e.site),
                     text_cell(app.tr(std::string("stock.kind.") + stock_event_kind_id(e.kind))),
                     text_cell(product_name(app, e.product)),
                     text_cell(e.lot),
                     number_cell(e.vials),
                     number_cell(e.doses),
                     text_cell(reason),
                     text_cell(counterpart)};
        out.rows.push_back(std::move(row));
    }
    return out;
}

// [SECTION] stock_ledger (R511)

Result<SourceRows> source_stock_ledger(App& app, const SourceContext& ctx) {
    SourceRows out;
    out.fields = {{"order", CellType::count}, {"date", CellType::date},    {"kind", CellType::text},
                  {"product", CellType::text}, {"lot", CellType::text},    {"change", CellType::count},
                  {"on_hand", CellType::count}, {"detail", CellType::text}};
    const StockWorld& w = stock_world(app);
    const StockRules& rules = StockRules::builtin();
    const Directory& dir = app.directory();
    const bool en = app.language() == Language::en;
    std::int64_t n = 0;
    auto reason_name = [&](ReasonList list, const std::string& id) {
        const auto* r = rules.find_reason(list, id);
        return r ? (en ? r->name_en : r->name_ja) : id;
    };
    for (const LedgerLine& line : w.ledger.lines) {
        if (!dir.in_subtree(line.site, ctx.viewer)) continue;
        const StockEvent& e = *line.event;
        std::string detail;
        switch (e.kind) {
            case StockEventKind::transfer:
                detail = (line.site == e.site ? app.tr("stock.detail.to") : app.tr("stock.detail.from")) + " " +
                         dir.org_name(line.site == e.site ? e.to : e.site);
                break;
            case StockEventKind::transfer_receipt:
            case StockEventKind::transfer_refusal: {
                const StockEvent* t = w.ledger.find_event(e.transfer);
                if (t) detail = app.tr(line.site == e.site ? "stock.detail.from" : "stock.detail.to") + " " +
                                dir.org_name(line.site == e.site ? t->site : e.site);
                if (e.kind == StockEventKind::transfer_refusal) detail += " " + reason_name(ReasonList::refusal, e.reason);
                break;
            }
            case StockEventKind::wastage: detail = reason_name(ReasonList::wastage, e.reason); break;
            case StockEventKind::count:
                if (!e.reason.empty())
                    detail = reason_name(line.change < 0 ? ReasonList::count_below : ReasonList::count_above, e.reason);
                if (!e.request.empty()) detail += (detail.empty() ? "" : " ") + app.tr("stock.detail.answer");
                break;
            case StockEventKind::receipt:
                if (e.expiry) detail = app.tr("stock.detail.expiry") + " " + to_iso(*e.expiry);
                break;
        }
        if (!e.text.empty()) detail += "（" + e.text + "）";
        SourceRow row;
        row.org = line.site;
        row.product = vaccine_product_id(e.product);
        row.cells = {number_cell(++n),
                     text_cell(to_iso(e.date)),
                     text_cell(app.tr(std::string("stock.kind.") + stock_event_kind_id(e.kind))),
                     text_cell(product_name(app, e.product)),
                     text_cell(e.lot),
                     number_cell(line.change),
                     number_cell(line.on_hand_after),
                     text_cell(detail)};
        out.rows.push_back(std::move(row));
    }
    // The purge appears in the ledger: each count it removed, with no change to the balance.
    for (const StockEvent& e : w.ledger.purged) {
        if (!dir.in_subtree(e.site, ctx.viewer)) continue;
        SourceRow row;
        row.org = e.site;
        row.product = vaccine_product_id(e.product);
        row.cells = {number_cell(++n),
                     text_cell(to_iso(e.date)),
                     text_cell(app.tr("stock.kind.purged")),
                     text_cell(product_name(app, e.product)),
                     text_cell(e.lot),
                     blank_cell(),
                     blank_cell(),
                     text_cell(app.tr("stock.detail.purged"))};
        out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace vsys
