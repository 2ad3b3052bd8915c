// Everyday input (issue 13): the shared number and text fields, the wheel, Esc on modals, the
// question before discarding, and the sign-in field after sign-out, driven as a user would.
#include <doctest/doctest.h>

#include <cmath>

#include "imgui_internal.h"
#include "ui/shell/wheel.hpp"
#include "ui/widgets/fields.hpp"
#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using vsys::test::UiFixture;
using vsys::test::message_of;

// ImGui 1.86 reads keys through io.KeyMap: the headless context maps the few a test presses.
enum TestKey { k_enter = 1, k_escape, k_backspace, k_a, k_c };

void map_keys() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Enter] = k_enter;
    io.KeyMap[ImGuiKey_Escape] = k_escape;
    io.KeyMap[ImGuiKey_Backspace] = k_backspace;
    io.KeyMap[ImGuiKey_A] = k_a;
    io.KeyMap[ImGuiKey_C] = k_c;
}

void press(UiFixture& f, int key, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[key] = true;
    f.frames(1);
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    f.frames(2);
}

// Replaces the text of the field that has the keyboard.
void retype(UiFixture& f, const std::string& text) {
    press(f, k_a, true);
    press(f, k_backspace);
    f.type(text);
}

void open_settings(UiFixture& f) {
    map_keys();
    f.frames(3);
    f.shell.go("settings");
    f.frames(3);
    REQUIRE(f.shell.screen() == "settings");
}

}  // namespace

TEST_CASE("a number typed with full-width digits is the number; Enter in the field saves it") {
    UiFixture f;
    open_settings(f);
    REQUIRE(f.click("settings.idle_lock"));
    retype(f, "１２");
    CHECK(message_of(f, "settings.idle_lock").empty());
    press(f, k_enter);
    CHECK(f.app.settings().idle_lock_minutes == 12);
}

TEST_CASE("letters and a 20-digit number are refused beside the field, named by its label, the text kept, "
          "and the message goes as soon as the field is fixed") {
    UiFixture f;
    open_settings(f);
    REQUIRE(f.click("settings.idle_lock"));
    retype(f, "12a");
    const std::string m = message_of(f, "settings.idle_lock");
    CHECK(m.find("自動ログアウト") != std::string::npos);
    CHECK(f.anchored("settings.idle_lock.message"));
    CHECK(f.frame_text().find("12a") != std::string::npos);  // the typed text stays as typed
    press(f, k_enter);                                          // Enter never saves a refused field
    CHECK(f.app.settings().idle_lock_minutes == 15);
    REQUIRE(f.click("settings.idle_lock"));
    retype(f, "12345678901234567890");
    CHECK(message_of(f, "settings.idle_lock").find("240") != std::string::npos);
    retype(f, "30");
    CHECK(message_of(f, "settings.idle_lock").empty());
    CHECK_FALSE(f.anchored("settings.idle_lock.message"));
}

TEST_CASE("a text over its limit is kept whole and refused with its count, never cut") {
    UiFixture f;
    open_settings(f);
    REQUIRE(f.click("settings.device_name"));
    CHECK(f.frame_text().find("0/40") != std::string::npos);
    std::string long_name;
    for (int i = 0; i < 45; ++i) long_name += "あ";
    f.type(long_name);
    CHECK(f.frame_text().find("45/40") != std::string::npos);
    CHECK(message_of(f, "settings.device_name").find("40") != std::string::npos);
    CHECK(f.frame_text().find(long_name) != std::string::npos);
}

TEST_CASE("変更を破棄 asks first; Esc closes the question and keeps the input; confirming discards") {
    UiFixture f;
    open_settings(f);
    REQUIRE(f.click("settings.language.en"));
    REQUIRE(f.click("settings.discard"));
    CHECK(f.anchored("settings.discard.confirm.yes"));
    press(f, k_escape);
    CHECK_FALSE(f.anchored("settings.discard.confirm.yes"));
    CHECK(f.anchored("settings.discard"));  // still unsaved
    REQUIRE(f.click("settings.discard"));
    REQUIRE(f.click("settings.discard.confirm.yes"));
    CHECK_FALSE(f.anchored("settings.discard"));
}

TEST_CASE("a wheel notch moves a long list about three lines towards its end; Ctrl + wheel does not scroll") {
    UiFixture f;
    // The DOM's units: 100 px (Chromium's notch), 3 lines (Firefox), one page.
    CHECK(vsys::ui::wheel_lines(0, 100, 0, 30).y == doctest::Approx(3.0));
    CHECK(vsys::ui::wheel_lines(0, 3, 1, 30).y == doctest::Approx(3.0));
    CHECK(vsys::ui::wheel_lines(0, 1, 2, 30).y == doctest::Approx(30.0));
    CHECK(vsys::ui::wheel_lines(0, -100000, 0, 30).y >= -60.0);  // a flick is bounded
    auto list_scroll = [&](double dy, bool ctrl) {
        ImGuiIO& io = ImGui::GetIO();
        float y = 0;
        for (int frame = 0; frame < 3; ++frame) {
            if (frame == 1) vsys::ui::on_wheel(f.shell, 0, dy, 0, ctrl);
            io.MousePos = ImVec2(200, 200);
            ImGui::NewFrame();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(600, 500));
            ImGui::Begin("list");
            for (int i = 0; i < 243; ++i) ImGui::Text("row %d", i);
            y = ImGui::GetScrollY();
            ImGui::End();
            ImGui::Render();
        }
        return y;
    };
    const float line = ImGui::GetIO().Fonts->Fonts[0]->FontSize + ImGui::GetStyle().ItemSpacing.y;
    const float down = list_scroll(100, false);
    CHECK(down == doctest::Approx(3 * line).epsilon(0.1));  // down = towards the end, by ~3 rows
    CHECK(list_scroll(0, false) == doctest::Approx(down));
    CHECK(list_scroll(-100, false) == doctest::Approx(0));   // and back up
    CHECK(list_scroll(100, true) == doctest::Approx(0));     // Ctrl + wheel: the text size, no scroll
}

TEST_CASE("the sign-in field is empty for the next user after sign-out") {
    UiFixture f;
    map_keys();
    f.frames(3);
    const std::string id = vsys::test::site_account(f.site_in("131016"));
    REQUIRE(f.click("login.vsys_id"));
    f.type(id);
    REQUIRE(f.click("login.password"));
    f.type(vsys::k_demo_password);
    REQUIRE(f.click("login.submit"));
    REQUIRE(f.app.session().signed_in());
    f.frames(2);
    REQUIRE(f.click("topbar.logout"));
    REQUIRE_FALSE(f.app.session().signed_in());
    f.frames(3);
    REQUIRE(f.click("login.vsys_id"));
    f.logged = "unchanged";
    press(f, k_a, true);
    press(f, k_c, true);  // copies the field's text to the clipboard (the fixture's `logged`)
    CHECK(f.logged.find(id) == std::string::npos);
}

TEST_SUITE_END();
