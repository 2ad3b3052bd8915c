// The shared date and month fields (ui/widgets/date_fields.hpp) driven as a user would: a date
// typed in 令和 or with full-width digits is the date and is read back with its weekday; a date
// that does not exist or is out of the form's range is refused beside the field, naming it; the
// calendar picks a day and refuses days the command would; the month picker reaches a month years
// back in three clicks or by typing it.
#include <doctest/doctest.h>

#include "ui/widgets/fields.hpp"
#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using vsys::test::message_of;
using vsys::test::UiFixture;

bool shows(UiFixture& f, const std::string& text) { return f.frame_text().find(text) != std::string::npos; }

// A municipality on its 在庫量の報告依頼 form, whose 回答期限 is a date from today on; the
// fixture's clock is 2022-02-01 (a Tuesday), and the due date starts a week later.
void open_request_form(UiFixture& f) {
    f.frames(3);
    REQUIRE(f.login("VM131016"));
    f.frames(2);
    f.shell.go("stock_requests");
    f.frames(3);
    REQUIRE(f.anchored("stock.requests.due"));
}

}  // namespace

TEST_CASE("a date typed in 令和 or with full-width digits is the date, read back with its weekday") {
    UiFixture f;
    open_request_form(f);
    CHECK(shows(f, "2022/02/08"));          // as screens write dates
    CHECK(shows(f, "令和4年2月8日(火)"));   // read back beside it
    REQUIRE(f.retype("stock.requests.due", "令和4年3月31日"));
    CHECK(message_of(f, "stock.requests.due").empty());
    CHECK(shows(f, "令和4年3月31日(木)"));
    REQUIRE(f.retype("stock.requests.due", "２０２２／２／１４"));
    CHECK(message_of(f, "stock.requests.due").empty());
    CHECK(shows(f, "令和4年2月14日(月)"));
    REQUIRE(f.click("stock.requests.due.today"));
    CHECK(shows(f, "令和4年2月1日(火)"));
}

TEST_CASE("a date that does not exist, or that the command would refuse, is refused beside the field by its label") {
    UiFixture f;
    open_request_form(f);
    REQUIRE(f.retype("stock.requests.due", "2022-02-30"));  // never rolled over to March
    std::string m = message_of(f, "stock.requests.due");
    CHECK(m.find("回答期限") != std::string::npos);
    CHECK(m.find("2022-02-30") != std::string::npos);
    CHECK(f.anchored("stock.requests.due.message"));
    CHECK(!shows(f, "令和4年3月2日"));
    REQUIRE(f.retype("stock.requests.due", "2022-01-31"));  // passed: the command's refusal too
    m = message_of(f, "stock.requests.due");
    CHECK(m.find("2022/02/01") != std::string::npos);
    CHECK(vsys::ui::fields_invalid(f.shell));  // the form's save waits
    REQUIRE(f.retype("stock.requests.due", "2022-02-20"));
    CHECK(message_of(f, "stock.requests.due").empty());  // cleared when fixed
    CHECK(shows(f, "令和4年2月20日(日)"));
}

TEST_CASE("the calendar picks a day, turns the page, and refuses a day the command would") {
    UiFixture f;
    open_request_form(f);
    REQUIRE(f.click("stock.requests.due.calendar"));
    REQUIRE(f.anchored("stock.requests.due.day.2022-02-15"));  // the due date's month
    REQUIRE(f.anchored("stock.requests.due.day.2022-01-31"));  // the page starts on Sunday 1/30
    REQUIRE(f.click("stock.requests.due.day.2022-01-31"));     // passed: disabled, nothing happens
    CHECK(f.anchored("stock.requests.due.day.2022-02-15"));    // still open
    REQUIRE(f.click("stock.requests.due.page.prev"));          // no month before today's: disabled
    CHECK(f.anchored("stock.requests.due.day.2022-02-15"));
    REQUIRE(f.click("stock.requests.due.page.next"));
    REQUIRE(f.anchored("stock.requests.due.day.2022-03-18"));
    REQUIRE(f.click("stock.requests.due.day.2022-03-18"));
    CHECK(!f.anchored("stock.requests.due.day.2022-03-18"));  // picked: the page closes
    CHECK(shows(f, "2022/03/18"));
    CHECK(!shows(f, "2022/02/08"));
    CHECK(shows(f, "令和4年3月18日(金)"));
    CHECK(message_of(f, "stock.requests.due").empty());
}

TEST_CASE("the claim month reaches a month of another year in three clicks, or typed in 令和") {
    UiFixture f;
    f.frames(3);
    REQUIRE(f.login(vsys::test::site_account(f.site_in("131016"))));
    f.frames(2);
    f.shell.go("claims");
    f.frames(3);
    REQUIRE(shows(f, "2022年1月（令和4年1月）"));  // the month before today's
    REQUIRE(f.click("claims.month"));
    REQUIRE(f.anchored("claims.month.m12"));
    REQUIRE(f.click("claims.month.year.prev"));
    REQUIRE(f.click("claims.month.m12"));
    CHECK(!f.anchored("claims.month.m12"));
    CHECK(shows(f, "2021年12月（令和3年12月）"));
    // Typed: the box has the keyboard when the picker opens.
    REQUIRE(f.click("claims.month"));
    f.type("R3/5");
    f.press(UiFixture::Key::enter);
    CHECK(shows(f, "2021年5月（令和3年5月）"));
    // Before the first claimable month: refused in the picker, the month kept.
    REQUIRE(f.click("claims.month"));
    f.type("2020/12");
    f.press(UiFixture::Key::enter);
    CHECK(f.anchored("claims.month.typed.message"));
    CHECK(shows(f, "2021年5月（令和3年5月）"));
    // A month after today's is disabled in the grid.
    REQUIRE(f.click("claims.month.year.next"));
    REQUIRE(f.click("claims.month.m3"));  // 2022-03: after 2022-02
    CHECK(f.anchored("claims.month.m3"));  // still open, nothing chosen
    CHECK(shows(f, "2021年5月（令和3年5月）"));
}

TEST_SUITE_END();
