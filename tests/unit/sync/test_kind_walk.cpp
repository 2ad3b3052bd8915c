// Every registered document kind through the real sync engine (issue 12): its owner's device
// publishes one version, every device that should see it accepts it and no other device
// fetches it, and a device of a role that may not own the kind is refused with authority.kind.
// A kind registered without a sample below fails the walk, so a new kind comes with its case.
#include <doctest/doctest.h>

#include <functional>
#include <set>

#include "core/allocation/chain_documents.hpp"
#include "core/claims/claims_json.hpp"
#include "core/directory/site.hpp"
#include "sync/kinds.hpp"
#include "sync/sealed_body.hpp"
#include "test_sync_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;
using namespace vsys::sync::testing;
using nlohmann::json;

namespace {

const std::string k_site = "site:1310200001";  // under muni:131024
const std::string k_site_code = "1310200001";

struct Sample {
    std::string id;
    json body;
};

Site sample_site() {
    Site s;
    s.kind = SiteKind::site;
    s.code = k_site_code;
    s.code_kind = InstitutionCodeKind::similar;
    s.name = "中央テストクリニック";
    s.reading = "ちゅうおうてすとくりにっく";
    s.address = "東京都中央区銀座一丁目1番1号";
    s.municipality = "131024";
    s.vaccines.add(VaccineCategory::pfizer_hub);
    s.contact.phone = "03-3581-1111";
    s.contact.mail = "info@example.jp";
    return s;
}

// The first organisation of the walk that `owner` manages (accounts, unlocks).
std::string managed_by(World& w, const std::string& owner);

// One valid version of `kind` owned by `owner`, written by a device of `owner`'s organisation.
Sample sample(World& w, const std::string& kind, const std::string& owner) {
    if (kind == "request") return {"r1", request_body("r1", 3)};
    if (kind == "round") return {"r1", round_body("r1")};
    if (kind == "allocation") {
        if (owner.rfind("muni:", 0) == 0) return {"r1", site_amounts_body("r1", 5)};
        AmountsBody b;
        b.round = "r1";
        b.amount = 5;
        b.unallocated = 5;
        return {"r1", amounts_to_json(b)};
    }
    if (kind == "lock") return {"x", {{"locks", json::array()}}};
    if (kind == "site_info") {
        Site s = sample_site();
        s.code = owner.substr(owner.find(':') + 1);
        return {"main", site_to_json(s)};
    }
    if (kind == "vaccine_change") return {"main", {{"vaccines", {"pfizer_hub", "tm_general"}}, {"hub", ""}}};
    if (kind == "vaccine_decision") return {k_site_code, {{"request", std::string(64, 'a')}, {"approved", true}, {"reason", ""}}};
    if (kind == "population") return {"main", {{"schema", 1}, {"total", 100}, {"eligible", 90}, {"child", 10}}};
    if (kind == "claim") {
        SiteClaim c{owner.substr(owner.find(':') + 1), "131024", {2022, 1}, {}};
        json body = to_json(c);
        body["submitted"] = true;
        body["addressed_to"] = {"muni:131016"};  // a payer elsewhere: the claim's audience
        return {"2022-01", body};
    }
    if (kind == "claim_routing") return {"main", {{"commissioned", true}}};
    if (kind == "ticket_forms")  // residents of another municipality: the document's audience
        return {"2021-10", {{"counts", {{{"municipality", "131016"}, {"count", 12}}}}}};
    if (kind == "report_export")
        return {"2022-01-31-1", {{"report", "R505"}, {"format", "csv"}, {"rows", 3}, {"file_name", "R505_x_2022-01-31.csv"}}};
    if (kind == "reservations")
        return {"1310100011",
                {{"schema", 1},
                 {"site", "1310100011"},
                 {"municipality", owner.substr(5)},
                 {"ended", "2022-01-31"},
                 {"rows", {{{"name", "山田 太郎"}, {"reading", "ヤマダ タロウ"}, {"birth", "1950-04-12"},
                            {"date", "2021-07-20"}, {"slot", "10:00"}, {"dose", 1}, {"product", "pfizer_12"},
                            {"status", "vaccinated"}}}}}};
    if (kind == "account") {
        auto d = *account_document(w.rel, account_for(managed_by(w, owner)), "U-x", t0());
        return {d.id, d.body};
    }
    if (kind == "enrolment") {
        // The nation's code for the prefecture's account (a wrong writer's copy is refused first).
        auto e = issue_enrolment(w.rel, w.dev["nation"].key, "nation", "U-x", account_for("pref:130001"), t0(),
                                 t0() + 7 * k_seconds_per_day, t0() + 400 * k_seconds_per_day);
        return {e->document.id, e->document.body};
    }
    if (kind == "device") {
        const Certificate& c = w.dev[owner].chain.front();
        return {c.key, to_json(c)};
    }
    if (kind == "unlock") {
        Account a = account_for(managed_by(w, owner));
        return {a.vsys_id, unlock_document(owner, a, "U-x", t0()).body};
    }
    if (kind == "unlock_request") {
        UnlockRequest r{"U-x", "テスト医院", "1310200001", "山田太郎", "a@example.jp"};
        return {"U-x", unlock_request_document(r, owner, "device", t0())->body};
    }
    if (kind == "stock_receipt")
        return {"r1", {{"schema", 1}, {"round", "r1"}, {"product", "pfizer_12"}, {"date", "2021-06-01"}, {"order", 1},
                       {"expected_vials", 195}, {"lines", {{{"lot", "FA1234"}, {"expiry", "2021-12-31"}, {"vials", 195}}}}}};
    if (kind == "stock_transfer")  // addressed to another site of the walk
        return {"t1", {{"schema", 1}, {"date", "2021-06-02"}, {"order", 2}, {"to", "site:0110113719"}, {"product", "pfizer_12"},
                       {"lot", "FA1234"}, {"expiry", "2021-12-31"}, {"expiry_basis", "2021-06-01"}, {"vials", 5},
                       {"condition", "cool_2_8_3h"}}};
    if (kind == "stock_transfer_answer")  // back to the transfer's sender, another site of the walk
        return {"0110113719-t1", {{"schema", 1}, {"date", "2021-06-02"}, {"order", 3},
                                  {"transfer", "site:0110113719/stock_transfer/t1"}, {"accepted", true}}};
    if (kind == "stock_wastage")
        return {"w1", {{"schema", 1}, {"date", "2021-06-03"}, {"order", 4}, {"product", "pfizer_12"}, {"lot", "FA1234"},
                       {"vials", 1}, {"doses", 0}, {"reason", "broken"}}};
    if (kind == "stock_count")
        return {"c1", {{"schema", 1}, {"date", "2021-06-04"}, {"order", 5},
                       {"lines", {{{"product", "pfizer_12"}, {"lot", "FA1234"}, {"vials", 189}}}}}};
    if (kind == "stock_request")
        return {"q1", {{"schema", 1}, {"issued", "2021-06-01"}, {"due", "2021-06-10"}, {"products", {"pfizer_12"}}}};
    // Kinds with no writer yet (reserved, settings): any object.
    for (const char* k : {"settings", "doctors", "catalog", "report", "web_application",
                          "approval", "notice", "claim_review", "payment"})
        if (kind == k) return {"main", {{"n", 1}}};
    return {"", json()};
}

// The organisations of the walk, one device each, in the order an owner is chosen.
const std::vector<std::string> k_orgs = {"nation", "pref:130001", "muni:131016", "muni:131024", k_site,
                                         "site:0110113719", "federation:130001", "support"};

std::string managed_by(World& w, const std::string& owner) {
    for (const auto& o : k_orgs)
        if (o != owner && managing_org(w.rel, o) == owner) return o;
    return k_site;
}

std::vector<std::string> ancestors(const World& w, std::string org) {
    std::vector<std::string> out;
    for (org = w.rel.parent_of(org); !org.empty(); org = w.rel.parent_of(org)) out.push_back(org);
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Who must see a version written by `writer`: its ancestors, its descendants (they read their
// ancestors' news) and the version's registered audience.
std::set<std::string> expected_readers(const World& w, const std::string& writer, const std::vector<std::string>& audience) {
    std::set<std::string> out(audience.begin(), audience.end());
    for (const auto& o : k_orgs)
        if (o != writer && (contains(ancestors(w, writer), o) || contains(ancestors(w, o), writer))) out.insert(o);
    out.erase(writer);
    return out;
}

}  // namespace

TEST_CASE("every registered kind: its owner publishes one, every device that should see it accepts it, another role is refused (authority.kind)") {
    World w;
    w.dev["federation:130001"] = w.enrol("federation:130001");
    w.dev["support"] = w.enrol("support");
    MemoryTransport ex;
    std::map<std::string, std::unique_ptr<Device>> dev;
    for (const auto& o : k_orgs) dev[o] = std::make_unique<Device>(w, o);
    auto sync_all = [&] {
        for (const auto& o : k_orgs) REQUIRE(dev[o]->sync(ex, w).complete);
    };
    sync_all();

    const KindRegistry& kinds = document_kinds();
    CHECK(kinds.duplicates().empty());
    std::size_t walked = 0;
    for (const KindSpec* spec : kinds.all()) {
        if (spec->owners.empty()) continue;  // device-local records never leave the device
        CAPTURE(spec->name);
        // The owner: the first organisation of the walk whose role may own the kind.
        std::string owner;
        for (const auto& o : k_orgs) {
            OrgRole r;
            role_of_org(o, r);
            if (owner.empty() && spec->owners.has(r)) owner = o;
        }
        REQUIRE(!owner.empty());
        Sample s = sample(w, spec->name, owner);
        REQUIRE_MESSAGE(!s.id.empty(), "no sample body for kind " << spec->name);

        // The owner's device publishes it; its audience comes from the registry, as the app's.
        Device& writer = *dev[owner];
        // Personal data travels sealed (PROTOCOL §2 "Sealed bodies"): to the writer's own key here.
        if (spec->sealed)
            s.body = *seal_body(owner + "/" + spec->name + "/" + s.id, s.body, {writer.feed->key.public_hex}, fresh_entropy());
        auto d = *writer.store.successor(owner, spec->name, s.id, s.body);
        d.author = "U";
        d.time = "2021-06-02T00:00:00Z";
        seal(d);
        const auto valid = validate_version(kinds, d);
        const std::string why = valid.ok() ? std::string() : valid.error().code + " " + valid.error().arg("member") + " " +
                                                             valid.error().arg("detail");
        INFO(why);
        REQUIRE(valid.ok());
        const auto audience = kind_audience(kinds, d, w.rel);
        writer.store.apply(d, Origin::local);
        REQUIRE(queue_bundle(*writer.feed, writer.state, writer.trust, {d}, audience, t0() + 3600).ok());
        const std::string path = feed_folder(owner, device_id_of(writer.feed->key.public_hex)) + "/" +
                                 writer.state.outbox.back().file.name;
        REQUIRE(writer.sync(ex, w).pushed == 1);

        const auto readers = expected_readers(w, owner, audience);
        for (const auto& o : k_orgs) {
            if (o == owner) continue;
            CAPTURE(o);
            REQUIRE(dev[o]->sync(ex, w).complete);
            for (const auto& r : dev[o]->state.rejected)
                if (r.path == path) FAIL_CHECK(o << " refused it: " << r.error.code << " " << r.error.arg("member"));
            CHECK(dev[o]->store.contains(d.hash) == (readers.count(o) != 0));
        }

        // A device of a role that may not own the kind signs one of its own organisation's.
        std::string other;
        for (const auto& o : k_orgs) {
            OrgRole r;
            role_of_org(o, r);
            if (other.empty() && o != "support" && !spec->owners.has(r)) other = o;
        }
        if (other.empty()) {
            CHECK(spec->owners.has(OrgRole::site));  // owned by every role that publishes
        } else {
            Sample bad = sample(w, spec->name, other);
            Device& wrong = *dev[other];
            auto b = *wrong.store.successor(other, spec->name, bad.id, bad.body);
            b.author = "U";
            b.time = "2021-06-02T00:00:00Z";
            seal(b);
            REQUIRE(queue_bundle(*wrong.feed, wrong.state, wrong.trust, {b}, {}, t0() + 3600).ok());
            REQUIRE(wrong.sync(ex, w).pushed == 1);
            // The nation reads every bundle but the nation's own; a prefecture reads the nation's.
            Device& reader = *dev[other == "nation" ? "pref:130001" : "nation"];
            const auto refused = reader.state.rejected.size();
            reader.sync(ex, w);
            REQUIRE(reader.state.rejected.size() == refused + 1);
            CHECK(reader.state.rejected.back().error.code == "authority.kind");
            CHECK_FALSE(reader.store.contains(b.hash));
            sync_all();  // the other readers of that feed refuse it too, before the next kind
        }
        ++walked;
    }
    CHECK(walked == 33);  // every kind an organisation may own (sync/kinds.cpp)
}

TEST_CASE("a received version whose body fails its kind's validate is refused, naming the member") {
    World w;
    SUBCASE("a vaccine decision without its approval") {
        auto d = w.doc("muni:131024", "vaccine_decision", k_site_code, {{"request", std::string(64, 'a')}, {"reason", ""}});
        auto v = w.verify(w.publish("muni:131024", {d}));
        CHECK(v.error.code == "document.invalid_body");
        CHECK(v.error.arg("member") == "approved");
        CHECK(v.error.arg("kind") == "vaccine_decision");
        CHECK(v.advances_feed);
        commit(v, w.trust, w.store);
        CHECK_FALSE(w.store.contains(d.hash));
    }
    SUBCASE("a claim routing whose setting is not a boolean") {
        auto d = w.doc("muni:131016", "claim_routing", "main", {{"commissioned", "yes"}});
        auto v = w.verify(w.publish("muni:131016", {d}));
        CHECK(v.error.code == "document.invalid_body");
        CHECK(v.error.arg("member") == "commissioned");
    }
    SUBCASE("a request of the chain with a member its codec does not know") {
        json body = request_body("r1", 3);
        body["boxs"] = 3;
        auto v = w.verify(w.publish("site:0110113719", {w.doc("site:0110113719", "request", "r1", body)}));
        CHECK(v.error.code == "document.invalid_body");
        CHECK(v.error.arg("member") == "boxs");
    }
    SUBCASE("a request whose id is not its round") {
        auto v = w.verify(w.publish("site:0110113719", {w.doc("site:0110113719", "request", "r2", request_body("r1", 3))}));
        CHECK(v.error.code == "document.invalid_body");
        CHECK(v.error.arg("member") == "round");
    }
}
