// `vsys stock [FILE]`: replays a stock ledger given as JSON (FILE or stdin) and prints the
// balances, the transfers in transit and the accounting per lot (docs/STOCK.md "vsys stock").
// Each event is checked as a device checks it (check_stock_event) against the replay of the
// events before it: id = its index as text, order = index + 1, entered = the start of its day.
// Exit codes: 0 replayed; 1 an event refused ({"refused": {index, rule, message}} on stdout);
// 2 usage or malformed input (not JSON, duplicate keys, unknown members, wrong types, unknown
// kinds, products or categories), with the message on stderr.
//
// [SECTION] Reading the input: limits and the strict Reader
// [SECTION] One event read; days; malformed input reported
// [SECTION] cmd_stock: the sites and events read
// [SECTION] cmd_stock: each event checked, then replayed
// [SECTION] cmd_stock: balances, transfers in transit and accounting printed
#include <cmath>
#include <istream>
#include <map>
#include <ostream>

#include "cli/cli.hpp"
#include "core/base/input.hpp"
#include "core/stock/stock_ledger.hpp"

namespace vsys::cli {

// [SECTION] Reading the input: limits and the strict Reader

namespace {

using nlohmann::json;

constexpr std::size_t k_max_cli_events = 200'000;
constexpr std::size_t k_max_cli_sites = 10'000;

// A malformed input: where, and what was expected.
struct Malformed {
    std::string where, what;
};

class Reader {
public:
    Reader(const json& o, std::string where) : o_(o), where_(std::move(where)) {}

    std::optional<Malformed> object(std::initializer_list<const char*> allowed) {
        if (!o_.is_object()) return Malformed{where_, "expected an object"};
        for (auto it = o_.begin(); it != o_.end(); ++it) {
            bool known = false;
            for (const char* a : allowed) known = known || it.key() == a;
            if (!known) return Malformed{where_ + "." + input::excerpt(it.key(), 40), "unknown member"};
        }
        return std::nullopt;
    }
    const json* get(const char* name, bool required) {
        auto it = o_.find(name);
        if (it == o_.end()) {
            if (required && !bad_) bad_ = Malformed{at(name), "missing"};
            return nullptr;
        }
        return &*it;
    }
    std::string str(const char* name, bool required = true) {
        const json* j = get(name, required);
        if (!j) return {};
        if (!j->is_string()) return fail(name, "expected a string"), std::string();
        if (j->get_ref<const std::string&>().size() > 1000) return fail(name, "too long"), std::string();
        return j->get<std::string>();
    }
    std::int64_t integer(const char* name, bool required = true) {
        const json* j = get(name, required);
        if (!j) return 0;
        if (!j->is_number_integer() || (j->is_number_unsigned() && j->get<std::uint64_t>() > (std::uint64_t(1) << 53)))
            return fail(name, "expected an integer"), 0;
        return j->get<std::int64_t>();
    }
    Date date(const char* name) {
        std::string s = str(name);
        if (bad_) return {};
        auto d = parse_iso_date(s);
        if (!d) return fail(name, "expected a date YYYY-MM-DD"), Date{};
        return *d;
    }
    VaccineProduct product(const char* name) {
        std::string s = str(name);
        if (bad_) return {};
        auto p = parse_vaccine_product(s);
        if (!p) return fail(name, "expected pfizer_12, pfizer_5_11 or takeda_moderna"), VaccineProduct{};
        return *p;
    }
    // Degrees Celsius, a whole number or one decimal, kept in tenths.
    std::int64_t tenths(const char* name) {
        const json* j = get(name, true);
        if (!j) return 0;
        if (j->is_number_integer()) {
            const auto v = j->is_number_unsigned() ? std::int64_t(std::min<std::uint64_t>(j->get<std::uint64_t>(), 100000))
                                                   : j->get<std::int64_t>();
            if (v < -200 || v > 100) return fail(name, "expected a temperature from -200 to 100"), 0;
            return v * 10;
        }
        if (!j->is_number_float()) return fail(name, "expected a number"), 0;
        const double v = j->get<double>();
        const double t = std::round(v * 10);
        if (!(v >= -200 && v <= 100) || std::fabs(v * 10 - t) > 1e-6)
            return fail(name, "expected a temperature from -200 to 100 with at most one decimal"), 0;
        return static_cast<std::int64_t>(t);
    }
    void fail(const char* name, std::string what) {
        if (!bad_) bad_ = Malformed{at(name), std::move(what)};
    }
    // Floats are refused everywhere but temperatures.
    std::optional<Malformed> no_floats() const {
        for (auto it = o_.begin(); it != o_.end(); ++it)
            if (it->is_number_float() && it.key() != "temperature") return Malformed{at(it.key().c_str()), "expected an integer"};
        return std::nullopt;
    }
    const std::optional<Malformed>& bad() const { return bad_; }

private:
    std::string at(const char* name) const { return where_ + "." + name; }
    const json& o_;
    std::string where_;
    std::optional<Malformed> bad_;
};

// [SECTION] One event read; days; malformed input reported

std::optional<Malformed> read_event(const json& j, std::size_t index, StockEvent& e) {
    const std::string where = "events[" + std::to_string(index) + "]";
    if (!j.is_object()) return Malformed{where, "expected an object"};
    Reader r(j, where);
    const std::string kind = r.str("kind");
    if (r.bad()) return r.bad();
    auto k = parse_stock_event_kind(kind);
    if (!k) return Malformed{where + ".kind", "expected receipt, transfer, transfer_receipt, transfer_refusal, wastage or count"};
    e.kind = *k;
    std::optional<Malformed> shape;
    switch (e.kind) {
        case StockEventKind::receipt:
            shape = r.object({"kind", "date", "site", "product", "lot", "expiry", "vials"});
            break;
        case StockEventKind::transfer:
            shape = r.object({"kind", "date", "from", "to", "product", "lot", "vials", "condition"});
            break;
        case StockEventKind::transfer_receipt:
            shape = r.object({"kind", "date", "site", "transfer"});
            break;
        case StockEventKind::transfer_refusal:
            shape = r.object({"kind", "date", "site", "transfer", "reason", "text"});
            break;
        case StockEventKind::wastage:
            shape = r.object({"kind", "date", "site", "product", "lot", "vials", "doses", "reason", "text", "from", "to", "temperature"});
            break;
        case StockEventKind::count:
            shape = r.object({"kind", "date", "site", "product", "lot", "vials", "reason", "text"});
            break;
    }
    if (shape) return shape;
    if (auto f = r.no_floats()) return f;
    e.date = r.date("date");
    switch (e.kind) {
        case StockEventKind::receipt:
            e.site = r.str("site");
            e.product = r.product("product");
            e.lot = r.str("lot");
            e.expiry = r.date("expiry");
            e.vials = r.integer("vials");
            break;
        case StockEventKind::transfer:
            e.site = r.str("from");
            e.to = r.str("to");
            e.product = r.product("product");
            e.lot = r.str("lot");
            e.vials = r.integer("vials");
            e.condition = r.str("condition");
            break;
        case StockEventKind::transfer_receipt:
        case StockEventKind::transfer_refusal: {
            e.site = r.str("site");
            const std::int64_t t = r.integer("transfer");
            if (!r.bad() && t < 0) r.fail("transfer", "expected the index of a transfer in events");
            e.transfer = std::to_string(t);
            if (e.kind == StockEventKind::transfer_refusal) {
                e.reason = r.str("reason");
                e.text = r.str("text", false);
            }
            break;
        }
        case StockEventKind::wastage:
            e.site = r.str("site");
            e.product = r.product("product");
            e.lot = r.str("lot");
            e.vials = r.integer("vials");
            e.doses = r.integer("doses", false);
            e.reason = r.str("reason");
            e.text = r.str("text", false);
            if (j.contains("from") || j.contains("to") || j.contains("temperature")) {
                Excursion x;
                x.from = r.str("from");
                x.to = r.str("to");
                x.temperature_tenths = r.tenths("temperature");
                e.excursion = x;
            }
            break;
        case StockEventKind::count:
            e.site = r.str("site");
            e.product = r.product("product");
            e.lot = r.str("lot");
            e.vials = r.integer("vials");
            e.reason = r.str("reason", false);
            e.text = r.str("text", false);
            break;
    }
    return r.bad();
}

// The start of a day in Japan (00:00 JST), in seconds since 1970.
std::int64_t day_start_unix(const Date& d) { return days_since_epoch(d) * 86400 - 9 * 3600; }

int malformed(std::ostream& err, const Malformed& m) {
    err << "vsys stock: " << m.where << ": " << m.what << "\n";
    return 2;
}

}  // namespace

// [SECTION] cmd_stock: the sites and events read

int cmd_stock(const Args& args, std::istream& in, std::ostream& out, std::ostream& err) {
    if (args.size() > 1 || (args.size() == 1 && (args[0] == "-h" || args[0] == "--help"))) {
        err << "usage: vsys stock [FILE]   (replays a stock ledger given as JSON; see docs/STOCK.md)\n";
        return 2;
    }
    std::string text;
    if (!read_input(args.empty() ? std::string() : args[0], in, text, err)) return 2;
    input::JsonLimits limits;
    limits.max_bytes = k_max_input_bytes;
    limits.allow_float = true;  // temperatures; every other float is refused naming its member
    auto parsed = input::parse_json(text, limits);
    if (!parsed) {
        const Error e = input::for_display(parsed.error());
        err << "vsys stock: the input is not accepted JSON: " << e.detail << " [" << e.code << "]\n";
        return 2;
    }
    const json& j = *parsed;
    Reader top(j, "input");
    if (auto m = top.object({"sites", "events"})) return malformed(err, *m);
    const json* sites_j = top.get("sites", true);
    const json* events_j = top.get("events", true);
    if (top.bad()) return malformed(err, *top.bad());
    if (!sites_j->is_object() || sites_j->size() > k_max_cli_sites) return malformed(err, {"sites", "expected an object of sites"});
    if (!events_j->is_array() || events_j->size() > k_max_cli_events)
        return malformed(err, {"events", "expected an array of at most " + std::to_string(k_max_cli_events) + " events"});

    std::map<std::string, VaccineCategories, std::less<>> sites;
    for (auto it = sites_j->begin(); it != sites_j->end(); ++it) {
        const std::string where = "sites." + input::excerpt(it.key(), 40);
        if (it.key().empty() || it.key().size() > 40) return malformed(err, {where, "a site code of 1 to 40 characters"});
        if (!it->is_array()) return malformed(err, {where, "expected an array of handled-vaccine categories"});
        VaccineCategories c;
        for (const auto& x : *it) {
            auto cat = x.is_string() ? parse_vaccine_category(x.get<std::string>()) : std::nullopt;
            if (!cat) return malformed(err, {where, "expected pfizer_hub, pfizer_satellite, pfizer_child, tm_general or tm_workplace"});
            c.add(*cat);
        }
        sites.emplace(it.key(), c);
    }
    const SiteCategoriesLookup lookup = [&](std::string_view s) -> std::optional<VaccineCategories> {
        auto it = sites.find(s);
        if (it == sites.end()) return std::nullopt;
        return it->second;
    };

    std::vector<StockEvent> events(events_j->size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (auto m = read_event((*events_j)[i], i, events[i])) return malformed(err, *m);
        events[i].id = std::to_string(i);
        events[i].order = static_cast<std::int64_t>(i) + 1;
        events[i].entered_unix = day_start_unix(events[i].date);
    }

    // [SECTION] cmd_stock: each event checked, then replayed

    const StockRules& rules = StockRules::builtin();
    StockLedger ledger;
    Date as_of{2021, 2, 14};
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (auto s = check_stock_event(rules, ledger, events[i], lookup); !s) {
            const Error e = input::for_display(s.error());
            out << nlohmann::ordered_json{{"refused", {{"index", i}, {"rule", e.code}, {"message", e.detail}}}}.dump(2) << "\n";
            return 1;
        }
        if (as_of < events[i].date) as_of = events[i].date;
        append_stock_event(rules, ledger, std::move(events[i]));
    }

    // [SECTION] cmd_stock: balances, transfers in transit and accounting printed

    // Members in the order docs/STOCK.md lists them (ordered_json keeps insertion order).
    using ojson = nlohmann::ordered_json;
    ojson balances = ojson::array(), in_transit = ojson::array(), accounting = ojson::array();
    for (const LotBalance& l : ledger.lots) {
        const char* product = vaccine_product_id(l.product);
        balances.push_back({{"site", l.site},
                            {"product", product},
                            {"lot", l.lot},
                            {"vials", l.on_hand},
                            {"doses", stock_doses(rules, l.product, DoseKind::primary, l.on_hand, as_of)}});
        accounting.push_back({{"site", l.site},
                              {"product", product},
                              {"lot", l.lot},
                              {"received", l.received},
                              {"transferred_in", l.transferred_in},
                              {"transferred_out", l.transferred_out},
                              {"wasted", l.wasted_vials},
                              {"count_difference", l.count_difference},
                              {"on_hand", l.on_hand}});
    }
    for (const InTransit& t : ledger.in_transit) in_transit.push_back({{"transfer", std::stoll(t.transfer)}, {"vials", t.vials}});
    out << ojson{{"balances", std::move(balances)}, {"in_transit", std::move(in_transit)}, {"accounting", std::move(accounting)}}.dump(2)
        << "\n";
    return 0;
}

}  // namespace vsys::cli
