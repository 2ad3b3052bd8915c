// Published apportionment examples for every method, the explanation fields, caps, fixed
// amounts, tranches and the refusals. Property tests on random problems are in
// test_apportion_properties.cpp.
#include <doctest/doctest.h>

#include <initializer_list>
#include <vector>

#include "core/allocation/apportion.hpp"

TEST_SUITE_BEGIN("allocation");

namespace {

using namespace vsys::alloc;

Problem make(std::int64_t total, Method m, std::initializer_list<std::int64_t> weights) {
    Problem p;
    p.total = total;
    p.method = m;
    int i = 0;
    for (auto w : weights) p.children.push_back({"c" + std::to_string(i++), w, std::nullopt, std::nullopt});
    return p;
}

std::vector<std::int64_t> units(const Problem& p) {
    auto r = allocate(p);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().detail));
    std::vector<std::int64_t> u;
    for (const auto& c : r->children) u.push_back(c.units);
    return u;
}

using V = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("largest remainder matches the textbook example (Hare quota 10,000, 10 seats)") {
    // en.wikipedia.org "Largest remainder method", Hare quota example: 47,000 / 16,000 /
    // 15,800 / 12,000 / 6,100 / 3,100 votes, 10 seats → 5, 2, 1, 1, 1, 0.
    CHECK(units(make(10, Method::hamilton, {47000, 16000, 15800, 12000, 6100, 3100})) == V{5, 2, 1, 1, 1, 0});
}

TEST_CASE("D'Hondt and Sainte-Laguë match the encyclopaedia examples (8 seats)") {
    // en.wikipedia.org "D'Hondt method" and "Sainte-Laguë method": parties with 100,000 /
    // 80,000 / 30,000 / 20,000 votes and 8 seats: D'Hondt 4, 3, 1, 0; Sainte-Laguë 3, 3, 1, 1.
    CHECK(units(make(8, Method::dhondt, {100000, 80000, 30000, 20000})) == V{4, 3, 1, 0});
    CHECK(units(make(8, Method::sainte_lague, {100000, 80000, 30000, 20000})) == V{3, 3, 1, 1});
}

TEST_CASE("Hamilton, Sainte-Laguë and D'Hondt match a German worked example (10 seats)") {
    // staatsrecht.honikel.de "Berechnungsbeispiele – Lösungen": 6,100 / 5,000 / 900 votes,
    // 10 seats: Sainte-Laguë 5, 4, 1; Hare-Niemeyer 5, 4, 1; D'Hondt 6, 4, 0.
    CHECK(units(make(10, Method::sainte_lague, {6100, 5000, 900})) == V{5, 4, 1});
    CHECK(units(make(10, Method::hamilton, {6100, 5000, 900})) == V{5, 4, 1});
    CHECK(units(make(10, Method::dhondt, {6100, 5000, 900})) == V{6, 4, 0});
}

TEST_CASE("Hamilton, Jefferson, Webster and Huntington-Hill match Lippman's six-state exercise") {
    // Lippman, "Math in Society", apportionment exercise (worked on edu.com homework helper):
    // populations 3,411 / 2,421 / 11,586 / 4,494 / 3,126 / 4,962, 200 seats. Hamilton,
    // Webster and Huntington-Hill: 23, 16, 77, 30, 21, 33; Jefferson: 22, 16, 78, 30, 21, 33.
    const auto w = {3411, 2421, 11586, 4494, 3126, 4962};
    auto mk = [&](Method m) {
        Problem p;
        p.total = 200;
        p.method = m;
        int i = 0;
        for (auto x : w) p.children.push_back({"s" + std::to_string(i++), x, std::nullopt, std::nullopt});
        return p;
    };
    CHECK(units(mk(Method::hamilton)) == V{23, 16, 77, 30, 21, 33});
    CHECK(units(mk(Method::dhondt)) == V{22, 16, 78, 30, 21, 33});
    CHECK(units(mk(Method::sainte_lague)) == V{23, 16, 77, 30, 21, 33});
    CHECK(units(mk(Method::huntington_hill)) == V{23, 16, 77, 30, 21, 33});
}

TEST_CASE("Webster matches a published 200-seat exercise") {
    // smartsolve.ai, "A country consists of six states…" (M = 200): populations 354,970 /
    // 428,850 / 239,200 / 586,210 / 164,925 / 225,845 → Webster 35, 43, 24, 59, 16, 23.
    CHECK(units(make(200, Method::sainte_lague, {354970, 428850, 239200, 586210, 164925, 225845})) ==
          V{35, 43, 24, 59, 16, 23});
}

TEST_CASE("Adams matches Blitzer's shares exercise (rounding every quotient up)") {
    // Blitzer, "Thinking Mathematically" 6th ed., exercise set 13.3 no. 12 (gradesaver.com):
    // contributions 2,013 / 187 / 290 / 3,862, 60 shares, modified divisor 108 → 19, 2, 3, 36.
    CHECK(units(make(60, Method::adams, {2013, 187, 290, 3862})) == V{19, 2, 3, 36});
}

TEST_CASE("Dean gives the one-vote party its seat in the harmonic-rounding example") {
    // de.wikipedia.org "Dean-Verfahren": 50 seats, 450 / 350 / 199 / 1 votes. Every party's
    // first quotient is infinite (d(0) = 0), so D gets 1; harmonic rounding of the others
    // (signposts 2k(k+1)/(2k+1)) gives 22, 17, 10. Checked by hand on the highest-averages
    // table: the weakest winning quotient is A's 22nd, 450/21.49 = 20.94; the best losing ones
    // are B's 18th, 350/17.49 = 20.02, and A's 23rd, 450/22.49 = 20.01.
    CHECK(units(make(50, Method::dean, {450, 350, 199, 1})) == V{22, 17, 10, 1});
    CHECK(units(make(50, Method::huntington_hill, {450, 350, 199, 1})) == V{22, 17, 10, 1});
    CHECK(units(make(50, Method::sainte_lague, {450, 350, 199, 1})) == V{23, 17, 10, 0});
}

TEST_CASE("equal remainders go to the larger weight, then to the earlier child") {
    // 3 units among weights 1, 1, 1, 1: quotas 3/4 each; the first three in input order win.
    CHECK(units(make(3, Method::hamilton, {1, 1, 1, 1})) == V{1, 1, 1, 0});
    CHECK(units(make(3, Method::dhondt, {1, 1, 1, 1})) == V{1, 1, 1, 0});
    // Remainders 1/2 each (weights 1 and 3, 2 units → quotas 0.5 and 1.5): the larger weight wins.
    CHECK(units(make(2, Method::hamilton, {1, 3})) == V{0, 2});
}

TEST_CASE("the explanation gives the exact share, floor, rounding and remainder rank") {
    auto r = allocate(make(10, Method::hamilton, {47000, 16000, 15800, 12000, 6100, 3100}));
    REQUIRE(r.ok());
    const auto& c = r->children;
    CHECK(c[0].share == Fraction{4, 70000, 100000});  // 47,000 × 10 / 100,000 = 4 + 0.7
    CHECK(c[0].reason == Reason::largest_remainder);
    CHECK(c[0].rounding == 1);
    CHECK(c[0].remainder_rank == 1);
    CHECK(c[4].remainder_rank == 2);  // 0.61
    CHECK(c[1].remainder_rank == 3);  // 0.6
    CHECK(c[2].remainder_rank == 4);  // 0.58: rank 4 > leftover 3, no +1
    CHECK(c[2].rounding == 0);
    CHECK(r->leftover == 3);
    CHECK(r->unallocated == 0);
}

TEST_CASE("a divisor result names the cut-off: the last unit handed out") {
    auto r = allocate(make(8, Method::dhondt, {100000, 80000, 30000, 20000}));
    REQUIRE(r.ok());
    // Quotients: 100k, 80k, 50k, 40k, 33.3k, 30k, 26.7k, 25k (A's 4th unit) | 20k, 20k.
    REQUIRE(r->cutoff_child.has_value());
    CHECK(*r->cutoff_child == 0);
    CHECK(r->cutoff_unit == 4);
    CHECK(r->children[3].reason == Reason::divisor);
}

TEST_CASE("a fixed amount is given first and the rest is split among the others") {
    Problem p = make(10, Method::hamilton, {1, 1, 2});
    p.children[2].fixed = 4;
    auto r = allocate(p);
    REQUIRE(r.ok());
    CHECK(r->pool == 6);
    CHECK(r->children[2].units == 4);
    CHECK(r->children[2].reason == Reason::fixed);
    CHECK(r->children[0].units == 3);
    CHECK(r->children[1].units == 3);
}

TEST_CASE("a child of weight zero gets nothing unless fixed") {
    Problem p = make(5, Method::sainte_lague, {0, 3, 0});
    p.children[2].fixed = 1;
    CHECK(units(p) == V{0, 4, 1});
    auto r = allocate(p);
    CHECK(r->children[0].reason == Reason::zero_weight);
}

TEST_CASE("when every weight is zero the whole pool stays unallocated") {
    auto r = allocate(make(7, Method::hamilton, {0, 0}));
    REQUIRE(r.ok());
    CHECK(r->unallocated == 7);
}

TEST_CASE("a cap binds and the surplus is redistributed among the uncapped") {
    for (Method m : {Method::hamilton, Method::dhondt, Method::sainte_lague, Method::adams, Method::dean,
                     Method::huntington_hill}) {
        Problem p = make(100, m, {50, 30, 20});
        p.children[0].cap = 10;
        auto r = allocate(p);
        REQUIRE(r.ok());
        CHECK(r->children[0].units == 10);
        CHECK(r->children[0].reason == Reason::cap);
        CHECK(r->children[1].units + r->children[2].units == 90);
        CHECK(r->children[1].units == 54);  // 90 × 30/50
    }
}

TEST_CASE("splitting by request nobody gets more than asked; the rest stays unallocated") {
    // 希望量比: 100 boxes, requests 10, 20, 30 → everyone gets its request, 40 stay at the parent.
    Problem p = make(100, Method::hamilton, {10, 20, 30});
    p.cap_by_weight = true;
    auto r = allocate(p);
    REQUIRE(r.ok());
    CHECK(units(p) == V{10, 20, 30});
    CHECK(r->unallocated == 40);
    for (const auto& c : r->children) CHECK(c.reason == Reason::cap);
}

TEST_CASE("round 9 as tranches: 8,000 by population plus 2,000 by request capped at the request") {
    // FACTS.md: 10,000 boxes = 8,000 by population + 2,000 by requests.
    TrancheProblem tp;
    Problem by_population = make(8000, Method::hamilton, {5000, 3000, 2000});
    Problem by_request = make(2000, Method::hamilton, {4000, 1000, 5000});
    by_request.cap_by_weight = true;
    tp.tranches = {by_population, by_request};
    tp.combined_caps = {std::nullopt, 5000, std::nullopt};
    auto r = allocate_tranches(tp);
    REQUIRE(r.ok());
    CHECK(r->tranches[0].children[0].units == 4000);
    CHECK(r->tranches[0].children[1].units == 2400);
    CHECK(r->units[0] + r->units[1] + r->units[2] + r->unallocated == 10000);
    CHECK(r->units[1] <= 5000);
    CHECK(r->units == V{4000 + 800, 2400 + 200, 1600 + 1000});
}

TEST_CASE("a combined cap limits the sum across tranches") {
    TrancheProblem tp;
    tp.tranches = {make(10, Method::hamilton, {1, 1}), make(10, Method::dhondt, {1, 1})};
    tp.combined_caps = {std::int64_t{7}, std::nullopt};
    auto r = allocate_tranches(tp);
    REQUIRE(r.ok());
    CHECK(r->units == V{7, 13});
    CHECK(r->unallocated == 0);
}

TEST_CASE("tranches must list the same children in the same order") {
    TrancheProblem tp;
    Problem b = make(10, Method::hamilton, {1, 1});
    b.children[1].id = "other";
    tp.tranches = {make(10, Method::hamilton, {1, 1}), b};
    auto r = allocate_tranches(tp);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "allocation.tranche_children");
}

TEST_CASE("unsolvable problems are refused with a coded error") {
    auto code = [](const Problem& p) {
        auto r = allocate(p);
        return r.ok() ? std::string("ok") : r.error().code;
    };
    Problem p = make(10, Method::hamilton, {1, 2});
    p.children[0].fixed = 11;
    CHECK(code(p) == "allocation.fixed_over_total");
    p = make(10, Method::hamilton, {1, 2});
    p.children[0].fixed = 6;
    p.children[1].fixed = 5;
    CHECK(code(p) == "allocation.fixed_over_total");
    p = make(10, Method::hamilton, {1, 2});
    p.children[0].fixed = 5;
    p.children[0].cap = 4;
    CHECK(code(p) == "allocation.fixed_over_cap");
    CHECK(code(make(-1, Method::hamilton, {1})) == "allocation.negative_total");
    CHECK(code(make(10, Method::hamilton, {1, -2})) == "allocation.negative");
    p = make(10, Method::hamilton, {1, 2});
    p.children[1].cap = -1;
    CHECK(code(p) == "allocation.negative");
    p = make(10, Method::hamilton, {1, 2});
    p.children[1].id = "c0";
    CHECK(code(p) == "allocation.duplicate_id");
    CHECK(parse_method("webster").error().code == "allocation.unknown_method");
    CHECK(code(make(2, Method::adams, {1, 1, 1})) == "allocation.too_few_units");
    CHECK(code(make(2, Method::dean, {1, 1, 1})) == "allocation.too_few_units");
    CHECK(code(make(2, Method::huntington_hill, {1, 1, 1})) == "allocation.too_few_units");
    CHECK(code(make(2, Method::huntington_hill, {1, 1, 0})) == "ok");  // weight 0 needs nothing
    CHECK(code(make(k_max_total + 1, Method::hamilton, {1})) == "allocation.total_too_large");
    CHECK(code(make(10, Method::hamilton, {k_max_weight + 1})) == "allocation.too_large");
}

TEST_CASE("Huntington-Hill and Dean refuse numbers beyond the exact-comparison bound") {
    // HH compares w² · k(k+1): 40-bit weights with a 10^12 pool would need ~160 bits.
    auto r = allocate(make(k_max_total, Method::huntington_hill, {k_max_weight, 1}));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "allocation.overflow");
    CHECK(allocate(make(k_max_total, Method::dean, {k_max_weight, 1})).error().code == "allocation.overflow");
    // The same weights with a realistic pool are fine, and so is D'Hondt at the maximum.
    CHECK(allocate(make(1'000'000, Method::huntington_hill, {k_max_weight, 1})).ok());
    CHECK(allocate(make(k_max_total, Method::dhondt, {k_max_weight, 1})).ok());
}

TEST_CASE("large national numbers are split exactly") {
    // 10^12 units by weights near 10^12: every product stays within __int128.
    auto r = allocate(make(k_max_total, Method::hamilton, {k_max_weight, k_max_weight - 1, 3}));
    REQUIRE(r.ok());
    std::int64_t sum = 0;
    for (const auto& c : r->children) sum += c.units;
    CHECK(sum == k_max_total);
}

TEST_CASE("a capped child whose quotient passes 2^63 gets its cap and the rest goes on (no overflow)") {
    // Child A's weight is outside the uncapped weights, so w·N/W for it is about 5.5·10^22: the
    // divisor start must take the cap without forming that quotient in 64 bits.
    for (Method m : {Method::dhondt, Method::sainte_lague, Method::adams}) {
        Problem p = make(66'540'279'962, m, {827'735'593'022, 1});
        p.children[0].cap = 5;
        auto r = allocate(p);
        REQUIRE(r.ok());
        CHECK(r->children[0].units == 5);
        CHECK(r->children[0].reason == Reason::cap);
        CHECK(r->children[1].units == 66'540'279'957);
        CHECK(r->unallocated == 0);
    }
}

TEST_SUITE_END();
