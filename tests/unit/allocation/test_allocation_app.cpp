// The allocation chain through the app's commands and views, signed in as the demo accounts:
// sites request, the nation opens the round and sets ①, Tokyo simulates and registers ②, the
// nation locks ③, Chiyoda simulates and registers ④ with deliveries, Tokyo locks ⑤, and the
// site sees its delivery; edits after a lock and actions outside a level's rights are refused.
#include <doctest/doctest.h>

#include <vector>

#include "allocation/chain_app_fixture.hpp"

TEST_SUITE_BEGIN("allocation");

using namespace vsys;
using nlohmann::json;

namespace {

using test::Chain;
using test::code_of;
using test::k_round;

json step(const json& state, int n) { return state["steps"][static_cast<std::size_t>(n - 1)]; }

}  // namespace

TEST_CASE("the chain runs ①-⑤ through the app and the site sees its confirmed delivery") {
    Chain f;
    f.requests();
    f.as(test::site_account(*f.hubs[0]));
    auto own = f.view("requests", {{"round", k_round}});
    REQUIRE(own["ok"] == true);
    CHECK(own["view"]["boxes"] == 5);
    CHECK(own["view"]["may_request"] == true);
    auto rounds = f.view("rounds");
    REQUIRE(rounds["ok"] == true);
    bool listed = false;
    for (const auto& r : rounds["view"]["rounds"]) listed = listed || r["code"] == k_round;
    CHECK(listed);

    f.as("VM131016");
    auto totals = f.view("requests", {{"round", k_round}});
    REQUIRE(totals["ok"] == true);
    CHECK(totals["view"]["total"]["boxes"] == 8);
    CHECK(totals["view"]["total"]["reported"] == 2);

    f.nation_amounts();
    auto nation = f.view("round_state", {{"round", k_round}});
    REQUIRE(nation["ok"] == true);
    CHECK(nation["view"]["state"] == "allocating");
    CHECK(step(nation["view"], 1)["status"] == "confirmed");
    CHECK(step(nation["view"], 2)["status"] == "pending");
    CHECK(nation["view"]["children"].size() == 47);

    f.as("VP130001");
    auto sim = f.view("simulation", {{"round", k_round}, {"compare", {{"mode", "request"}}}});
    REQUIRE_MESSAGE(sim["ok"] == true, sim.dump());
    CHECK(sim["view"]["spec"]["mode"] == "eligible_population");
    CHECK(sim["view"]["modes"] == json::array({"eligible_population", "request"}));
    CHECK(sim["view"]["rows"].size() == sim["view"]["compare"]["rows"].size());
    CHECK(sim["view"]["allocated"].get<std::int64_t>() + sim["view"]["unallocated"].get<std::int64_t>() ==
          sim["view"]["total"].get<std::int64_t>());
    CHECK(!sim["view"]["rows"][0]["explanation"].get<std::string>().empty());
    f.tokyo_amounts();
    f.nation_lock();

    f.as("VM131016");
    auto four = f.view("simulation", {{"round", k_round}, {"mode", "request"}});
    REQUIRE_MESSAGE(four["ok"] == true, four.dump());
    CHECK(four["view"]["requested"] == 8);
    f.chiyoda_amounts();
    f.tokyo_lock();

    f.as(test::site_account(*f.hubs[0]));
    auto orders = f.view("deliveries");
    REQUIRE(orders["ok"] == true);
    REQUIRE(orders["view"]["deliveries"].size() == 1);
    const auto& d = orders["view"]["deliveries"][0];
    CHECK(d["round"] == k_round);
    CHECK(d["boxes"] == 5);  // Chiyoda had more than requested: nobody gets more than it asked for
    CHECK(d["needle_boxes"].get<std::int64_t>() > 0);
    CHECK(d["doses"].get<std::int64_t>() == d["vials"].get<std::int64_t>() * 6);
    auto mine = f.view("round_state", {{"round", k_round}});
    REQUIRE(mine["ok"] == true);
    CHECK(mine["view"]["amount"] == 5);
    CHECK(step(mine["view"], 5)["status"] == "locked");
    CHECK(step(mine["view"], 4)["status"] == "locked");
}

TEST_CASE("an edit after a lock is refused with the locking level named, and undoing needs a reason") {
    Chain f;
    f.requests();
    f.nation_amounts();
    f.tokyo_amounts();
    f.nation_lock();
    f.as("VP130001");
    auto again = f.run({{"type", "register_municipality_amounts"}, {"round", k_round}, {"simulation", {{"mode", "request"}}}});
    CHECK(code_of(again) == "chain.locked_by_nation");
    CHECK(again["error"]["message"].get<std::string>().find("東京都") != std::string::npos);
    f.chiyoda_amounts();
    f.tokyo_lock();
    f.as("VM131016");
    CHECK(code_of(f.run({{"type", "register_site_amounts"}, {"round", k_round}, {"simulation", {{"mode", "request"}}}})) ==
          "chain.locked_by_prefecture");
    f.as("VN000000");
    CHECK(code_of(f.run({{"type", "unlock_prefecture"}, {"round", k_round}, {"prefecture", "pref:130001"},
                         {"reason", "再配分のため"}})) == "chain.later_step_locked");
    f.as("VP130001");
    CHECK(code_of(f.run({{"type", "unlock_sites"}, {"round", k_round}, {"reason", ""}})) == "allocation_app.reason_required");
    CHECK(code_of(f.run({{"type", "unlock_sites"}, {"round", k_round}, {"reason", "納入数の修正"}})) == "");
    f.as("VM131016");
    auto typed = json::object();
    typed[site_org_id(*f.hubs[0])] = {{"boxes", 4}, {"needle_boxes", 2}, {"syringe_boxes", 2}};
    auto state = f.view("round_state", {{"round", k_round}});
    const std::int64_t amount = state["view"]["amount"].get<std::int64_t>();
    CHECK(code_of(f.run({{"type", "register_site_amounts"}, {"round", k_round}, {"deliveries", typed},
                         {"unallocated", amount - 4}})) == "");
    CHECK(code_of(f.run({{"type", "register_site_amounts"}, {"round", k_round}, {"deliveries", typed},
                         {"unallocated", amount}})) == "chain.sum");
}

TEST_CASE("steps out of order and requests outside the window answer the chain's refusals") {
    Chain f;
    f.requests();
    f.as("VP130001");
    CHECK(code_of(f.run({{"type", "register_municipality_amounts"}, {"round", k_round},
                         {"shares", {{"muni:131016", 1}}}})) == "chain.round_state");
    f.nation_amounts();
    f.as(test::site_account(*f.hubs[0]));
    CHECK(code_of(f.run({{"type", "report_request"}, {"site", f.hubs[0]->code}, {"round", k_round}, {"boxes", 9}})) ==
          "chain.requests_closed");
    CHECK(code_of(f.run({{"type", "report_request"}, {"site", f.hubs[0]->code}, {"round", "PF12_R9"}, {"boxes", 9}})) ==
          "chain.no_access");
    CHECK(code_of(f.view("round_state", {{"round", "PF12_R9"}})) == "chain.no_access");
    f.as("VM131016");
    CHECK(code_of(f.run({{"type", "register_site_amounts"}, {"round", k_round}, {"simulation", {{"mode", "request"}}}})) ==
          "chain.needs_nation_lock");
    f.as("VN000000");
    CHECK(code_of(f.run({{"type", "lock_prefecture"}, {"round", k_round}, {"prefecture", "pref:130001"}})) ==
          "chain.needs_municipality_amounts");
    CHECK(code_of(f.run({{"type", "set_prefecture_amounts"}, {"round", k_round}, {"simulation", {{"mode", "request"}}}})) ==
          "chain.needs_total");
    CHECK(code_of(f.run({{"type", "set_prefecture_amounts"}, {"round", k_round}, {"shares", {{"pref:130001", 10}}},
                         {"simulation", {{"mode", "request"}}}})) == "allocation_app.shares_or_simulation");
    CHECK(code_of(f.view("simulation", {{"round", k_round}, {"mode", "child_population"}, {"total", 10}})) ==
          "chain.mode_invalid");
}

TEST_CASE("each level may act only on its own organisation: other levels and other places answer no access") {
    Chain f;
    f.requests();
    f.as(test::site_account(*f.hubs[0]));
    CHECK(code_of(f.run({{"type", "set_round_state"}, {"round", k_round}, {"state", "allocating"}})) == "no_access");
    CHECK(code_of(f.run({{"type", "report_request"}, {"site", f.hubs[1]->code}, {"round", k_round}, {"boxes", 1}})) ==
          "no_access");
    f.as("VM131016");
    // 代行入力: the municipality reports for its own site, and the version is marked as proxy.
    CHECK(code_of(f.run({{"type", "report_request"}, {"site", f.hubs[0]->code}, {"round", k_round}, {"boxes", 6}})) == "");
    const auto* proxy = f.app.current(site_org_id(*f.hubs[0]), "request", k_round);
    REQUIRE(proxy);
    CHECK(proxy->proxy);
    CHECK(proxy->author == "VM131016");
    f.nation_amounts();
    f.as("VM131016");
    CHECK(code_of(f.run({{"type", "lock_sites"}, {"round", k_round}, {"prefecture", "pref:130001"}})) == "no_access");
    CHECK(code_of(f.view("simulation", {{"round", k_round}, {"parent", "muni:131024"}})) == "no_access");
    f.as("VP130001");
    CHECK(code_of(f.run({{"type", "register_municipality_amounts"}, {"round", k_round}, {"prefecture", "pref:270008"},
                         {"simulation", json::object()}})) == "no_access");
    CHECK(code_of(f.run({{"type", "lock_prefecture"}, {"round", k_round}, {"prefecture", "pref:130001"}})) == "no_access");
    CHECK(code_of(f.view("round_state", {{"round", k_round}, {"org", "pref:270008"}})) == "no_access");
}

TEST_CASE("a simulation split in tranches shows each part and the sum, checks the remainder and registers") {
    // FACTS.md round 9: 8,000 boxes by population + 2,000 by request, through the same view
    // and command the simulation screen (and window.vsys) uses.
    Chain f;
    f.requests();
    f.as("VN000000");
    REQUIRE(code_of(f.run({{"type", "set_round_state"}, {"round", k_round}, {"state", "allocating"}})) == "");
    const json parts = json::array({{{"amount", 8000}, {"mode", "eligible_population"}}, {{"amount", 2000}, {"mode", "request"}}});
    auto sim = f.view("simulation", {{"round", k_round}, {"total", 10000}, {"tranches", parts}});
    REQUIRE_MESSAGE(sim["ok"] == true, sim.dump());
    const json& v = sim["view"];
    REQUIRE(v["tranches"].size() == 2);
    CHECK(v["tranches"][0]["amount"] == 8000);
    CHECK(v["tranches"][1]["mode"] == "request");
    CHECK(v["spec"]["tranches"] == json::array({{{"amount", 8000}, {"mode", "eligible_population"}, {"cap_by_request", false}},
                                                {{"amount", 2000}, {"mode", "request"}, {"cap_by_request", false}}}));
    REQUIRE(v["rows"].size() == 47);
    std::int64_t first = 0, second = 0, total = 0;
    for (const auto& r : v["rows"]) {
        REQUIRE(r["parts"].size() == 2);
        const std::int64_t a = r["parts"][0]["result"], b = r["parts"][1]["result"];
        CHECK(r["result"].get<std::int64_t>() == a + b);
        CHECK(r["weight"].is_null());
        first += a;
        second += b;
        total += r["result"].get<std::int64_t>();
    }
    CHECK(first == 8000);  // by population nothing is capped
    CHECK(second == 8);    // by request only Chiyoda's two hubs asked: 5 + 3, the rest stays
    CHECK(v["tranches"][0]["allocated"] == 8000);
    CHECK(v["tranches"][1]["unallocated"] == 1992);
    CHECK(total + v["unallocated"].get<std::int64_t>() == 10000);
    CHECK(v["allocated"] == total);
    for (const auto& r : v["rows"])
        if (r["org"] == "pref:130001") {
            CHECK(r["parts"][1]["result"] == 8);
            CHECK(r["explanation"].get<std::string>().find("分割1") != std::string::npos);
        }

    // Parts that do not add up are refused before anything is split, with the numbers.
    auto short_parts = f.view("simulation", {{"round", k_round}, {"total", 10000},
                                             {"tranches", {{{"amount", 8000}, {"mode", "eligible_population"}},
                                                           {{"amount", 1000}, {"mode", "request"}}}}});
    REQUIRE(code_of(short_parts) == "chain.tranches_sum");
    const std::string message = short_parts["error"]["message"];
    CHECK(message.find("9000") != std::string::npos);
    CHECK(message.find("10000") != std::string::npos);

    // Fixed values are given first and apart: the parts split what is left.
    json fixed_spec = {{"round", k_round}, {"total", 10000}, {"fixed", {{"pref:130001", 500}}},
                       {"tranches", {{{"amount", 8000}, {"mode", "eligible_population"}}, {{"amount", 1500}, {"mode", "request"}}}}};
    auto fixed = f.view("simulation", fixed_spec);
    REQUIRE_MESSAGE(fixed["ok"] == true, fixed.dump());
    for (const auto& r : fixed["view"]["rows"])
        if (r["org"] == "pref:130001") {
            CHECK(r["result"] == 500);
            CHECK(r["reason"] == "fixed");
            CHECK(r["parts"][0]["result"] == 0);
            CHECK(r["parts"][1]["result"] == 0);
        }
    fixed_spec["tranches"][1]["amount"] = 2000;  // 8,000 + 2,000 + 500 fixed > 10,000
    CHECK(code_of(f.view("simulation", fixed_spec)) == "chain.tranches_sum");

    // Each part's mode must fit the product and level, and a part has exactly its fields.
    CHECK(code_of(f.view("simulation", {{"round", k_round}, {"total", 10},
                                        {"tranches", {{{"amount", 10}, {"mode", "child_population"}}}}})) ==
          "chain.mode_invalid");
    CHECK(code_of(f.view("simulation", {{"round", k_round}, {"total", 10},
                                        {"tranches", {{{"amount", 10}, {"mode", "request"}, {"weight", 1}}}}})) ==
          "arg.unknown");
    CHECK(code_of(f.view("simulation", {{"round", k_round}, {"total", 10}, {"tranches", {{{"mode", "request"}}}}})) ==
          "arg.missing");

    // Compared side by side with one mode, and registered as run: ① records mode "tranches".
    auto cmp = f.view("simulation", {{"round", k_round}, {"total", 10000}, {"tranches", parts},
                                     {"compare", {{"mode", "request"}, {"total", 10000}}}});
    REQUIRE_MESSAGE(cmp["ok"] == true, cmp.dump());
    CHECK(cmp["view"]["compare"]["rows"].size() == 47);
    REQUIRE(code_of(f.run({{"type", "set_prefecture_amounts"}, {"round", k_round},
                           {"simulation", {{"total", 10000}, {"tranches", parts}}}})) == "");
    const auto* one = f.app.current("nation", "allocation", k_round);
    REQUIRE(one);
    CHECK(one->body["mode"] == "tranches");
    CHECK(one->body["amount"] == 10000);
    auto state = f.view("round_state", {{"round", k_round}});
    REQUIRE(state["ok"] == true);
    CHECK(step(state["view"], 1)["status"] == "confirmed");
    for (const auto& c : state["view"]["children"])
        if (c["org"] == "pref:130001") {
            for (const auto& r : v["rows"])
                if (r["org"] == "pref:130001") CHECK(c["amount"] == r["result"]);
        }
}

TEST_SUITE_END();
