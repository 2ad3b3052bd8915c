// check_stock_event (stock_ledger.hpp): the rules a device applies before it records an event.
// The order of the checks is the order a user can fix them in: the numbers and names typed,
// then who may send what to whom, then what the lot holds.
#include <string>

#include "core/stock/stock_ledger.hpp"

namespace vsys {
namespace {

Error err(const char* code, std::string detail, std::vector<std::pair<std::string, std::string>> args = {}) {
    return Error{code, std::move(detail), std::move(args)};
}

Status vials_range(std::int64_t v, std::int64_t min, std::int64_t max) {
    if (v >= min && v <= max) return ok_status();
    return err("stock.vials_range", "vials must be from " + std::to_string(min) + " to " + std::to_string(max),
               {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
}

Status lot_format(const std::string& lot) {
    bool ok = !lot.empty() && lot.size() <= k_max_lot;
    for (unsigned char c : lot) ok = ok && c > 0x20 && c < 0x7f;
    if (ok) return ok_status();
    return err("stock.lot_format", "a lot number is 1 to 20 printable ASCII characters without spaces", {{"lot", lot}});
}

std::size_t utf8_chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xc0) != 0x80;
    return n;
}

// "YYYY-MM-DDTHH:MM" as entered (Japan time); compared as text once well formed.
bool local_minute(const std::string& s) {
    if (s.size() != 16 || s[10] != 'T' || s[13] != ':') return false;
    if (!parse_iso_date(std::string_view(s).substr(0, 10))) return false;
    auto digit = [&](int i) { return s[i] >= '0' && s[i] <= '9'; };
    if (!digit(11) || !digit(12) || !digit(14) || !digit(15)) return false;
    return (s[11] - '0') * 10 + (s[12] - '0') < 24 && (s[14] - '0') * 10 + (s[15] - '0') < 60;
}

Status reason_in(const StockRules& rules, ReasonList list, const StockEvent& e) {
    const StockReason* r = rules.find_reason(list, e.reason);
    if (!r) return err("stock.reason", "the reason '" + e.reason + "' is not in the list for this event", {{"reason", e.reason}});
    if (r->needs == ReasonNeeds::text && e.text.find_first_not_of(" \t\r\n") == std::string::npos)
        return err("stock.reason_text", "this reason needs a free-text explanation");
    if (r->needs == ReasonNeeds::excursion) {
        const auto& x = e.excursion;
        if (!x || !local_minute(x->from) || !local_minute(x->to) || x->to < x->from ||
            x->temperature_tenths < -2000 || x->temperature_tenths > 1000)
            return err("stock.excursion", "a cold-chain failure needs from, to (not before from) and a temperature");
    }
    return ok_status();
}

Status text_length(const StockEvent& e) {
    if (utf8_chars(e.text) <= k_max_reason_text) return ok_status();
    return err("stock.text_too_long", "the free text is too long", {{"max", std::to_string(k_max_reason_text)}});
}

Status known_site(const SiteCategoriesLookup& categories, const std::string& site, VaccineCategories& out) {
    auto c = categories(site);
    if (!c) return err("stock.unknown_site", "no site " + site, {{"site", site}});
    out = *c;
    return ok_status();
}

Status lot_held(const LotBalance* lot, const StockEvent& e) {
    if (lot && (lot->received > 0 || lot->transferred_in > 0)) return ok_status();
    return err("stock.unknown_lot", "the site never received lot " + e.lot, {{"lot", e.lot}});
}

Status enough(const LotBalance& lot, const StockEvent& e) {
    if (e.vials <= lot.on_hand) return ok_status();
    const std::int64_t have = lot.on_hand < 0 ? 0 : lot.on_hand;
    return err("stock.below_zero",
               "lot " + e.lot + " holds " + std::to_string(lot.on_hand) + " vials: " + std::to_string(e.vials) + " is " +
                   std::to_string(e.vials - have) + " short",
               {{"lot", e.lot},
                {"on_hand", std::to_string(lot.on_hand)},
                {"vials", std::to_string(e.vials)},
                {"short", std::to_string(e.vials - have)}});
}

Status check_transfer(const StockRules& rules, const StockLedger& ledger, const StockEvent& e,
                      const SiteCategoriesLookup& categories) {
    if (auto s = vials_range(e.vials, 1, k_max_transfer_vials); !s) return s;
    if (auto s = lot_format(e.lot); !s) return s;
    VaccineCategories from_c, to_c;
    if (auto s = known_site(categories, e.site, from_c); !s) return s;
    if (auto s = known_site(categories, e.to, to_c); !s) return s;
    if (e.site == e.to) return err("transfer.self", "a site cannot transfer to itself");
    const auto from_cat = category_for_product(from_c, e.product);
    const auto to_cat = category_for_product(to_c, e.product);
    if (!from_cat || !to_cat || !rules.matrix_allows(*from_cat, *to_cat)) {
        const std::string from_id = from_cat ? vaccine_category_id(*from_cat) : "none";
        const std::string to_id = to_cat ? vaccine_category_id(*to_cat) : "none";
        return err("transfer.matrix", "the matrix does not allow transfers from " + from_id + " to " + to_id + " for this product",
                   {{"from_category", from_id}, {"to_category", to_id}});
    }
    if (const TransferCap* cap = rules.cap_on(e.date); cap && cap->max_vials && e.vials > *cap->max_vials)
        return err("transfer.max_vials",
                   "at most " + std::to_string(*cap->max_vials) + " vials a transfer" +
                       (cap->valid_to ? " until " + to_iso(*cap->valid_to) : std::string()),
                   {{"cap", std::to_string(*cap->max_vials)}, {"until", cap->valid_to ? to_iso(*cap->valid_to) : ""}});
    bool offered = false;
    for (const TransferCondition* c : rules.conditions_for(e.product, to_c, e.date)) offered = offered || c->id == e.condition;
    if (!offered)
        return err("transfer.condition", "the condition " + e.condition + " is not offered for this product, receiver and date",
                   {{"condition", e.condition}});
    const LotBalance* lot = ledger.find(e.site, e.product, e.lot);
    if (auto s = lot_held(lot, e); !s) return s;
    if (auto expiry = lot_expiry_on(rules, *lot, e.date); expiry && *expiry < e.date)
        return err("lot.expired", "the lot expired on " + to_iso(*expiry), {{"lot", e.lot}, {"expiry", to_iso(*expiry)}});
    return enough(*lot, e);
}

Status check_answer(const StockRules& rules, const StockLedger& ledger, const StockEvent& e,
                    const SiteCategoriesLookup& categories) {
    VaccineCategories c;
    if (auto s = known_site(categories, e.site, c); !s) return s;
    const StockLedger::TransferRecord* t = ledger.find_transfer(e.transfer);
    if (!t) return err("transfer.unknown", "no transfer " + e.transfer + " to answer", {{"transfer", e.transfer}});
    if (ledger.events[t->event].to != e.site)
        return err("transfer.not_addressed", "the transfer is addressed to another site", {{"transfer", e.transfer}});
    if (t->state != StockLedger::TransferState::in_transit)
        return err("transfer.answered", "the transfer was already received or refused", {{"transfer", e.transfer}});
    if (e.kind == StockEventKind::transfer_refusal) {
        if (auto s = reason_in(rules, ReasonList::refusal, e); !s) return s;
        if (auto s = text_length(e); !s) return s;
    }
    return ok_status();
}

}  // namespace

Status check_stock_event(const StockRules& rules, const StockLedger& ledger, const StockEvent& e,
                         const SiteCategoriesLookup& categories) {
    VaccineCategories c;
    switch (e.kind) {
        case StockEventKind::transfer:
            return check_transfer(rules, ledger, e, categories);
        case StockEventKind::transfer_receipt:
        case StockEventKind::transfer_refusal:
            return check_answer(rules, ledger, e, categories);
        case StockEventKind::receipt: {
            if (auto s = vials_range(e.vials, 1, k_max_transfer_vials); !s) return s;
            if (auto s = lot_format(e.lot); !s) return s;
            if (auto s = known_site(categories, e.site, c); !s) return s;
            if (!e.expiry) return err("receipt.lot_expiry", "a receipt line needs the lot's expiry date", {{"lot", e.lot}});
            if (!e.reason.empty())
                if (auto s = reason_in(rules, ReasonList::discrepancy, e); !s) return s;
            return text_length(e);
        }
        case StockEventKind::wastage: {
            // Doses from an opened vial may be reported with no whole vial.
            if (auto s = vials_range(e.vials, e.doses > 0 ? 0 : 1, k_max_transfer_vials); !s) return s;
            if (e.doses < 0 || e.doses > k_max_transfer_vials * 20)
                return err("stock.doses_range", "doses out of range",
                           {{"min", "0"}, {"max", std::to_string(k_max_transfer_vials * 20)}});
            if (auto s = lot_format(e.lot); !s) return s;
            if (auto s = known_site(categories, e.site, c); !s) return s;
            if (auto s = reason_in(rules, ReasonList::wastage, e); !s) return s;
            if (auto s = text_length(e); !s) return s;
            const LotBalance* lot = ledger.find(e.site, e.product, e.lot);
            if (auto s = lot_held(lot, e); !s) return s;
            return enough(*lot, e);
        }
        case StockEventKind::count: {
            if (auto s = vials_range(e.vials, 0, k_max_stock_vials); !s) return s;
            if (auto s = lot_format(e.lot); !s) return s;
            if (auto s = known_site(categories, e.site, c); !s) return s;
            const LotBalance* lot = ledger.find(e.site, e.product, e.lot);
            if (auto s = lot_held(lot, e); !s) return s;
            const std::int64_t difference = lot->on_hand - e.vials;
            if (difference == 0) return text_length(e);
            if (e.reason.empty())
                return err("count.reason_required", "a count that differs from the calculated balance needs a reason",
                           {{"difference", std::to_string(difference)}});
            if (auto s = reason_in(rules, difference > 0 ? ReasonList::count_below : ReasonList::count_above, e); !s) return s;
            return text_length(e);
        }
    }
    return ok_status();
}

}  // namespace vsys
