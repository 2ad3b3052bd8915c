// Property test (issue 15): a random sequence of 10,000 valid events, generated as candidates
// and kept when check_stock_event accepts them, gives the balances, the transfers in transit and
// the accounting identity that a second, independent model computes. The model below is
// written from the rules (DOMAIN.md §5, docs/STOCK.md) with plain maps and never calls the
// ledger code; it also predicts which candidates the device refuses (below zero, answered).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <tuple>

#include "stock_world.hpp"

TEST_SUITE_BEGIN("stock");

using namespace vsys;
using namespace vsys::stock_test;
using C = VaccineCategory;
using P = VaccineProduct;

namespace {

struct RefLot {
    std::int64_t received = 0, in = 0, out = 0, wasted = 0, difference = 0, on_hand = 0;
};
struct RefTransfer {
    std::string from, to, lot;
    P product = P::pfizer_12;
    std::int64_t vials = 0;
    int state = 0;  // 0 in transit, 1 received, 2 refused
};

using LotKey = std::tuple<std::string, int, std::string>;

struct Model {
    std::map<LotKey, RefLot> lots;
    std::map<std::string, RefTransfer> transfers;

    RefLot* find(const std::string& site, P p, const std::string& lot) {
        auto it = lots.find({site, int(p), lot});
        return it == lots.end() ? nullptr : &it->second;
    }
    // Whether the device must accept the event, and if so its effect.
    bool apply(const StockEvent& e) {
        switch (e.kind) {
            case StockEventKind::receipt: {
                RefLot& l = lots[{e.site, int(e.product), e.lot}];
                l.received += e.vials;
                l.on_hand += e.vials;
                return true;
            }
            case StockEventKind::transfer: {
                RefLot* l = find(e.site, e.product, e.lot);
                if (!l || e.vials > l->on_hand) return false;
                l->out += e.vials;
                l->on_hand -= e.vials;
                transfers[e.id] = {e.site, e.to, e.lot, e.product, e.vials, 0};
                return true;
            }
            case StockEventKind::transfer_receipt:
            case StockEventKind::transfer_refusal: {
                auto it = transfers.find(e.transfer);
                if (it == transfers.end() || it->second.state != 0 || it->second.to != e.site) return false;
                RefTransfer& t = it->second;
                if (e.kind == StockEventKind::transfer_receipt) {
                    RefLot& r = lots[{t.to, int(t.product), t.lot}];
                    r.in += t.vials;
                    r.on_hand += t.vials;
                    t.state = 1;
                } else {
                    RefLot& s = *find(t.from, t.product, t.lot);
                    s.out -= t.vials;
                    s.on_hand += t.vials;
                    t.state = 2;
                }
                return true;
            }
            case StockEventKind::wastage: {
                RefLot* l = find(e.site, e.product, e.lot);
                if (!l || e.vials > l->on_hand) return false;
                l->wasted += e.vials;
                l->on_hand -= e.vials;
                return true;
            }
            case StockEventKind::count: {
                RefLot* l = find(e.site, e.product, e.lot);
                if (!l) return false;
                const std::int64_t diff = l->on_hand - e.vials;
                if (diff != 0 && e.reason.empty()) return false;
                l->difference += diff;
                l->on_hand = e.vials;
                return true;
            }
        }
        return false;
    }
};

}  // namespace

TEST_CASE("property: 10,000 random valid events; balances and the accounting identity agree with a reference model") {
    World w;
    const std::vector<std::string> pfizer_sites = {"site:1310000011", "site:1310000029", "site:1310000037", "site:1310000045"};
    const std::vector<std::string> tm_sites = {"site:1310000052", "site:1310000060"};
    w.sites[pfizer_sites[0]] = cats({C::pfizer_hub, C::tm_general});
    w.sites[pfizer_sites[1]] = cats({C::pfizer_hub});
    w.sites[pfizer_sites[2]] = cats({C::pfizer_satellite});
    w.sites[pfizer_sites[3]] = cats({C::pfizer_satellite, C::tm_general});
    w.sites[tm_sites[0]] = cats({C::tm_general});
    w.sites[tm_sites[1]] = cats({C::tm_general});

    std::mt19937_64 rng(20220131);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    auto between = [&](std::int64_t lo, std::int64_t hi) { return lo + static_cast<std::int64_t>(rng() % std::uint64_t(hi - lo + 1)); };
    const std::vector<std::string> lots = {"FA001", "FA002", "FA003", "TM001", "TM002"};
    auto product_of_lot = [](const std::string& lot) { return lot[0] == 'F' ? P::pfizer_12 : P::takeda_moderna; };
    auto sites_for = [&](P p) -> std::vector<std::string> {
        if (p == P::pfizer_12) return pfizer_sites;
        return {pfizer_sites[0], pfizer_sites[3], tm_sites[0], tm_sites[1]};
    };

    Model model;
    std::vector<std::string> open_transfers;
    int accepted = 0, refused = 0, candidates = 0;
    while (accepted < 10000) {
        ++candidates;
        REQUIRE(candidates < 40000);
        // Five years of days from the lifted cap (2022-01-31) on: dates only move forward.
        const Date day = add_days(d("2022-01-31"), accepted * 1826 / 10000);
        const std::string lot = lots[pick(lots.size())];
        const P p = product_of_lot(lot);
        const auto sites = sites_for(p);
        const std::string site = sites[pick(sites.size())];
        RefLot* held = model.find(site, p, lot);
        StockEvent e;
        const int what = static_cast<int>(pick(100));
        if (what < 12 || !held) {
            e = receipt(site, p, lot, between(1, 200), day, d("2031-12-31"));
        } else if (what < 40) {
            std::string to;
            do to = sites[pick(sites.size())];
            while (to == site);
            // Sometimes more than the lot holds: the device must refuse it.
            e = transfer(site, to, p, lot, between(1, std::max<std::int64_t>(1, held->on_hand + 3)), day);
        } else if (what < 62 && !open_transfers.empty()) {
            const std::size_t i = pick(open_transfers.size());
            const RefTransfer& t = model.transfers[open_transfers[i]];
            const bool wrong_site = pick(10) == 0;
            e = answer(wrong_site ? t.from : t.to, open_transfers[i], day, pick(4) != 0, "not_expected");
        } else if (what < 82) {
            static const char* reasons[] = {"expired", "broken", "open_vial_time_limit", "other", "cold_chain"};
            e = wastage(site, p, lot, between(1, std::max<std::int64_t>(1, held->on_hand + 2)), day, reasons[pick(5)]);
            if (e.reason == "other") e.text = "落下";
            if (e.reason == "cold_chain") e.excursion = Excursion{"2022-02-01T08:00", "2022-02-01T09:00", 150};
        } else {
            const std::int64_t counted = std::max<std::int64_t>(0, held->on_hand + between(-3, 2));
            const std::int64_t diff = held->on_hand - counted;
            e = count(site, p, lot, counted, day, diff > 0 ? (pick(2) ? "used" : "unexplained") : diff < 0 ? "found" : "");
            if (pick(20) == 0) e.reason.clear();  // a difference without a reason: refused
        }
        e.id = "e" + std::to_string(100000 + candidates);
        e.order = w.ledger.max_order + 1;
        Model trial = model;
        const bool expected = trial.apply(e);
        const Status s = w.check(e);
        INFO("candidate " << candidates << " kind " << stock_event_kind_id(e.kind) << " "
                          << (s.ok() ? std::string("accepted") : s.error().code));
        REQUIRE(s.ok() == expected);
        if (!s.ok()) {
            ++refused;
            continue;
        }
        model = std::move(trial);
        if (e.kind == StockEventKind::transfer) open_transfers.push_back(e.id);
        if (e.kind == StockEventKind::transfer_receipt || e.kind == StockEventKind::transfer_refusal)
            open_transfers.erase(std::find(open_transfers.begin(), open_transfers.end(), e.transfer));
        append_stock_event(w.rules, w.ledger, std::move(e));
        ++accepted;
    }
    CHECK(refused > 100);  // the generator did try the rules

    // The device's incrementally kept ledger, a full replay and a replay of a shuffle agree
    // with the model, lot by lot.
    std::vector<StockEvent> shuffled = w.ledger.events;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    const StockLedger replayed = replay_stock(w.rules, shuffled);
    CHECK(replayed.max_order_by_site == w.ledger.max_order_by_site);
    CHECK(replayed.max_order == w.ledger.max_order);
    REQUIRE(replayed.transfers.size() == w.ledger.transfers.size());
    for (std::size_t i = 0; i < replayed.transfers.size(); ++i) {
        CHECK(replayed.events[replayed.transfers[i].event].id == w.ledger.events[w.ledger.transfers[i].event].id);
        CHECK(replayed.transfers[i].state == w.ledger.transfers[i].state);
    }
    for (const StockLedger* L : {static_cast<const StockLedger*>(&w.ledger), &replayed}) {
        REQUIRE(L->lots.size() == model.lots.size());
        std::int64_t transit = 0;
        for (const auto& [key, ref] : model.lots) {
            // Named members, not a structured binding: clang 14 (the wasm build) cannot capture those.
            const auto& site = std::get<0>(key);
            const auto& product = std::get<1>(key);
            const auto& lot = std::get<2>(key);
            CAPTURE(site);
            CAPTURE(lot);
            const LotBalance* b = L->find(site, static_cast<P>(product), lot);
            REQUIRE(b);
            CHECK(b->on_hand == ref.on_hand);
            CHECK(b->received == ref.received);
            CHECK(b->transferred_in == ref.in);
            CHECK(b->transferred_out == ref.out);
            CHECK(b->wasted_vials == ref.wasted);
            CHECK(b->count_difference == ref.difference);
            CHECK(ref.received + ref.in == ref.on_hand + ref.out + ref.wasted + ref.difference);
            CHECK(identity_holds(*b));
            CHECK_FALSE(b->conflict);
            CHECK(b->on_hand >= 0);
            transit += b->in_transit_out;
        }
        std::int64_t ref_transit = 0;
        std::size_t ref_open = 0;
        for (const auto& [id, t] : model.transfers)
            if (t.state == 0) ref_transit += t.vials, ++ref_open;
        CHECK(transit == ref_transit);
        CHECK(L->in_transit.size() == ref_open);
        CHECK(L->events.size() == 10000);
    }
}

TEST_SUITE_END();
