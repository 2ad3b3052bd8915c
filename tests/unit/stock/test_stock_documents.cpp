// The stock documents: codecs round-trip and refuse unknown or mistyped members naming them;
// a version gives its ledger events; the kinds are registered with their owners and audience.
#include <doctest/doctest.h>

#include "core/stock/kinds.hpp"
#include "core/stock/stock_documents.hpp"
#include "stock_world.hpp"
#include "sync/kinds.hpp"

TEST_SUITE_BEGIN("stock");

using namespace vsys;
using namespace vsys::stock_test;
using nlohmann::json;
using P = VaccineProduct;

namespace {

struct NoRelations : OrgRelations {
    std::string parent_of(std::string_view) const override { return ""; }
};

DocumentVersion version(const char* owner, const char* kind, const char* id, json body) {
    DocumentVersion v;
    v.owner = owner;
    v.kind = kind;
    v.id = id;
    v.time = "2022-02-01T03:04:05Z";
    v.body = std::move(body);
    return v;
}

StockReceiptDoc sample_receipt() {
    StockReceiptDoc r;
    r.round = "2022-R07";
    r.product = P::pfizer_12;
    r.date = d("2022-02-01");
    r.order = 3;
    r.expected_vials = 390;
    r.lines = {{"FA1234", d("2022-07-31"), 195}, {"FA1235", d("2022-08-31"), 194}};
    r.discrepancy = "short";
    return r;
}

}  // namespace

TEST_CASE("stock codecs round-trip") {
    StockReceiptDoc r = sample_receipt();
    auto back = receipt_from_json(receipt_to_json(r));
    REQUIRE(back.ok());
    CHECK(back->round == r.round);
    CHECK(back->lines.size() == 2);
    CHECK(back->lines[1].vials == 194);
    CHECK(back->lines[1].expiry == d("2022-08-31"));
    CHECK(back->discrepancy == "short");
    CHECK(receipt_to_json(*back) == receipt_to_json(r));

    StockCountDoc c;
    c.date = d("2022-02-10");
    c.order = 9;
    c.request = "pref:130001/stock_request/q1";
    c.lines = {{P::takeda_moderna, "TM1", 7, "used", ""}, {P::pfizer_12, "FA1", 0, "", ""}};
    auto cb = count_from_json(count_to_json(c));
    REQUIRE(cb.ok());
    CHECK(count_to_json(*cb) == count_to_json(c));
    CHECK(cb->lines[0].reason == "used");

    StockRequestDoc q;
    q.issued = d("2022-01-10");
    q.due = d("2022-01-20");
    q.products.add(P::pfizer_12);
    q.products.add(P::takeda_moderna);
    q.note = "在庫量を報告してください";
    auto qb = stock_request_from_json(stock_request_to_json(q));
    REQUIRE(qb.ok());
    CHECK(qb->products == q.products);
    CHECK(qb->note == q.note);

    StockEvent t = transfer("site:1310000011", "site:1310000029", P::pfizer_12, "FA1", 6, d("2022-02-01"), "ultra_low_box");
    t.order = 4;
    t.expiry = d("2022-07-31");
    t.expiry_basis = d("2022-01-15");
    auto tb = single_event_from_json(k_stock_transfer_kind, single_event_to_json(t));
    REQUIRE(tb.ok());
    CHECK(tb->to == t.to);
    CHECK(tb->expiry_basis == d("2022-01-15"));
    CHECK(single_event_to_json(*tb) == single_event_to_json(t));

    StockEvent w = wastage("site:1310000011", P::pfizer_12, "FA1", 2, d("2022-02-02"), "cold_chain");
    w.order = 5;
    w.doses = 3;
    w.excursion = Excursion{"2022-02-02T08:00", "2022-02-02T09:30", 125};
    auto wb = single_event_from_json(k_stock_wastage_kind, single_event_to_json(w));
    REQUIRE(wb.ok());
    REQUIRE(wb->excursion);
    CHECK(wb->excursion->temperature_tenths == 125);
    CHECK(single_event_to_json(*wb) == single_event_to_json(w));

    StockEvent a = answer("site:1310000029", "site:1310000011/stock_transfer/t1", d("2022-02-03"), false, "other");
    a.order = 6;
    a.text = "箱が破損";
    auto ab = single_event_from_json(k_stock_transfer_answer_kind, single_event_to_json(a));
    REQUIRE(ab.ok());
    CHECK(ab->kind == StockEventKind::transfer_refusal);
    CHECK(ab->text == a.text);
    CHECK(transfer_answer_id("site:1310000011/stock_transfer/t1") == "1310000011-t1");
}

TEST_CASE("stock codecs refuse unknown and mistyped members, naming them") {
    auto member = [](const auto& r) { return r.ok() ? std::string("(accepted)") : r.error().arg("member"); };
    json r = receipt_to_json(sample_receipt());
    json x = r;
    x["boxs"] = 2;
    CHECK(member(receipt_from_json(x)) == "boxs");
    x = r;
    x["order"] = "3";
    CHECK(member(receipt_from_json(x)) == "order");
    x = r;
    x["lines"][1]["vials"] = 1.5;
    CHECK(member(receipt_from_json(x)) == "lines[1].vials");
    x = r;
    x["lines"][0]["colour"] = "red";
    CHECK(member(receipt_from_json(x)) == "lines[0].colour");
    x = r;
    x["lines"] = json::array();
    CHECK(member(receipt_from_json(x)) == "lines");
    x = r;
    x["product"] = "astrazeneca";
    CHECK(member(receipt_from_json(x)) == "product");
    x = r;
    x["date"] = "2022-02-30";
    CHECK(member(receipt_from_json(x)) == "date");
    x = r;
    x["schema"] = 2;
    CHECK(member(receipt_from_json(x)) == "schema");
    x = r;
    x.erase("round");
    CHECK(member(receipt_from_json(x)) == "round");
    // 389 vials arrived of 390 delivered: the difference needs its reason.
    x = r;
    x.erase("discrepancy");
    CHECK(member(receipt_from_json(x)) == "discrepancy");
    x["expected_vials"] = 389;
    CHECK(member(receipt_from_json(x)) == "(accepted)");

    StockEvent t = transfer("site:1", "site:2", P::pfizer_12, "FA1", 6, d("2022-02-01"));
    t.order = 1;
    json tj = single_event_to_json(t);
    json y = tj;
    y["to"] = "not an org";
    CHECK(member(single_event_from_json(k_stock_transfer_kind, y)) == "to");
    y = tj;
    y["vials"] = 0;
    CHECK(member(single_event_from_json(k_stock_transfer_kind, y)) == "vials");
    y = tj;
    y["accepted"] = true;
    CHECK(member(single_event_from_json(k_stock_transfer_kind, y)) == "accepted");

    StockEvent a = answer("site:2", "site:1/stock_transfer/t1", d("2022-02-01"), true);
    a.order = 2;
    json aj = single_event_to_json(a);
    aj["accepted"] = "yes";
    CHECK(member(single_event_from_json(k_stock_transfer_answer_kind, aj)) == "accepted");

    StockEvent w = wastage("site:1", P::pfizer_12, "FA1", 1, d("2022-02-01"), "cold_chain");
    w.order = 3;
    w.excursion = Excursion{"2022-02-01T08:00", "2022-02-01T09:00", -30};
    json wj = single_event_to_json(w);
    wj["excursion"]["lowest"] = 1;
    CHECK(member(single_event_from_json(k_stock_wastage_kind, wj)) == "excursion.lowest");

    json q = {{"schema", 1}, {"issued", "2022-01-10"}, {"due", "2022-01-09"}, {"products", {"pfizer_12"}}};
    CHECK(member(stock_request_from_json(q)) == "due");
    q["due"] = "2022-01-20";
    q["products"] = {"pfizer_12", "pfizer_12"};
    CHECK(member(stock_request_from_json(q)) == "products");
}

TEST_CASE("a stock version gives its ledger events: one per line, ids <key>#n, the owner's site, its time") {
    auto v = version("site:1310000011", k_stock_receipt_kind, "2022-R07", receipt_to_json(sample_receipt()));
    auto events = stock_events_of(v);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 2);
    CHECK((*events)[0].id == "site:1310000011/stock_receipt/2022-R07#1");
    CHECK((*events)[1].lot == "FA1235");
    CHECK((*events)[0].site == "site:1310000011");
    CHECK((*events)[0].kind == StockEventKind::receipt);
    CHECK((*events)[0].order == 3);
    CHECK((*events)[0].entered_unix == days_since_epoch(d("2022-02-01")) * 86400 + 3 * 3600 + 4 * 60 + 5);

    StockEvent t = transfer("site:1310000011", "site:1310000029", P::pfizer_12, "FA1234", 6, d("2022-02-02"));
    t.order = 4;
    t.expiry = d("2022-07-31");
    t.expiry_basis = d("2022-02-01");
    auto tv = version("site:1310000011", k_stock_transfer_kind, "t1", single_event_to_json(t));
    auto te = stock_events_of(tv);
    REQUIRE(te.ok());
    CHECK((*te)[0].id == "site:1310000011/stock_transfer/t1");

    // Replaying the documents' events: the answer names the transfer by its key.
    StockEvent a = answer("site:1310000029", tv.key(), d("2022-02-02"), true);
    a.order = 5;
    auto av = version("site:1310000029", k_stock_transfer_answer_kind, transfer_answer_id(tv.key()).c_str(),
                      single_event_to_json(a));
    std::vector<StockEvent> all = *events;
    for (auto* more : {&tv, &av}) {
        auto got = stock_events_of(*more);
        REQUIRE(got.ok());
        for (auto& e : *got) all.push_back(e);
    }
    StockLedger L = replay_stock(StockRules::builtin(), all);
    CHECK(L.find("site:1310000029", P::pfizer_12, "FA1234")->on_hand == 6);
    CHECK(L.find("site:1310000011", P::pfizer_12, "FA1234")->on_hand == 189);

    auto bad = version("site:1310000011", k_stock_count_kind, "c1", {{"schema", 1}});
    CHECK(stock_events_of(bad).error().code == "document.invalid_body");
}

TEST_CASE("the stock kinds are registered: owners, proxy, audience, validate") {
    const KindRegistry& kinds = sync::document_kinds();
    CHECK(kinds.duplicates().empty());
    for (const char* k : {"stock_receipt", "stock_transfer", "stock_transfer_answer", "stock_wastage", "stock_count"}) {
        CAPTURE(k);
        const KindSpec* s = kinds.find(k);
        REQUIRE(s);
        CHECK(s->owners.has(OrgRole::site));
        CHECK(s->owners.has(OrgRole::venue));
        CHECK_FALSE(s->owners.has(OrgRole::municipality));
        CHECK(s->proxy);
        CHECK(s->validate);
    }
    const KindSpec* req = kinds.find("stock_request");
    REQUIRE(req);
    CHECK(req->owners.has(OrgRole::nation));
    CHECK(req->owners.has(OrgRole::prefecture));
    CHECK(req->owners.has(OrgRole::municipality));
    CHECK_FALSE(req->owners.has(OrgRole::site));
    CHECK_FALSE(req->proxy);
    // The former placeholders are gone.
    CHECK_FALSE(kinds.find("stock"));
    CHECK_FALSE(kinds.find("transfer"));
    CHECK_FALSE(kinds.find("receipt"));
    CHECK(kinds.find("report"));

    NoRelations rel;
    StockEvent t = transfer("site:1310000011", "site:1310000029", P::pfizer_12, "FA1", 6, d("2022-02-02"));
    t.order = 4;
    auto tv = version("site:1310000011", k_stock_transfer_kind, "t1", single_event_to_json(t));
    CHECK(kind_audience(kinds, tv, rel) == std::vector<std::string>{"site:1310000029"});
    CHECK(validate_version(kinds, tv).ok());
    StockEvent a = answer("site:1310000029", tv.key(), d("2022-02-02"), true);
    a.order = 5;
    auto av = version("site:1310000029", k_stock_transfer_answer_kind, "1310000011-t1", single_event_to_json(a));
    CHECK(kind_audience(kinds, av, rel) == std::vector<std::string>{"site:1310000011"});
    auto wv = version("site:1310000011", k_stock_wastage_kind, "w1",
                      single_event_to_json(wastage("site:1310000011", P::pfizer_12, "FA1", 1, d("2022-02-02"))));
    CHECK(kind_audience(kinds, wv, rel).empty());
    // validate refuses a malformed body, naming the member.
    wv.body["order"] = 0;
    auto bad = validate_version(kinds, wv);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "document.invalid_body");
    CHECK(bad.error().arg("member") == "order");
}

TEST_SUITE_END();
