#include <doctest/doctest.h>

#include "app_fixture.hpp"

TEST_SUITE_BEGIN("site");

using namespace vsys;

TEST_CASE("a site's vaccine change counts only after its municipality approves it") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login(test::site_account(site)));
    auto before = f.view("site", {{"site", site.code}})["view"];
    nlohmann::json wanted = nlohmann::json::array({"tm_general", "pfizer_child"});
    auto r = f.run({{"type", "request_vaccine_change"}, {"site", site.code}, {"vaccines", wanted}});
    REQUIRE(r["ok"] == true);
    auto pending = f.view("site", {{"site", site.code}})["view"];
    CHECK(pending["vaccine_change"]["status"] == "pending");
    CHECK(pending["vaccines"] == before["vaccines"]);  // not yet in force
    f.logout();

    REQUIRE(f.login("VM131016"));
    auto inbox = f.view("approvals")["view"]["pending"];
    REQUIRE(inbox.size() == 1);
    CHECK(inbox[0]["site"] == site.code);
    REQUIRE(f.run({{"type", "decide_vaccine_change"}, {"site", site.code}, {"approve", true}})["ok"] == true);
    CHECK(f.view("approvals")["view"]["pending"].empty());
    f.logout();

    REQUIRE(f.login(test::site_account(site)));
    auto after = f.view("site", {{"site", site.code}})["view"];
    CHECK(after["vaccine_change"]["status"] == "approved");
    CHECK(after["vaccines"] == nlohmann::json::array({"pfizer_child", "tm_general"}));
}

TEST_CASE("the municipality's home counts the vaccine changes waiting for its decision") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    auto waiting = [&] {
        const auto home = f.view("home");  // held: a range-for over a temporary's member dangles
        for (const auto& b : home["view"]["buttons"])
            if (b["id"] == "approvals") return b["waiting"].get<std::int64_t>();
        return std::int64_t{-1};
    };
    REQUIRE(f.login("VM131016"));
    CHECK(waiting() == 0);
    REQUIRE(f.run({{"type", "request_vaccine_change"}, {"site", site.code}, {"vaccines", {"tm_general"}}})["ok"] == true);
    CHECK(waiting() == 1);
    REQUIRE(f.run({{"type", "decide_vaccine_change"}, {"site", site.code}, {"approve", true}})["ok"] == true);
    CHECK(waiting() == 0);
}

TEST_CASE("a site's new name and reading reach the municipality's search at once") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    const std::string old_reading = site.reading;
    REQUIRE(f.login(test::site_account(site)));
    REQUIRE(f.run({{"type", "update_site_info"}, {"site", site.code}, {"name", "霞が関テスト診療所"},
                   {"reading", "カスミガセキテストシンリョウジョ"}})["ok"] == true);
    f.logout();
    REQUIRE(f.login("VM131016"));
    auto hits = f.view("org_search", {{"query", "かすみがせきてすと"}})["view"]["sites"];
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["code"] == site.code);
    CHECK(hits[0]["name"] == "霞が関テスト診療所");
    CHECK(f.view("org_search", {{"query", "霞が関テスト"}})["view"]["sites"].size() == 1);
    const auto by_old = f.view("org_search", {{"query", old_reading}, {"limit", 1000}});
    for (const auto& h : by_old["view"]["sites"]) CHECK(h["code"] != site.code);
    // A code with a wrong check digit says so rather than finding nothing.
    // An insurance code (it has a check digit) with another last digit that names no site.
    const Site* insured = &site;
    for (const auto& s : f.app.directory().demo().sites)
        if (s.municipality == "131016" && s.code_kind == InstitutionCodeKind::insurance && s.code[2] == '1') {
            insured = &s;
            break;
        }
    std::string wrong = insured->code;
    for (char d = '0'; d <= '9'; ++d) {
        wrong[9] = d;
        if (d != insured->code[9] && !f.app.directory().site_index(wrong)) break;
    }
    auto miss = f.view("org_search", {{"query", wrong}})["view"];
    CHECK(miss["count"] == 0);
    CHECK(miss["code_problem"].get<std::string>().find("チェックディジット") != std::string::npos);
    CHECK(f.view("site", {{"site", wrong}})["error"]["code"] == "code.check_digit");
}

TEST_CASE("a rejection needs a reason, which the site then reads") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login("VM131016"));
    // Proxy input: the municipality files the request on the site's behalf.
    REQUIRE(f.run({{"type", "request_vaccine_change"}, {"site", site.code}, {"vaccines", {"tm_general"}}})["ok"] == true);
    CHECK(f.run({{"type", "decide_vaccine_change"}, {"site", site.code}, {"approve", false}})["error"]["code"] ==
          "site.vaccines.reason_required");
    REQUIRE(f.run({{"type", "decide_vaccine_change"}, {"site", site.code}, {"approve", false}, {"reason", "冷凍庫の確認が必要です"}})["ok"] ==
            true);
    auto v = f.view("site", {{"site", site.code}})["view"];
    CHECK(v["vaccine_change"]["status"] == "rejected");
    CHECK(v["vaccine_change"]["reason"] == "冷凍庫の確認が必要です");
    CHECK(f.run({{"type", "decide_vaccine_change"}, {"site", site.code}, {"approve", true}})["error"]["code"] ==
          "site.vaccines.no_pending");
}

TEST_CASE("a site edits its own information directly; a municipality's edit is marked as proxy input") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login(test::site_account(site)));
    REQUIRE(f.run({{"type", "update_site_info"}, {"site", site.code}, {"address", "東京都千代田区霞が関1-2-2"}})["ok"] == true);
    auto v = f.view("site", {{"site", site.code}})["view"];
    CHECK(v["address"] == "東京都千代田区霞が関1-2-2");
    CHECK(v["proxy"] == false);
    f.logout();
    REQUIRE(f.login("VM131016"));
    REQUIRE(f.run({{"type", "update_site_info"}, {"site", site.code}, {"phone", "03-3581-1111"}})["ok"] == true);
    v = f.view("site", {{"site", site.code}})["view"];
    CHECK(v["proxy"] == true);
    CHECK(v["updated_by"] == "VM131016");
    CHECK(v["address"] == "東京都千代田区霞が関1-2-2");
}

TEST_CASE("bad site input is refused with a clear error and changes nothing") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login("VM131016"));
    const auto before = f.storage.files;
    const nlohmann::json bad[] = {
        {{"type", "update_site_info"}, {"site", site.code}, {"name", ""}},
        {{"type", "update_site_info"}, {"site", site.code}, {"name", std::string(101, 'a')}},
        {{"type", "update_site_info"}, {"site", site.code}, {"phone", "03-abcd-1111"}},
        {{"type", "update_site_info"}, {"site", "01101137AB"}, {"name", "x"}},
        {{"type", "update_site_info"}, {"site", "123"}, {"name", "x"}},
        {{"type", "update_site_info"}, {"site", site.code}, {"name", "a\nb"}},
        {{"type", "request_vaccine_change"}, {"site", site.code}, {"vaccines", {"pfizer_satellite"}}},  // no hub
        {{"type", "request_vaccine_change"}, {"site", site.code}, {"vaccines", {"moon_vaccine"}}},
        {{"type", "request_vaccine_change"}, {"site", site.code}, {"vaccines", "tm_general"}},
        {{"type", "set_doctors"}, {"site", site.code}, {"doctors", {{{"name", ""}, {"vaccines", {"pfizer_12"}}}}}},
    };
    for (const auto& cmd : bad) {
        auto r = f.run(cmd);
        CHECK_MESSAGE(r["ok"] == false, cmd.dump());
        CHECK(!r["error"]["message"].get<std::string>().empty());
    }
    // Invalid UTF-8 arrives as text from JavaScript or a file.
    auto r = f.app.command_json(R"({"type":"update_site_info","site":")" + site.code + "\",\"name\":\"\xff\xfe\"}");
    CHECK(r["ok"] == false);
    CHECK(f.storage.files == before);
}

TEST_SUITE_END();
