// The allocation chain's rows (docs/CHAIN.md): requests (希望量) per site, ① to ③ with ⑤'s
// progress per prefecture, ② to ⑤ per municipality, ④ per site, and deliveries (納入数) — read through the chain's own readers
// (chain_state.hpp), so a report shows what the allocation screens show.
#include "app/allocation/allocation_app.hpp"
#include "app/base/app.hpp"
#include "app/reports/sources.hpp"

namespace vsys {

namespace {

// The rounds a source covers: the chosen one, or every round of the catalog.
std::vector<const Round*> rounds_of(const ChainWorld& w, const SourceContext& ctx) {
    if (ctx.round) return {ctx.round};
    std::vector<const Round*> out;
    for (const auto& r : w.catalog().rounds()) out.push_back(&r);
    return out;
}

std::string product_name(App& app, VaccineProduct p) { return app.tr(std::string("product.") + vaccine_product_id(p)); }

// The viewer's node, or nullopt for organisations outside the tree (a federation, support):
// they see no chain rows.
std::optional<OrgIndex> viewer_node(const ChainWorld& w, const SourceContext& ctx) {
    OrgIndex i = w.hierarchy().find(ctx.viewer);
    if (i == k_no_org) return std::nullopt;
    return i;
}

ReportCell count_or_blank(const std::optional<std::int64_t>& n) { return n ? number_cell(*n) : blank_cell(); }

std::string lock_word(App& app, bool locked) { return app.tr(locked ? "report.locked" : "report.not_locked"); }

}  // namespace

Result<SourceRows> source_requests(App& app, const SourceContext& ctx) {
    const ChainWorld& w = allocation_world(app);
    SourceRows out;
    out.fields = {{"round_code", CellType::code},        {"round_name", CellType::text},
                  {"product", CellType::text},           {"prefecture_code", CellType::code},
                  {"prefecture_name", CellType::text},   {"municipality_code", CellType::code},
                  {"municipality_name", CellType::text}, {"site_code", CellType::code},
                  {"site_name", CellType::text},         {"requested", CellType::count},
                  {"reported_on", CellType::date}};
    auto root = viewer_node(w, ctx);
    if (!root) return out;
    OrgIndex place_of = k_no_org;
    OrgPlace place;
    for (const Round* r : rounds_of(w, ctx)) {
        const std::string product = product_name(app, r->product);
        for (OrgIndex s : w.requesting_sites(*root, r->product)) {
            const std::string& site = w.hierarchy().id(s);
            auto req = read_request(app.store(), request_key(site, r->code));
            std::optional<std::int64_t> boxes;
            std::string on;
            if (req && *req && (*req)->body.product == r->product) {
                boxes = (*req)->body.boxes;
                on = japan_date((*req)->version->time);
            }
            // A site's own report lists only the rounds it reported in.
            if (!ctx.round && !boxes) continue;
            // Sites come grouped by municipality: its place is looked up once per group.
            if (w.hierarchy().parent(s) != place_of) {
                place_of = w.hierarchy().parent(s);
                place = org_place(w, place_of);
            }
            OrgPlace& p = place;
            p.site_code = w.hierarchy().code(s);
            p.site_name = w.facts(s).name;
            SourceRow row;
            row.org = site;
            row.municipality = p.municipality_code;
            row.product = vaccine_product_id(r->product);
            row.cells = {text_cell(r->code), text_cell(r->name), text_cell(product), text_cell(p.prefecture_code),
                         text_cell(p.prefecture_name), text_cell(p.municipality_code), text_cell(p.municipality_name),
                         text_cell(p.site_code), text_cell(p.site_name), count_or_blank(boxes),
                         on.empty() ? blank_cell() : text_cell(on)};
            out.rows.push_back(std::move(row));
        }
    }
    return out;
}

Result<SourceRows> source_allocation_prefectures(App& app, const SourceContext& ctx) {
    const ChainWorld& w = allocation_world(app);
    const Hierarchy& h = w.hierarchy();
    SourceRows out;
    out.fields = {{"round_code", CellType::code},      {"product", CellType::text},
                  {"prefecture_code", CellType::code}, {"prefecture_name", CellType::text},
                  {"sites", CellType::count},          {"reported", CellType::count},
                  {"requested", CellType::count},      {"allocated", CellType::count},
                  {"to_municipalities", CellType::count}, {"lock_3", CellType::text},
                  {"municipalities", CellType::count}, {"locked_5", CellType::count}};
    auto root = viewer_node(w, ctx);
    if (!root || h.level(*root) != OrgLevel::nation) return out;
    for (const Round* r : rounds_of(w, ctx)) {
        const std::string product = product_name(app, r->product);
        auto one = read_amounts(app.store(), allocation_key("nation", r->code));  // ①
        if (!one) return one.error();
        for (OrgIndex pref : w.split_children(*root, r->product)) {
            const std::string& pref_id = h.id(pref);
            auto req = request_totals(w, app.store(), r->code, pref_id);
            if (!req) return req.error();
            auto two = read_amounts(app.store(), allocation_key(pref_id, r->code));  // ②
            if (!two) return two.error();
            const auto munis = w.split_children(pref, r->product);
            const auto locked5 = prefecture_locked_municipalities(app.store(), r->code, pref_id);
            std::int64_t locked = 0;
            for (OrgIndex m : munis) locked += locked5.count(h.id(m)) != 0;
            SourceRow row;
            row.org = pref_id;
            row.product = vaccine_product_id(r->product);
            row.cells = {text_cell(r->code),
                         text_cell(product),
                         text_cell(std::string(h.code(pref))),
                         text_cell(w.facts(pref).name),
                         number_cell(req->sites),
                         number_cell(req->reported),
                         number_cell(req->boxes),
                         *one ? count_or_blank((*one)->body.boxes_of(pref_id)) : blank_cell(),
                         *two ? number_cell((*two)->body.sum()) : blank_cell(),
                         text_cell(lock_word(app, nation_locked(app.store(), r->code, pref_id))),
                         number_cell(static_cast<std::int64_t>(munis.size())),
                         number_cell(locked)};
            out.rows.push_back(std::move(row));
        }
    }
    return out;
}

Result<SourceRows> source_allocation_municipalities(App& app, const SourceContext& ctx) {
    const ChainWorld& w = allocation_world(app);
    const Hierarchy& h = w.hierarchy();
    SourceRows out;
    out.fields = {{"round_code", CellType::code},      {"product", CellType::text},
                  {"prefecture_code", CellType::code}, {"prefecture_name", CellType::text},
                  {"municipality_code", CellType::code}, {"municipality_name", CellType::text},
                  {"sites", CellType::count},          {"reported", CellType::count},
                  {"requested", CellType::count},      {"allocated", CellType::count},
                  {"lock_3", CellType::text},          {"site_allocated", CellType::count},
                  {"unallocated", CellType::count},    {"lock_5", CellType::text}};
    auto root = viewer_node(w, ctx);
    if (!root) return out;
    std::vector<OrgIndex> prefectures;
    if (h.level(*root) == OrgLevel::nation) {
        for (OrgIndex c : h.children(*root))
            if (h.level(c) == OrgLevel::prefecture) prefectures.push_back(c);
    } else {
        for (OrgIndex a = *root; a != k_no_org; a = h.parent(a))
            if (h.level(a) == OrgLevel::prefecture) prefectures.push_back(a);
    }
    for (const Round* r : rounds_of(w, ctx)) {
        const std::string product = product_name(app, r->product);
        for (OrgIndex pref : prefectures) {
            const std::string& pref_id = h.id(pref);
            auto two = read_amounts(app.store(), allocation_key(pref_id, r->code));
            if (!two) return two.error();
            const bool locked3 = nation_locked(app.store(), r->code, pref_id);
            const auto locked5 = prefecture_locked_municipalities(app.store(), r->code, pref_id);
            for (OrgIndex m : w.split_children(pref, r->product)) {
                const std::string& muni = h.id(m);
                auto req = request_totals(w, app.store(), r->code, muni);
                if (!req) return req.error();
                std::optional<std::int64_t> allocated;
                if (*two) allocated = (*two)->body.boxes_of(muni);
                auto four = read_site_amounts(app.store(), allocation_key(muni, r->code));
                if (!four) return four.error();
                std::optional<std::int64_t> to_sites, unallocated;
                if (*four) to_sites = (*four)->body.sum(), unallocated = (*four)->body.unallocated;
                OrgPlace p = org_place(w, m);
                SourceRow row;
                row.org = muni;
                row.municipality = p.municipality_code;
                row.product = vaccine_product_id(r->product);
                row.cells = {text_cell(r->code),         text_cell(product),
                             text_cell(p.prefecture_code), text_cell(p.prefecture_name),
                             text_cell(p.municipality_code), text_cell(p.municipality_name),
                             number_cell(req->sites),    number_cell(req->reported),
                             number_cell(req->boxes),    count_or_blank(allocated),
                             text_cell(lock_word(app, locked3)), count_or_blank(to_sites),
                             count_or_blank(unallocated), text_cell(lock_word(app, locked5.count(muni) != 0))};
                out.rows.push_back(std::move(row));
            }
        }
    }
    return out;
}

Result<SourceRows> source_allocation_sites(App& app, const SourceContext& ctx) {
    const ChainWorld& w = allocation_world(app);
    const Hierarchy& h = w.hierarchy();
    SourceRows out;
    out.fields = {{"round_code", CellType::code}, {"product", CellType::text},   {"site_code", CellType::code},
                  {"site_name", CellType::text},  {"requested", CellType::count}, {"allocated", CellType::count},
                  {"needles", CellType::count},   {"syringes", CellType::count},  {"lock_5", CellType::text}};
    auto root = viewer_node(w, ctx);
    // A site reads its municipality's ④ (the engine keeps its own row).
    if (root && (h.level(*root) == OrgLevel::site || h.level(*root) == OrgLevel::venue)) root = h.parent(*root);
    if (!root || *root == k_no_org || h.level(*root) != OrgLevel::municipality) return out;
    const std::string& muni = h.id(*root);
    const std::string pref = h.id(h.parent(*root));
    for (const Round* r : rounds_of(w, ctx)) {
        auto four = read_site_amounts(app.store(), allocation_key(muni, r->code));
        if (!four) return four.error();
        const bool locked5 = prefecture_locked(app.store(), r->code, muni, pref);
        for (OrgIndex s : w.split_children(*root, r->product)) {
            const std::string& site = h.id(s);
            auto req = read_request(app.store(), request_key(site, r->code));
            std::optional<std::int64_t> requested;
            if (req && *req && (*req)->body.product == r->product) requested = (*req)->body.boxes;
            const Delivery* d = *four ? (*four)->body.delivery_of(site) : nullptr;
            OrgPlace p = org_place(w, s);
            SourceRow row;
            row.org = site;
            row.municipality = p.municipality_code;
            row.product = vaccine_product_id(r->product);
            row.cells = {text_cell(r->code),
                         text_cell(product_name(app, r->product)),
                         text_cell(p.site_code),
                         text_cell(p.site_name),
                         count_or_blank(requested),
                         *four ? number_cell(d ? d->boxes : 0) : blank_cell(),
                         *four ? number_cell(d ? d->needle_boxes : 0) : blank_cell(),
                         *four ? number_cell(d ? d->syringe_boxes : 0) : blank_cell(),
                         text_cell(lock_word(app, locked5))};
            out.rows.push_back(std::move(row));
        }
    }
    return out;
}

Result<SourceRows> source_deliveries(App& app, const SourceContext& ctx) {
    const ChainWorld& w = allocation_world(app);
    SourceRows out;
    out.fields = {{"round_code", CellType::code},        {"round_name", CellType::text},
                  {"product", CellType::text},           {"prefecture_code", CellType::code},
                  {"prefecture_name", CellType::text},   {"municipality_code", CellType::code},
                  {"municipality_name", CellType::text}, {"site_code", CellType::code},
                  {"site_name", CellType::text},         {"boxes", CellType::count},
                  {"vials", CellType::count},            {"doses", CellType::count},
                  {"needles", CellType::count},          {"syringes", CellType::count}};
    if (!viewer_node(w, ctx)) return out;
    for (const Round* r : rounds_of(w, ctx)) {
        auto orders = delivery_orders(w, app.store(), r->code, ctx.viewer);
        if (!orders) return orders.error();
        for (const auto& o : *orders) {
            OrgIndex s = w.hierarchy().find(o.site);
            if (s == k_no_org) continue;
            OrgPlace p = org_place(w, s);
            SourceRow row;
            row.org = o.site;
            row.municipality = p.municipality_code;
            row.product = vaccine_product_id(o.product);
            row.cells = {text_cell(r->code),           text_cell(r->name),
                         text_cell(product_name(app, o.product)), text_cell(p.prefecture_code),
                         text_cell(p.prefecture_name), text_cell(p.municipality_code),
                         text_cell(p.municipality_name), text_cell(p.site_code),
                         text_cell(p.site_name),       number_cell(o.delivery.boxes),
                         number_cell(o.vials),         number_cell(o.doses),
                         number_cell(o.delivery.needle_boxes), number_cell(o.delivery.syringe_boxes)};
            out.rows.push_back(std::move(row));
        }
    }
    return out;
}

}  // namespace vsys
