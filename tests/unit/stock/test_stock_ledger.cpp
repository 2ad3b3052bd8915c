// The stock ledger's rules through check_stock_event and its replay (issue 15's tests): the 25
// cells of the matrix, the dated cap, below zero refused, two devices' debits flagged, a
// refused transfer returning, replay independent of arrival order, the purge, expiry.
//
// [SECTION] A world of two hubs
// [SECTION] check_stock_event: the matrix, the vial cap, below zero
// [SECTION] Two devices' debits, and transfers in transit
// [SECTION] Replay order and append_stock_event
// [SECTION] The purge and expiry
// [SECTION] Conditions and the other rules of check_stock_event
// [SECTION] The ledger's lines
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "stock_world.hpp"

TEST_SUITE_BEGIN("stock");

using namespace vsys;
using namespace vsys::stock_test;
using C = VaccineCategory;
using P = VaccineProduct;

// [SECTION] A world of two hubs

namespace {

const Date k_far = d("2030-12-31");

World two_hubs() {
    World w;
    w.sites["site:H1"] = cats({C::pfizer_hub, C::tm_general});
    w.sites["site:H2"] = cats({C::pfizer_hub});
    w.sites["site:S1"] = cats({C::pfizer_satellite});
    w.sites["site:K1"] = cats({C::pfizer_child});
    w.sites["venue:W1"] = cats({C::tm_workplace});
    return w;
}

}  // namespace

// [SECTION] check_stock_event: the matrix, the vial cap, below zero

TEST_CASE("the transfer matrix: all 25 cells, each way, through check_stock_event") {
    const C all[] = {C::pfizer_hub, C::pfizer_satellite, C::pfizer_child, C::tm_general, C::tm_workplace};
    const bool domain[5][5] = {{1, 1, 0, 0, 0}, {1, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 0}};
    int accepted = 0, refused = 0;
    for (int f = 0; f < 5; ++f)
        for (int t = 0; t < 5; ++t) {
            CAPTURE(vaccine_category_id(all[f]));
            CAPTURE(vaccine_category_id(all[t]));
            World w;
            w.sites["site:FROM"] = cats({all[f]});
            w.sites["site:TO"] = cats({all[t]});
            const P p = product_of(all[f]);
            REQUIRE(w.add(receipt("site:FROM", p, "LOT1", 100, d("2022-03-01"), k_far)));
            auto s = w.check(transfer("site:FROM", "site:TO", p, "LOT1", 10, d("2022-03-02")));
            if (product_of(all[t]) != p) {
                // The receiver does not handle the product moved at all: it counts as ×.
                REQUIRE_FALSE(s.ok());
                CHECK(s.error().code == "transfer.matrix");
                CHECK(s.error().arg("from_category") == vaccine_category_id(all[f]));
                CHECK(s.error().arg("to_category") == "none");
                ++refused;
            } else if (domain[f][t]) {
                CHECK(s.ok());
                ++accepted;
            } else {
                REQUIRE_FALSE(s.ok());
                CHECK(s.error().code == "transfer.matrix");
                CHECK(s.error().arg("from_category") == vaccine_category_id(all[f]));
                CHECK(s.error().arg("to_category") == vaccine_category_id(all[t]));
                ++refused;
            }
        }
    CHECK(accepted == 6);
    CHECK(refused == 19);

    // A sender that does not handle the product: "none" on its side.
    World w = two_hubs();
    REQUIRE(w.add(receipt("site:K1", P::pfizer_5_11, "C1", 10, d("2022-03-01"), k_far)));
    auto s = w.check(transfer("site:K1", "site:H2", P::pfizer_5_11, "C1", 1, d("2022-03-02")));
    CHECK(s.error().arg("from_category") == "pfizer_child");
    CHECK(s.error().arg("to_category") == "none");
}

TEST_CASE("the vial cap is dated: 5 until 2022-01-30, any whole number from 2022-01-31") {
    World w = two_hubs();
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA1", 1000, d("2022-01-20"), k_far)));
    CHECK(w.check(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 5, d("2022-01-30"))).ok());
    auto six = w.check(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 6, d("2022-01-30")));
    REQUIRE_FALSE(six.ok());
    CHECK(six.error().code == "transfer.max_vials");
    CHECK(six.error().arg("cap") == "5");
    CHECK(six.error().arg("until") == "2022-01-30");
    for (std::int64_t v : {1, 5, 6, 500}) {
        CAPTURE(v);
        CHECK(w.add(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", v, d("2022-01-31"))).ok());
    }
    CHECK(w.on_hand("site:H1", P::pfizer_12, "FA1") == 1000 - 512);
    CHECK(w.ledger.in_transit.size() == 4);
}

TEST_CASE("a debit below zero is refused on the device, saying by how much, and changes nothing") {
    World w = two_hubs();
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA1", 10, d("2022-02-01"), k_far)));
    REQUIRE(w.add(wastage("site:H1", P::pfizer_12, "FA1", 3, d("2022-02-02"))));
    const auto events = w.ledger.events.size();
    const LotBalance before = *w.ledger.find("site:H1", P::pfizer_12, "FA1");

    auto s = w.add(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 9, d("2022-02-03")));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "stock.below_zero");
    CHECK(s.error().arg("on_hand") == "7");
    CHECK(s.error().arg("vials") == "9");
    CHECK(s.error().arg("short") == "2");
    auto waste = w.add(wastage("site:H1", P::pfizer_12, "FA1", 8, d("2022-02-03")));
    CHECK(waste.error().code == "stock.below_zero");
    CHECK(waste.error().arg("short") == "1");

    CHECK(w.ledger.events.size() == events);
    const LotBalance& after = *w.ledger.find("site:H1", P::pfizer_12, "FA1");
    CHECK(after.on_hand == before.on_hand);
    CHECK(after.transferred_out == before.transferred_out);
    CHECK(after.wasted_vials == before.wasted_vials);
    CHECK(w.ledger.in_transit.empty());
}

// [SECTION] Two devices' debits, and transfers in transit

TEST_CASE("two devices' valid debits that merge below zero are applied and flagged as a conflict naming both") {
    World w = two_hubs();
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA1", 5, d("2022-02-01"), k_far)));
    // Both devices hold the receipt (order 1) and record a debit each, valid on its own.
    const std::int64_t order = next_stock_order(w.ledger, {"site:H1"});
    CHECK(order == 2);
    StockEvent a = wastage("site:H1", P::pfizer_12, "FA1", 4, d("2022-02-02"));
    a.id = "device-a";
    a.order = order;
    StockEvent b = transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 3, d("2022-02-02"));
    b.id = "device-b";
    b.order = order;
    CHECK(w.check(a).ok());
    CHECK(w.check(b).ok());

    std::vector<StockEvent> merged = w.ledger.events;
    merged.push_back(b);
    merged.push_back(a);
    StockLedger L = replay_stock(w.rules, merged);
    const LotBalance* lot = L.find("site:H1", P::pfizer_12, "FA1");
    REQUIRE(lot);
    CHECK(lot->on_hand == -2);  // never clipped
    CHECK(lot->conflict);
    CHECK(lot->lowest == -2);
    CHECK(lot->conflict_events == std::vector<std::string>{"device-a", "device-b"});
    CHECK(identity_holds(*lot));
    auto conflicts = stock_conflicts(L);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].code == "lot.conflict");
    CHECK(conflicts[0].arg("events") == "device-a,device-b");
    CHECK(conflicts[0].arg("lowest") == "-2");

    // Once merged, the device refuses any further debit of that lot, naming the shortfall.
    w.ledger = L;
    auto more = w.check(wastage("site:H1", P::pfizer_12, "FA1", 1, d("2022-02-03")));
    CHECK(more.error().code == "stock.below_zero");
    CHECK(more.error().arg("short") == "1");
}

TEST_CASE("a transfer is in transit until received; refused, it returns to the sender") {
    World w = two_hubs();
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA1", 50, d("2022-02-01"), d("2022-06-30"))));
    REQUIRE(w.add(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 20, d("2022-02-02"))));
    const std::string sent = w.last_id();
    CHECK(w.on_hand("site:H1", P::pfizer_12, "FA1") == 30);
    REQUIRE(w.ledger.in_transit.size() == 1);
    CHECK(w.ledger.in_transit[0].vials == 20);
    CHECK(w.ledger.transfer_state(sent) == StockLedger::TransferState::in_transit);

    // Only the receiver answers, once.
    CHECK(w.check(answer("site:H2", sent, d("2022-02-02"), true)).error().code == "transfer.not_addressed");
    CHECK(w.check(answer("site:S1", "nope", d("2022-02-02"), true)).error().code == "transfer.unknown");
    CHECK(w.check(answer("site:S1", sent, d("2022-02-02"), false, "bogus")).error().code == "stock.reason");
    CHECK(w.check(answer("site:S1", sent, d("2022-02-02"), false, "other")).error().code == "stock.reason_text");

    REQUIRE(w.add(answer("site:S1", sent, d("2022-02-03"), false, "condition")));
    CHECK(w.check(answer("site:S1", sent, d("2022-02-03"), true)).error().code == "transfer.answered");
    CHECK(w.ledger.transfer_state(sent) == StockLedger::TransferState::refused);
    CHECK(w.ledger.in_transit.empty());
    const LotBalance& h1 = *w.ledger.find("site:H1", P::pfizer_12, "FA1");
    CHECK(h1.on_hand == 50);
    CHECK(h1.transferred_out == 0);
    CHECK(h1.in_transit_out == 0);
    CHECK(identity_holds(h1));
    CHECK(w.ledger.find("site:S1", P::pfizer_12, "FA1") == nullptr);

    // Sent again and received: the receiver's lot carries the sender's expiry.
    REQUIRE(w.add(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 15, d("2022-02-04"))));
    const std::string again = w.last_id();
    REQUIRE(w.add(answer("site:S1", again, d("2022-02-04"), true)));
    const LotBalance& s1 = *w.ledger.find("site:S1", P::pfizer_12, "FA1");
    CHECK(s1.on_hand == 15);
    CHECK(s1.transferred_in == 15);
    CHECK(s1.expiry == d("2022-06-30"));
    CHECK(s1.expiry_basis == d("2022-02-01"));
    CHECK(identity_holds(s1));
    CHECK(w.ledger.find("site:H1", P::pfizer_12, "FA1")->transferred_out == 15);
    CHECK(w.ledger.find("site:H1", P::pfizer_12, "FA1")->in_transit_out == 0);
    // A satellite may send back to its hub (○).
    CHECK(w.check(transfer("site:S1", "site:H1", P::pfizer_12, "FA1", 5, d("2022-02-05"))).ok());
}

// [SECTION] Replay order and append_stock_event

TEST_CASE("replay is independent of the order events arrive in: they carry causal order") {
    World w = two_hubs();
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA1", 100, d("2022-02-01"), k_far)));
    REQUIRE(w.add(receipt("site:H1", P::takeda_moderna, "TM1", 40, d("2022-02-01"), k_far)));
    for (int i = 0; i < 10; ++i) {
        REQUIRE(w.add(transfer("site:H1", i % 2 ? "site:S1" : "site:H2", P::pfizer_12, "FA1", 3 + i, d("2022-02-02"))));
        const std::string t = w.last_id();
        if (i % 3 != 2) REQUIRE(w.add(answer(i % 2 ? "site:S1" : "site:H2", t, d("2022-02-03"), i % 3 == 0, "not_expected")));
        REQUIRE(w.add(wastage("site:H1", P::takeda_moderna, "TM1", 1, d("2022-02-03"), "expired")));
    }
    REQUIRE(w.add(count("site:H1", P::pfizer_12, "FA1", w.on_hand("site:H1", P::pfizer_12, "FA1") - 2, d("2022-02-10"), "used")));
    REQUIRE(w.add(count("site:S1", P::pfizer_12, "FA1", w.on_hand("site:S1", P::pfizer_12, "FA1") + 1, d("2022-02-10"), "found")));

    StockLedger reference = replay_stock(w.rules, w.ledger.events);
    std::mt19937 rng(15);
    for (int round = 0; round < 20; ++round) {
        std::vector<StockEvent> shuffled = w.ledger.events;
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        StockLedger L = replay_stock(w.rules, shuffled);
        REQUIRE(L.lots.size() == reference.lots.size());
        for (std::size_t i = 0; i < L.lots.size(); ++i) {
            CHECK(L.lots[i].site == reference.lots[i].site);
            CHECK(L.lots[i].lot == reference.lots[i].lot);
            CHECK(L.lots[i].on_hand == reference.lots[i].on_hand);
            CHECK(L.lots[i].transferred_out == reference.lots[i].transferred_out);
            CHECK(L.lots[i].count_by_reason == reference.lots[i].count_by_reason);
        }
        CHECK(L.in_transit.size() == reference.in_transit.size());
        CHECK(L.max_order == reference.max_order);
    }
    // The incrementally kept ledger and a full replay agree.
    for (std::size_t i = 0; i < reference.lots.size(); ++i) {
        CHECK(w.ledger.lots[i].on_hand == reference.lots[i].on_hand);
        CHECK(identity_holds(reference.lots[i]));
    }
    CHECK(reference.in_transit.size() == 3);
}

TEST_CASE("an answer sorted before its transfer (a malformed order) still applies once the transfer is replayed") {
    World w = two_hubs();
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA1", 10, d("2022-02-01"), k_far)));
    REQUIRE(w.add(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 4, d("2022-02-02"))));
    StockEvent ans = answer("site:S1", w.last_id(), d("2022-02-02"), true);
    ans.id = "a0";
    ans.order = 1;  // lower than the transfer's
    std::vector<StockEvent> all = w.ledger.events;
    all.push_back(ans);
    StockLedger L = replay_stock(w.rules, all);
    CHECK(L.find("site:S1", P::pfizer_12, "FA1")->on_hand == 4);
    CHECK(L.in_transit.empty());
}

TEST_CASE("append_stock_event: in place when the event sorts last, a full replay otherwise; both agree") {
    World w = two_hubs();
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA1", 30, d("2022-02-01"), k_far)));
    REQUIRE(w.add(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 10, d("2022-02-02"))));
    const std::string sent = w.last_id();
    // A wastage another device recorded earlier in causal order arrives late: replayed in.
    StockEvent late = wastage("site:H1", P::pfizer_12, "FA1", 4, d("2022-02-01"));
    late.id = "a-late";
    late.order = 2;  // concurrent with the transfer, sorted before it by id
    append_stock_event(w.rules, w.ledger, late);
    CHECK(w.ledger.events[1].id == "a-late");
    CHECK(w.on_hand("site:H1", P::pfizer_12, "FA1") == 16);
    // An answer whose transfer the ledger does not hold waits in the events, changing nothing.
    StockEvent orphan = answer("site:S1", "elsewhere", d("2022-02-03"), true);
    orphan.id = "z-orphan";
    orphan.order = w.ledger.max_order + 1;
    append_stock_event(w.rules, w.ledger, orphan);
    CHECK(w.ledger.events.size() == 4);
    CHECK(w.ledger.transfer_state(sent) == StockLedger::TransferState::in_transit);
    REQUIRE(w.add(answer("site:S1", sent, d("2022-02-03"), true)));
    const StockLedger full = replay_stock(w.rules, w.ledger.events);
    REQUIRE(full.lots.size() == w.ledger.lots.size());
    for (std::size_t i = 0; i < full.lots.size(); ++i) {
        CHECK(full.lots[i].on_hand == w.ledger.lots[i].on_hand);
        CHECK(full.lots[i].wasted_vials == w.ledger.lots[i].wasted_vials);
    }
    CHECK(full.in_transit.empty());
    CHECK(w.ledger.in_transit.empty());
    CHECK(w.on_hand("site:S1", P::pfizer_12, "FA1") == 10);
}

// [SECTION] The purge and expiry

TEST_CASE("the purge: counts entered before the cutoff are excluded once it has passed, kept in purged") {
    World w = two_hubs();
    const std::int64_t cutoff = w.rules.purge().cutoff_unix;
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA1", 100, d("2022-01-10"), k_far)));
    StockEvent before = count("site:H1", P::pfizer_12, "FA1", 90, d("2022-01-20"), "used");
    before.entered_unix = cutoff - 3600;
    REQUIRE(w.add(before));
    REQUIRE(w.add(wastage("site:H1", P::pfizer_12, "FA1", 5, d("2022-01-25"))));
    CHECK(w.on_hand("site:H1", P::pfizer_12, "FA1") == 85);

    // Users are told from 7 days before.
    CHECK_FALSE(w.rules.purge().notice_due(cutoff - 7 * 86400 - 1));
    CHECK(w.rules.purge().notice_due(cutoff - 7 * 86400));
    CHECK_FALSE(w.rules.purge().notice_due(cutoff));
    CHECK(w.rules.purge().passed(cutoff));

    // Before the cutoff the count stands.
    StockLedger early = replay_stock(w.rules, w.ledger.events, {cutoff - 1});
    CHECK(early.find("site:H1", P::pfizer_12, "FA1")->on_hand == 85);
    CHECK(early.purged.empty());

    // From the cutoff: balances as calculated (100 - 5), the count kept aside, not applied.
    StockLedger late = replay_stock(w.rules, w.ledger.events, {cutoff});
    const LotBalance& lot = *late.find("site:H1", P::pfizer_12, "FA1");
    CHECK(lot.on_hand == 95);
    CHECK(lot.count_difference == 0);
    CHECK_FALSE(lot.last_count.has_value());
    REQUIRE(late.purged.size() == 1);
    CHECK(late.purged[0].vials == 90);
    CHECK(late.events.size() == 3);  // the record is kept
    CHECK(identity_holds(lot));

    // A count entered after the cutoff applies.
    StockEvent after = count("site:H1", P::pfizer_12, "FA1", 94, d("2022-02-01"), "unexplained");
    after.entered_unix = cutoff + 60;
    after.id = "zz";
    after.order = late.max_order + 1;
    REQUIRE(check_stock_event(w.rules, late, after, w.lookup()).ok());
    append_stock_event(w.rules, late, after);
    CHECK(late.find("site:H1", P::pfizer_12, "FA1")->on_hand == 94);
    CHECK(late.purged.size() == 1);
}

TEST_CASE("expiry: an expired lot cannot be transferred; an extension after receipt lets it move") {
    World w = two_hubs();
    // Takeda/Moderna received under the 9-month rule, printed expiry 2021-12-01.
    REQUIRE(w.add(receipt("site:H1", P::takeda_moderna, "TM1", 20, d("2021-11-20"), d("2021-12-01"))));
    w.sites["site:G2"] = cats({C::tm_general});
    CHECK(w.check(transfer("site:H1", "site:G2", P::takeda_moderna, "TM1", 2, d("2021-12-01"))).ok());
    auto late = w.check(transfer("site:H1", "site:G2", P::takeda_moderna, "TM1", 2, d("2021-12-05")));
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == "lot.expired");
    CHECK(late.error().arg("expiry") == "2021-12-01");
    CHECK(late.error().arg("lot") == "TM1");

    // Pfizer received under 6 months (printed 2021-10-31) is still good in November once 12 months apply.
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA9", 20, d("2021-05-01"), d("2021-10-31"))));
    CHECK(w.check(transfer("site:H1", "site:S1", P::pfizer_12, "FA9", 5, d("2021-11-15"))).ok());
    const LotBalance& lot = *w.ledger.find("site:H1", P::pfizer_12, "FA9");
    CHECK(lot_expiry_on(w.rules, lot, d("2021-11-15")) == d("2022-04-30"));
    CHECK(lot_expiry_on(w.rules, lot, d("2022-05-01")) == d("2022-07-31"));  // 15 months from 2022-04-22
    // Within 7 days of expiry the screens ask first.
    const LotBalance& tm = *w.ledger.find("site:H1", P::takeda_moderna, "TM1");
    CHECK(lot_near_expiry(w.rules, tm, d("2021-11-24")));
    CHECK_FALSE(lot_near_expiry(w.rules, tm, d("2021-11-23")));
}

// [SECTION] Conditions and the other rules of check_stock_event

TEST_CASE("conditions: the ultra-low box only to a hub; the frozen condition only from its date") {
    World w = two_hubs();
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA1", 50, d("2021-05-01"), k_far)));
    auto to_satellite = w.check(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 5, d("2021-07-01"), "ultra_low_box"));
    REQUIRE_FALSE(to_satellite.ok());
    CHECK(to_satellite.error().code == "transfer.condition");
    CHECK(to_satellite.error().arg("condition") == "ultra_low_box");
    CHECK(w.check(transfer("site:H1", "site:H2", P::pfizer_12, "FA1", 5, d("2021-07-01"), "ultra_low_box")).ok());
    CHECK(w.check(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 5, d("2021-05-20"), "frozen_minus60_minus10_3h"))
              .error()
              .code == "transfer.condition");
    CHECK(w.check(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 5, d("2021-07-01"), "frozen_minus60_minus10_3h")).ok());
    CHECK(w.check(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 5, d("2021-07-01"), "warm")).error().code ==
          "transfer.condition");
}

TEST_CASE("the other rules of check_stock_event") {
    World w = two_hubs();
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA1", 50, d("2022-02-01"), k_far)));
    CHECK(w.check(receipt("site:H1", P::pfizer_12, "FA2", 0, d("2022-02-01"), k_far)).error().code == "stock.vials_range");
    CHECK(w.check(receipt("site:H1", P::pfizer_12, "FA 2", 1, d("2022-02-01"), k_far)).error().code == "stock.lot_format");
    CHECK(w.check(receipt("site:H1", P::pfizer_12, std::string(21, 'A'), 1, d("2022-02-01"), k_far)).error().code ==
          "stock.lot_format");
    CHECK(w.check(receipt("site:X", P::pfizer_12, "FA2", 1, d("2022-02-01"), k_far)).error().code == "stock.unknown_site");
    StockEvent no_expiry = receipt("site:H1", P::pfizer_12, "FA2", 1, d("2022-02-01"), k_far);
    no_expiry.expiry.reset();
    CHECK(no_expiry.kind == StockEventKind::receipt);
    CHECK(w.check(no_expiry).error().code == "receipt.lot_expiry");
    CHECK(w.check(transfer("site:H1", "site:H1", P::pfizer_12, "FA1", 1, d("2022-02-02"))).error().code == "transfer.self");
    CHECK(w.check(transfer("site:H1", "site:S1", P::pfizer_12, "NOPE", 1, d("2022-02-02"))).error().code ==
          "stock.unknown_lot");
    CHECK(w.check(wastage("site:H1", P::pfizer_12, "FA1", 1, d("2022-02-02"), "nope")).error().code == "stock.reason");
    CHECK(w.check(wastage("site:H1", P::pfizer_12, "FA1", 1, d("2022-02-02"), "other")).error().code == "stock.reason_text");
    StockEvent text = wastage("site:H1", P::pfizer_12, "FA1", 1, d("2022-02-02"), "other");
    text.text = "落下";
    CHECK(w.check(text).ok());
    text.text = std::string(201, 'x');
    CHECK(w.check(text).error().code == "stock.text_too_long");

    StockEvent cold = wastage("site:H1", P::pfizer_12, "FA1", 2, d("2022-02-02"), "cold_chain");
    CHECK(w.check(cold).error().code == "stock.excursion");
    cold.excursion = Excursion{"2022-02-02T10:00", "2022-02-02T09:00", 120};
    CHECK(w.check(cold).error().code == "stock.excursion");
    cold.excursion = Excursion{"2022-02-02T08:00", "2022-02-02T09:30", 120};
    CHECK(w.check(cold).ok());

    // Doses from an opened vial, with no whole vial.
    StockEvent opened = wastage("site:H1", P::pfizer_12, "FA1", 0, d("2022-02-02"), "open_vial_time_limit");
    CHECK(w.check(opened).error().code == "stock.vials_range");
    opened.doses = 3;
    REQUIRE(w.add(opened));
    CHECK(w.ledger.find("site:H1", P::pfizer_12, "FA1")->wasted_doses == 3);
    CHECK(w.on_hand("site:H1", P::pfizer_12, "FA1") == 50);

    // Counts: a difference needs a reason from the right list.
    auto below = w.check(count("site:H1", P::pfizer_12, "FA1", 45, d("2022-02-03")));
    CHECK(below.error().code == "count.reason_required");
    CHECK(below.error().arg("difference") == "5");
    CHECK(w.check(count("site:H1", P::pfizer_12, "FA1", 45, d("2022-02-03"), "found")).error().code == "stock.reason");
    CHECK(w.check(count("site:H1", P::pfizer_12, "FA1", 55, d("2022-02-03"), "used")).error().code == "stock.reason");
    CHECK(w.check(count("site:H1", P::pfizer_12, "FA1", 50, d("2022-02-03"))).ok());
    CHECK(w.check(count("site:H1", P::pfizer_12, "NOPE", 1, d("2022-02-03"), "found")).error().code == "stock.unknown_lot");
    REQUIRE(w.add(count("site:H1", P::pfizer_12, "FA1", 45, d("2022-02-03"), "used")));
    const LotBalance& lot = *w.ledger.find("site:H1", P::pfizer_12, "FA1");
    CHECK(lot.count_difference == 5);
    CHECK(lot.count_by_reason.at("used") == 5);
    CHECK(lot.last_count == d("2022-02-03"));
    CHECK(identity_holds(lot));
}

// [SECTION] The ledger's lines

TEST_CASE("the ledger's lines: one per change of a site's lot, with the balance after it") {
    World w = two_hubs();
    REQUIRE(w.add(receipt("site:H1", P::pfizer_12, "FA1", 10, d("2022-02-01"), k_far)));
    REQUIRE(w.add(transfer("site:H1", "site:S1", P::pfizer_12, "FA1", 4, d("2022-02-02"))));
    REQUIRE(w.add(answer("site:S1", w.last_id(), d("2022-02-02"), true)));
    ReplayOptions o;
    o.lines = true;
    StockLedger L = replay_stock(w.rules, w.ledger.events, o);
    REQUIRE(L.lines.size() == 3);
    CHECK(L.lines[0].site == "site:H1");
    CHECK(L.lines[0].on_hand_after == 10);
    CHECK(L.lines[1].change == -4);
    CHECK(L.lines[1].on_hand_after == 6);
    CHECK(L.lines[2].site == "site:S1");
    CHECK(L.lines[2].on_hand_after == 4);
    CHECK(L.lines[2].event->kind == StockEventKind::transfer_receipt);
    CHECK(L.lines[2].event_index == 2);
    CHECK(L.lots_of("site:S1").size() == 1);
    CHECK(next_stock_order(L, {"site:S1"}) == 4);
    CHECK(next_stock_order(L, {"site:H2"}) == 1);
}

TEST_SUITE_END();
