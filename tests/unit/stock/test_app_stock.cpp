// Stock through the App (app/stock): the commands as window.vsys sends them, over the kiosk's
// demo world with its history (東京都), so a hub has a delivery to confirm and satellites to
// send to; the views, the home counters, the reports and the purge.
#include <set>

#include <doctest/doctest.h>

#include "../app_fixture.hpp"
#include "app/stock/stock_app.hpp"

namespace {

using json = nlohmann::json;
using vsys::test::AppFixture;

json ok(AppFixture& f, const json& cmd) {
    auto r = f.run(cmd);
    REQUIRE_MESSAGE(r["ok"] == true, cmd.dump() << " → " << r.dump());
    return r;
}

std::string refused(AppFixture& f, const json& cmd) {
    auto r = f.run(cmd);
    REQUIRE_MESSAGE(r["ok"] == false, cmd.dump() << " was accepted");
    return r["error"]["code"].get<std::string>();
}

json stock(AppFixture& f, const std::string& site) {
    auto v = f.view("stock", {{"site", site}});
    REQUIRE_MESSAGE(v["ok"] == true, v.dump());
    return v["view"];
}

const json* lot_of(const json& view, const std::string& lot) {
    for (const auto& l : view["lots"])
        if (l["lot"] == lot) return &l;
    return nullptr;
}

std::int64_t waiting(AppFixture& f, const std::string& screen) {
    const json home = f.view("home");  // kept: a range over a member of a temporary dangles
    for (const auto& b : home["view"]["buttons"])
        if (b["id"] == screen) return b["waiting"].get<std::int64_t>();
    return -1;
}

// A Tokyo Pfizer hub whose latest delivery waits to be confirmed, with a satellite in Tokyo.
struct HubAndSatellite {
    std::string hub, satellite, round;
    std::int64_t expected = 0;
};
HubAndSatellite find_hub(AppFixture& f) {
    const auto& sites = f.app.directory().demo().sites;
    std::set<std::string> with_satellite;
    std::map<std::string, std::string> satellite_of;
    for (const auto& s : sites)
        if (!s.hub.empty() && s.municipality.rfind("13", 0) == 0) satellite_of.emplace(s.hub, s.code);
    for (const auto& s : sites) {
        if (s.municipality.rfind("13", 0) != 0 || !satellite_of.count(s.code)) continue;
        auto v = vsys::stock_site_view(f.app, s.code);
        if (!v || v->deliveries.empty()) continue;
        return {s.code, satellite_of[s.code], v->deliveries.front().round, v->deliveries.front().expected_vials};
    }
    FAIL("no Tokyo hub with a delivery to confirm and a satellite");
    return {};
}

}  // namespace

TEST_SUITE_BEGIN("stock");

TEST_CASE("the demo history's stock replays whole: no lot below zero, every wastage reason, transfers in transit, purged counts") {
    AppFixture f(true);
    const auto& w = vsys::stock_world(f.app);
    CHECK(w.malformed == 0);
    CHECK(w.ledger.lots.size() > 500);
    for (const auto& lot : w.ledger.lots) CHECK_MESSAGE(!lot.conflict, lot.site << " " << lot.lot);
    std::set<std::string> reasons;
    std::size_t transfers = 0, refusals = 0;
    for (const auto& e : w.ledger.events) {
        if (e.kind == vsys::StockEventKind::wastage) reasons.insert(e.reason);
        transfers += e.kind == vsys::StockEventKind::transfer;
        refusals += e.kind == vsys::StockEventKind::transfer_refusal;
    }
    CHECK(reasons == std::set<std::string>{"expired", "broken", "cold_chain", "open_vial_time_limit", "other"});
    CHECK(transfers > 100);
    CHECK(refusals > 0);
    CHECK(!w.ledger.in_transit.empty());
    // The fixture's clock (2022-02-01 09:00 JST) is past the purge's cut-off: the counts of
    // January are kept as a record and left out of every figure.
    CHECK(w.purge_active);
    CHECK(w.ledger.purged.size() > 100);
    CHECK(w.requests.size() == 2);
}

TEST_CASE("a hub confirms its delivery and sends vials to its satellite, which takes them in; both stocks and R311 agree") {
    AppFixture f(true);
    const HubAndSatellite h = find_hub(f);
    ok(f, {{"type", "kiosk_switch"}, {"vsys_id", "VS" + h.hub}});
    const std::int64_t receipts_waiting = waiting(f, "stock_receive");
    CHECK(receipts_waiting >= 1);
    // A difference from the delivery needs a reason, named by its label.
    CHECK(refused(f, {{"type", "confirm_delivery"}, {"site", h.hub}, {"round", h.round},
                      {"lines", {{{"lot", "FZ0001"}, {"expiry", "2022-08-31"}, {"vials", h.expected - 1}}}}}) ==
          "receipt.discrepancy_required");
    ok(f, {{"type", "confirm_delivery"}, {"site", h.hub}, {"round", h.round}, {"date", "2022-02-01"},
           {"lines", {{{"lot", "FZ0001"}, {"expiry", "2022-08-31"}, {"vials", h.expected}}}}});
    CHECK(waiting(f, "stock_receive") == receipts_waiting - 1);
    CHECK(refused(f, {{"type", "confirm_delivery"}, {"site", h.hub}, {"round", h.round},
                      {"lines", {{{"lot", "FZ0002"}, {"expiry", "2022-08-31"}, {"vials", h.expected}}}}}) ==
          "stock.receipt_exists");
    const json hub_after = stock(f, h.hub);
    const json* lot = lot_of(hub_after, "FZ0001");
    REQUIRE(lot);
    CHECK((*lot)["on_hand"] == h.expected);
    CHECK((*lot)["doses"] == h.expected * 6);

    // The satellite is offered, the matrix allows it, and 2–8 °C is among its conditions.
    const json targets = f.view("transfer_targets", {{"site", h.hub}, {"product", "pfizer_12"}})["view"]["targets"];
    bool offered = false;
    for (const auto& t : targets)
        if (t["site"] == h.satellite) offered = t["allowed"] == true;
    CHECK(offered);
    const json transfer = {{"type", "transfer_stock"}, {"site", h.hub}, {"to", h.satellite}, {"product", "pfizer_12"},
                           {"lot", "FZ0001"}, {"vials", 6}, {"condition", "cool_2_8_3h"}, {"date", "2022-02-01"}};
    // The cap of 5 vials held until 2022-01-30.
    json capped = transfer;
    capped["date"] = "2022-01-30";
    CHECK(refused(f, capped) == "transfer.max_vials");
    json too_many = transfer;
    too_many["vials"] = h.expected + 1;
    CHECK(refused(f, too_many) == "stock.below_zero");
    json future = transfer;
    future["date"] = "2022-02-02";
    CHECK(refused(f, future) == "stock.future_date");
    json box = transfer;
    box["condition"] = "ultra_low_box";  // the satellite has no ultra-low freezer
    CHECK(refused(f, box) == "transfer.condition");
    const auto sent = ok(f, transfer);
    const std::string key = sent["versions"][0]["key"].get<std::string>();
    auto hub_view = stock(f, h.hub);
    CHECK((*lot_of(hub_view, "FZ0001"))["on_hand"] == h.expected - 6);
    CHECK((*lot_of(hub_view, "FZ0001"))["in_transit_out"] == 6);
    CHECK(hub_view["in_transit_out"].size() >= 1);

    ok(f, {{"type", "kiosk_switch"}, {"vsys_id", "VS" + h.satellite}});
    CHECK(waiting(f, "stock_receive") >= 1);
    auto sat = stock(f, h.satellite);
    bool listed = false;
    for (const auto& t : sat["to_receive"]) listed |= t["id"] == key;
    CHECK(listed);
    CHECK(refused(f, {{"type", "answer_transfer"}, {"site", h.satellite}, {"transfer", key}, {"accept", false}}) ==
          "stock.reason");
    ok(f, {{"type", "answer_transfer"}, {"site", h.satellite}, {"transfer", key}, {"accept", true}, {"date", "2022-02-01"}});
    CHECK(refused(f, {{"type", "answer_transfer"}, {"site", h.satellite}, {"transfer", key}, {"accept", true}}) ==
          "transfer.answered");
    CHECK((*lot_of(stock(f, h.satellite), "FZ0001"))["on_hand"] == 6);

    ok(f, {{"type", "kiosk_switch"}, {"vsys_id", "VS" + h.hub}});
    CHECK((*lot_of(stock(f, h.hub), "FZ0001"))["in_transit_out"] == 0);

    // The municipality's R311: the hub's calculated stock includes the new lot.
    const auto& site = *f.app.directory().generated_site(h.hub);
    ok(f, {{"type", "kiosk_switch"}, {"vsys_id", "VM" + site.municipality}});
    auto r = f.view("report", {{"report", "R311"}, {"product", "pfizer_12"}, {"detail", true}});
    REQUIRE_MESSAGE(r["ok"] == true, r.dump());
    int code_col = -1, calc_col = -1;
    for (std::size_t i = 0; i < r["view"]["columns"].size(); ++i) {
        if (r["view"]["columns"][i]["label"] == "医療機関コード") code_col = static_cast<int>(i);
        if (r["view"]["columns"][i]["label"] == "計算上の在庫") calc_col = static_cast<int>(i);
    }
    REQUIRE(code_col >= 0);
    REQUIRE(calc_col >= 0);
    std::int64_t calculated = -1;
    for (const auto& row : r["view"]["rows"])
        if (row[code_col] == h.hub) calculated = row[calc_col].get<std::int64_t>();
    std::int64_t expected_calc = 0;
    for (const auto* l : vsys::stock_world(f.app).ledger.lots_of("site:" + h.hub))
        if (l->product == vsys::VaccineProduct::pfizer_12) expected_calc += l->on_hand;
    CHECK(calculated == expected_calc);
    CHECK(calculated >= h.expected - 6);
}

TEST_CASE("a municipality records wastage for its site (代行入力), and a wastage needs what its reason needs") {
    AppFixture f(true);
    const HubAndSatellite h = find_hub(f);
    const auto& site = *f.app.directory().generated_site(h.hub);
    ok(f, {{"type", "kiosk_switch"}, {"vsys_id", "VM" + site.municipality}});
    ok(f, {{"type", "confirm_delivery"}, {"site", h.hub}, {"round", h.round},
           {"lines", {{{"lot", "FZ0009"}, {"expiry", "2022-08-31"}, {"vials", h.expected}}}}});
    const json base = {{"type", "record_wastage"}, {"site", h.hub}, {"product", "pfizer_12"}, {"lot", "FZ0009"},
                       {"vials", 2}, {"reason", "cold_chain"}};
    CHECK(refused(f, base) == "stock.excursion");
    json bad_temp = base;
    bad_temp["excursion_from"] = "2022-02-01T09:00";
    bad_temp["excursion_to"] = "2022-02-01T11:00";
    bad_temp["temperature"] = "warm";
    CHECK(refused(f, bad_temp) == "stock.temperature");
    json cold = bad_temp;
    cold["temperature"] = "１２．５";
    const auto r = ok(f, cold);
    CHECK(r["versions"].size() == 1);
    const auto* v = f.app.store().find(r["versions"][0]["hash"].get<std::string>());
    REQUIRE(v);
    CHECK(v->proxy);
    CHECK(v->body["excursion"]["temperature_tenths"] == 125);
    json other = base;
    other["reason"] = "other";
    CHECK(refused(f, other) == "stock.reason_text");
    other["text"] = "落下";
    ok(f, other);
    auto view = stock(f, h.hub);
    CHECK((*lot_of(view, "FZ0009"))["wasted_vials"] == 4);
    CHECK((*lot_of(view, "FZ0009"))["on_hand"] == h.expected - 4);
    // A municipality may not enter for another municipality's site.
    const auto& far = f.site_in("271004");
    CHECK(refused(f, {{"type", "record_wastage"}, {"site", far.code}, {"product", "pfizer_12"}, {"lot", "X1"},
                      {"vials", 1}, {"reason", "broken"}}) == "no_access");
}

TEST_CASE("a prefecture's stock request reaches its sites' home screens; an answer is counted and shown in R212") {
    AppFixture f(true);
    const HubAndSatellite h = find_hub(f);
    ok(f, {{"type", "kiosk_switch"}, {"vsys_id", "VP130001"}});
    CHECK(refused(f, {{"type", "issue_stock_request"}, {"due", "2022-01-01"}, {"products", {"pfizer_12"}}}) == "stock.due_past");
    CHECK(refused(f, {{"type", "issue_stock_request"}, {"due", "2022-02-10"}, {"products", json::array()}}) ==
          "stock.products_empty");
    const auto issued = ok(f, {{"type", "issue_stock_request"}, {"due", "2022-02-10"}, {"products", {"pfizer_12"}}});
    const std::string key = issued["versions"][0]["key"].get<std::string>();
    auto requests = f.view("stock_requests")["view"]["requests"];
    REQUIRE(requests.size() == 1);
    const std::int64_t sites = requests[0]["sites"].get<std::int64_t>();
    CHECK(sites > 100);
    CHECK(requests[0]["answered"] == 0);

    ok(f, {{"type", "kiosk_switch"}, {"vsys_id", "VS" + h.hub}});
    const std::int64_t before = waiting(f, "stock");
    CHECK(before >= 1);
    ok(f, {{"type", "confirm_delivery"}, {"site", h.hub}, {"round", h.round},
           {"lines", {{{"lot", "FZ0100"}, {"expiry", "2022-08-31"}, {"vials", h.expected}}}}});
    // A count below the calculated stock needs a reason; the answer names the request.
    CHECK(refused(f, {{"type", "record_count"}, {"site", h.hub}, {"request", key},
                      {"lines", {{{"product", "pfizer_12"}, {"lot", "FZ0100"}, {"vials", 10}}}}}) ==
          "count.reason_required");
    ok(f, {{"type", "record_count"}, {"site", h.hub}, {"request", key},
           {"lines", {{{"product", "pfizer_12"}, {"lot", "FZ0100"}, {"vials", 10}, {"reason", "used"}}}}});
    CHECK(waiting(f, "stock") == before - 1);
    CHECK((*lot_of(stock(f, h.hub), "FZ0100"))["on_hand"] == 10);

    ok(f, {{"type", "kiosk_switch"}, {"vsys_id", "VP130001"}});
    requests = f.view("stock_requests")["view"]["requests"];
    CHECK(requests[0]["answered"] == 1);
    CHECK(requests[0]["not_answered"].size() == static_cast<std::size_t>(sites - 1));
    auto r = f.view("report", {{"report", "R212"}, {"product", "pfizer_12"}, {"detail", true}});
    REQUIRE_MESSAGE(r["ok"] == true, r.dump());
    const auto& muni = f.app.directory().generated_site(h.hub)->municipality;
    const json& cols = r["view"]["columns"];
    auto col = [&](const std::string& label) {
        for (std::size_t i = 0; i < cols.size(); ++i)
            if (cols[i]["label"] == label) return i;
        FAIL("no column " << label);
        return std::size_t{0};
    };
    bool found = false;
    for (const auto& row : r["view"]["rows"])
        if (row[col("市区町村コード")] == muni) {
            found = true;
            CHECK(row[col("回答済")].get<std::int64_t>() >= 1);
            CHECK(row[col("在庫量")].get<std::int64_t>() >= 10);
        }
    CHECK(found);
    // Upper levels see stock only through answers: no single events.
    CHECK(f.view("stock", {{"site", h.hub}})["error"]["code"] == "no_access");
}

TEST_CASE("the purge: a week before, users are told; from the cut-off, counts entered before it leave every figure") {
    AppFixture f;
    f.clock = 1643241600;  // 2022-01-27T00:00:00Z: 4 days before
    REQUIRE(f.login("VM131016"));
    const auto& w = vsys::stock_world(f.app);
    CHECK(w.purge_notice);
    CHECK(!w.purge_active);
    f.clock = 1643619600;  // 2022-01-31T09:00:00Z: the cut-off
    const auto& after = vsys::stock_world(f.app);
    CHECK(!after.purge_notice);
    CHECK(after.purge_active);
}

TEST_SUITE_END();
