// The stock ledger (stock_ledger.hpp): events replayed in causal order into per-lot balances and
// transfers, or one event appended in place when it comes after all the others.
//
// [SECTION] Event kinds by id
// [SECTION] Ordering, and the lot and transfer look-ups (replaying, or on a finished ledger)
// [SECTION] Applier: one event applied to its lot and transfer
// [SECTION] Look-ups on a finished ledger
// [SECTION] Replay and append
// (conflicts, expiry, the next order and doses of a finished ledger: stock_ledger_queries.cpp)
#include "core/stock/stock_ledger.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace vsys {

// [SECTION] Event kinds by id

const char* stock_event_kind_id(StockEventKind k) {
    switch (k) {
        case StockEventKind::receipt: return "receipt";
        case StockEventKind::transfer: return "transfer";
        case StockEventKind::transfer_receipt: return "transfer_receipt";
        case StockEventKind::transfer_refusal: return "transfer_refusal";
        case StockEventKind::wastage: return "wastage";
        case StockEventKind::count: return "count";
    }
    return "receipt";
}

std::optional<StockEventKind> parse_stock_event_kind(std::string_view id) {
    for (auto k : {StockEventKind::receipt, StockEventKind::transfer, StockEventKind::transfer_receipt,
                   StockEventKind::transfer_refusal, StockEventKind::wastage, StockEventKind::count})
        if (id == stock_event_kind_id(k)) return k;
    return std::nullopt;
}

// [SECTION] Ordering, and the lot and transfer look-ups (replaying, or on a finished ledger)

namespace {

int compare_lot(const LotBalance& l, std::string_view site, VaccineProduct p, std::string_view lot) {
    if (int c = l.site.compare(site)) return c;
    if (l.product != p) return l.product < p ? -1 : 1;
    return l.lot.compare(lot);
}


bool event_before(const StockEvent& a, const StockEvent& b) {
    return a.order != b.order ? a.order < b.order : a.id < b.id;
}

bool is_answer(StockEventKind k) { return k == StockEventKind::transfer_receipt || k == StockEventKind::transfer_refusal; }

// Lot and transfer look-ups while replaying: hash maps built as the replay goes (the ledger's
// vectors are sorted once at the end).
struct HashIndex {
    std::unordered_map<std::string, std::uint32_t> lots;
    std::unordered_map<std::string_view, std::uint32_t> transfers;  // views into L.events, fixed while replaying
    // Sites numbered as first seen (views into L.events); a replay may span a prefecture.
    std::unordered_map<std::string_view, std::uint32_t> site_numbers;
    std::vector<std::string_view> sites;
    std::vector<std::int64_t> site_orders;  // by site number: the highest order touching it
    std::uint32_t recent[4] = {0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu};  // a hub and its satellites alternate
    unsigned next_recent = 0;
    std::vector<std::uint32_t> sender_lots;  // by transfer record: the sender's lot (lots only grow while replaying)
    std::string buf;

    std::uint32_t site_number(std::string_view site) {
        for (std::uint32_t r : recent)
            if (r < sites.size() && sites[r] == site) return r;
        auto [it, inserted] = site_numbers.try_emplace(site, static_cast<std::uint32_t>(sites.size()));
        if (inserted) {
            sites.push_back(site);
            site_orders.push_back(0);
        }
        recent[next_recent++ & 3] = it->second;
        return it->second;
    }

    // Site number (2 bytes), product and lot: short enough for the string's own buffer with
    // usual lot numbers, so a new lot allocates no key.
    const std::string& key(std::string_view site, VaccineProduct p, std::string_view lot) {
        const std::uint32_t n = site_number(site);
        buf.clear();
        buf.push_back(static_cast<char>(n & 0xff));
        buf.push_back(static_cast<char>(n >> 8 & 0xff));
        buf.push_back(static_cast<char>('0' + static_cast<int>(p)));
        if (n > 0xffff) buf.append(site).push_back('\x1f');  // more sites than two bytes tell apart
        buf.append(lot);
        return buf;
    }
    std::uint32_t lot(StockLedger& L, std::string_view site, VaccineProduct p, std::string_view lot_id) {
        // Events of one lot come in runs: the last lot looked up answers most of them.
        if (last < L.lots.size()) {
            const LotBalance& b = L.lots[last];
            if (b.product == p && b.lot == lot_id && b.site == site) return last;
        }
        last = lookup(L, site, p, lot_id);
        return last;
    }
    std::uint32_t last = 0xffffffffu;
    std::uint32_t lookup(StockLedger& L, std::string_view site, VaccineProduct p, std::string_view lot_id) {
        auto [it, inserted] = lots.try_emplace(key(site, p, lot_id), static_cast<std::uint32_t>(L.lots.size()));
        if (inserted) {
            LotBalance& b = L.lots.emplace_back();  // built in place: a LotBalance is large
            b.site = site;
            b.product = p;
            b.lot = lot_id;
            lot_sites.push_back(site_number(site));
        }
        return it->second;
    }
    std::vector<std::uint32_t> lot_sites;  // by lot: its site's number
    StockLedger::TransferRecord* find_transfer(StockLedger& L, const std::string& id) {
        auto it = transfers.find(std::string_view(id));
        return it == transfers.end() ? nullptr : &L.transfers[it->second];
    }
    void add_transfer(StockLedger& L, StockLedger::TransferRecord r, std::uint32_t sender_lot) {
        if (transfers.try_emplace(std::string_view(L.events[r.event].id), static_cast<std::uint32_t>(L.transfers.size())).second) {
            L.transfers.push_back(r);
            sender_lots.push_back(sender_lot);
        }
    }
    std::uint32_t sender_lot(StockLedger& L, const StockLedger::TransferRecord* rec, const StockEvent&) {
        return sender_lots[static_cast<std::size_t>(rec - L.transfers.data())];
    }
    // Replaying, the list of transfers in transit is made once at the end.
    static constexpr bool keeps_transit = false;
};

// The same look-ups on a finished ledger (sorted vectors), for appending one event in place.
struct SortedIndex {
    std::uint32_t lot(StockLedger& L, std::string_view site, VaccineProduct p, std::string_view lot_id) {
        auto it = std::lower_bound(L.lots.begin(), L.lots.end(), 0, [&](const LotBalance& l, int) {
            return compare_lot(l, site, p, lot_id) < 0;
        });
        if (it == L.lots.end() || compare_lot(*it, site, p, lot_id) != 0) {
            LotBalance b;
            b.site = std::string(site);
            b.product = p;
            b.lot = std::string(lot_id);
            it = L.lots.insert(it, std::move(b));
        }
        return static_cast<std::uint32_t>(it - L.lots.begin());
    }
    StockLedger::TransferRecord* find_transfer(StockLedger& L, const std::string& id) {
        return const_cast<StockLedger::TransferRecord*>(L.find_transfer(id));
    }
    std::uint32_t sender_lot(StockLedger& L, const StockLedger::TransferRecord*, const StockEvent& t) {
        return lot(L, t.site, t.product, t.lot);
    }
    void add_transfer(StockLedger& L, StockLedger::TransferRecord r, std::uint32_t) {
        const std::string& id = L.events[r.event].id;
        auto it = std::lower_bound(L.transfers.begin(), L.transfers.end(), id,
                                   [&](const StockLedger::TransferRecord& t, const std::string& x) { return L.events[t.event].id < x; });
        if (it != L.transfers.end() && L.events[it->event].id == id) return;
        L.transfers.insert(it, r);
    }
    static constexpr bool keeps_transit = true;
};

// [SECTION] Applier: one event applied to its lot and transfer

template <class Index>
class Applier {
public:
    Applier(const StockRules& rules, StockLedger& ledger, Index& index) : rules_(rules), L_(ledger), ix_(index) {}

    // Applies events[i]; answers whose transfer is not there yet wait in pending_.
    void apply(std::uint32_t i) {
        const StockEvent& e = L_.events[i];
        note_order(e.site, e.order);
        if (e.order > L_.max_order) L_.max_order = e.order;
        switch (e.kind) {
            case StockEventKind::receipt: {
                LotBalance& l = L_.lots[ix_.lot(L_, e.site, e.product, e.lot)];
                note_expiry(l, e.expiry, e.date);
                l.received += e.vials;
                credit(l, e, e.vials, i);
                break;
            }
            case StockEventKind::transfer: {
                const std::uint32_t lot = ix_.lot(L_, e.site, e.product, e.lot);
                LotBalance& l = L_.lots[lot];
                if (!l.expiry && e.expiry) note_expiry(l, e.expiry, e.expiry_basis.value_or(e.date));
                l.transferred_out += e.vials;
                l.in_transit_out += e.vials;
                debit(l, e, e.vials, i);
                ix_.add_transfer(L_, {i, StockLedger::TransferState::in_transit, StockLedger::k_none}, lot);
                note_order(e.to, e.order);
                if (Index::keeps_transit) L_.in_transit.push_back(in_transit_of(e));
                if (!pending_.empty()) {
                    auto it = pending_.find(e.id);
                    if (it != pending_.end()) {
                        std::vector<std::uint32_t> waiting = std::move(it->second);
                        pending_.erase(it);
                        for (std::uint32_t a : waiting) answer(a, ix_.find_transfer(L_, e.id));
                    }
                }
                break;
            }
            case StockEventKind::transfer_receipt:
            case StockEventKind::transfer_refusal:
                if (auto* rec = ix_.find_transfer(L_, e.transfer)) answer(i, rec);
                else pending_[e.transfer].push_back(i);
                break;
            case StockEventKind::wastage: {
                LotBalance& l = L_.lots[ix_.lot(L_, e.site, e.product, e.lot)];
                l.wasted_vials += e.vials;
                l.wasted_doses += e.doses;
                if (e.vials != 0) l.wasted_by_reason[e.reason] += e.vials;
                debit(l, e, e.vials, i);
                break;
            }
            case StockEventKind::count: {
                if (L_.options.now_unix && *L_.options.now_unix >= rules_.purge().cutoff_unix &&
                    e.entered_unix < rules_.purge().cutoff_unix) {
                    L_.purged.push_back(e);
                    break;
                }
                LotBalance& l = L_.lots[ix_.lot(L_, e.site, e.product, e.lot)];
                const std::int64_t difference = l.on_hand - e.vials;
                l.count_difference += difference;
                if (difference != 0) l.count_by_reason[e.reason] += difference;
                l.on_hand = e.vials;
                l.last_count = e.date;
                touch(l, e, -difference, i, l.site);
                break;
            }
        }
    }

    bool has_pending() const { return !pending_.empty(); }

private:
    void note_order(const std::string& site, std::int64_t order) {
        if (site.empty()) return;
        if constexpr (!Index::keeps_transit) {
            // Replaying: by site number, written out once by finish().
            std::int64_t& o = ix_.site_orders[ix_.site_number(site)];
            if (o < order) o = order;
            return;
        }
        auto it = L_.max_order_by_site.find(site);
        if (it == L_.max_order_by_site.end()) L_.max_order_by_site.emplace(site, order);
        else if (it->second < order) it->second = order;
    }
    static void note_expiry(LotBalance& l, const std::optional<Date>& printed, const Date& basis) {
        if (!l.expiry && printed) l.expiry = printed;
        if (!l.expiry_basis) l.expiry_basis = basis;
    }
    void touch(LotBalance& l, const StockEvent& e, std::int64_t change, std::uint32_t i, const std::string& site) {
        if (!l.last_event || *l.last_event < e.date) l.last_event = e.date;
        if (L_.options.lines) L_.lines.push_back({&L_.events[i], i, site, change, l.on_hand});
    }
    void credit(LotBalance& l, const StockEvent& e, std::int64_t v, std::uint32_t i) {
        l.on_hand += v;
        touch(l, e, v, i, l.site);
    }
    void debit(LotBalance& l, const StockEvent& e, std::int64_t v, std::uint32_t i) {
        l.on_hand -= v;
        if (e.order != l.concurrent_order) {
            l.concurrent_order = e.order;
            l.concurrent_debits.clear();
        }
        l.concurrent_debits.push_back(i);
        if (l.on_hand < l.lowest) l.lowest = l.on_hand;
        if (l.on_hand < 0) {
            // Both devices' debits are signed records: applied, and the lot flagged with every
            // debit of the same causal order (neither device had seen the other's).
            l.conflict = true;
            for (std::uint32_t d : l.concurrent_debits) {
                const std::string& id = L_.events[d].id;
                if (std::find(l.conflict_events.begin(), l.conflict_events.end(), id) == l.conflict_events.end())
                    l.conflict_events.push_back(id);
            }
        }
        touch(l, e, -v, i, l.site);
    }
    void answer(std::uint32_t i, StockLedger::TransferRecord* rec) {
        const StockEvent& a = L_.events[i];
        // Kept in events but changing nothing: not the transfer's receiver, or answered already.
        if (!rec || rec->state != StockLedger::TransferState::in_transit) return;
        const StockEvent& t = L_.events[rec->event];
        if (a.site != t.to) return;
        if (a.kind == StockEventKind::transfer_receipt) {
            // The receiver's lot first: creating it may move the sorted lots; the sender's
            // exists since the transfer, so looking it up afterwards moves nothing.
            const std::uint32_t receiver = ix_.lot(L_, t.to, t.product, t.lot);
            const std::uint32_t sender = ix_.sender_lot(L_, rec, t);
            LotBalance& r = L_.lots[receiver];
            // The transfer document names the lot's expiry; an event without it (the CLI) takes
            // the sender's lot's.
            const LotBalance& from = L_.lots[sender];
            note_expiry(r, t.expiry ? t.expiry : from.expiry,
                        t.expiry_basis ? *t.expiry_basis : from.expiry_basis.value_or(t.date));
            r.transferred_in += t.vials;
            credit(r, a, t.vials, i);
            L_.lots[sender].in_transit_out -= t.vials;
            rec->state = StockLedger::TransferState::received;
        } else {
            LotBalance& s = L_.lots[ix_.sender_lot(L_, rec, t)];
            s.transferred_out -= t.vials;
            s.in_transit_out -= t.vials;
            credit(s, a, t.vials, i);
            rec->state = StockLedger::TransferState::refused;
        }
        rec->answer = i;
        note_order(t.site, a.order);
        if (!Index::keeps_transit) return;
        for (auto it = L_.in_transit.rbegin(); it != L_.in_transit.rend(); ++it)
            if (it->transfer == t.id) {
                L_.in_transit.erase(std::next(it).base());
                break;
            }
    }

public:
    // Replaying: the transfers still in transit, in replay order (before transfers is sorted).
    // Made once here, since erasing answered ones from the middle of a long list as they come
    // would cost more than the rest of the replay.
    void finish() {
        if (Index::keeps_transit) return;
        if constexpr (!Index::keeps_transit)
            for (std::size_t n = 0; n < ix_.sites.size(); ++n)
                if (ix_.site_orders[n] > 0) L_.max_order_by_site.emplace(std::string(ix_.sites[n]), ix_.site_orders[n]);
        for (const auto& t : L_.transfers)
            if (t.state == StockLedger::TransferState::in_transit) L_.in_transit.push_back(in_transit_of(L_.events[t.event]));
    }

private:
    static InTransit in_transit_of(const StockEvent& e) { return {e.id, e.site, e.to, e.product, e.lot, e.vials, e.date}; }

    const StockRules& rules_;
    StockLedger& L_;
    Index& ix_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> pending_;
};

}  // namespace

// [SECTION] Look-ups on a finished ledger

const LotBalance* StockLedger::find(std::string_view site, VaccineProduct p, std::string_view lot) const {
    auto it = std::lower_bound(lots.begin(), lots.end(), 0,
                               [&](const LotBalance& l, int) { return compare_lot(l, site, p, lot) < 0; });
    return it != lots.end() && compare_lot(*it, site, p, lot) == 0 ? &*it : nullptr;
}

std::vector<const LotBalance*> StockLedger::lots_of(std::string_view site) const {
    std::vector<const LotBalance*> out;
    auto it = std::lower_bound(lots.begin(), lots.end(), site, [](const LotBalance& l, std::string_view s) { return l.site < s; });
    for (; it != lots.end() && it->site == site; ++it) out.push_back(&*it);
    return out;
}

const StockEvent* StockLedger::find_event(std::string_view id) const {
    if (const TransferRecord* t = find_transfer(id)) return &events[t->event];
    for (const auto& e : events)
        if (e.id == id) return &e;
    return nullptr;
}

const StockLedger::TransferRecord* StockLedger::find_transfer(std::string_view id) const {
    auto it = std::lower_bound(transfers.begin(), transfers.end(), id,
                               [&](const TransferRecord& t, std::string_view x) { return events[t.event].id < x; });
    return it != transfers.end() && events[it->event].id == id ? &*it : nullptr;
}

std::optional<StockLedger::TransferState> StockLedger::transfer_state(std::string_view transfer_id) const {
    const TransferRecord* t = find_transfer(transfer_id);
    if (!t) return std::nullopt;
    return t->state;
}

// [SECTION] Replay and append

namespace {

// v[k] = old v[from[k]] for every k, in place, cycle by cycle: each element moved once, none
// when already in order, and no second array (a fresh 5 MB for 10,000 events costs more in
// page faults than the whole replay).
template <class T>
void permute(std::vector<T>& v, const std::vector<std::uint32_t>& from) {
    std::vector<bool> placed(v.size());
    for (std::uint32_t i = 0; i < v.size(); ++i) {
        if (placed[i] || from[i] == i) continue;
        T held = std::move(v[i]);
        std::uint32_t j = i;
        for (;;) {
            placed[j] = true;
            const std::uint32_t f = from[j];
            if (f == i) {
                v[j] = std::move(held);
                break;
            }
            v[j] = std::move(v[f]);
            j = f;
        }
    }
}

}  // namespace

StockLedger replay_stock(const StockRules& rules, std::vector<StockEvent> events, const ReplayOptions& options) {
    StockLedger L;
    L.options = options;
    // Sort indices, then move each event once: events are large and sorting them in place
    // would move every one log n times. The keys are copied out so that the sort reads a small
    // array; ids are read only on ties; events that arrive in order are not sorted at all.
    const bool in_order = std::is_sorted(events.begin(), events.end(), event_before);
    L.events = std::move(events);
    if (!in_order) {
        std::vector<std::pair<std::int64_t, std::uint32_t>> order(L.events.size());
        for (std::uint32_t i = 0; i < L.events.size(); ++i) order[i] = {L.events[i].order, i};
        std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : L.events[a.second].id < L.events[b.second].id;
        });
        std::vector<std::uint32_t> from(order.size());
        for (std::size_t k = 0; k < order.size(); ++k) from[k] = order[k].second;
        permute(L.events, from);
    }
    L.lots.reserve(L.events.size() / 4 + 16);
    if (options.lines) L.lines.reserve(L.events.size() + L.events.size() / 4);

    HashIndex ix;
    ix.lots.reserve(L.events.size() / 4 + 16);
    Applier<HashIndex> applier(rules, L, ix);
    for (std::uint32_t i = 0; i < L.events.size(); ++i) applier.apply(i);
    applier.finish();

    // Lots sorted by index, then each moved once (a LotBalance is large); the sites are ranked
    // once, so the sort compares two numbers and reads a lot number only within a site.
    std::vector<std::uint32_t> site_rank(ix.sites.size());
    {
        std::vector<std::uint32_t> by_name(ix.sites.size());
        std::iota(by_name.begin(), by_name.end(), 0u);
        std::sort(by_name.begin(), by_name.end(), [&](std::uint32_t a, std::uint32_t b) { return ix.sites[a] < ix.sites[b]; });
        for (std::uint32_t r = 0; r < by_name.size(); ++r) site_rank[by_name[r]] = r;
    }
    std::vector<std::uint32_t> by_lot(L.lots.size());
    std::iota(by_lot.begin(), by_lot.end(), 0u);
    std::sort(by_lot.begin(), by_lot.end(), [&](std::uint32_t a, std::uint32_t b) {
        const std::uint32_t ra = site_rank[ix.lot_sites[a]], rb = site_rank[ix.lot_sites[b]];
        if (ra != rb) return ra < rb;
        if (L.lots[a].product != L.lots[b].product) return L.lots[a].product < L.lots[b].product;
        return L.lots[a].lot < L.lots[b].lot;
    });
    permute(L.lots, by_lot);
    // Transfers by id: the ids copied out as views, so the sort does not chase each event.
    std::vector<std::pair<std::string_view, StockLedger::TransferRecord>> by_id;
    by_id.reserve(L.transfers.size());
    for (const auto& t : L.transfers) by_id.emplace_back(L.events[t.event].id, t);
    std::sort(by_id.begin(), by_id.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < by_id.size(); ++k) L.transfers[k] = by_id[k].second;
    return L;
}

void append_stock_event(const StockRules& rules, StockLedger& ledger, StockEvent event) {
    const bool in_place = !ledger.options.lines && (ledger.events.empty() || event_before(ledger.events.back(), event)) &&
                          (!is_answer(event.kind) || ledger.find_transfer(event.transfer));
    if (!in_place) {
        std::vector<StockEvent> all = std::move(ledger.events);
        all.push_back(std::move(event));
        const ReplayOptions options = ledger.options;
        ledger = replay_stock(rules, std::move(all), options);
        return;
    }
    ledger.events.push_back(std::move(event));
    SortedIndex ix;
    Applier<SortedIndex> applier(rules, ledger, ix);
    applier.apply(static_cast<std::uint32_t>(ledger.events.size() - 1));
}

}  // namespace vsys
