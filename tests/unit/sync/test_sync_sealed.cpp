// Personal data on the exchange (docs/PROTOCOL.md §2 "Sealed bodies"), through the app's sync
// against 鳥取県's demo deployment: R505's reservation lists are on the exchange only sealed; the
// municipality and the site read theirs; the prefecture and another site hold the bytes but
// cannot open them; a device enrolled with a code issued after the list was written reads it
// once the municipality's device has synced.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/base/sealed_documents.hpp"
#include "app_fixture.hpp"
#include "core/documents/sealed_body.hpp"
#include "core/reservations/reservations.hpp"
#include "sync/canonical.hpp"
#include "sync/identity.hpp"
#include "sync/keys.hpp"
#include "sync/sealed_body.hpp"
#include "reports/reservations_fixture.hpp"
#include "sync/sync_app_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::test;
using nlohmann::json;

namespace {

constexpr const char* k_tottori_city = "VM312011";  // 鳥取市, whose Pfizer sites took reservations

json r505(AppFixture& f) {
    auto v = f.view("report", {{"report", "R505"}, {"detail", true}});
    REQUIRE_MESSAGE(v["ok"] == true, v.dump());
    return v["view"];
}

std::vector<const DocumentVersion*> lists(AppFixture& f) {
    std::vector<const DocumentVersion*> out;
    f.app.store().for_each_current([&](const std::string&, const DocumentVersion& v) {
        if (v.kind == "reservations") out.push_back(&v);
    });
    return out;
}

const DocumentVersion* list_of(AppFixture& f, const std::string& site_code) {
    for (const auto* v : lists(f))
        if (v->id == site_code) return v;
    return nullptr;
}

}  // namespace

TEST_CASE("reservation lists are on the exchange only sealed; the municipality and the site read theirs, others cannot") {
    sync::MemoryTransport ex = exchange();
    AppFixture muni;
    REQUIRE(muni.login(k_tottori_city));
    auto st = sync_with(muni, ex);
    CHECK(st["error"].is_null());
    CHECK(st["rejected"].empty());
    REQUIRE_FALSE(lists(muni).empty());
    for (const auto* v : lists(muni)) CHECK(is_sealed_body(v->body));

    auto r = r505(muni);
    REQUIRE(r["row_count"].get<std::int64_t>() > 0);
    CHECK(r["unreadable"] == 0);
    // No name, reading or date of birth of any row is anywhere on the exchange.
    // No row's member names, and no name or reading of a row, are anywhere on the exchange (the
    // synthetic names may repeat the demo accounts' names, which are public: those are skipped).
    const int name = report_column(r, "氏名"), reading = report_column(r, "フリガナ");
    std::set<std::string> public_names;
    for (const auto& a : muni.app.directory().demo().accounts) public_names.insert(a.name);
    std::set<std::string> personal;
    for (const auto& row : r["rows"])
        for (int c : {name, reading})
            if (!public_names.count(row[c].get<std::string>())) personal.insert(row[c].get<std::string>());
    REQUIRE(personal.size() > 10);
    std::vector<std::string> found;
    for (const auto& [path, bytes] : ex.files) {
        for (const char* member : {"\"birth\":", "\"slot\":"})
            if (bytes.find(member) != std::string::npos) found.push_back(path + " " + member);
        for (const auto& p : personal)
            if (bytes.find(p) != std::string::npos) found.push_back(path + " " + p);
    }
    CHECK_MESSAGE(found.empty(), found.size() << " " << (found.empty() ? "" : found.front()));

    // The site reads its own list.
    const std::string code = r["rows"][0][report_column(r, "医療機関コード")];
    AppFixture site;
    REQUIRE(site.login("VS" + code));
    st = sync_with(site, ex);
    CHECK(st["error"].is_null());
    auto own = r505(site);
    REQUIRE(own["row_count"].get<std::int64_t>() > 0);
    CHECK(own["unreadable"] == 0);
    for (const auto& row : own["rows"]) CHECK(row[report_column(own, "医療機関コード")] == code);

    // The prefecture holds the municipality's bundles, lists included, but opens none.
    AppFixture pref;
    REQUIRE(pref.login("VP310000"));
    CHECK(sync_with(pref, ex)["error"].is_null());
    REQUIRE_FALSE(lists(pref).empty());
    for (const auto* v : lists(pref)) {
        auto opened = readable_body(pref.app, *v);
        REQUIRE_FALSE(opened);
        CHECK(opened.error().code == "sealed.not_recipient");
    }
    // Another site of the same city reads the city's news, so it holds this list too: sealed.
    std::string other_code;
    for (const auto* v : lists(muni))
        if (v->id != code) other_code = v->id;
    REQUIRE_FALSE(other_code.empty());
    AppFixture other;
    REQUIRE(other.login("VS" + other_code));
    CHECK(sync_with(other, ex)["error"].is_null());
    const DocumentVersion* foreign = list_of(other, code);
    REQUIRE(foreign);
    CHECK_FALSE(readable_body(other.app, *foreign));
    REQUIRE(list_of(other, other_code));
    CHECK(readable_body(other.app, *list_of(other, other_code)).ok());
}

TEST_CASE("a device enrolled with a code issued after its list was sealed reads it once the municipality's device synced") {
    sync::MemoryTransport ex = exchange();
    AppFixture muni;
    REQUIRE(muni.login(k_tottori_city));
    REQUIRE(sync_with(muni, ex)["enrolled"] == true);
    REQUIRE_FALSE(lists(muni).empty());
    const std::string code = lists(muni).front()->id;
    // The municipality's first sync sealed its lists again, to its own new device key as well
    // (the version depends on the devices of the city that synced before, in other tests).
    std::map<std::string, int> versions;
    for (const auto* v : lists(muni)) versions[v->id] = v->version;
    CHECK(versions[code] >= 2);
    const auto before = sealed_recipients(list_of(muni, code)->body);
    CHECK(std::count(before.begin(), before.end(), muni.app.session().device_key.public_hex) == 1);

    auto issued = muni.run({{"type", "issue_enrolment_code"}, {"vsys_id", "VS" + code}});
    REQUIRE(issued["ok"] == true);
    const std::string new_code = issued["code"];
    const std::string new_key = sync::enrolment_key(*sync::decode_enrolment_code(new_code)).public_hex;
    CHECK(std::count(before.begin(), before.end(), new_key) == 0);
    CHECK(sync_with(muni, ex)["error"].is_null());
    const DocumentVersion* resealed = list_of(muni, code);
    REQUIRE(resealed);
    CHECK(resealed->version == versions[code] + 1);
    const auto after = sealed_recipients(resealed->body);
    CHECK(std::count(after.begin(), after.end(), new_key) == 1);
    // Every earlier recipient stays one.
    for (const auto& k : before) CHECK(std::count(after.begin(), after.end(), k) == 1);
    // Only the list whose site got the code was sealed again.
    for (const auto* v : lists(muni))
        if (v->id != code) CHECK(v->version == versions[v->id]);

    AppFixture clinic;
    REQUIRE(clinic.run({{"type", "enrol"}, {"vsys_id", "VS" + code}, {"code", new_code}, {"password", "clinic-pass-1"}})["ok"] == true);
    REQUIRE(clinic.login("VS" + code, "clinic-pass-1"));
    auto st = sync_with(clinic, ex);
    CHECK(st["error"].is_null());
    CHECK_MESSAGE(st["rejected"].empty(), st["rejected"].dump());
    auto r = r505(clinic);
    CHECK(r["row_count"].get<std::int64_t>() > 0);
    CHECK(r["unreadable"] == 0);
    // The municipality's next sync meets the clinic's device and seals the list to it as well;
    // a sync with nothing new after that writes nothing again.
    CHECK(sync_with(muni, ex)["error"].is_null());
    CHECK(list_of(muni, code)->version == versions[code] + 2);
    const auto with_clinic = sealed_recipients(list_of(muni, code)->body);
    CHECK(std::count(with_clinic.begin(), with_clinic.end(), clinic.app.session().device_key.public_hex) == 1);
    CHECK(sync_with(muni, ex)["error"].is_null());
    CHECK(list_of(muni, code)->version == versions[code] + 2);
}

TEST_CASE("a list meant for the viewer that this device cannot open is counted, not hidden") {
    AppFixture f;
    const Site& s = f.site_in("131016");
    REQUIRE(f.login(site_account(s)));
    sync::KeyPair stranger = sync::generate_key_pair();
    const DocumentVersion unreadable = sealed_reservation_list(s, {stranger.public_hex});
    CHECK(f.app.receive_verified({&unreadable}) == 0);
    auto r = r505(f);
    CHECK(r["row_count"] == 0);
    CHECK(r["unreadable"] == 1);
    // The same list sealed to this device's key as well: read.
    const DocumentVersion readable =
        sealed_reservation_list(s, {stranger.public_hex, f.app.session().device_key.public_hex}, 2, unreadable.hash);
    CHECK(f.app.receive_verified({&readable}) == 0);
    r = r505(f);
    CHECK(r["row_count"] == 1);
    CHECK(r["unreadable"] == 0);
}

TEST_SUITE_END();
