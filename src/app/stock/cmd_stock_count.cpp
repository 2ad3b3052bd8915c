// The stock commands of counting (在庫量の報告) and of asking for counts (在庫量の報告依頼),
// typed (stock_commands.hpp), each with its codec here and its rules in its prepare(); the
// command table is cmd_stock.cpp's.
//
// Index:
// [SECTION] record_count (在庫量の報告)
// [SECTION] issue_stock_request (在庫量の報告依頼)
#include "app/base/app.hpp"
#include "app/stock/stock_command_args.hpp"
#include "app/stock/stock_commands.hpp"
#include "app/stock/stock_fields.hpp"
#include "core/base/number_field.hpp"
#include "sync/utc_time.hpp"

namespace vsys {

using nlohmann::json;
using namespace stock_args;

// [SECTION] record_count (在庫量の報告)
Result<RecordCount> RecordCount::read(const json& args) {
    ArgReader r(args, {"type", "lines"});
    RecordCount c;
    c.site = r.string("site");
    c.date = r.optional_string("date");
    c.request = r.optional_string("request").value_or("");
    if (auto e = r.finish()) return *e;
    auto lines = read_lines<CountedLot>(args, [](ArgReader& lr) {
        CountedLot l;
        l.product = lr.string("product");
        l.lot = lr.string("lot");
        l.vials = lr.number("vials", stock_fields::counted_rule());
        l.reason = lr.optional_string("reason").value_or("");
        l.text = lr.optional_string("text").value_or("");
        return l;
    });
    if (!lines) return lines.error();
    c.lines = std::move(*lines);
    return c;
}

Result<PreparedCommand> prepare(App& app, const RecordCount& c) {
    auto site = site_arg(app, c.site);
    if (!site) return site.error();
    auto date = event_date(app, c.date);
    if (!date) return date.error();
    if (auto st = line_count(c.lines.size(), false); !st) return st.error();
    StockCountDoc doc;
    doc.date = *date;
    doc.request = c.request;
    for (const auto& line : c.lines) {
        CountLine l;
        l.lot = line.lot;
        auto vials = check_number(line.vials, stock_fields::counted_rule());
        if (!vials) return vials.error();
        l.vials = *vials;
        l.reason = line.reason;
        l.text = line.text;
        auto product = product_arg(line.product);
        if (!product) return product.error();
        if (auto st = text_arg(l.text, stock_fields::reason_text, "stock.label.text"); !st) return st.error();
        l.product = *product;
        doc.lines.push_back(std::move(l));
    }
    PreparedCommand p;
    p.target_org = site->org;
    p.apply = [&app, site = *site, doc]() mutable -> Result<Versions> {
        const StockWorld& w = stock_world(app);
        if (!doc.request.empty()) {
            const StockRequestInfo* req = w.find_request(doc.request);
            if (!req) return Error{"stock.unknown_request", "no such stock request", {{"request", input::excerpt(doc.request)}}};
            if (!app.directory().in_subtree(site.org, req->owner))
                return Error{"stock.request_not_for_site", "the request does not reach this site"};
            if (doc.date < req->doc.issued)
                return Error{"stock.answer_before", "the answer is dated before the request", {{"date", to_iso(req->doc.issued)}}};
        } else if (doc.lines.empty()) {
            return Error{"stock.lines_empty", "at least one lot is needed", {{"name", "lines"}}};
        }
        doc.order = next_stock_order(w.ledger, {site.org});
        const std::string id = new_event_id(app, site.org, k_stock_count_kind, doc.date);
        json body = count_to_json(doc);
        if (auto parsed = count_from_json(body); !parsed) return parsed.error();
        DocumentVersion probe;
        probe.owner = site.org;
        probe.kind = k_stock_count_kind;
        probe.id = id;
        probe.body = body;
        probe.time = sync::format_utc(app.now());
        auto events = stock_events_of(probe);
        if (!events) return events.error();
        for (const auto& e : *events)
            if (auto st = check(app, e); !st) return st.error();
        return one_version(app, site.org, k_stock_count_kind, id, std::move(body));
    };
    return p;
}

// [SECTION] issue_stock_request (在庫量の報告依頼)
Result<IssueStockRequest> IssueStockRequest::read(const json& args) {
    ArgReader r(args, {"type", "products"});
    IssueStockRequest c;
    c.due = r.string("due");
    c.note = r.optional_string("note").value_or("");
    if (auto e = r.finish()) return *e;
    const auto products = args.find("products");
    if (products == args.end() || !products->is_array())
        return Error{"arg.type", "products must be an array", {{"name", "products"}, {"expected", "array"}}};
    for (const auto& p : *products) {
        if (!p.is_string()) return Error{"stock.product", "unknown product", {{"product", input::excerpt(p.dump())}}};
        c.products.push_back(p.get<std::string>());
    }
    return c;
}

Result<PreparedCommand> prepare(App& app, const IssueStockRequest& c) {
    auto due = parse_iso_date(c.due);
    if (!due) return Error{"stock.date", "the date is not a date", {{"date", input::excerpt(c.due)}}};
    const Date today = stock_today(app);
    if (*due < today) return Error{"stock.due_past", "the due date has passed", {{"date", to_iso(*due)}}};
    if (auto st = text_arg(c.note, stock_fields::note, "stock.label.note"); !st) return st.error();
    StockRequestDoc doc;
    doc.issued = today;
    doc.due = *due;
    doc.note = c.note;
    for (const auto& id : c.products) {
        auto product = parse_vaccine_product(id);
        if (!product) return Error{"stock.product", "unknown product", {{"product", input::excerpt(nlohmann::json(id).dump())}}};
        doc.products.add(*product);
    }
    if (doc.products.empty()) return Error{"stock.products_empty", "choose at least one product"};
    const std::string org = app.session().org;
    PreparedCommand p;
    p.target_org = org;
    p.apply = [&app, org, doc]() -> Result<Versions> {
        if (request_sites(app, org, doc.products).empty())
            return Error{"stock.request_no_sites", "no site of the area handles these products"};
        const std::string id = new_event_id(app, org, k_stock_request_kind, doc.issued);
        return one_version(app, org, k_stock_request_kind, id, stock_request_to_json(doc));
    };
    return p;
}

}  // namespace vsys
