// The numbers of the allocation chain's typed commands (issue 12 item 4): read() skips nothing
// for window.vsys's JSON, but a screen's typed command never passes read(), so prepare() checks
// every number with check_number and the same rule. Out-of-range boxes, delivery amounts and a
// split's settings are refused on both paths with the same code, naming the same field (its
// label) with the same arguments, and in the same order relative to the access check.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "allocation/chain_app_fixture.hpp"
#include "app/allocation/chain_commands.hpp"
#include "app/allocation/simulation_view.hpp"
#include "core/allocation/chain_documents.hpp"

TEST_SUITE_BEGIN("allocation");

using namespace vsys;
using nlohmann::json;
using test::Chain;
using test::k_round;

namespace {

using Args = std::vector<std::pair<std::string, std::string>>;

// The typed command and its JSON twin, each on its own device signed in as `who`, are refused
// alike; the refusal's code.
template <class C>
std::string same_refusal(const std::string& who, const C& typed, const json& twin) {
    Chain a, b;
    a.as(who);
    b.as(who);
    auto t = a.app.run(typed);
    auto j = b.app.command(twin);
    REQUIRE_FALSE(t);
    REQUIRE_FALSE(j);
    CHECK(t.error().code == j.error().code);
    CHECK(t.error().args == j.error().args);
    CHECK(a.app.error_text(t.error()) == b.app.error_text(j.error()));
    return t.error().code;
}

std::string arg(const Error& e, const std::string& name) {
    for (const auto& [k, v] : e.args)
        if (k == name) return v;
    return "";
}

}  // namespace

TEST_CASE("a typed request with an out-of-range box count is refused as its JSON twin, naming 希望量") {
    Chain probe;
    const std::string site = probe.hubs[0]->code;
    const std::string who = test::site_account(*probe.hubs[0]);
    for (std::int64_t boxes : {std::int64_t{-1}, k_max_boxes + 1}) {
        INFO(boxes);
        const std::string code = same_refusal(who, ReportRequest{site, k_round, boxes, std::nullopt},
                                              {{"type", "report_request"}, {"site", site}, {"round", k_round}, {"boxes", boxes}});
        CHECK(code.rfind("number.", 0) == 0);
        probe.as(who);
        auto e = probe.app.run(ReportRequest{site, k_round, boxes, std::nullopt});
        REQUIRE_FALSE(e);
        CHECK(arg(e.error(), "label") == "req.boxes");
    }
    // The number is refused before the site is looked up, as read() refuses it first.
    CHECK(same_refusal(who, ReportRequest{"0000000000", k_round, -5, std::nullopt},
                       {{"type", "report_request"}, {"site", "0000000000"}, {"round", k_round}, {"boxes", -5}})
              .rfind("number.", 0) == 0);
}

TEST_CASE("typed ④ deliveries with an out-of-range box, needle or syringe count are refused as their JSON twin") {
    Chain probe;
    const std::string a = site_org_id(*probe.hubs[0]);
    struct Case {
        Delivery row;
        json member;
        std::string label;
    };
    std::vector<Case> cases;
    cases.push_back({Delivery{a, -1, 0, 0}, {{"boxes", -1}}, "alloc.col.boxes"});
    cases.push_back({Delivery{a, k_max_boxes + 1, 0, 0}, {{"boxes", k_max_boxes + 1}}, "alloc.col.boxes"});
    cases.push_back({Delivery{a, 2, -3, 0}, {{"boxes", 2}, {"needle_boxes", -3}}, "alloc.col.needles"});
    cases.push_back({Delivery{a, 2, 0, k_max_boxes + 1}, {{"boxes", 2}, {"syringe_boxes", k_max_boxes + 1}}, "alloc.col.syringes"});
    for (const Case& c : cases) {
        INFO(c.label);
        RegisterSiteAmounts typed;
        typed.round = k_round;
        typed.deliveries = std::vector<Delivery>{c.row};
        json deliveries = json::object();
        deliveries[a] = c.member;
        same_refusal("VM131016", typed, {{"type", "register_site_amounts"}, {"round", k_round}, {"deliveries", deliveries}});
        probe.as("VM131016");
        auto e = probe.app.run(typed);
        REQUIRE_FALSE(e);
        CHECK(arg(e.error(), "label") == c.label);
    }
}

TEST_CASE("a typed split's total or tranche out of range is refused as its JSON twin, after the access check as there") {
    SimulationSpecArgs total;
    total.mode = "eligible_population";
    total.total = -1;
    const json total_json = {{"mode", "eligible_population"}, {"total", -1}};
    SimulationSpecArgs tranche;
    tranche.mode = "eligible_population";
    tranche.tranches = std::vector<TrancheArgs>{{k_max_boxes + 1, "eligible_population", false}};
    const json tranche_json = {{"mode", "eligible_population"},
                               {"tranches", {{{"amount", k_max_boxes + 1}, {"mode", "eligible_population"}}}}};
    for (const auto& [spec, spec_json] : {std::pair{total, total_json}, std::pair{tranche, tranche_json}}) {
        const json twin = {{"type", "set_prefecture_amounts"}, {"round", k_round}, {"simulation", spec_json}};
        const SetPrefectureAmounts typed{k_round, AmountsSource{std::nullopt, 0, spec}};
        CHECK(same_refusal("VN000000", typed, twin).rfind("number.", 0) == 0);
        // A level without access learns only that, on both paths.
        CHECK(same_refusal("VM131016", typed, twin) == "no_access");
        // ④ from a simulation, the same.
        RegisterSiteAmounts four;
        four.round = k_round;
        four.simulation = spec;
        CHECK(same_refusal("VM131016", four, {{"type", "register_site_amounts"}, {"round", k_round}, {"simulation", spec_json}})
                  .rfind("number.", 0) == 0);
    }
}

TEST_CASE("the simulation view refuses a typed split's out-of-range total as its JSON twin") {
    Chain f;
    f.as("VN000000");
    SimulationQuery q;
    q.round = k_round;
    q.spec.mode = "eligible_population";
    q.spec.total = k_max_boxes + 1;
    auto typed = f.app.ask(q);
    auto j = f.app.view("simulation", {{"round", k_round}, {"mode", "eligible_population"}, {"total", k_max_boxes + 1}});
    REQUIRE_FALSE(typed);
    REQUIRE_FALSE(j);
    CHECK(typed.error().code == j.error().code);
    CHECK(typed.error().args == j.error().args);
    CHECK(arg(typed.error(), "label") == "sim.total");
}
