// The allocation chain's rules through SmallChain (test_chain_fixture.hpp): requests, the order of
// steps, exact sums at every level, locks, refused amounts, simulations and their texts.
//
// [SECTION] Steps the tests share
// [SECTION] Requests and the round's state
// [SECTION] The order of steps and the whole chain
// [SECTION] Locks: edits after one, and undoing one
// [SECTION] Amounts refused, and a stale ②
// [SECTION] Simulations, and the texts of refusals and explanations
// [SECTION] Received versions and 配分を確定
#include "app/base/i18n.hpp"
#include "test_chain_fixture.hpp"

TEST_SUITE_BEGIN("allocation");

using namespace vsys;
using namespace vsys::chain_test;

// [SECTION] Steps the tests share

namespace {

void report_requests(SmallChain& c) {
    const std::pair<const char*, std::int64_t> requests[] = {
        {"site:3110000011", 12}, {"site:3110000037", 8}, {"site:3110000052", 10}, {"site:3110000060", 6},
        {"site:3110000086", 5}};
    for (auto [site, boxes] : requests) c.apply(build_request(c.world, c.store, site, c.round, boxes, c.today));
}

void open_allocation(SmallChain& c) {
    c.apply(build_round_state(c.world, c.store, c.round, RoundState::allocating, c.today));
}

void set_nation(SmallChain& c, std::int64_t boxes) {
    AmountsBody one;
    one.shares = {{SmallChain::pref, boxes}};
    c.apply(build_nation_amounts(c.world, c.store, c.round, one, c.today));
}

Simulation simulate_ok(SmallChain& c, const char* parent, SimulationSpec spec) {
    auto s = simulate(c.world, c.store, c.round, parent, spec, c.today);
    REQUIRE_MESSAGE(s, (s ? std::string() : s.error().code));
    return *s;
}

void register_prefecture(SmallChain& c) {
    auto sim = simulate_ok(c, SmallChain::pref, {SimMode::eligible_population});
    c.apply(build_municipality_amounts(c.world, c.store, c.round, SmallChain::pref, amounts_from_simulation(sim), c.today));
}

void register_municipality(SmallChain& c, const char* muni) {
    auto sim = simulate_ok(c, muni, {SimMode::request});
    c.apply(build_site_amounts(c.world, c.store, c.round, muni, site_amounts_from_simulation(c.world, sim), c.today));
}

// Requests, ① 30 boxes to 鳥取県, ② by eligible population, ③.
void through_nation_lock(SmallChain& c) {
    report_requests(c);
    open_allocation(c);
    set_nation(c, 30);
    register_prefecture(c);
    c.apply(build_nation_lock(c.world, c.store, c.round, SmallChain::pref, c.today));
}

std::vector<std::string> three_munis() { return {SmallChain::tottori, SmallChain::yonago, SmallChain::kurayoshi}; }

}  // namespace

// [SECTION] Requests and the round's state

TEST_CASE("a site reports its request while requests are open; satellites, venues and other products are refused") {
    SmallChain c;
    c.apply(build_request(c.world, c.store, "site:3110000011", c.round, 12, c.today));
    c.apply(build_request(c.world, c.store, "site:3110000011", c.round, 14, c.today));  // editable while open
    auto mine = read_request(c.store, request_key("site:3110000011", c.round));
    REQUIRE((mine && *mine));
    CHECK((*mine)->body.boxes == 14);
    CHECK((*mine)->version->version == 2);
    CHECK(refusal(build_request(c.world, c.store, "site:3110000029", c.round, 3, c.today)) == "chain.satellite_request");
    CHECK(refusal(build_request(c.world, c.store, "site:3110000078", c.round, 3, c.today)) == "chain.product_not_handled");
    CHECK(refusal(build_request(c.world, c.store, "venue:3190000001", "TM3rd01クール", 3, day("2021-12-02"))) ==
          "chain.workplace_request");
    CHECK(refusal(build_request(c.world, c.store, "site:3110000045", "TM3rd01クール", 3, day("2021-12-02"))).empty());
    CHECK(refusal(build_request(c.world, c.store, "muni:312011", c.round, 3, c.today)) == "chain.wrong_level");
}

TEST_CASE("a closed or old round answers no access, an unknown one is unknown") {
    SmallChain c;
    CHECK(refusal(build_request(c.world, c.store, "site:3110000011", "PF12_R9", 1, day("2021-07-10"))) == "chain.no_access");
    CHECK(refusal(build_request(c.world, c.store, "site:3110000011", "PF12_R99", 1, c.today)) == "chain.unknown_round");
    auto sim = simulate(c.world, c.store, "PF12_R9", "nation", {SimMode::request, {}, 10}, c.today);
    CHECK(sim.error().code == "chain.no_access");
    // Listed on 2021-07-20: PF12_R10 (first, in catalog order) and the demo history's rounds
    // whose requests had opened by then; never the closed PF12_R9.
    auto listed = listed_rounds(c.world, c.store, c.today);
    REQUIRE(!listed.empty());
    CHECK(listed[0]->code == "PF12_R10");
    for (const Round* r : listed) CHECK(r->code != "PF12_R9");
}

TEST_CASE("requests close when the nation moves the round to allocating, and the round only moves forward") {
    SmallChain c;
    CHECK(c.state("site:3110000011").requests_open);
    open_allocation(c);
    CHECK_FALSE(c.state("site:3110000011").requests_open);
    CHECK(refusal(build_request(c.world, c.store, "site:3110000011", c.round, 1, c.today)) == "chain.requests_closed");
    // Back to requests is allowed while ① does not exist.
    c.apply(build_round_state(c.world, c.store, c.round, RoundState::requests, c.today));
    open_allocation(c);
    set_nation(c, 10);
    CHECK(refusal(build_round_state(c.world, c.store, c.round, RoundState::requests, c.today)) == "chain.round_transition");
    c.apply(build_round_state(c.world, c.store, c.round, RoundState::closed, c.today));
    CHECK(refusal(build_round_state(c.world, c.store, c.round, RoundState::allocating, c.today)) == "chain.round_transition");
    CHECK(c.state("nation").listed == false);
}

// [SECTION] The order of steps and the whole chain

TEST_CASE("every step out of order is refused with the step it needs") {
    SmallChain c;
    report_requests(c);
    AmountsBody one;
    one.shares = {{SmallChain::pref, 30}};
    CHECK(refusal(build_nation_amounts(c.world, c.store, c.round, one, c.today)) == "chain.round_state");
    open_allocation(c);
    AmountsBody two;
    two.shares = {{SmallChain::tottori, 30}};
    CHECK(refusal(build_municipality_amounts(c.world, c.store, c.round, SmallChain::pref, two, c.today)) ==
          "chain.needs_nation_amounts");
    CHECK(simulate(c.world, c.store, c.round, SmallChain::pref, {SimMode::eligible_population}, c.today).error().code ==
          "chain.needs_nation_amounts");
    set_nation(c, 30);
    CHECK(refusal(build_nation_lock(c.world, c.store, c.round, SmallChain::pref, c.today)) ==
          "chain.needs_municipality_amounts");
    SiteAmountsBody four;
    four.deliveries = {{"site:3110000011", 0, 0, 0}};
    CHECK(refusal(build_site_amounts(c.world, c.store, c.round, SmallChain::tottori, four, c.today)) ==
          "chain.needs_nation_lock");
    CHECK(simulate(c.world, c.store, c.round, SmallChain::tottori, {SimMode::request}, c.today).error().code ==
          "chain.needs_nation_lock");
    register_prefecture(c);
    CHECK(refusal(build_site_amounts(c.world, c.store, c.round, SmallChain::tottori, four, c.today)) ==
          "chain.needs_nation_lock");
    c.apply(build_nation_lock(c.world, c.store, c.round, SmallChain::pref, c.today));
    CHECK(refusal(build_prefecture_lock(c.world, c.store, c.round, SmallChain::pref, {SmallChain::tottori}, c.today)) ==
          "chain.needs_site_amounts");
    register_municipality(c, SmallChain::tottori);
    // "All municipalities" includes those that have not registered yet.
    CHECK(refusal(build_prefecture_lock(c.world, c.store, c.round, SmallChain::pref, {}, c.today)) ==
          "chain.needs_site_amounts");
}

TEST_CASE("the whole chain: the sums are exact at every level and each site sees its delivery") {
    SmallChain c;
    report_requests(c);
    auto totals = request_totals(c.world, c.store, c.round, "nation");
    REQUIRE(totals);
    CHECK(totals->boxes == 41);
    CHECK(totals->reported == 5);
    CHECK(totals->sites == 5);  // the hubs: satellites and other products do not request
    CHECK(request_totals(c.world, c.store, c.round, SmallChain::tottori)->boxes == 20);
    CHECK(request_totals(c.world, c.store, c.round, SmallChain::pref)->boxes == 41);
    auto by_muni = request_totals_by_child(c.world, c.store, c.round, SmallChain::pref);
    REQUIRE(by_muni);
    CHECK(by_muni->size() == 19);
    CHECK((*by_muni)[1].boxes == 16);  // 米子市

    through_nation_lock(c);
    auto two = read_amounts(c.store, allocation_key(SmallChain::pref, c.round));
    REQUIRE((two && *two));
    CHECK((*two)->body.boxes_of(SmallChain::tottori) == 15);
    CHECK((*two)->body.boxes_of(SmallChain::yonago) == 11);
    CHECK((*two)->body.boxes_of(SmallChain::kurayoshi) == 4);
    CHECK((*two)->body.sum() + (*two)->body.unallocated == 30);
    CHECK((*two)->body.mode == "eligible_population");

    for (const auto& m : three_munis()) register_municipality(c, m.c_str());
    auto muni_state = c.state(SmallChain::tottori);
    CHECK(muni_state.amount == 15);
    CHECK(muni_state.site_amounts.complete());
    CHECK_FALSE(muni_state.prefecture_locks.complete());
    c.apply(build_prefecture_lock(c.world, c.store, c.round, SmallChain::pref, three_munis(), c.today));

    std::int64_t delivered = 0, unallocated = 0;
    for (const auto& m : three_munis()) {
        auto four = read_site_amounts(c.store, allocation_key(m, c.round));
        REQUIRE((four && *four));
        CHECK((*four)->body.sum() + (*four)->body.unallocated == (*two)->body.boxes_of(m));
        delivered += (*four)->body.sum();
        unallocated += (*four)->body.unallocated;
    }
    CHECK(delivered + unallocated + (*two)->body.unallocated == 30);

    auto orders = delivery_orders(c.world, c.store, c.round, "site:3110000011");
    REQUIRE(orders);
    REQUIRE(orders->size() == 1);
    const auto& o = orders->front();
    CHECK(o.delivery.boxes == 9);  // 15 × 12 / 20
    CHECK(o.delivery.needle_boxes == 9);
    CHECK(o.vials == 9 * 195);
    CHECK(o.doses == 9 * 195 * 6);
    auto yonago = delivery_orders(c.world, c.store, c.round, SmallChain::yonago);
    REQUIRE(yonago);
    REQUIRE(yonago->size() == 2);
    CHECK((*yonago)[0].delivery.boxes == 7);  // 6.875 rounds up (largest remainder)
    CHECK((*yonago)[1].delivery.boxes == 4);
    CHECK(delivery_orders(c.world, c.store, c.round, SmallChain::pref)->size() == 5);

    auto pref_state = c.state(SmallChain::pref);
    CHECK(pref_state.amount == 30);
    CHECK(pref_state.nation_amounts.complete());
    CHECK(pref_state.municipality_amounts.complete());
    CHECK(pref_state.nation_locks.complete());
    CHECK(pref_state.site_amounts.done == 3);
    CHECK(pref_state.site_amounts.of == 19);
    CHECK(pref_state.prefecture_locks.done == 3);
    CHECK(c.state("site:3110000011").amount == 9);
    auto nation = c.state("nation");
    CHECK(nation.municipality_amounts.done == 1);
    CHECK(nation.municipality_amounts.of == 47);
    CHECK(nation.prefecture_locks.done == 3);
}

// [SECTION] Locks: edits after one, and undoing one

TEST_CASE("an edit after a lock is refused, by the chain and by the store whatever the version says") {
    SmallChain c;
    through_nation_lock(c);
    AmountsBody two;
    two.shares = {{SmallChain::tottori, 30}};
    CHECK(refusal(build_municipality_amounts(c.world, c.store, c.round, SmallChain::pref, two, c.today)) ==
          "chain.locked_by_nation");
    // A version built around the rules still cannot replace the locked version in the store.
    auto raw = c.store.successor(SmallChain::pref, k_allocation_kind, c.round, nlohmann::json::object());
    REQUIRE(raw);
    raw->time = "2099-01-01T00:00:00Z";
    REQUIRE(sync::seal(*raw));
    CHECK(c.store.apply(*raw, Origin::remote).error().code == "store.locked");
    // ① may not move a locked prefecture's amount.
    AmountsBody one;
    one.shares = {{SmallChain::pref, 31}};
    CHECK(refusal(build_nation_amounts(c.world, c.store, c.round, one, c.today)) == "chain.nation_amount_locked");

    register_municipality(c, SmallChain::tottori);
    c.apply(build_prefecture_lock(c.world, c.store, c.round, SmallChain::pref, {SmallChain::tottori}, c.today));
    auto sim = simulate_ok(c, SmallChain::tottori, {SimMode::request});
    CHECK(refusal(build_site_amounts(c.world, c.store, c.round, SmallChain::tottori,
                                     site_amounts_from_simulation(c.world, sim), c.today)) == "chain.locked_by_prefecture");
    CHECK(refusal(build_prefecture_lock(c.world, c.store, c.round, SmallChain::pref, {SmallChain::tottori}, c.today)) ==
          "chain.nothing_to_lock");
    CHECK(refusal(build_nation_lock(c.world, c.store, c.round, SmallChain::pref, c.today)) == "chain.already_locked");
}

TEST_CASE("a lock is undone only by a recorded act of the locking level, ③ never under a ⑤") {
    SmallChain c;
    through_nation_lock(c);
    register_municipality(c, SmallChain::tottori);
    register_municipality(c, SmallChain::yonago);
    c.apply(build_prefecture_lock(c.world, c.store, c.round, SmallChain::pref,
                                  {SmallChain::tottori, SmallChain::yonago}, c.today));
    CHECK(refusal(build_nation_unlock(c.world, c.store, c.round, SmallChain::pref, "fix", c.today)) ==
          "chain.later_step_locked");
    CHECK(delivery_orders(c.world, c.store, c.round, "site:3110000052")->size() == 1);

    auto unlock = build_prefecture_unlock(c.world, c.store, c.round, SmallChain::pref, {SmallChain::yonago},
                                          "数量の訂正", c.today);
    REQUIRE(unlock);
    CHECK(unlock->owner == SmallChain::pref);  // only the locking level's own document
    c.apply(unlock);
    auto lock = read_lock(c.store, prefecture_lock_key(c.round, SmallChain::pref));
    REQUIRE((lock && *lock));
    CHECK((*lock)->body.unlock);
    CHECK((*lock)->body.reason == "数量の訂正");
    CHECK((*lock)->body.changed == std::vector<std::string>{SmallChain::yonago});
    CHECK((*lock)->body.entry_of(SmallChain::tottori) != nullptr);
    CHECK(c.store.history(prefecture_lock_key(c.round, SmallChain::pref)).size() == 2);  // the act is recorded
    CHECK(delivery_orders(c.world, c.store, c.round, "site:3110000052")->empty());
    register_municipality(c, SmallChain::yonago);  // editable again
    CHECK(refusal(build_prefecture_unlock(c.world, c.store, c.round, SmallChain::pref, {SmallChain::yonago}, "", c.today)) ==
          "chain.not_locked");

    c.apply(build_prefecture_unlock(c.world, c.store, c.round, SmallChain::pref, {}, "全解除", c.today));
    c.apply(build_nation_unlock(c.world, c.store, c.round, SmallChain::pref, "再配分", c.today));
    CHECK_FALSE(c.state(SmallChain::pref).nation_locks.complete());
    AmountsBody two;
    two.shares = {{SmallChain::tottori, 20}, {SmallChain::yonago, 10}};
    c.apply(build_municipality_amounts(c.world, c.store, c.round, SmallChain::pref, two, c.today));
    // The municipalities' ④ no longer match: stale until registered again.
    auto st = c.state(SmallChain::pref);
    CHECK(st.site_amounts.stale == 2);
    CHECK(refusal(build_nation_unlock(c.world, c.store, c.round, SmallChain::pref, "", c.today)) == "chain.not_locked");
}

// [SECTION] Amounts refused, and a stale ②

TEST_CASE("amounts that do not add up are refused") {
    SmallChain c;
    report_requests(c);
    open_allocation(c);
    set_nation(c, 30);
    AmountsBody two;
    two.shares = {{SmallChain::tottori, 15}, {SmallChain::yonago, 10}};
    auto r = build_municipality_amounts(c.world, c.store, c.round, SmallChain::pref, two, c.today);
    CHECK(refusal(r) == "chain.sum");
    CHECK(r.error().arg("sum") == "25");
    CHECK(r.error().arg("amount") == "30");
    two.unallocated = 5;
    c.apply(build_municipality_amounts(c.world, c.store, c.round, SmallChain::pref, two, c.today));
    c.apply(build_nation_lock(c.world, c.store, c.round, SmallChain::pref, c.today));
    SiteAmountsBody four;
    four.deliveries = {{"site:3110000011", 10, 10, 10}, {"site:3110000037", 4, 4, 4}};
    CHECK(refusal(build_site_amounts(c.world, c.store, c.round, SmallChain::tottori, four, c.today)) == "chain.sum");
    four.unallocated = 1;
    c.apply(build_site_amounts(c.world, c.store, c.round, SmallChain::tottori, four, c.today));
    four.deliveries.push_back({"site:3110000029", 1, 0, 0});  // a satellite gets nothing directly
    CHECK(refusal(build_site_amounts(c.world, c.store, c.round, SmallChain::tottori, four, c.today)) ==
          "chain.satellite_request");
    four.deliveries.back() = {"site:3110000052", 1, 0, 0};  // a site of another municipality
    CHECK(refusal(build_site_amounts(c.world, c.store, c.round, SmallChain::tottori, four, c.today)) ==
          "chain.unknown_child");
    AmountsBody twice;
    twice.shares = {{SmallChain::tottori, 15}, {SmallChain::tottori, 15}};
    CHECK(refusal(build_nation_amounts(c.world, c.store, c.round, twice, c.today)) == "chain.duplicate_child");
}

TEST_CASE("negative and huge numbers of boxes are refused") {
    SmallChain c;
    CHECK(refusal(build_request(c.world, c.store, "site:3110000011", c.round, -1, c.today)) == "chain.boxes_range");
    CHECK(refusal(build_request(c.world, c.store, "site:3110000011", c.round, k_max_boxes + 1, c.today)) ==
          "chain.boxes_range");
    open_allocation(c);
    AmountsBody one;
    one.shares = {{SmallChain::pref, -5}};
    CHECK(refusal(build_nation_amounts(c.world, c.store, c.round, one, c.today)) == "chain.boxes_range");
    one.shares = {{SmallChain::pref, k_max_boxes}, {"pref:130001", 1}};
    CHECK(refusal(build_nation_amounts(c.world, c.store, c.round, one, c.today)) == "chain.boxes_range");
    auto sim = simulate(c.world, c.store, c.round, "nation", {SimMode::eligible_population, {}, -3}, c.today);
    CHECK(sim.error().code == "chain.boxes_range");
    nlohmann::json body = {{"schema", 1}, {"round", "PF12_R10"}, {"product", "pfizer_12"}, {"boxes", 1.5}};
    CHECK(request_from_json(body).error().code == "chain.malformed");
}

TEST_CASE("a registered ② is stale once ① changes and cannot be locked until registered again") {
    SmallChain c;
    report_requests(c);
    open_allocation(c);
    set_nation(c, 30);
    register_prefecture(c);
    set_nation(c, 40);
    auto st = c.state(SmallChain::pref);
    CHECK(st.municipality_amounts.stale == 1);
    CHECK(st.municipality_amounts.done == 0);
    CHECK(refusal(build_nation_lock(c.world, c.store, c.round, SmallChain::pref, c.today)) == "chain.stale");
    register_prefecture(c);
    c.apply(build_nation_lock(c.world, c.store, c.round, SmallChain::pref, c.today));
    CHECK(c.state(SmallChain::pref).nation_locks.complete());
}

// [SECTION] Simulations, and the texts of refusals and explanations

TEST_CASE("a simulation offers only the modes of its product and level, and explains every row") {
    SmallChain c;
    report_requests(c);
    open_allocation(c);
    auto nat = simulate(c.world, c.store, c.round, "nation", {SimMode::child_population, {}, 10}, c.today);
    CHECK(nat.error().code == "chain.mode_invalid");
    CHECK(simulate(c.world, c.store, c.round, "nation", {SimMode::request}, c.today).error().code == "chain.needs_total");
    auto by_request = simulate_ok(c, "nation", {SimMode::request, alloc::Method::hamilton, 100});
    CHECK(by_request.rows.size() == 47);
    CHECK(by_request.requested == 41);
    CHECK(by_request.allocated == 41);  // nobody gets more than it asked for
    CHECK(by_request.unallocated == 59);
    set_nation(c, 30);

    SimulationSpec fixed{SimMode::eligible_population};
    fixed.fixed = {{SmallChain::kurayoshi, 10}};
    auto sim = simulate_ok(c, SmallChain::pref, fixed);
    CHECK(sim.total == 30);
    CHECK(sim.rows[2].result == 10);
    CHECK(sim.rows[2].explanation.key == "chain.explain.fixed");
    CHECK(sim.rows[0].result + sim.rows[1].result == 20);
    CHECK(sim.rows[0].explanation.key.rfind("chain.explain.remainder_", 0) == 0);
    CHECK(sim.rows[3].explanation.key == "chain.explain.zero_weight");

    SimulationSpec capped{SimMode::eligible_population};
    capped.cap_by_request = true;
    auto cap = simulate_ok(c, SmallChain::pref, capped);
    CHECK(cap.rows[2].result == 4);
    // 固定値 first, then the rest split by the chosen ratio among the others (the deck's
    // 「固定値」に入力して分配実行): nothing stays unallocated because values were fixed.
    SimulationSpec fixed_then_request{SimMode::request};
    fixed_then_request.fixed = {{SmallChain::tottori, 7}};
    auto f = simulate_ok(c, SmallChain::pref, fixed_then_request);
    CHECK(f.rows[0].result == 7);
    CHECK(f.rows[0].explanation.key == "chain.explain.fixed");
    std::int64_t split = 0;
    for (const auto& r : f.rows) split += r.result;
    CHECK(split + f.unallocated == 30);
    CHECK(split > 7);
    fixed_then_request.fixed.push_back({"muni:131016", 1});
    CHECK(simulate(c.world, c.store, c.round, SmallChain::pref, fixed_then_request, c.today).error().code ==
          "chain.unknown_child");

    auto cmp = compare_simulations(c.world, c.store, c.round, SmallChain::pref, {SimMode::eligible_population},
                                   {SimMode::request}, c.today);
    REQUIRE(cmp);
    CHECK(cmp->rows.size() == 19);
    CHECK(cmp->rows[0].a == 15);
    CHECK(cmp->rows[0].b == cmp->b.rows[0].result);
    CHECK(cmp->rows[0].difference == cmp->rows[0].b - cmp->rows[0].a);
    std::int64_t a = 0, b = 0;
    for (const auto& r : cmp->rows) a += r.a, b += r.b;
    CHECK(a + cmp->a.unallocated == 30);
    CHECK(b + cmp->b.unallocated == 30);
    CHECK(fraction_text({14, 4, 5}) == "14 + 4/5");
}

TEST_CASE("every refusal and explanation of the chain has a Japanese and an English text") {
    const auto& s = Strings::builtin();
    for (const char* code :
         {"catalog.bad_row", "catalog.overlap", "catalog.duplicate_round", "chain.malformed", "chain.unknown_round",
          "chain.no_access", "chain.unknown_org", "chain.wrong_level", "chain.requests_closed", "chain.wrong_product",
          "chain.satellite_request", "chain.workplace_request", "chain.product_not_handled", "chain.round_transition",
          "chain.round_state", "chain.mode_invalid", "chain.needs_total", "chain.unknown_child", "chain.duplicate_child",
          "chain.boxes_range", "chain.sum", "chain.stale_amount", "chain.nation_amount_locked",
          "chain.needs_nation_amounts", "chain.needs_municipality_amounts", "chain.needs_nation_lock",
          "chain.needs_site_amounts", "chain.locked_by_nation", "chain.locked_by_prefecture", "chain.already_locked",
          "chain.not_locked", "chain.later_step_locked", "chain.stale", "chain.nothing_to_lock", "chain.lock_entries",
          "chain.tranches_sum", "chain.tranches_count"})
        CHECK_MESSAGE(s.has(std::string("err.") + code), code);
    for (const char* key : {"chain.explain.fixed", "chain.explain.zero_weight", "chain.explain.cap",
                            "chain.explain.remainder_up", "chain.explain.remainder_down", "chain.explain.divisor",
                            "chain.explain.tranches", "sim.tranche.label"})
        CHECK_MESSAGE(s.has(key), key);
    for (auto m : {SimMode::request, SimMode::eligible_population, SimMode::child_population})
        CHECK(s.has(std::string("chain.mode.") + sim_mode_id(m)));
    CHECK(s.has(std::string("chain.mode.") + std::string(k_legacy_fixed_mode)));  // older registrations
    CHECK_FALSE(parse_sim_mode(k_legacy_fixed_mode));
    for (auto r : {RoundState::requests, RoundState::allocating, RoundState::locked, RoundState::delivered,
                   RoundState::closed})
        CHECK(s.has(std::string("chain.round_state.") + round_state_id(r)));
    Error e{"chain.sum", "", {{"name", "鳥取県"}, {"sum", "25"}, {"unallocated", "0"}, {"amount", "30"}}};
    CHECK(s.error_message(e, Language::ja) == "鳥取県: 配分の合計 25 箱と未配分 0 箱の和が配分量 30 箱と一致しません");
}

// [SECTION] Received versions and 配分を確定

TEST_CASE("a received chain version is checked against the same rules as a built one") {
    SmallChain c;
    report_requests(c);
    open_allocation(c);
    set_nation(c, 30);
    AmountsBody two;
    two.round = c.round;
    two.amount = 30;
    two.shares = {{SmallChain::tottori, 31}};
    auto forged = c.store.successor(SmallChain::pref, k_allocation_kind, c.round, amounts_to_json(two));
    REQUIRE(forged);
    auto s = validate_chain_version(c.world, c.store, *forged, c.today);
    CHECK(s.error().code == "chain.sum");
    two.shares = {{SmallChain::tottori, 30}};
    two.mode = "child_population";  // not for Pfizer 12+
    forged->body = amounts_to_json(two);
    CHECK(validate_chain_version(c.world, c.store, *forged, c.today).error().code == "chain.mode_invalid");
    forged->owner = SmallChain::tottori;  // a municipality's allocation is ④, with another body
    CHECK(validate_chain_version(c.world, c.store, *forged, c.today).error().code == "chain.malformed");
    LockBody lock{c.round, SmallChain::pref, LockStep::site_amounts, {}, false, {}, {}};
    DocumentVersion muni_lock;
    muni_lock.owner = SmallChain::tottori;
    muni_lock.kind = k_lock_kind;
    muni_lock.id = c.round;
    muni_lock.body = lock_to_json(lock);
    CHECK(validate_chain_version(c.world, c.store, muni_lock, c.today).error().code == "chain.wrong_level");
    DocumentVersion other;
    other.kind = "site_info";
    CHECK(validate_chain_version(c.world, c.store, other, c.today));
}


TEST_CASE("配分を確定 confirms what was allocated: refused before ① is registered") {
    SmallChain c;
    report_requests(c);
    open_allocation(c);
    auto empty = build_round_state(c.world, c.store, c.round, RoundState::locked, c.today);
    REQUIRE_FALSE(empty);
    CHECK(empty.error().code == "chain.nothing_allocated");
    set_nation(c, 30);
    CHECK(build_round_state(c.world, c.store, c.round, RoundState::locked, c.today));
}

TEST_SUITE_END();
