// Reports run through the app as the demo accounts see them: every report of every role runs;
// totals reconcile with the screens they report on (allocations to the box, claims to the yen);
// no role sees a row outside its scope.
//
// [SECTION] Listing, and reconciliation with the screens
// [SECTION] Empty reports and the month filter
// [SECTION] Accounts
// [SECTION] Exports: export_report and R505's record
#include <doctest/doctest.h>

#include <set>

#include "allocation/chain_app_fixture.hpp"
#include "app/reports/reports_app.hpp"
#include "reports/report_run_helpers.hpp"
#include "sync/canonical.hpp"
#include "sync/hierarchy_relations.hpp"
#include "sync/identity.hpp"

TEST_SUITE_BEGIN("reports");

using namespace vsys;
using nlohmann::json;
using test::Chain;
using test::k_round;
using test::report;
using test::submit_claims;

namespace {

int column(const json& r, const std::string& label) { return test::report_column(r, label); }
std::int64_t sum(const json& r, const std::string& label) { return test::report_sum(r, label); }

}  // namespace

// [SECTION] Listing, and reconciliation with the screens

TEST_CASE("each role lists its folders' reports only, and a report of another role is refused") {
    test::AppFixture f;
    REQUIRE(f.login("VM131016"));
    auto list = f.view("reports");
    REQUIRE(list["ok"] == true);
    REQUIRE(list["view"]["folders"].size() == 2);
    CHECK(list["view"]["folders"][0]["name"] == "R3_市町村レポート");
    // R5's R505 (予約者一覧) is the municipality's too: the lists of its sites.
    CHECK(list["view"]["folders"][1]["reports"] == json::array({{{"id", "R505"}, {"title", "予約者一覧"}, {"personal", true}}}));
    bool r313 = false;
    for (const auto& r : list["view"]["folders"][0]["reports"]) r313 = r313 || r["id"] == "R313";
    CHECK(r313);
    CHECK(f.view("report", {{"report", "R201"}})["error"]["code"] == "reports.not_for_role");
    CHECK(f.view("report", {{"report", "R999"}})["error"]["code"] == "reports.unknown");
    CHECK(f.view("report", {{"report", "R301"}, {"round", "NO_SUCH"}})["error"]["code"] == "reports.unknown_round");
    CHECK(f.view("report", {{"report", "R301"}, {"product", "aspirin"}})["error"]["code"] == "reports.unknown_product");
    CHECK(f.view("report", {{"report", "R305"}, {"month", "2022-13"}})["ok"] == false);
    CHECK(f.view("report", {{"report", "R301"}, {"bogus", 1}})["error"]["code"] == "arg.unknown");
    f.logout();
    CHECK(f.view("reports")["error"]["code"] == "no_access");
    REQUIRE(f.login("VP130001"));
    CHECK(f.view("report", {{"report", "R202"}, {"municipality", "271004"}})["error"]["code"] ==
          "reports.unknown_municipality");
}

TEST_CASE("allocation reports reconcile with the chain to the box, at every level") {
    Chain f;
    f.through_five();

    f.as("VM131016");
    auto req = report(f, {{"report", "R301"}, {"round", k_round}});
    CHECK(req["query"]["round"] == k_round);
    CHECK(sum(req, "希望量") == 8);
    CHECK(req["row_count"] == f.view("requests", {{"round", k_round}})["view"]["total"]["sites"]);
    auto sites = report(f, {{"report", "R302"}, {"round", k_round}});
    CHECK(sum(sites, "配分量") == 8);  // each hub got what it asked for
    for (const auto& row : sites["rows"]) CHECK(row[column(sites, "⑤ロック")] == "ロック済");
    auto deliveries = report(f, {{"report", "R303"}, {"round", k_round}});
    std::int64_t delivered = 0;
    for (const Site* hub : f.hubs) {
        f.as(test::site_account(*hub));
        const json orders = f.view("deliveries");  // held: a member of a temporary would dangle
        for (const auto& d : orders["view"]["deliveries"]) delivered += d["boxes"].get<std::int64_t>();
    }
    CHECK(sum(deliveries, "納入数（ワクチン）") == delivered);
    // The same boxes from above: Tokyo's and the nation's deliveries.
    f.as("VP130001");
    CHECK(sum(report(f, {{"report", "R203"}, {"round", k_round}}), "納入数（ワクチン）") == delivered);
    f.as("VN000000");
    CHECK(sum(report(f, {{"report", "R103"}, {"round", k_round}}), "納入数（ワクチン）") == delivered);

    f.as("VP130001");
    auto munis = report(f, {{"report", "R202"}, {"round", k_round}});
    const std::int64_t tokyo_amount = f.view("round_state", {{"round", k_round}})["view"]["amount"];
    CHECK(sum(munis, "配分量") + 0 <= tokyo_amount);
    CHECK(sum(munis, "配分量") >= tokyo_amount - munis["row_count"].get<std::int64_t>());  // ② leaves less than one box per child
    for (const auto& row : munis["rows"]) {
        CHECK(row[column(munis, "市区町村コード")].get<std::string>().rfind("13", 0) == 0);
        CHECK(row[column(munis, "③ロック")] == "ロック済");
        if (row[column(munis, "市区町村コード")] == "131016") CHECK(row[column(munis, "④医療機関への配分")] == 8);
    }
    CHECK(munis["totals"][column(munis, "配分量")] == sum(munis, "配分量"));

    f.as("VN000000");
    auto nation = report(f, {{"report", "R101"}, {"round", k_round}});
    CHECK(sum(nation, "希望量") == 8);
    CHECK(nation["row_count"].get<std::int64_t>() > 10000);  // every requesting site of the country
    auto chiba = report(f, {{"report", "R102"}, {"round", k_round}, {"municipality", "131016"}});
    REQUIRE(chiba["row_count"] == 1);

    // Osaka's municipality sees none of it; a site sees its own row only.
    f.as("VM271004");
    CHECK(sum(report(f, {{"report", "R301"}, {"round", k_round}}), "希望量") == 0);
    f.as(test::site_account(*f.hubs[0]));
    auto own = report(f, {{"report", "R501"}});
    REQUIRE(own["row_count"] == 1);
    CHECK(own["rows"][0][column(own, "希望量")] == 5);
    auto own_delivery = report(f, {{"report", "R502"}});
    REQUIRE(own_delivery["row_count"] == 1);
    CHECK(own_delivery["rows"][0][column(own_delivery, "納入数（ワクチン）")] == 5);
}

TEST_CASE("claims reports reconcile with the claim screens to the yen, and each side sees only its rows") {
    test::AppFixture f;
    submit_claims(f);
    REQUIRE(f.login("VM131016"));
    auto residents = report(f, {{"report", "R304"}, {"month", "2022-01"}});
    const json screen = f.view("municipality_claims", {{"month", "2022-01"}})["view"];
    CHECK(sum(residents, "請求額") == screen["total"]["amount"].get<std::int64_t>());
    CHECK(residents["row_count"] == 2);  // Chiyoda residents at both sites
    for (const auto& row : residents["rows"]) CHECK(row[column(residents, "市区町村コード")] == "131016");
    auto own_sites = report(f, {{"report", "R305"}, {"month", "2022-01"}});
    REQUIRE(own_sites["row_count"] == 1);  // Chuo's site is not Chiyoda's
    CHECK(own_sites["rows"][0][column(own_sites, "接種回数")] == 147);
    f.logout();

    REQUIRE(f.login("VF130001"));
    auto fed = report(f, {{"report", "R601"}, {"month", "2022-01"}});
    CHECK(sum(fed, "請求額") == f.view("federation_totals", {{"month", "2022-01"}})["view"]["total"]["amount"].get<std::int64_t>());
    f.logout();

    REQUIRE(f.login("VM271004"));  // Osaka: its residents' line went through Tokyo's federation
    auto osaka = report(f, {{"report", "R304"}, {"month", "2022-01"}});
    REQUIRE(osaka["row_count"] == 1);
    CHECK(sum(osaka, "請求額") == 7 * 2070 * 11 / 10);
    CHECK(report(f, {{"report", "R305"}, {"month", "2022-01"}})["row_count"] == 0);
}

TEST_CASE("every report of every sample role runs, and its totals are the sums of its rows") {
    test::AppFixture f;
    submit_claims(f);
    for (const DemoAccount* a : f.app.directory().sample_accounts()) {
        REQUIRE(f.login(a->vsys_id));
        for (const ReportDefinition* d : reports_for_user(f.app)) {
            json args{{"report", d->id}};
            if (d->has_filter(ReportFilter::round)) args["round"] = k_round;
            auto r = report(f, args);
            for (std::size_t c = 0; c < r["columns"].size(); ++c) {
                if (!r["columns"][c]["total"].get<bool>()) continue;
                CHECK_MESSAGE(r["totals"][c] == sum(r, r["columns"][c]["label"]), a->vsys_id << " " << d->id);
            }
            // Rows about a municipality name one of the viewer's own when the viewer is one.
            if (a->role == "municipality" && r["columns"].size() && d->scope == ReportScope::subtree)
                for (const auto& row : r["rows"])
                    for (std::size_t c = 0; c < r["columns"].size(); ++c)
                        if (r["columns"][c]["label"] == "市区町村コード") CHECK(row[c] == a->org.substr(5));
        }
        f.logout();
    }
}

TEST_CASE("the nation's stock report charts the stock per product, its bars adding up to the total") {
    test::AppFixture f(true);  // the kiosk: the history's stock answers
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VN000000"}})["ok"] == true);
    auto r = report(f, {{"report", "R105"}});
    REQUIRE(r["row_count"].get<std::int64_t>() > 0);
    std::set<std::string> products;
    for (const auto& row : r["rows"]) products.insert(row[column(r, "ワクチン")].get<std::string>());
    const json& bars = r["chart"]["bars"];
    REQUIRE(bars.size() == products.size());
    std::int64_t charted = 0;
    for (const auto& b : bars) {
        CHECK(products.count(b["label"].get<std::string>()) == 1);
        charted += b["values"][0].get<std::int64_t>();
    }
    CHECK(charted == sum(r, "在庫量"));
    CHECK(charted > 0);
}

// [SECTION] Empty reports and the month filter

TEST_CASE("an empty report says why in the user's language: nothing in scope on this device yet (sync, the kiosk), or the filters exclude every row") {
    test::AppFixture f;
    REQUIRE(f.login("VM131016"));
    // No claim on this device: nothing in scope, and what to do about it.
    auto r = report(f, {{"report", "R304"}});
    CHECK(r["row_count"] == 0);
    CHECK(r["empty"]["reason"] == "nothing_in_scope");
    const std::string nothing = r["empty"]["text"];
    CHECK(nothing.find("この端末には、このレポートの範囲のデータがまだありません") != std::string::npos);
    CHECK(nothing.find("「同期」") != std::string::npos);
    CHECK(nothing.find("研修用キオスク") != std::string::npos);
    // A round report says the round may be the reason.
    CHECK(report(f, {{"report", "R303"}})["empty"]["text"].get<std::string>().find("ほかのクールを選ぶ") != std::string::npos);
    // R313's forms are documents too: none here yet.
    CHECK(report(f, {{"report", "R313"}})["empty"]["reason"] == "nothing_in_scope");
    REQUIRE(f.run({{"type", "update_settings"}, {"language", "en"}})["ok"] == true);
    CHECK(report(f, {{"report", "R304"}})["empty"]["text"].get<std::string>().find("Sync (「同期」)") != std::string::npos);
    // With the history (the kiosk's): R313's forms end in November 2021, so a later month
    // excludes all of them, named.
    test::AppFixture k(true);
    REQUIRE(k.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    r = report(k, {{"report", "R313"}, {"month", "2022-06"}});
    CHECK(r["row_count"] == 0);
    CHECK(r["empty"]["reason"] == "filtered_out");
    CHECK(r["empty"]["in_scope"].get<std::int64_t>() > 0);
    CHECK(r["empty"]["text"].get<std::string>().find("選んだ条件（接種月 2022/06）に合う行はありません") != std::string::npos);
    r = report(k, {{"report", "R313"}});
    CHECK(r["empty"]["reason"] == "has_rows");
    CHECK(r["empty"]["text"] == "");
}

TEST_CASE("in the training kiosk an empty report says its demo history holds nothing there, not to sync") {
    test::AppFixture f(true);
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    ReportRun run;  // a run with no row in scope
    run.def = find_report("R304");
    REQUIRE(run.def);
    const std::string text = report_empty_text(f.app, run);
    CHECK(text == "研修用キオスクのデモの履歴には、このレポートの範囲のデータがありません。");
    CHECK(text.find("「同期」") == std::string::npos);
}

TEST_CASE("the month filter offers the months the report's rows have, newest first, and keeps a chosen month without rows as chosen") {
    test::AppFixture f(true);  // the kiosk's history: old-form claims of July and August 2021
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    auto r = report(f, {{"report", "R313"}});
    json months = json::array();
    for (const auto& c : r["choices"]["month"]) months.push_back(c["id"]);
    CHECK(months == json::array({"2021-08", "2021-07"}));
    CHECK(r["choices"]["month"][0]["label"] == "2021/08");
    // Every month listed has rows.
    for (const auto& m : months) CHECK(report(f, {{"report", "R313"}, {"month", m}})["row_count"].get<int>() > 0);
    // A month chosen earlier that has no rows (now) stays listed, in its place, and chosen.
    r = report(f, {{"report", "R313"}, {"month", "2021-03"}});
    CHECK(r["query"]["month"] == "2021-03");
    REQUIRE(r["choices"]["month"].size() == 3);
    CHECK(r["choices"]["month"].back() == json({{"id", "2021-03"}, {"label", "2021/03（データなし）"}}));
    // A report with no rows offers no month but "all".
    test::AppFixture plain;  // no history: R304 has no rows there
    REQUIRE(plain.login("VM131016"));
    CHECK(report(plain, {{"report", "R304"}})["choices"]["month"].empty());
}

// [SECTION] Accounts

TEST_CASE("accounts reports list the accounts of the subtree with their state") {
    test::AppFixture f;
    REQUIRE(f.login("VM131016"));
    auto r = report(f, {{"report", "R306"}});
    std::int64_t expected = 0;
    for (const auto& a : f.app.directory().demo().accounts)
        expected += a.org == "muni:131016" || f.app.directory().in_subtree(a.org, "muni:131016");
    CHECK(r["row_count"] == expected);
    bool own = false;
    for (const auto& row : r["rows"]) own = own || row[column(r, "V-SYS ID")] == "VM131016";
    CHECK(own);
    CHECK(r["rows"][0][column(r, "利用状態")] == "利用中");
}

TEST_CASE("accounts reports show an account's published restriction and its open unlock requests, not a lock of one device") {
    test::AppFixture f;
    REQUIRE(f.login("VM131016"));
    f.logout();
    // Five wrong passwords lock 千代田区's account on this device; its user files an unlock request.
    for (int i = 0; i < 5; ++i) f.run({{"type", "login"}, {"vsys_id", "VM131016"}, {"password", "wrong"}});
    REQUIRE(f.run({{"type", "file_unlock_request"}, {"vsys_id", "VM131016"}, {"institution", "千代田区"},
                   {"institution_code", "131016"}, {"name", "山田 花子"}, {"mail", "yamada@example.jp"}})["ok"] == true);
    f.clock += 60;
    REQUIRE(f.login("VP130001"));
    auto row_of = [&f](const std::string& id) {
        auto r = report(f, {{"report", "R205"}});
        for (const auto& row : r["rows"])
            if (row[column(r, "V-SYS ID")] == id) return std::pair{row[column(r, "利用状態")], row[column(r, "ロック解除依頼")]};
        return std::pair{json(), json()};
    };
    // The lock lives on the one device and is never published: the account reads 利用中, with
    // its open request counted.
    auto [state, requests] = row_of("VM131016");
    CHECK(state == "利用中");
    CHECK(requests == 1);
    REQUIRE(f.run({{"type", "answer_unlock_request"}, {"vsys_id", "VM131016"}})["ok"] == true);
    CHECK(row_of("VM131016").second == 0);
    // A restriction the managing organisation published (an account document) shows as such.
    const DemoAccount* chuo = f.app.directory().account("VM131024");
    REQUIRE(chuo);
    sync::HierarchyRelations rel(f.app.directory().tree());
    auto doc = sync::account_document(rel, {chuo->vsys_id, chuo->name, chuo->role, chuo->org, "restricted"}, "VP130001",
                                      f.clock);
    REQUIRE(doc);
    REQUIRE(sync::seal(*doc));
    CHECK(f.app.receive_verified({&*doc}) == 0);
    CHECK(row_of("VM131024").first == "利用制限中");
    CHECK(row_of("VM131016").first == "利用中");
}

TEST_CASE("the service desk sees every account in R701, with the unlock requests it may answer") {
    test::AppFixture f;
    REQUIRE(f.login("VM131016"));
    f.logout();
    REQUIRE(f.run({{"type", "file_unlock_request"}, {"vsys_id", "VM131016"}, {"institution", "千代田区"},
                   {"institution_code", "131016"}, {"name", "山田 花子"}, {"mail", "yamada@example.jp"}})["ok"] == true);
    f.clock += 60;
    REQUIRE(f.login("VH000001"));  // support
    bool button = false;  // the home screen offers the tab
    const json home = f.view("home");
    for (const auto& b : home["view"]["buttons"]) button = button || b["id"] == "reports";
    CHECK(button);
    auto list = f.view("reports");
    REQUIRE_MESSAGE(list["ok"] == true, list.dump());
    REQUIRE(list["view"]["folders"].size() == 1);
    CHECK(list["view"]["folders"][0]["id"] == "R7");
    CHECK(list["view"]["folders"][0]["reports"][0]["id"] == "R701");
    auto r = report(f, {{"report", "R701"}});
    std::size_t accounts = 0;  // every account of an organisation of the tree (the desk is not one)
    for (const auto& a : f.app.directory().demo().accounts) accounts += f.app.directory().tree().find(a.org) != k_no_org;
    CHECK(r["row_count"] == accounts);
    CHECK(accounts + 1 >= f.app.directory().demo().accounts.size());
    std::int64_t open = -1;
    for (const auto& row : r["rows"])
        if (row[column(r, "V-SYS ID")] == "VM131016") open = row[column(r, "ロック解除依頼")].get<std::int64_t>();
    CHECK(open == 1);
    // Every organisation is named, the nation's and a federation's too.
    for (const auto& row : r["rows"]) CHECK_MESSAGE(!row[column(r, "組織")].get<std::string>().empty(), row.dump());
    CHECK(f.view("report", {{"report", "R104"}})["error"]["code"] == "reports.not_for_role");
    auto csv = f.run({{"type", "export_report"}, {"report", "R701"}, {"format", "csv"}});
    REQUIRE_MESSAGE(csv["ok"] == true, csv.dump());
    CHECK(csv["rows"] == r["row_count"]);
}

// [SECTION] Exports: export_report and R505's record

TEST_CASE("export_report answers the file as the screen writes it: name, type and bytes in base64") {
    test::AppFixture f(true);  // the kiosk's history, which R313's documents come with
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    auto csv = f.run({{"type", "export_report"}, {"report", "R313"}, {"format", "csv-cp932"}});
    REQUIRE_MESSAGE(csv["ok"] == true, csv.dump());
    CHECK(csv["file_name"] == "R313_千代田区_2022-02-01_SJIS.csv");
    CHECK(csv["mime"].get<std::string>().find("shift_jis") != std::string::npos);
    CHECK(csv["rows"].get<std::int64_t>() > 0);
    CHECK(csv["unencodable"].is_array());
    CHECK(csv["versions"].empty());  // not personal data: nothing recorded
    auto xlsx = f.run({{"type", "export_report"}, {"report", "R313"}, {"format", "xlsx"}});
    REQUIRE(xlsx["ok"] == true);
    CHECK(xlsx["data_base64"].get<std::string>().rfind("UEsDB", 0) == 0);  // "PK\x03\x04": a zip
    CHECK(xlsx["file_name"] == "R313_千代田区_2022-02-01.xlsx");
    // Another month's rows, another name.
    CHECK(f.run({{"type", "export_report"}, {"report", "R313"}, {"month", "2021-08"}, {"format", "csv"}})["file_name"] ==
          "R313_千代田区_2021-08_2022-02-01.csv");
    // The filters inside `filters` (the API's shape) give the same file; both ways at once, a
    // filter of filters misspelt or filters not an object are refused, naming the field.
    const auto month_csv = f.run({{"type", "export_report"}, {"report", "R313"}, {"month", "2021-08"}, {"format", "csv"}});
    const auto in_filters =
        f.run({{"type", "export_report"}, {"report", "R313"}, {"format", "csv"}, {"filters", {{"month", "2021-08"}}}});
    CHECK(in_filters["file_name"] == month_csv["file_name"]);
    CHECK(in_filters["data_base64"] == month_csv["data_base64"]);
    CHECK(in_filters["rows"] == month_csv["rows"]);
    auto twice = f.run({{"type", "export_report"}, {"report", "R313"}, {"format", "csv"}, {"month", "2021-10"},
                        {"filters", {{"month", "2021-08"}}}});
    CHECK(twice["error"]["code"] == "arg.twice");
    CHECK(twice["error"]["args"]["name"] == "month");
    CHECK(f.app.error_text(Error{"arg.twice", "", {{"name", "month"}}}) == "項目「接種年月」が二度指定されています（filters の中と外）");
    auto misspelt = f.run({{"type", "export_report"}, {"report", "R313"}, {"format", "csv"}, {"filters", {{"mnth", "2021-08"}}}});
    CHECK(misspelt["error"]["code"] == "arg.unknown");
    CHECK(misspelt["error"]["args"]["name"] == "mnth");
    CHECK(f.run({{"type", "export_report"}, {"report", "R313"}, {"format", "csv"}, {"filters", "2021-08"}})["error"]["code"] ==
          "arg.type");
    // The same day's export of the same rows is the same file.
    CHECK(f.run({{"type", "export_report"}, {"report", "R313"}, {"format", "xlsx"}})["data_base64"] == xlsx["data_base64"]);
    CHECK(f.run({{"type", "export_report"}, {"report", "R313"}, {"format", "pdf"}})["error"]["code"] == "reports.unknown_format");
    CHECK(f.run({{"type", "export_report"}, {"report", "R201"}, {"format", "csv"}})["error"]["code"] == "reports.not_for_role");
    CHECK(f.run({{"type", "record_report_export"}, {"report", "R313"}, {"format", "csv"}, {"file_name", "x.csv"}})["ok"] == true);
}

TEST_CASE("R505 lists the reservation history of the viewer's own sites, and every export of it is recorded") {
    test::AppFixture f(true);  // the kiosk: the demo world's history of the nation and 東京都
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    auto r = report(f, {{"report", "R505"}});
    REQUIRE(r["row_count"].get<std::int64_t>() > 0);
    CHECK(!r["notice"].get<std::string>().empty());
    std::set<std::string> sites;
    for (const auto& row : r["rows"]) sites.insert(row[column(r, "医療機関コード")].get<std::string>());
    for (const auto& code : sites) CHECK(f.app.directory().generated_site(code)->municipality == "131016");
    const std::size_t records_before = f.app.store().size();
    auto file = f.run({{"type", "export_report"}, {"report", "R505"}, {"format", "csv"}});
    REQUIRE_MESSAGE(file["ok"] == true, file.dump());
    REQUIRE(file["versions"].size() == 1);  // the record of the export
    CHECK(f.app.store().size() == records_before + 1);
    // The record: a report_export document of the exporting municipality naming what left.
    auto records = [&f]() {
        std::vector<const DocumentVersion*> out;
        for (const auto& key : f.app.store().keys())
            if (const auto* d = f.app.store().current(key); d && d->kind == "report_export") out.push_back(d);
        return out;
    };
    REQUIRE(records().size() == 1);
    const DocumentVersion& record = *records().front();
    CHECK(record.owner == "muni:131016");
    CHECK(record.author == "VM131016");
    CHECK(record.body["report"] == "R505");
    CHECK(record.body["format"] == "csv");
    CHECK(record.body["rows"] == file["rows"]);
    CHECK(record.body["file_name"] == file["file_name"]);
    // Every export is recorded, the same file again too.
    REQUIRE(f.run({{"type", "export_report"}, {"report", "R505"}, {"format", "xlsx"}})["ok"] == true);
    REQUIRE(f.run({{"type", "export_report"}, {"report", "R505"}, {"format", "csv"}})["ok"] == true);
    CHECK(records().size() == 3);
    const std::string code = *sites.begin();
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VS" + code}})["ok"] == true);
    auto own = report(f, {{"report", "R505"}});
    REQUIRE(own["row_count"].get<std::int64_t>() > 0);
    for (const auto& row : own["rows"]) CHECK(row[column(own, "医療機関コード")] == code);
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131024"}})["ok"] == true);
    auto chuo = report(f, {{"report", "R505"}});
    for (const auto& row : chuo["rows"])
        CHECK(f.app.directory().generated_site(row[column(chuo, "医療機関コード")].get<std::string>())->municipality == "131024");
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VP130001"}})["ok"] == true);
    CHECK(f.view("report", {{"report", "R505"}})["error"]["code"] == "reports.not_for_role");
}

TEST_SUITE_END();
