// Keyboard (issue 13, Deliver 9), driven as a user would: Tab moves through a form's fields in
// the order they are laid out (left to right along a row, then the next row), and Esc closes a
// modal question and gives the keyboard back to the screen that asked it. (Enter while an IME
// composes is held back by the page, glue.js: tests/e2e/input.test.mjs.)
#include <doctest/doctest.h>

#include "imgui_internal.h"
#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using nlohmann::json;
using vsys::test::UiFixture;

enum TestKey { k_tab = 1, k_escape };

void press(UiFixture& f, int key) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = k_tab;
    io.KeyMap[ImGuiKey_Escape] = k_escape;
    io.KeysDown[key] = true;
    f.frames(1);
    io.KeysDown[key] = false;
    f.frames(2);
}

// The anchor, of those named, of the item that has the keyboard ("" when none of them): the one
// whose rect holds the centre of ImGui's focused item.
std::string focused(const UiFixture& f, const std::vector<std::string>& names) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!g.NavWindow || g.NavId == 0) return {};
    const ImRect r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[0]);
    const ImVec2 c = r.GetCenter();
    for (const std::string& name : names) {
        const auto it = f.shell.anchors().find(name);
        if (it == f.shell.anchors().end()) continue;
        const auto& a = it->second;
        if (c.x >= a.x && c.x <= a.x + a.w && c.y >= a.y && c.y <= a.y + a.h) return name;
    }
    return {};
}

// Clicks the first of a form's fields, then presses Tab once per field after it: the keyboard
// must reach each in turn, and each lies after the one before in reading order (to the right on
// the same row, or on a lower row). Positions are compared relative to the window's content,
// so a form that scrolls to show the next field still compares as laid out.
void check_tab_order(UiFixture& f, const std::vector<std::string>& fields) {
    REQUIRE(f.click(fields[0]));
    REQUIRE(focused(f, fields) == fields[0]);
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (std::size_t i = 1; i < fields.size(); ++i) {
        CAPTURE(fields[i]);
        const ImGuiWindow* window_before = g.NavWindow;
        const ImRect before = g.NavWindow->NavRectRel[0];
        press(f, k_tab);
        const std::string now = focused(f, fields);
        CHECK(now == fields[i]);
        if (now.empty()) break;
        if (g.NavWindow != window_before) continue;  // another window (a table's own scroll)
        const ImRect after = g.NavWindow->NavRectRel[0];
        CHECK((after.Min.y >= before.Max.y - 1 ||
               (std::abs(after.Min.y - before.Min.y) < 1 && after.Min.x > before.Min.x)));
    }
}

}  // namespace

TEST_CASE("Tab moves through a claim month's fields in reading order: along each line, then the next line") {
    UiFixture f(1366, 768);
    f.frames(3);
    const vsys::Site& site = f.site_in("131016");
    REQUIRE(f.login(vsys::test::site_account(site)));
    f.shell.go("claims");
    f.frames(3);
    REQUIRE(f.click("claims.add_line"));
    const std::vector<std::string> expected = {
        "claims.line0.municipality", "claims.line0.normal", "claims.line0.outside_hours", "claims.line0.holiday",
        "claims.line0.pre_exam_only", "claims.line0.under_6", "claims.line1.municipality", "claims.line1.normal",
        "claims.line1.outside_hours", "claims.line1.holiday", "claims.line1.pre_exam_only", "claims.line1.under_6"};
    check_tab_order(f, expected);
}

namespace {

// Signs in as `account` ("": stays signed out) and opens `screen`.
void open_screen(UiFixture& f, const std::string& account, const char* screen) {
    f.frames(3);
    if (!account.empty()) REQUIRE(f.login(account));
    f.shell.go(screen);
    f.frames(3);
}

}  // namespace

TEST_CASE("Tab moves through every form's fields in reading order") {
    UiFixture f(1366, 768);
    const std::string site = vsys::test::site_account(f.site_in("131016"));
    SUBCASE("sign-in") {
        open_screen(f, "", "home");
        check_tab_order(f, {"login.vsys_id", "login.password"});
    }
    SUBCASE("the site's information, top to bottom") {
        open_screen(f, site, "site_info");
        REQUIRE(f.click("site.edit"));
        check_tab_order(f, {"site.name", "site.reading", "site.address", "site.phone", "site.mail",
                            "site.representative"});
    }
    SUBCASE("settings") {
        open_screen(f, site, "settings");
        check_tab_order(f, {"settings.device_name", "settings.idle_lock"});
    }
    SUBCASE("the simulation's fixed values, row after row, past the bottom of the screen") {
        open_screen(f, "VM131016", "simulation");
        std::vector<std::string> fixed;
        for (int i = 0; i < 14; ++i) fixed.push_back("sim.fixed." + std::to_string(i));
        check_tab_order(f, fixed);
    }
}

TEST_CASE("Esc closes a modal question and gives the keyboard back to the screen that asked it") {
    UiFixture f(1366, 768);
    f.frames(3);
    const vsys::Site& site = f.site_in("131016");
    REQUIRE(f.login(vsys::test::site_account(site)));
    f.shell.go("claims");
    f.frames(3);
    REQUIRE(f.click("claims.line0.normal"));
    f.type("7");
    REQUIRE(f.click("claims.discard"));
    ImGuiContext& g = *ImGui::GetCurrentContext();
    REQUIRE(f.anchored("claims.discard.confirm.yes"));
    REQUIRE(g.NavWindow);
    CHECK((g.NavWindow->Flags & ImGuiWindowFlags_Modal) != 0);  // the question has the keyboard
    press(f, k_escape);
    CHECK_FALSE(f.anchored("claims.discard.confirm.yes"));
    REQUIRE(g.NavWindow);
    CHECK(g.NavWindow->Active);
    CHECK((g.NavWindow->Flags & ImGuiWindowFlags_Popup) == 0);
    CHECK(std::string(g.NavWindow->Name).find("##root") == 0);  // the screen's own window
    CHECK(f.anchored("claims.discard"));  // and the input is still there
    // The keyboard works on the screen again: Tab reaches its fields.
    REQUIRE(f.click("claims.line0.municipality"));
    press(f, k_tab);
    CHECK(focused(f, {"claims.line0.normal"}) == "claims.line0.normal");
}

TEST_SUITE_END();
