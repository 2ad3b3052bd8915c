#include <doctest/doctest.h>

#include "core/allocation/chain_commands.hpp"
#include "core/allocation/chain_simulation.hpp"
#include "core/demo/demo_data.hpp"
#include "sync/canonical.hpp"

TEST_SUITE_BEGIN("allocation");

using namespace vsys;

namespace {

struct Applier {
    DocumentStore& store;
    void operator()(Result<DocumentVersion> v) {
        REQUIRE_MESSAGE(v, (v ? std::string() : v.error().code + " " + v.error().detail));
        REQUIRE(sync::seal(*v));
        REQUIRE(store.apply(*v, Origin::local));
    }
};

}  // namespace

TEST_CASE("a full national round on the demo data runs through ①-⑤ and every box is accounted for") {
    auto demo = generate_demo_data({1, 3000, 50});
    auto refs = demo.site_refs();
    auto h = Hierarchy::build(refs);
    REQUIRE(h);
    ChainWorld world(*h, Catalog::builtin(), demo.sites, demo.populations);
    DocumentStore store;
    Applier apply{store};
    const std::string round = "PF12_R10";
    const Date today = *parse_iso_date("2021-07-20");
    const std::int64_t total = 10'000;

    std::int64_t requested = 0;
    auto requesters = world.requesting_sites(Hierarchy::nation(), VaccineProduct::pfizer_12);
    REQUIRE(requesters.size() > 1741);
    for (std::size_t i = 0; i < requesters.size(); ++i) {
        std::int64_t boxes = static_cast<std::int64_t>(i % 7) + 1;
        requested += boxes;
        apply(build_request(world, store, h->id(requesters[i]), round, boxes, today));
    }
    CHECK(request_totals(world, store, round, "nation")->boxes == requested);
    apply(build_round_state(world, store, round, RoundState::allocating, today));

    auto one = simulate(world, store, round, "nation", {SimMode::eligible_population, {}, total}, today);
    REQUIRE(one);
    CHECK(one->allocated + one->unallocated == total);
    apply(build_nation_amounts(world, store, round, amounts_from_simulation(*one), today));

    std::int64_t unallocated = one->unallocated;
    auto prefs = world.split_children(Hierarchy::nation(), VaccineProduct::pfizer_12);
    REQUIRE(prefs.size() == 47);
    for (OrgIndex p : prefs) {
        auto two = simulate(world, store, round, h->id(p), {SimMode::eligible_population}, today);
        REQUIRE(two);
        unallocated += two->unallocated;
        apply(build_municipality_amounts(world, store, round, h->id(p), amounts_from_simulation(*two), today));
        apply(build_nation_lock(world, store, round, h->id(p), today));
        for (OrgIndex m : world.split_children(p, VaccineProduct::pfizer_12)) {
            auto four = simulate(world, store, round, h->id(m), {SimMode::request}, today);
            REQUIRE(four);
            for (const auto& row : four->rows) CHECK(row.result <= row.request);
            unallocated += four->unallocated;
            apply(build_site_amounts(world, store, round, h->id(m), site_amounts_from_simulation(world, *four), today));
        }
        apply(build_prefecture_lock(world, store, round, h->id(p), {}, today));
    }

    auto st = chain_state(world, store, round, "nation", today);
    REQUIRE(st);
    CHECK(st->nation_amounts.complete());
    CHECK(st->municipality_amounts.complete());
    CHECK(st->nation_locks.complete());
    CHECK(st->site_amounts.of == 1741);
    CHECK(st->site_amounts.complete());
    CHECK(st->prefecture_locks.complete());
    CHECK(st->conflicts.empty());

    auto orders = delivery_orders(world, store, round, "nation");
    REQUIRE(orders);
    std::int64_t delivered = 0;
    for (const auto& o : *orders) delivered += o.delivery.boxes;
    CHECK(delivered + unallocated == total);
    CHECK(delivered <= requested);
}

TEST_SUITE_END();
