// The codecs of the stock documents (stock_documents.hpp): each kind's body written and read back
// strictly, and the ledger events a stored version stands for.
//
// [SECTION] Strict reading: limits, the Strict reader, lines, excursions
// [SECTION] The stock kinds; receipts, counts and stock requests
// [SECTION] Single events: transfers, answers, wastage
// [SECTION] The events of a version, and a transfer's answer id
#include "core/stock/stock_documents.hpp"

#include <initializer_list>

namespace vsys {

// [SECTION] Strict reading: limits, the Strict reader, lines, excursions

namespace {

using nlohmann::json;

constexpr std::int64_t k_max_order = std::int64_t(1) << 53;  // exact in a JavaScript number too
constexpr std::size_t k_max_id = 200;                        // a key, a request's key, a round code
constexpr std::size_t k_max_reason_id = 40;

Error invalid(const std::string& member) {
    return Error{"document.invalid_body", "a member of the document's body is missing or malformed", {{"member", member}}};
}

// Strict reading of one JSON object: every member read is named; the first wrong one (missing
// when required, mistyped, out of range) is kept, and finish() also refuses unknown members.
class Strict {
public:
    Strict(const json& o, std::string prefix = {}) : o_(o), prefix_(std::move(prefix)) {
        if (!o_.is_object()) bad_ = prefix_.empty() ? "body" : prefix_.substr(0, prefix_.size() - 1);
    }
    const json* member(const char* name, bool required) {
        known_.emplace_back(name);
        if (!bad_.empty() || !o_.is_object()) return nullptr;
        auto it = o_.find(name);
        if (it == o_.end()) {
            if (required) fail(name);
            return nullptr;
        }
        return &*it;
    }
    std::string str(const char* name, std::size_t max_bytes, bool required = true) {
        const json* j = member(name, required);
        if (!j) return {};
        if (!j->is_string() || j->get_ref<const std::string&>().size() > max_bytes ||
            (required && j->get_ref<const std::string&>().empty()))
            return fail(name), std::string();
        return j->get<std::string>();
    }
    std::int64_t integer(const char* name, std::int64_t min, std::int64_t max, bool required = true) {
        const json* j = member(name, required);
        if (!j) return 0;
        if (!j->is_number_integer()) return fail(name), 0;
        if (j->is_number_unsigned() && j->get<std::uint64_t>() > std::uint64_t(max)) return fail(name), 0;
        const auto v = j->get<std::int64_t>();
        if (v < min || v > max) return fail(name), 0;
        return v;
    }
    bool boolean(const char* name) {
        const json* j = member(name, true);
        if (!j) return false;
        if (!j->is_boolean()) return fail(name), false;
        return j->get<bool>();
    }
    Date date(const char* name) {
        std::string s = str(name, 10);
        if (!bad_.empty()) return {};
        auto d = parse_iso_date(s);
        if (!d) return fail(name), Date{};
        return *d;
    }
    VaccineProduct product(const char* name) {
        std::string s = str(name, 20);
        if (!bad_.empty()) return {};
        auto p = parse_vaccine_product(s);
        if (!p) return fail(name), VaccineProduct{};
        return *p;
    }
    void schema() { integer("schema", k_stock_schema, k_stock_schema); }
    std::int64_t order() { return integer("order", 1, k_max_order); }
    void fail(const std::string& name) {
        if (bad_.empty()) bad_ = prefix_ + name;
    }
    bool ok() const { return bad_.empty(); }
    Status finish() {
        if (bad_.empty() && o_.is_object())
            for (auto it = o_.begin(); it != o_.end(); ++it) {
                bool known = false;
                for (const auto& k : known_) known = known || k == it.key();
                if (!known) {
                    bad_ = prefix_ + it.key();
                    break;
                }
            }
        if (!bad_.empty()) return invalid(bad_);
        return ok_status();
    }
    const std::string& bad() const { return bad_; }

private:
    const json& o_;
    std::string prefix_;
    std::vector<std::string> known_;
    std::string bad_;
};

// The array member `name`: 1..k_max_stock_lines objects, each read by `line`.
template <class Line>
Status read_lines(Strict& r, const char* name, Line&& line) {
    const json* a = r.member(name, true);
    if (!r.ok()) return r.finish();
    if (!a->is_array() || a->empty() || a->size() > k_max_stock_lines) return invalid(name);
    for (std::size_t i = 0; i < a->size(); ++i) {
        Strict l((*a)[i], std::string(name) + "[" + std::to_string(i) + "].");
        line(l);
        if (auto s = l.finish(); !s) return s;
    }
    return ok_status();
}

Result<Excursion> excursion_from_json(const json& j) {
    Strict r(j, "excursion.");
    Excursion x;
    x.from = r.str("from", 16);
    x.to = r.str("to", 16);
    x.temperature_tenths = r.integer("temperature_tenths", -2000, 1000);
    if (auto s = r.finish(); !s) return s.error();
    return x;
}

std::int64_t unix_of(const std::string& time) {
    // "YYYY-MM-DDTHH:MM:SSZ" (document.hpp); anything else counts as the epoch.
    if (time.size() != 20 || time[10] != 'T' || time[19] != 'Z') return 0;
    auto d = parse_iso_date(std::string_view(time).substr(0, 10));
    if (!d) return 0;
    auto two = [&](int i) { return (time[i] - '0') * 10 + (time[i + 1] - '0'); };
    return days_since_epoch(*d) * 86400 + two(11) * 3600 + two(14) * 60 + two(17);
}

}  // namespace

// [SECTION] The stock kinds; receipts, counts and stock requests

bool is_stock_event_kind(std::string_view kind) {
    return kind == k_stock_receipt_kind || kind == k_stock_transfer_kind || kind == k_stock_transfer_answer_kind ||
           kind == k_stock_wastage_kind || kind == k_stock_count_kind;
}

json receipt_to_json(const StockReceiptDoc& d) {
    json lines = json::array();
    for (const auto& l : d.lines) lines.push_back({{"lot", l.lot}, {"expiry", to_iso(l.expiry)}, {"vials", l.vials}});
    json j = {{"schema", k_stock_schema},   {"round", d.round}, {"product", vaccine_product_id(d.product)},
              {"date", to_iso(d.date)},     {"order", d.order}, {"expected_vials", d.expected_vials},
              {"lines", std::move(lines)}};
    if (!d.discrepancy.empty()) j["discrepancy"] = d.discrepancy;
    if (!d.text.empty()) j["text"] = d.text;
    return j;
}

Result<StockReceiptDoc> receipt_from_json(const json& body) {
    Strict r(body);
    StockReceiptDoc d;
    r.schema();
    d.round = r.str("round", k_max_id);
    d.product = r.product("product");
    d.date = r.date("date");
    d.order = r.order();
    d.expected_vials = r.integer("expected_vials", 0, k_max_stock_vials);
    d.discrepancy = r.str("discrepancy", k_max_reason_id, false);
    d.text = r.str("text", k_max_reason_text * 4, false);
    if (auto s = read_lines(r, "lines", [&](Strict& l) {
            ReceiptLine line;
            line.lot = l.str("lot", k_max_lot);
            line.expiry = l.date("expiry");
            line.vials = l.integer("vials", 1, k_max_transfer_vials);
            d.lines.push_back(std::move(line));
        });
        !s)
        return s.error();
    if (auto s = r.finish(); !s) return s.error();
    // What arrived differs from what was delivered: the difference needs a reason.
    std::int64_t total = 0;
    for (const auto& l : d.lines) total += l.vials;
    if (total != d.expected_vials && d.discrepancy.empty()) return invalid("discrepancy");
    return d;
}

json count_to_json(const StockCountDoc& d) {
    json lines = json::array();
    for (const auto& l : d.lines) {
        json line = {{"product", vaccine_product_id(l.product)}, {"lot", l.lot}, {"vials", l.vials}};
        if (!l.reason.empty()) line["reason"] = l.reason;
        if (!l.text.empty()) line["text"] = l.text;
        lines.push_back(std::move(line));
    }
    json j = {{"schema", k_stock_schema}, {"date", to_iso(d.date)}, {"order", d.order}, {"lines", std::move(lines)}};
    if (!d.request.empty()) j["request"] = d.request;
    return j;
}

Result<StockCountDoc> count_from_json(const json& body) {
    Strict r(body);
    StockCountDoc d;
    r.schema();
    d.date = r.date("date");
    d.order = r.order();
    d.request = r.str("request", k_max_id, false);
    if (auto s = read_lines(r, "lines", [&](Strict& l) {
            CountLine line;
            line.product = l.product("product");
            line.lot = l.str("lot", k_max_lot);
            line.vials = l.integer("vials", 0, k_max_stock_vials);
            line.reason = l.str("reason", k_max_reason_id, false);
            line.text = l.str("text", k_max_reason_text * 4, false);
            d.lines.push_back(std::move(line));
        });
        !s)
        return s.error();
    if (auto s = r.finish(); !s) return s.error();
    return d;
}

json stock_request_to_json(const StockRequestDoc& d) {
    json products = json::array();
    for (auto p : {VaccineProduct::pfizer_12, VaccineProduct::pfizer_5_11, VaccineProduct::takeda_moderna})
        if (d.products.has(p)) products.push_back(vaccine_product_id(p));
    json j = {{"schema", k_stock_schema}, {"issued", to_iso(d.issued)}, {"due", to_iso(d.due)}, {"products", std::move(products)}};
    if (!d.note.empty()) j["note"] = d.note;
    return j;
}

Result<StockRequestDoc> stock_request_from_json(const json& body) {
    Strict r(body);
    StockRequestDoc d;
    r.schema();
    d.issued = r.date("issued");
    d.due = r.date("due");
    d.note = r.str("note", k_max_request_note * 4, false);
    const json* products = r.member("products", true);
    if (r.ok()) {
        if (!products->is_array() || products->empty() || products->size() > 3) return invalid("products");
        for (const auto& p : *products) {
            auto id = p.is_string() ? parse_vaccine_product(p.get<std::string>()) : std::nullopt;
            if (!id || d.products.has(*id)) return invalid("products");
            d.products.add(*id);
        }
    }
    if (auto s = r.finish(); !s) return s.error();
    if (d.due < d.issued) return invalid("due");
    return d;
}

// [SECTION] Single events: transfers, answers, wastage

json single_event_to_json(const StockEvent& e) {
    json j = {{"schema", k_stock_schema}, {"date", to_iso(e.date)}, {"order", e.order}};
    switch (e.kind) {
        case StockEventKind::transfer:
            j["to"] = e.to;
            j["product"] = vaccine_product_id(e.product);
            j["lot"] = e.lot;
            j["expiry"] = to_iso(e.expiry.value_or(e.date));
            j["expiry_basis"] = to_iso(e.expiry_basis.value_or(e.date));
            j["vials"] = e.vials;
            j["condition"] = e.condition;
            break;
        case StockEventKind::transfer_receipt:
        case StockEventKind::transfer_refusal:
            j["transfer"] = e.transfer;
            j["accepted"] = e.kind == StockEventKind::transfer_receipt;
            if (!e.reason.empty()) j["reason"] = e.reason;
            if (!e.text.empty()) j["text"] = e.text;
            break;
        case StockEventKind::wastage:
            j["product"] = vaccine_product_id(e.product);
            j["lot"] = e.lot;
            j["vials"] = e.vials;
            j["doses"] = e.doses;
            j["reason"] = e.reason;
            if (!e.text.empty()) j["text"] = e.text;
            if (e.excursion)
                j["excursion"] = {{"from", e.excursion->from},
                                  {"to", e.excursion->to},
                                  {"temperature_tenths", e.excursion->temperature_tenths}};
            break;
        case StockEventKind::receipt:
        case StockEventKind::count:
            break;  // documents of several lines: receipt_to_json, count_to_json
    }
    return j;
}

Result<StockEvent> single_event_from_json(std::string_view kind, const json& body) {
    Strict r(body);
    StockEvent e;
    r.schema();
    e.date = r.date("date");
    e.order = r.order();
    if (kind == k_stock_transfer_kind) {
        e.kind = StockEventKind::transfer;
        e.to = r.str("to", 40);
        if (r.ok() && !valid_org_id(e.to)) r.fail("to");
        e.product = r.product("product");
        e.lot = r.str("lot", k_max_lot);
        e.expiry = r.date("expiry");
        e.expiry_basis = r.date("expiry_basis");
        e.vials = r.integer("vials", 1, k_max_transfer_vials);
        e.condition = r.str("condition", k_max_reason_id);
    } else if (kind == k_stock_transfer_answer_kind) {
        e.transfer = r.str("transfer", k_max_id);
        e.kind = r.boolean("accepted") ? StockEventKind::transfer_receipt : StockEventKind::transfer_refusal;
        e.reason = r.str("reason", k_max_reason_id, false);
        e.text = r.str("text", k_max_reason_text * 4, false);
    } else if (kind == k_stock_wastage_kind) {
        e.kind = StockEventKind::wastage;
        e.product = r.product("product");
        e.lot = r.str("lot", k_max_lot);
        e.vials = r.integer("vials", 0, k_max_transfer_vials);
        e.doses = r.integer("doses", 0, k_max_transfer_vials * 20);
        e.reason = r.str("reason", k_max_reason_id);
        e.text = r.str("text", k_max_reason_text * 4, false);
        if (const json* x = r.member("excursion", false)) {
            auto ex = excursion_from_json(*x);
            if (!ex) return ex.error();
            e.excursion = *ex;
        }
    } else {
        return Error{"document.invalid_body", "not a single-event stock kind", {{"member", "kind"}}};
    }
    if (auto s = r.finish(); !s) return s.error();
    return e;
}

// [SECTION] The events of a version, and a transfer's answer id

Result<std::vector<StockEvent>> stock_events_of(const DocumentVersion& v) {
    std::vector<StockEvent> out;
    const std::string key = v.key();
    const std::int64_t entered = unix_of(v.time);
    if (v.kind == k_stock_receipt_kind) {
        auto d = receipt_from_json(v.body);
        if (!d) return d.error();
        for (std::size_t i = 0; i < d->lines.size(); ++i) {
            StockEvent e;
            e.kind = StockEventKind::receipt;
            e.id = key + "#" + std::to_string(i + 1);
            e.order = d->order;
            e.date = d->date;
            e.entered_unix = entered;
            e.site = v.owner;
            e.product = d->product;
            e.lot = d->lines[i].lot;
            e.expiry = d->lines[i].expiry;
            e.vials = d->lines[i].vials;
            e.reason = d->discrepancy;
            e.text = d->text;
            out.push_back(std::move(e));
        }
    } else if (v.kind == k_stock_count_kind) {
        auto d = count_from_json(v.body);
        if (!d) return d.error();
        for (std::size_t i = 0; i < d->lines.size(); ++i) {
            StockEvent e;
            e.kind = StockEventKind::count;
            e.id = key + "#" + std::to_string(i + 1);
            e.order = d->order;
            e.date = d->date;
            e.entered_unix = entered;
            e.site = v.owner;
            e.product = d->lines[i].product;
            e.lot = d->lines[i].lot;
            e.vials = d->lines[i].vials;
            e.reason = d->lines[i].reason;
            e.text = d->lines[i].text;
            e.request = d->request;
            out.push_back(std::move(e));
        }
    } else {
        auto e = single_event_from_json(v.kind, v.body);
        if (!e) return e.error();
        e->id = key;
        e->site = v.owner;
        e->entered_unix = entered;
        out.push_back(std::move(*e));
    }
    return out;
}

std::string transfer_answer_id(std::string_view transfer_key) {
    // "<owner>/stock_transfer/<id>": the owner's code (after its "site:" prefix) and the id.
    const auto slash = transfer_key.find('/');
    const auto last = transfer_key.rfind('/');
    std::string_view owner = transfer_key.substr(0, slash);
    const auto colon = owner.find(':');
    std::string_view code = colon == std::string_view::npos ? owner : owner.substr(colon + 1);
    std::string_view id = last == std::string_view::npos ? transfer_key : transfer_key.substr(last + 1);
    return std::string(code) + "-" + std::string(id);
}

}  // namespace vsys
