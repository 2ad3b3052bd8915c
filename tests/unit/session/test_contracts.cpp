// Typed contracts (app/base/contract.hpp) of the site, session, settings, enrolment, kiosk and
// stock features: what a screen reads typed is what window.vsys reads as JSON, one codec apart,
// and a typed command is refused exactly as its JSON twin (the codec's read() is skipped on the
// typed path, so every rule must live in prepare()).
#include <doctest/doctest.h>

#include "app/enrolment/enrolment_contract.hpp"
#include "app/kiosk/kiosk_contract.hpp"
#include "app/session/session_contract.hpp"
#include "app/session/settings_contract.hpp"
#include "app/site/site_contract.hpp"
#include "app/stock/stock_commands.hpp"
#include "app_fixture.hpp"

TEST_SUITE_BEGIN("session");

using namespace vsys;
using vsys::test::AppFixture;

namespace {

// The typed answer to q, as JSON, equals the JSON view of the same name and arguments.
template <class Q>
void same_view(AppFixture& f, const Q& q, const nlohmann::json& args = nlohmann::json::object()) {
    auto typed = f.app.ask(q);
    auto j = f.app.view(Q::name, args);
    REQUIRE(typed.ok() == j.ok());
    if (typed) CHECK(to_json(*typed) == *j);
    else CHECK(typed.error().code == j.error().code);
}

// The typed command and the JSON one are refused with the same code (on two fresh apps, so the
// first cannot change what the second sees).
template <class C>
void same_refusal(const std::string& who, const C& c, const nlohmann::json& j, const char* code) {
    AppFixture a, b;
    REQUIRE(a.login(who));
    REQUIRE(b.login(who));
    auto typed = a.app.run(c);
    REQUIRE_FALSE(typed);
    CHECK(typed.error().code == code);
    CHECK(b.run(j)["error"]["code"] == code);
}

}  // namespace

TEST_CASE("the site views answer typed what window.vsys answers as JSON, for a site and its municipality") {
    AppFixture f;
    const Site& s = f.site_in("131016");
    REQUIRE(f.login(test::site_account(s)));
    REQUIRE(f.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "03-3264-0001"}})["ok"] == true);
    REQUIRE(f.run({{"type", "request_vaccine_change"}, {"site", s.code}, {"vaccines", {"pfizer_hub"}}})["ok"] == true);
    same_view(f, SiteQuery{s.code}, {{"site", s.code}});
    same_view(f, SiteQuery{"0000000000"}, {{"site", "0000000000"}});
    f.logout();
    REQUIRE(f.login("VM131016"));
    same_view(f, SiteQuery{s.code}, {{"site", s.code}});
    same_view(f, ApprovalsQuery{});
    CHECK(f.app.ask(ApprovalsQuery{})->pending.size() == 1);
    same_view(f, SiteSearchQuery{"", 100}, {{"query", ""}, {"limit", 100}});
    same_view(f, SiteSearchQuery{"1310000001", 10}, {{"query", "1310000001"}, {"limit", 10}});
    same_view(f, SiteSearchQuery{"", 0}, {{"query", ""}, {"limit", 0}});
    same_view(f, HomeQuery{});
    same_view(f, UnlockRequestsQuery{});
    same_view(f, AboutQuery{});
    same_view(f, DemoAccountsQuery{});
    same_view(f, KioskQuery{});
    // A typed decision is the JSON one: the site's page then says approved.
    REQUIRE(f.app.run(DecideVaccineChange{s.code, true, ""}));
    CHECK(f.app.ask(SiteQuery{s.code})->change->status == "approved");
    CHECK(f.app.ask(ApprovalsQuery{})->pending.empty());
}

TEST_CASE("typed commands are refused as their JSON twins, rules and ranges included") {
    const std::string site = "VS" + AppFixture().site_in("131016").code;
    const std::string code = site.substr(2);
    same_refusal(site, UpdateSiteInfo{code, std::string(300, 'x'), {}, {}, {}, {}, {}},
                 {{"type", "update_site_info"}, {"site", code}, {"name", std::string(300, 'x')}}, "site.name.too_long");
    same_refusal(site, RequestVaccineChange{code, {"no_such"}, ""},
                 {{"type", "request_vaccine_change"}, {"site", code}, {"vaccines", {"no_such"}}}, "site.vaccines.unknown");
    same_refusal(site, SetDoctors{code, {Doctor{"", {}}}},
                 {{"type", "set_doctors"}, {"site", code}, {"doctors", {{{"name", ""}, {"vaccines", nlohmann::json::array()}}}}},
                 "site.doctor_name.empty");
    UpdateSettings idle;
    idle.idle_lock_minutes = 100000;
    same_refusal(site, idle, {{"type", "update_settings"}, {"idle_lock_minutes", 100000}}, "number.out_of_range");
    UpdateSettings size;
    size.text_size = 10;
    same_refusal(site, size, {{"type", "update_settings"}, {"text_size", 10}}, "settings.text_size");
    same_refusal(site, TransferStock{code, code, "pfizer_12", "LOT", -5, "frozen", {}, false},
                 {{"type", "transfer_stock"}, {"site", code}, {"to", code}, {"product", "pfizer_12"}, {"lot", "LOT"},
                  {"vials", -5}, {"condition", "frozen"}},
                 "number.negative");
    same_refusal(site, RecordCount{code, {}, "", {{"pfizer_12", "LOT", 10'000'000'000, "", ""}}},
                 {{"type", "record_count"}, {"site", code},
                  {"lines", {{{"product", "pfizer_12"}, {"lot", "LOT"}, {"vials", 10'000'000'000}}}}},
                 "number.out_of_range");
    same_refusal(site, IssueEnrolmentCode{"VS0000000000"}, {{"type", "issue_enrolment_code"}, {"vsys_id", "VS0000000000"}},
                 "unlock.unknown_account");
}
