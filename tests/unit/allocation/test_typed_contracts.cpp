// The allocation chain's typed contracts (issue 12 item 4): the screens read typed answers and
// emit typed commands, window.vsys reads and sends JSON, and the two must not differ. For each
// view the JSON answer (App::view) is checked here member by member against the typed answer
// (App::ask) with the member names written out, so a codec that renames, drops, adds or retypes
// a member fails; and typed commands write the same versions, and meet the same refusals, as
// their JSON twins.
//
// Index:
// [SECTION] the views, member by member
// [SECTION] the commands and their JSON twins
// [SECTION] the test cases
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "allocation/chain_app_fixture.hpp"
#include "app/allocation/chain_commands.hpp"
#include "app/allocation/deliveries_view.hpp"
#include "app/allocation/requests_view.hpp"
#include "app/allocation/round_state_view.hpp"
#include "app/allocation/rounds_view.hpp"
#include "app/allocation/simulation_view.hpp"

TEST_SUITE_BEGIN("allocation");

using namespace vsys;
using nlohmann::json;

namespace {

using test::Chain;
using test::code_of;
using test::k_round;

// [SECTION] the views, member by member
std::set<std::string> members(const json& j) {
    std::set<std::string> out;
    for (auto it = j.begin(); it != j.end(); ++it) out.insert(it.key());
    return out;
}

json opt(const std::optional<std::int64_t>& n) { return n ? json(*n) : json(nullptr); }

const std::set<std::string> k_round_members = {"code",           "name",         "product",       "product_name",
                                               "state",          "state_name",   "requests_open", "requests_from",
                                               "requests_until", "period_start", "period_end"};

std::set<std::string> with(std::set<std::string> a, std::initializer_list<const char*> more) {
    for (const char* m : more) a.insert(m);
    return a;
}

void same_round(const RoundListing& r, const json& j) {
    CHECK(j["code"] == r.code);
    CHECK(j["name"] == r.name);
    CHECK(j["product"] == r.product);
    CHECK(j["product_name"] == r.product_name);
    CHECK(j["state"] == round_state_id(r.state));
    CHECK(j["state_name"] == r.state_name);
    CHECK(j["requests_open"] == r.requests_open);
    CHECK(j["requests_from"] == r.requests_from);
    CHECK(j["requests_until"] == r.requests_until);
    CHECK(j["period_start"] == r.period_start);
    CHECK(j["period_end"] == r.period_end);
}

void same_count(const StepCount& c, const json& j) {
    CHECK(members(j) == std::set<std::string>{"done", "stale", "of"});
    CHECK(j["done"] == c.done);
    CHECK(j["stale"] == c.stale);
    CHECK(j["of"] == c.of);
}

json json_view(test::AppFixture& f, const std::string& name, const json& args) {
    auto v = f.app.view(name, args);
    REQUIRE_MESSAGE(v.ok(), name << " " << args.dump() << ": " << v.error().code);
    return *v;
}

// rounds and round_state: the answer's members as window.vsys reads them.
void check_rounds(test::AppFixture& f) {
    auto typed = f.app.ask(RoundsQuery{});
    REQUIRE(typed);
    const json j = json_view(f, "rounds", json::object());
    CHECK(j == to_json(*typed));
    CHECK(members(j) == std::set<std::string>{"today", "rounds"});
    CHECK(j["today"] == typed->today);
    REQUIRE(j["rounds"].size() == typed->rounds.size());
    for (std::size_t i = 0; i < typed->rounds.size(); ++i) {
        CHECK(members(j["rounds"][i]) == k_round_members);
        same_round(typed->rounds[i], j["rounds"][i]);
    }
}

void check_round_state(test::AppFixture& f) {
    auto typed = f.app.ask(RoundStateQuery{k_round, std::nullopt});
    REQUIRE(typed);
    const json j = json_view(f, "round_state", {{"round", k_round}});
    CHECK(j == to_json(*typed));
    CHECK(members(j) ==
          with(k_round_members, {"org", "org_name", "level", "amount", "steps", "conflicts", "children"}));
    same_round(typed->round, j);
    CHECK(j["org"] == typed->org);
    CHECK(j["org_name"] == typed->org_name);
    CHECK(j["level"] == org_level_id(typed->level));
    CHECK(j["amount"] == opt(typed->amount));
    CHECK(j["conflicts"] == json(typed->conflicts));
    REQUIRE(j["steps"].size() == 5);
    for (std::size_t i = 0; i < 5; ++i) {
        const ChainStep& s = typed->steps[i];
        json count = j["steps"][i];
        CHECK(count["step"] == s.step);
        CHECK(count["key"] == s.key);
        CHECK(count["status"] == step_status_id(s.status));
        count.erase("step");
        count.erase("key");
        count.erase("status");
        same_count(s.count, count);
    }
    REQUIRE(j["children"].size() == typed->children.size());
    for (std::size_t i = 0; i < typed->children.size(); ++i) {
        const SplitChild& c = typed->children[i];
        const json& row = j["children"][i];
        std::set<std::string> expected = {"org", "name"};
        if (c.request) expected = with(expected, {"request", "reported", "sites"});
        if (typed->level == OrgLevel::municipality) {
            expected = with(expected, {"boxes", "needle_boxes", "syringe_boxes"});
            CHECK(row["boxes"] == opt(c.boxes));
            CHECK(row["needle_boxes"] == opt(c.needle_boxes));
            CHECK(row["syringe_boxes"] == opt(c.syringe_boxes));
        } else {
            expected = with(expected, {"amount", "registered", "stale", "locked", "site_amounts", "site_locks"});
            CHECK(row["amount"] == opt(c.amount));
            CHECK(row["registered"] == c.registered);
            CHECK(row["stale"] == c.stale);
            CHECK(row["locked"] == c.locked);
            same_count(c.site_amounts, row["site_amounts"]);
            same_count(c.site_locks, row["site_locks"]);
        }
        CHECK(members(row) == expected);
        CHECK(row["org"] == c.org);
        CHECK(row["name"] == c.name);
        if (c.request) {
            CHECK(row["request"] == c.request->boxes);
            CHECK(row["reported"] == c.request->reported);
            CHECK(row["sites"] == c.request->sites);
        }
    }
}

void check_requests(test::AppFixture& f) {
    auto typed = f.app.ask(RequestsQuery{k_round, std::nullopt});
    REQUIRE(typed);
    const json j = json_view(f, "requests", {{"round", k_round}});
    CHECK(j == to_json(*typed));
    std::set<std::string> expected = with(k_round_members, {"org", "total", "children"});
    if (typed->split) expected = with(expected, {"split_level", "modes", "max_tranches"});
    if (typed->own) expected = with(expected, {"may_request", "refusal", "boxes", "updated"});
    CHECK(members(j) == expected);
    same_round(typed->round, j);
    CHECK(j["org"] == typed->org);
    CHECK(j["total"] ==
          json{{"boxes", typed->total.boxes}, {"reported", typed->total.reported}, {"sites", typed->total.sites}});
    REQUIRE(j["children"].size() == typed->children.size());
    for (std::size_t i = 0; i < typed->children.size(); ++i) {
        const RequestTotals& c = typed->children[i];
        CHECK(j["children"][i] ==
              json{{"org", c.org}, {"name", c.name}, {"boxes", c.boxes}, {"reported", c.reported}, {"sites", c.sites}});
    }
    if (typed->split) {
        CHECK(j["split_level"] == split_level_id(typed->split->level));
        CHECK(j["max_tranches"] == typed->split->max_tranches);
        REQUIRE(j["modes"].size() == typed->split->modes.size());
        for (std::size_t i = 0; i < typed->split->modes.size(); ++i)
            CHECK(j["modes"][i] ==
                  json{{"id", typed->split->modes[i].id}, {"population", typed->split->modes[i].population}});
    }
    if (typed->own) {
        CHECK(j["may_request"] == typed->own->may_request);
        CHECK(j["refusal"] == typed->own->refusal);
        CHECK(j["boxes"] == opt(typed->own->boxes));
        CHECK(j["updated"] == (typed->own->updated ? json(*typed->own->updated) : json(nullptr)));
    }
}

void same_outcome(const SimulationOutcome& o, const json& j) {
    CHECK(j["total"] == o.total);
    CHECK(j["allocated"] == o.allocated);
    CHECK(j["unallocated"] == o.unallocated);
    CHECK(j["requested"] == o.requested);
    CHECK(members(j["spec"]) ==
          std::set<std::string>{"mode", "method", "total", "fixed", "cap_by_request", "tranches"});
    CHECK(j["spec"]["mode"] == sim_mode_id(o.spec.mode));
    CHECK(j["spec"]["method"] == std::string(alloc::method_name(o.spec.method)));
    CHECK(j["spec"]["total"] == opt(o.spec.total));
    CHECK(j["spec"]["cap_by_request"] == o.spec.cap_by_request);
    CHECK(j["spec"]["fixed"].size() == o.spec.fixed.size());
    for (const auto& share : o.spec.fixed) CHECK(j["spec"]["fixed"][share.org] == share.boxes);
    REQUIRE(j["spec"]["tranches"].size() == o.spec.tranches.size());
    for (std::size_t t = 0; t < o.spec.tranches.size(); ++t)
        CHECK(j["spec"]["tranches"][t] == json{{"amount", o.spec.tranches[t].amount},
                                               {"mode", sim_mode_id(o.spec.tranches[t].mode)},
                                               {"cap_by_request", o.spec.tranches[t].cap_by_request}});
    REQUIRE(j["tranches"].size() == o.tranches.size());
    for (std::size_t t = 0; t < o.tranches.size(); ++t) {
        const SimulationTrancheRow& p = o.tranches[t];
        CHECK(j["tranches"][t] == json{{"amount", p.amount},
                                       {"mode", p.mode},
                                       {"cap_by_request", p.cap_by_request},
                                       {"label", p.label},
                                       {"allocated", p.allocated},
                                       {"unallocated", p.unallocated}});
    }
}

json share_json(const ShareFraction& s) {
    return {{"whole", s.whole}, {"num", s.num}, {"den", s.den}, {"text", s.text}};
}

void check_simulation(test::AppFixture& f, const SimulationQuery& q) {
    auto typed = f.app.ask(q);
    REQUIRE_MESSAGE(typed, typed.error().code);
    json args = to_json(q.spec);
    args["round"] = q.round;
    if (q.compare) args["compare"] = to_json(*q.compare);
    CHECK(SimulationQuery::read(args)->spec == q.spec);  // the question's codec both ways
    const json j = json_view(f, "simulation", args);
    CHECK(j == to_json(*typed));
    std::set<std::string> expected = {"spec",     "total", "allocated", "unallocated", "requested", "rows",
                                      "tranches", "round", "parent",    "modes",       "level"};
    if (typed->compare) expected.insert("compare");
    CHECK(members(j) == expected);
    CHECK(j["round"] == typed->round);
    CHECK(j["parent"] == typed->parent);
    CHECK(j["modes"] == json(typed->modes));
    CHECK(j["level"] == split_level_id(typed->level));
    same_outcome(typed->outcome, j);
    REQUIRE(j["rows"].size() == typed->rows.size());
    for (std::size_t i = 0; i < typed->rows.size(); ++i) {
        const SimulationChild& r = typed->rows[i];
        const json& row = j["rows"][i];
        std::set<std::string> m = {"org",    "name",       "request", "weight",     "share",
                                   "result", "difference", "reason",  "explanation"};
        if (r.parts) m.insert("parts");
        if (r.needle_boxes) m.insert("needle_boxes");
        if (r.syringe_boxes) m.insert("syringe_boxes");
        CHECK(members(row) == m);
        CHECK(row["org"] == r.org);
        CHECK(row["name"] == r.name);
        CHECK(row["request"] == r.request);
        CHECK(row["weight"] == opt(r.weight));
        CHECK(row["share"] == (r.share ? share_json(*r.share) : json(nullptr)));
        CHECK(row["result"] == r.result);
        CHECK(row["difference"] == r.difference);
        CHECK(row["reason"] == r.reason);
        CHECK(row["explanation"] == r.explanation);
        if (r.needle_boxes) CHECK(row["needle_boxes"] == *r.needle_boxes);
        if (r.syringe_boxes) CHECK(row["syringe_boxes"] == *r.syringe_boxes);
        if (r.parts) {
            REQUIRE(row["parts"].size() == r.parts->size());
            for (std::size_t t = 0; t < r.parts->size(); ++t) {
                const SimulationChildPart& p = (*r.parts)[t];
                CHECK(row["parts"][t] == json{{"result", p.result},
                                              {"weight", p.weight},
                                              {"share", share_json(p.share)},
                                              {"reason", p.reason},
                                              {"explanation", p.explanation}});
            }
        }
    }
    if (typed->compare) {
        const json& c = j["compare"];
        CHECK(members(c) ==
              std::set<std::string>{"spec", "total", "allocated", "unallocated", "requested", "rows", "tranches"});
        same_outcome(typed->compare->outcome, c);
        REQUIRE(c["rows"].size() == typed->compare->rows.size());
        for (std::size_t i = 0; i < typed->compare->rows.size(); ++i) {
            const ComparedChild& x = typed->compare->rows[i];
            CHECK(c["rows"][i] == json{{"org", x.org},
                                       {"name", x.name},
                                       {"request", x.request},
                                       {"a", x.a},
                                       {"b", x.b},
                                       {"difference", x.difference}});
        }
    }
}

void check_deliveries(test::AppFixture& f) {
    auto typed = f.app.ask(DeliveriesQuery{});
    REQUIRE(typed);
    CHECK(json_view(f, "deliveries", json::object()) == to_json(*typed));
}

void check_views(Chain& f, const std::string& who) {
    f.as(who);
    INFO(who);
    check_rounds(f);
    check_round_state(f);
    check_requests(f);
    check_deliveries(f);
}

// [SECTION] the commands and their JSON twins
SimulationSpecArgs spec(const char* mode) {
    SimulationSpecArgs s;
    s.mode = mode;
    return s;
}

// The same version, whichever device sealed it: what it says, not its signature or hash.
json written(const Result<Versions>& r) {
    if (!r) FAIL(r.error().code);
    json out = json::array();
    for (const auto& d : *r)
        out.push_back({{"owner", d.owner},
                       {"kind", d.kind},
                       {"id", d.id},
                       {"version", d.version},
                       {"proxy", d.proxy},
                       {"body", d.body}});
    return out;
}

std::string code(const Result<Versions>& r) { return r ? std::string() : r.error().code; }

}  // namespace

// [SECTION] the test cases
TEST_CASE("each typed allocation view answers what window.vsys reads, member by member, for every level of the chain") {
    Chain f;
    const std::string site = test::site_account(*f.hubs[0]);
    f.requests();
    for (const auto& who : {site, std::string("VM131016"), std::string("VP130001"), std::string("VN000000")})
        check_views(f, who);
    f.nation_amounts();
    check_simulation(
        f, SimulationQuery{
               k_round, std::nullopt,
               [] {
                   SimulationSpecArgs s = spec("eligible_population");
                   s.total = 10000;
                   s.method = "dhondt";
                   s.fixed = {{"pref:130001", 500}};
                   s.tranches = std::vector<TrancheArgs>{{8000, "eligible_population", true}, {1500, "request", false}};
                   return s;
               }(),
               std::nullopt});
    f.as("VP130001");
    check_simulation(f, SimulationQuery{k_round, std::nullopt, SimulationSpecArgs{}, spec("request")});
    f.tokyo_amounts();
    f.nation_lock();
    for (const auto& who : {std::string("VN000000"), std::string("VP130001")}) check_views(f, who);
    f.as("VM131016");
    check_simulation(f, SimulationQuery{k_round, std::nullopt, spec("request"), std::nullopt});  // ④ with supplies
    f.chiyoda_amounts();
    f.tokyo_lock();
    for (const auto& who : {site, std::string("VM131016"), std::string("VP130001"), std::string("VN000000")})
        check_views(f, who);
}

TEST_CASE("a typed allocation command writes what its JSON twin writes and meets the same refusals") {
    Chain typed, twin;  // two devices: each seals its own versions
    for (Chain* c : {&typed, &twin}) c->requests();
    // ① from a simulation, then a lock and an unlock without a reason.
    typed.as("VN000000");
    twin.as("VN000000");
    CHECK(written(typed.app.run(SetRoundState{k_round, RoundState::allocating})) ==
          written(twin.app.command({{"type", "set_round_state"}, {"round", k_round}, {"state", "allocating"}})));
    SimulationSpecArgs nation = spec("eligible_population");
    nation.total = 100000;
    CHECK(written(typed.app.run(SetPrefectureAmounts{k_round, AmountsSource{std::nullopt, 0, nation}})) ==
          written(twin.app.command({{"type", "set_prefecture_amounts"},
                                    {"round", k_round},
                                    {"simulation", {{"mode", "eligible_population"}, {"total", 100000}}}})));
    CHECK(code(typed.app.run(UnlockPrefecture{k_round, "pref:130001", ""})) ==
          code(twin.app.command(
              {{"type", "unlock_prefecture"}, {"round", k_round}, {"prefecture", "pref:130001"}, {"reason", ""}})));
    CHECK(code(typed.app.run(UnlockPrefecture{k_round, "pref:130001", ""})) == "allocation_app.reason_required");
    // A level acting for another answers no access on both paths.
    CHECK(code(typed.app.run(LockSites{k_round, "pref:130001", {}})) ==
          code(twin.app.command({{"type", "lock_sites"}, {"round", k_round}, {"prefecture", "pref:130001"}})));
    for (Chain* c : {&typed, &twin}) {
        c->tokyo_amounts();
        c->nation_lock();
    }
    // ④ typed deliveries, given in another order than the JSON object's.
    typed.as("VM131016");
    twin.as("VM131016");
    const std::string a = site_org_id(*typed.hubs[0]), b = site_org_id(*typed.hubs[1]);
    auto state = typed.app.ask(RoundStateQuery{k_round, std::nullopt});
    REQUIRE((state && state->amount));
    const std::int64_t rest = *state->amount - 8;
    RegisterSiteAmounts four;
    four.round = k_round;
    four.deliveries = std::vector<Delivery>{{b, 3, 1, 2}, {a, 5, 0, 0}};
    four.unallocated = rest;
    json deliveries = json::object();
    deliveries[a] = {{"boxes", 5}};
    deliveries[b] = {{"boxes", 3}, {"needle_boxes", 1}, {"syringe_boxes", 2}};
    const json four_json = {
        {"type", "register_site_amounts"}, {"round", k_round}, {"deliveries", deliveries}, {"unallocated", rest}};
    CHECK(written(typed.app.run(four)) == written(twin.app.command(four_json)));
    // A site's request for another product than the round's, on both paths.
    typed.as(test::site_account(*typed.hubs[0]));
    twin.as(test::site_account(*twin.hubs[0]));
    CHECK(code(typed.app.run(ReportRequest{typed.hubs[0]->code, k_round, 4, "takeda_moderna"})) ==
          "chain.wrong_product");
    CHECK(code(twin.app.command({{"type", "report_request"},
                                 {"site", twin.hubs[0]->code},
                                 {"round", k_round},
                                 {"boxes", 4},
                                 {"product", "takeda_moderna"}})) == "chain.wrong_product");
}

TEST_CASE("a split's settings read from JSON and written back are the same settings") {
    const json j = {{"mode", "request"},
                    {"method", "adams"},
                    {"total", 12},
                    {"fixed", {{"pref:010006", 2}, {"pref:130001", 3}}},
                    {"cap_by_request", false},
                    {"tranches", {{{"amount", 5}, {"mode", "request"}, {"cap_by_request", true}}}}};
    auto s = SimulationSpecArgs::read(j);
    REQUIRE(s);
    CHECK(s->fixed == std::vector<std::pair<std::string, std::int64_t>>{{"pref:010006", 2}, {"pref:130001", 3}});
    CHECK(to_json(*s) == j);
    CHECK(SimulationSpecArgs::read({{"mode", "lottery"}}).error().code == "chain.mode_invalid");
    CHECK(SimulationSpecArgs::read({{"method", "coin"}}).error().code == "allocation.unknown_method");
    CHECK(SimulationSpecArgs::read({{"fixed", {{"pref:130001", "3"}}}}).error().code == "arg.type");
}

TEST_SUITE_END();
