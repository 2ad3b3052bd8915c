#include <doctest/doctest.h>

#include "app_fixture.hpp"

TEST_SUITE_BEGIN("session");

using namespace vsys;

namespace {
std::string issue_code(test::AppFixture& f, const std::string& manager, const std::string& account) {
    REQUIRE(f.login(manager));
    auto r = f.run({{"type", "issue_enrolment_code"}, {"vsys_id", account}});
    REQUIRE(r["ok"] == true);
    f.logout();
    return r["code"].get<std::string>();
}
}  // namespace

TEST_CASE("a device enrols with a one-time code from the managing organisation and its own password") {
    test::AppFixture f;
    const std::string site = test::site_account(f.site_in("131016"));
    const std::string code = issue_code(f, "VM131016", site);
    auto r = f.run({{"type", "enrol"}, {"vsys_id", site}, {"code", code}, {"password", "my-own-secret"}});
    REQUIRE(r["ok"] == true);
    CHECK(f.login(site, "my-own-secret"));
    f.logout();
    // The demo password no longer opens the account on this device.
    CHECK(f.run({{"type", "login"}, {"vsys_id", site}, {"password", k_demo_password}})["error"]["code"] == "identity.password");
}

TEST_CASE("an enrolment code is used once, expires, and must be the right one") {
    test::AppFixture f;
    const std::string site = test::site_account(f.site_in("131016"));
    const std::string code = issue_code(f, "VM131016", site);
    REQUIRE(f.run({{"type", "enrol"}, {"vsys_id", site}, {"code", code}, {"password", "first-secret"}})["ok"] == true);
    CHECK(f.run({{"type", "enrol"}, {"vsys_id", site}, {"code", code}, {"password", "second-secret"}})["error"]["code"] ==
          "enrolment.spent");

    const std::string fresh = issue_code(f, "VM131016", site);
    f.clock += 18 * 86400;  // two weeks, and the three days of clock skew tolerated, are over
    CHECK(f.run({{"type", "enrol"}, {"vsys_id", site}, {"code", fresh}, {"password", "late-secret"}})["error"]["code"] ==
          "enrolment.expired");

    const std::string another = issue_code(f, "VM131016", site);
    std::string wrong = another;
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    auto r = f.run({{"type", "enrol"}, {"vsys_id", site}, {"code", wrong}, {"password", "some-secret"}});
    CHECK(r["ok"] == false);
    CHECK(f.run({{"type", "enrol"}, {"vsys_id", site}, {"code", another}, {"password", "short"}})["error"]["code"] ==
          "enrolment.password_short");
}

TEST_CASE("only the managing organisation issues codes for an account") {
    test::AppFixture f;
    const std::string other = test::site_account(f.site_in("131024"));
    REQUIRE(f.login("VM131016"));
    CHECK(f.run({{"type", "issue_enrolment_code"}, {"vsys_id", other}})["error"]["code"] == "no_access");
    CHECK(f.run({{"type", "issue_enrolment_code"}, {"vsys_id", "VM131016"}})["error"]["code"] == "no_access");
}

TEST_SUITE_END();
