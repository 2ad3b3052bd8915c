// The site's representative (代表者氏名): part of the site information, checked like a name,
// generated for every demo site, editable through update_site_info, and printed on the claim
// forms; site information written before the field existed still reads, and prints the first
// doctor as before.
#include <doctest/doctest.h>

#include <set>

#include "app_fixture.hpp"
#include "core/demo/demo_data.hpp"
#include "core/directory/site.hpp"

TEST_SUITE_BEGIN("site");

using namespace vsys;
using nlohmann::json;

namespace {

Site with_doctor() {
    Site s;
    s.code = "1311234569";
    s.name = "千代田内科医院";
    s.reading = "チヨダナイカイイン";
    s.address = "東京都千代田区本町1丁目2-3";
    s.municipality = "131016";
    s.vaccines.add(VaccineCategory::pfizer_child);
    s.contact = {"03-1234-5678", ""};
    Doctor d{"佐藤 太郎", {}};
    d.vaccines.add(VaccineProduct::pfizer_5_11);
    s.doctors.push_back(d);
    return s;
}

std::string printed_first_municipality(test::AppFixture& f, const Site& site) {
    auto v = f.view("claim_print", {{"site", site.code}, {"month", "2022-01"}});
    REQUIRE_MESSAGE(v["ok"] == true, v.dump());
    return v["view"]["municipalities"][0]["html"].get<std::string>();
}

json save_month(const Site& site) {
    return {{"type", "save_claim"},
            {"site", site.code},
            {"month", "2022-01"},
            {"lines", json::array({{{"municipality", site.municipality}, {"form", "new"}, {"category", 2},
                                    {"normal", 3}, {"outside_hours", 0}, {"holiday", 0}, {"pre_exam_only", 0}}})}};
}

}  // namespace

TEST_CASE("the representative round-trips in the site body and is written only when set") {
    Site s = with_doctor();
    CHECK_FALSE(site_to_json(s).contains("representative"));
    s.representative = "千代田 花子";
    REQUIRE(validate_site(s));
    const json body = site_to_json(s);
    CHECK(body["representative"] == "千代田 花子");
    auto back = site_from_json(body);
    REQUIRE(back);
    CHECK(*back == s);
}

TEST_CASE("a representative is checked like a name: length, control characters, UTF-8") {
    Site s = with_doctor();
    s.representative = std::string(51, 'a');
    CHECK(validate_site(s).error().code == "site.representative.too_long");
    s.representative = "山田\n太郎";
    CHECK(validate_site(s).error().code == "site.representative.control");
    s.representative = "\xff";
    CHECK(validate_site(s).error().code == "site.representative.utf8");
    s.representative = std::string(50, 'a');
    CHECK(validate_site(s));
    json body = site_to_json(with_doctor());
    body["representative"] = 7;
    CHECK(site_from_json(body).error().code == "arg.type");
}

TEST_CASE("site information written before the field reads, and its printed representative is the first doctor") {
    const json old_body = site_to_json(with_doctor());  // no "representative", as before the field
    auto s = site_from_json(old_body);
    REQUIRE(s);
    CHECK(s->representative.empty());
    CHECK(site_representative(*s) == "佐藤 太郎");
    s->representative = "千代田 花子";
    CHECK(site_representative(*s) == "千代田 花子");
    s->representative.clear();
    s->doctors.clear();
    CHECK(site_representative(*s).empty());
}

TEST_CASE("every demo site has a valid representative, the same for the same seed") {
    DemoOptions small{7};
    small.sites = 3000;
    small.venues = 50;
    const DemoData a = generate_demo_data(small);
    const DemoData b = generate_demo_data(small);
    REQUIRE(a.sites.size() == b.sites.size());
    std::set<std::string> names;
    for (std::size_t i = 0; i < a.sites.size(); ++i) {
        CHECK_FALSE(a.sites[i].representative.empty());
        CHECK(a.sites[i].representative == b.sites[i].representative);
        names.insert(a.sites[i].representative);
    }
    CHECK(names.size() > a.sites.size() / 4);  // varied, not one name for all
    small.seed = 8;
    const DemoData c = generate_demo_data(small);
    std::size_t same = 0;
    for (std::size_t i = 0; i < std::min(a.sites.size(), c.sites.size()); ++i)
        same += a.sites[i].representative == c.sites[i].representative;
    CHECK(same < a.sites.size() / 2);
}

TEST_CASE("the site edits its representative and the claim form prints it") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login(test::site_account(site)));
    REQUIRE(f.run(save_month(site))["ok"] == true);
    // The generated master's representative, before any edit.
    CHECK(printed_first_municipality(f, site).find("代表者 " + site.representative) != std::string::npos);
    auto r = f.run({{"type", "update_site_info"}, {"site", site.code}, {"representative", "理事長 千代田 花子"}});
    REQUIRE_MESSAGE(r["ok"] == true, r.dump());
    auto v = f.view("site", {{"site", site.code}})["view"];
    CHECK(v["representative"] == "理事長 千代田 花子");
    CHECK(v["printed_representative"] == "理事長 千代田 花子");
    const std::string html = printed_first_municipality(f, site);
    CHECK(html.find("代表者 理事長 千代田 花子") != std::string::npos);
    auto print = f.view("claim_print", {{"site", site.code}, {"month", "2022-01"}})["view"];
    CHECK(print["municipalities"][0]["csv"].get<std::string>().find("理事長 千代田 花子") != std::string::npos);
    CHECK(f.run({{"type", "update_site_info"}, {"site", site.code}, {"representative", std::string(51, 'x')}})["error"]["code"] ==
          "site.representative.too_long");
}

TEST_CASE("a site whose stored information has no representative prints its first doctor") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE_FALSE(site.doctors.empty());
    REQUIRE(f.login(test::site_account(site)));
    // Saving an empty representative stores a body without the field, like one written before it.
    REQUIRE(f.run({{"type", "update_site_info"}, {"site", site.code}, {"representative", ""}})["ok"] == true);
    CHECK_FALSE(f.app.current(site_org_id(site), "site_info", "main")->body.contains("representative"));
    REQUIRE(f.run(save_month(site))["ok"] == true);
    CHECK(printed_first_municipality(f, site).find("代表者 " + site.doctors.front().name) != std::string::npos);
    auto v = f.view("site", {{"site", site.code}})["view"];
    CHECK_FALSE(v.contains("representative"));
    CHECK(v["printed_representative"] == site.doctors.front().name);
}

TEST_SUITE_END();
