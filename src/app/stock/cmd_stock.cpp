// The stock commands (DOMAIN.md §5; docs/STOCK.md): a site (or its municipality, 代行入力)
// confirms a delivery (受入), registers a transfer (移送の登録) or answers one (受入/受入拒否),
// reports wastage (ワクチン廃棄量等の報告) and counts its stock (在庫量の報告, also the answer to
// a stock request); the nation, a prefecture or a municipality issues a stock request. Every rule
// is the core's check_stock_event against the device's replay; here are the arguments, the
// dates (not after today, Japan time), the document ids and the causal order. The commands are
// typed (stock_commands.hpp); each has its codec here and its rules in its prepare().
//
// Index:
// [SECTION] confirm_delivery (受入)
// [SECTION] transfer_stock (移送の登録)
// [SECTION] answer_transfer (受入 / 受入拒否)
// [SECTION] record_wastage (ワクチン廃棄量等の報告)
// (record_count and issue_stock_request: cmd_stock_count.cpp)
#include <algorithm>
#include <memory>

#include "app/allocation/allocation_app.hpp"
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/site/site_app.hpp"
#include "app/stock/stock_app.hpp"
#include "app/stock/stock_command_args.hpp"
#include "app/stock/stock_commands.hpp"
#include "app/stock/stock_fields.hpp"
#include "core/allocation/chain_state.hpp"
#include "core/base/number_field.hpp"
#include "core/base/text.hpp"
#include "sync/utc_time.hpp"

namespace vsys {

using nlohmann::json;
using namespace stock_args;

// [SECTION] confirm_delivery (受入)
Result<ConfirmDelivery> ConfirmDelivery::read(const json& args) {
    ArgReader r(args, {"type", "lines"});
    ConfirmDelivery c;
    c.site = r.string("site");
    c.round = r.string("round");
    c.date = r.optional_string("date");
    c.discrepancy = r.optional_string("discrepancy").value_or("");
    c.text = r.optional_string("text").value_or("");
    if (auto e = r.finish()) return *e;
    auto lines = read_lines<ReceivedLot>(args, [](ArgReader& lr) {
        ReceivedLot l;
        l.lot = lr.string("lot");
        l.expiry = lr.string("expiry");
        l.vials = lr.number("vials", stock_fields::vials_rule());
        return l;
    });
    if (!lines) return lines.error();
    c.lines = std::move(*lines);
    return c;
}

Result<PreparedCommand> prepare(App& app, const ConfirmDelivery& c) {
    auto site = site_arg(app, c.site);
    if (!site) return site.error();
    auto date = event_date(app, c.date);
    if (!date) return date.error();
    if (auto st = text_arg(c.text, stock_fields::reason_text, "stock.label.text"); !st) return st.error();
    if (auto st = line_count(c.lines.size(), true); !st) return st.error();
    StockReceiptDoc doc;
    doc.round = c.round;
    doc.date = *date;
    doc.discrepancy = c.discrepancy;
    doc.text = c.text;
    for (const auto& line : c.lines) {
        ReceiptLine l;
        l.lot = line.lot;
        auto vials = check_number(line.vials, stock_fields::vials_rule());
        if (!vials) return vials.error();
        l.vials = *vials;
        auto ex = parse_iso_date(line.expiry);
        if (!ex) return Error{"stock.expiry", "the expiry is not a date", {{"lot", input::excerpt(l.lot)}}};
        l.expiry = *ex;
        doc.lines.push_back(std::move(l));
    }
    PreparedCommand p;
    p.target_org = site->org;
    p.apply = [&app, site = *site, doc]() mutable -> Result<Versions> {
        const StockWorld& w = stock_world(app);
        if (auto it = w.receipts.find(site.org); it != w.receipts.end() && it->second.count(doc.round))
            return Error{"stock.receipt_exists", "this delivery is already confirmed", {{"round", doc.round}}};
        const ChainWorld& world = allocation_world(app);
        const Round* round = world.catalog().find_round(doc.round);
        if (!round) return Error{"chain.unknown_round", "unknown round", {{"round", doc.round}}};
        auto orders = delivery_orders(world, app.store(), doc.round, site.org);
        std::int64_t expected = 0;
        if (orders)
            for (const auto& o : *orders)
                if (o.site == site.org) expected += o.vials;
        if (expected <= 0) return Error{"stock.no_delivery", "no confirmed delivery of this round", {{"round", doc.round}}};
        doc.product = round->product;
        doc.expected_vials = expected;
        doc.order = next_stock_order(w.ledger, {site.org});
        if (auto st = check_receipt(StockRules::builtin(), doc); !st) return st.error();
        json body = receipt_to_json(doc);
        if (auto parsed = receipt_from_json(body); !parsed) return parsed.error();
        // Each lot as an event on the replay so far (the codec has checked the lines' shape).
        DocumentVersion probe;
        probe.owner = site.org;
        probe.kind = k_stock_receipt_kind;
        probe.id = doc.round;
        probe.body = body;
        probe.time = sync::format_utc(app.now());
        auto events = stock_events_of(probe);
        if (!events) return events.error();
        for (const auto& e : *events)
            if (auto st = check(app, e); !st) return st.error();
        return one_version(app, site.org, k_stock_receipt_kind, doc.round, std::move(body));
    };
    return p;
}

// [SECTION] transfer_stock (移送の登録)
Result<TransferStock> TransferStock::read(const json& args) {
    ArgReader r(args);
    TransferStock c;
    c.site = r.string("site");
    c.to = r.string("to");
    c.product = r.string("product");
    c.lot = r.string("lot");
    c.vials = r.number("vials", stock_fields::vials_rule());
    c.condition = r.string("condition");
    c.date = r.optional_string("date");
    c.near_expiry_ok = r.optional_bool("near_expiry_ok").value_or(false);
    if (auto e = r.finish()) return *e;
    return c;
}

// The vials leave the sender's stock at once and are in transit until the receiver answers. A
// lot within k_expiry_warning_days of its expiry is refused unless near_expiry_ok: the screen
// asks first and sends it again.
Result<PreparedCommand> prepare(App& app, const TransferStock& c) {
    auto vials = check_number(c.vials, stock_fields::vials_rule());
    if (!vials) return vials.error();
    auto site = site_arg(app, c.site);
    if (!site) return site.error();
    auto to = site_arg(app, ascii_digits(c.to));
    if (!to) return to.error();
    auto product = product_arg(c.product);
    if (!product) return product.error();
    auto date = event_date(app, c.date);
    if (!date) return date.error();
    PreparedCommand p;
    p.target_org = site->org;
    p.apply = [&app, site = *site, to = *to, product = *product, lot = c.lot, vials = *vials, condition = c.condition,
               date = *date, near_ok = c.near_expiry_ok]() -> Result<Versions> {
        const StockWorld& w = stock_world(app);
        const StockRules& rules = StockRules::builtin();
        StockEvent e;
        e.kind = StockEventKind::transfer;
        e.site = site.org;
        e.to = to.org;
        e.product = product;
        e.lot = lot;
        e.vials = vials;
        e.condition = condition;
        e.date = date;
        e.order = next_stock_order(w.ledger, {site.org, to.org});
        if (const LotBalance* b = w.ledger.find(site.org, product, lot)) {
            e.expiry = b->expiry;
            e.expiry_basis = b->expiry_basis ? b->expiry_basis : b->expiry;
        }
        if (auto st = check(app, e); !st) return st.error();
        if (e.expiry && !near_ok) {
            const Date eff = effective_expiry(rules, product, *e.expiry, e.expiry_basis.value_or(*e.expiry), date);
            const std::int64_t left = days_since_epoch(eff) - days_since_epoch(date);
            if (left <= k_expiry_warning_days)
                return Error{"transfer.near_expiry", "the lot expires within days",
                             {{"lot", lot}, {"expiry", to_iso(eff)}, {"days", std::to_string(left)}}};
        }
        const std::string id = new_event_id(app, site.org, k_stock_transfer_kind, date);
        return one_version(app, site.org, k_stock_transfer_kind, id, single_event_to_json(e));
    };
    return p;
}

// [SECTION] answer_transfer (受入 / 受入拒否)
Result<AnswerTransfer> AnswerTransfer::read(const json& args) {
    ArgReader r(args);
    AnswerTransfer c;
    c.site = r.string("site");
    c.transfer = r.string("transfer");
    const auto accept = r.optional_bool("accept");
    c.reason = r.optional_string("reason").value_or("");
    c.text = r.optional_string("text").value_or("");
    c.date = r.optional_string("date");
    if (auto e = r.finish()) return *e;
    if (!accept) return Error{"arg.missing", "accept is missing", {{"name", "accept"}}};
    c.accept = *accept;
    return c;
}

// The receiver takes the vials into its stock or refuses them with a reason and they return
// to the sender.
Result<PreparedCommand> prepare(App& app, const AnswerTransfer& c) {
    auto site = site_arg(app, c.site);
    if (!site) return site.error();
    auto date = event_date(app, c.date);
    if (!date) return date.error();
    if (auto st = text_arg(c.text, stock_fields::reason_text, "stock.label.text"); !st) return st.error();
    PreparedCommand p;
    p.target_org = site->org;
    p.apply = [&app, site = *site, transfer = c.transfer, accept = c.accept, reason = c.reason, text = c.text,
               date = *date]() -> Result<Versions> {
        const StockWorld& w = stock_world(app);
        StockEvent e;
        e.kind = accept ? StockEventKind::transfer_receipt : StockEventKind::transfer_refusal;
        e.site = site.org;
        e.transfer = transfer;
        e.reason = reason;
        e.text = text;
        e.date = date;
        const StockEvent* t = w.ledger.find_event(transfer);
        if (t) {
            e.product = t->product;
            e.lot = t->lot;
            e.vials = t->vials;
            e.order = next_stock_order(w.ledger, {site.org, t->site});
        }
        if (auto st = check(app, e); !st) return st.error();
        if (t && t->date > date)
            return Error{"transfer.answer_before", "the answer is dated before the transfer", {{"date", to_iso(t->date)}}};
        return one_version(app, site.org, k_stock_transfer_answer_kind, transfer_answer_id(transfer),
                           single_event_to_json(e));
    };
    return p;
}

// [SECTION] record_wastage (ワクチン廃棄量等の報告)
namespace {
NumberRule wasted_vials_rule() { return {"stock.label.vials", 0, k_max_transfer_vials}; }
}  // namespace

Result<RecordWastage> RecordWastage::read(const json& args) {
    ArgReader r(args);
    RecordWastage c;
    c.site = r.string("site");
    c.product = r.string("product");
    c.lot = r.string("lot");
    c.vials = r.optional_number("vials", wasted_vials_rule()).value_or(0);
    c.doses = r.optional_number("doses", stock_fields::doses_rule()).value_or(0);
    c.reason = r.string("reason");
    c.text = r.optional_string("text").value_or("");
    c.excursion_from = r.optional_string("excursion_from");
    c.excursion_to = r.optional_string("excursion_to");
    c.temperature = r.optional_string("temperature");
    c.date = r.optional_string("date");
    if (auto e = r.finish()) return *e;
    return c;
}

// Whole vials, or doses from an opened vial (then vials may be 0); a cold-chain failure with
// its start, end and temperature.
Result<PreparedCommand> prepare(App& app, const RecordWastage& c) {
    auto vials = check_number(c.vials, wasted_vials_rule());
    if (!vials) return vials.error();
    auto doses = check_number(c.doses, stock_fields::doses_rule());
    if (!doses) return doses.error();
    auto site = site_arg(app, c.site);
    if (!site) return site.error();
    auto product = product_arg(c.product);
    if (!product) return product.error();
    auto date = event_date(app, c.date);
    if (!date) return date.error();
    if (auto st = text_arg(c.text, stock_fields::reason_text, "stock.label.text"); !st) return st.error();
    if (*vials == 0 && *doses == 0) return Error{"stock.wastage_empty", "enter vials or doses"};
    StockEvent e;
    e.kind = StockEventKind::wastage;
    e.site = site->org;
    e.product = *product;
    e.lot = c.lot;
    e.vials = *vials;
    e.doses = *doses;
    e.reason = c.reason;
    e.text = c.text;
    e.date = *date;
    if (c.excursion_from || c.excursion_to || c.temperature) {
        Excursion x;
        x.from = c.excursion_from.value_or("");
        x.to = c.excursion_to.value_or("");
        if (c.temperature) {
            auto t = stock_fields::read_temperature(*c.temperature);
            if (!t) return t.error();
            x.temperature_tenths = *t;
        }
        if (x.from.size() > stock_fields::excursion_time || x.to.size() > stock_fields::excursion_time)
            return Error{"stock.excursion", "the excursion's times are malformed"};
        e.excursion = x;
    }
    PreparedCommand p;
    p.target_org = site->org;
    p.apply = [&app, e]() mutable -> Result<Versions> {
        const StockWorld& w = stock_world(app);
        e.order = next_stock_order(w.ledger, {e.site});
        if (auto st = check(app, e); !st) return st.error();
        const std::string id = new_event_id(app, e.site, k_stock_wastage_kind, e.date);
        return one_version(app, e.site, k_stock_wastage_kind, id, single_event_to_json(e));
    };
    return p;
}

namespace {
const CommandEntry k_commands[] = {
    command_entry<ConfirmDelivery>(), command_entry<TransferStock>(), command_entry<AnswerTransfer>(),
    command_entry<RecordWastage>(),   command_entry<RecordCount>(),   command_entry<IssueStockRequest>(),
};
}  // namespace

std::span<const CommandEntry> stock_commands() { return k_commands; }

}  // namespace vsys
