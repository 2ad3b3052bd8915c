// Print windows: the page a screen hands to the Host carries no script (the window inherits the
// app's Content-Security-Policy, which would refuse it: platform/web/print_window.js), its print
// button is labelled in the user's language, and a window the browser refused is said in a toast.
#include <doctest/doctest.h>

#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using vsys::test::UiFixture;

// 千代田区 issues an enrolment code for one of its sites' accounts, as in the e2e.
std::string issue_code(UiFixture& f) {
    f.frames(3);
    const std::string site = vsys::test::site_account(f.site_in("131016"));
    REQUIRE(f.login("VM131016"));
    f.shell.go("enrolment");
    f.frames(3);
    REQUIRE(f.click("enrolment.vsys_id"));
    f.type(site);
    REQUIRE(f.click("enrolment.issue"));
    REQUIRE(f.click("enrolment.confirm"));
    REQUIRE(f.anchored("enrolment.code"));
    return site;
}

}  // namespace

TEST_CASE("the enrolment code's print page runs no script, prints at once and labels its button") {
    UiFixture f;
    const std::string site = issue_code(f);
    REQUIRE(f.click("enrolment.print"));
    REQUIRE(f.host.prints.size() == 1);
    const auto& page = f.host.prints[0];
    CHECK(page.print_now);
    CHECK(page.print_label == "このページを印刷");
    CHECK(page.html.find("<script") == std::string::npos);
    CHECK(page.html.find(site) != std::string::npos);
    CHECK(page.html.find("<html lang=\"ja\">") != std::string::npos);  // the user's language
}

TEST_CASE("a print window the browser refused is said in a toast") {
    UiFixture f;
    issue_code(f);
    f.host.print_blocked = true;
    REQUIRE(f.click("enrolment.print"));
    CHECK(f.host.prints.empty());
    const auto toasts = f.shell.toast_texts();
    REQUIRE(!toasts.empty());
    CHECK(toasts.back().find("ポップアップを許可") != std::string::npos);
}

TEST_SUITE_END();
