// The stock_ledger and transfer_targets views, typed (stock_app.hpp): window.vsys's JSON is the
// typed answer through its one codec, with the members the e2e tests and the CLI read named
// here, so that a codec that renames, drops, adds or retypes one fails; a role the site is
// closed to is refused alike on both paths. Over the kiosk's demo history (東京都).
#include <doctest/doctest.h>

#include <set>

#include "../app_fixture.hpp"
#include "app/stock/stock_app.hpp"
#include "typed_view_check.hpp"

TEST_SUITE_BEGIN("stock");

using namespace vsys;
using nlohmann::json;
using vsys::test::AppFixture;
using vsys::test::members;
using vsys::test::same_view;

namespace {

// A Tokyo hub whose ledger has lines, and one of its satellites.
struct Hub {
    std::string hub, satellite, municipality;
};
Hub tokyo_hub(AppFixture& f) {
    for (const auto& s : f.app.directory().demo().sites) {
        if (s.hub.empty() || s.municipality.rfind("13", 0) != 0) continue;
        auto v = stock_site_view(f.app, s.hub);
        if (v && v->lines.size() > 3) return {s.hub, s.code, s.municipality};
    }
    FAIL("no Tokyo hub with a ledger");
    return {};
}

const std::set<std::string> k_event_members = {"id", "kind", "date", "order", "site", "product", "lot", "vials"};
const std::set<std::string> k_event_optional = {"to", "condition", "reason", "doses", "transfer", "request"};

void check_event(const json& e, std::set<std::string> more) {
    std::set<std::string> got = members(e);
    for (const auto& m : k_event_members) CHECK_MESSAGE(got.count(m), m);
    for (const auto& m : got) CHECK_MESSAGE((k_event_members.count(m) || k_event_optional.count(m) || more.count(m)), m);
    CHECK(e["order"].is_number_integer());
    CHECK(e["vials"].is_number_integer());
}

void check_ledger(AppFixture& f, const std::string& site) {
    const json j = same_view(f, StockLedgerQuery{site}, {{"site", site}});
    if (j.is_null()) return;
    CHECK(members(j) == std::set<std::string>{"lines", "purged"});
    const StockLedgerView v = *f.app.ask(StockLedgerQuery{site});
    REQUIRE(j["lines"].size() == v.lines.size());
    REQUIRE(j["purged"].size() == v.purged.size());
    for (std::size_t i = 0; i < v.lines.size(); ++i) {
        const json& l = j["lines"][i];
        check_event(l, {"change", "on_hand_after"});
        CHECK(l["id"] == v.lines[i]->event->id);
        CHECK(l["change"] == v.lines[i]->change);
        CHECK(l["on_hand_after"] == v.lines[i]->on_hand_after);
        CHECK(l["change"].is_number_integer());
    }
    for (std::size_t i = 0; i < v.purged.size(); ++i) {
        check_event(j["purged"][i], {});
        CHECK(j["purged"][i]["id"] == v.purged[i]->id);
    }
}

void check_targets(AppFixture& f, const std::string& site, VaccineProduct product) {
    const json j = same_view(f, TransferTargetsQuery{site, product}, {{"site", site}, {"product", vaccine_product_id(product)}});
    if (j.is_null()) return;
    CHECK(members(j) == std::set<std::string>{"targets"});
    const TransferTargetsView v = *f.app.ask(TransferTargetsQuery{site, product});
    REQUIRE(j["targets"].size() == v.targets.size());
    for (std::size_t i = 0; i < v.targets.size(); ++i) {
        const json& t = j["targets"][i];
        const TransferTarget& r = v.targets[i];
        CHECK(members(t) == std::set<std::string>{"site", "name", "category", "allowed", "conditions"});
        CHECK(t["site"] == r.code);
        CHECK(t["name"] == r.name);
        CHECK(t["category"] == (r.category ? vaccine_category_id(*r.category) : "none"));
        CHECK(t["allowed"] == r.allowed);
        CHECK(t["conditions"] == json(r.conditions));
    }
}

}  // namespace

TEST_CASE("stock_ledger and transfer_targets answer typed what window.vsys answers as JSON, for the site, its municipality and roles it is closed to") {
    AppFixture f(true);
    const Hub h = tokyo_hub(f);
    for (const std::string& id : {"VS" + h.hub, "VS" + h.satellite, "VM" + h.municipality, std::string("VP130001"),
                                  std::string("VM271004")}) {
        REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", id}})["ok"] == true);
        for (const std::string& site : {h.hub, h.satellite}) {
            check_ledger(f, site);
            check_targets(f, site, VaccineProduct::pfizer_12);
            check_targets(f, site, VaccineProduct::takeda_moderna);
        }
    }
    // The hub's own view has lines, and offers its satellite with the conditions of today.
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VS" + h.hub}})["ok"] == true);
    CHECK(f.app.ask(StockLedgerQuery{h.hub})->lines.size() > 3);
    bool satellite = false;
    const auto offered = f.app.ask(TransferTargetsQuery{h.hub, VaccineProduct::pfizer_12});
    REQUIRE(offered);
    for (const auto& t : offered->targets)  // a range over a member of a temporary would dangle
        if (t.code == h.satellite) satellite = t.allowed && !t.conditions.empty();
    CHECK(satellite);
    // The codec's refusals: an unknown product names it, an unknown member is refused.
    CHECK(f.view("transfer_targets", {{"site", h.hub}, {"product", "aspirin"}})["error"]["code"] == "stock.product");
    CHECK(f.view("stock_ledger", {{"site", h.hub}, {"extra", 1}})["error"]["code"] == "arg.unknown");
    CHECK(f.view("stock_ledger", {{"site", "0000000000"}})["ok"] == false);
}
