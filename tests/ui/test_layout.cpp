// Issue 13's layout and look, headless: the screens people work in (a site's information, its
// claims, the simulation) clip no amount, code or name at the four sizes, as the Shell's clip
// record says; the high-contrast theme and the text size are device settings the Shell applies
// and a reload keeps; forms stack when a label and its value do not fit side by side.
#include <doctest/doctest.h>

#include <cmath>

#include "app/session/settings.hpp"
#include "imgui_internal.h"  // finds the toast's window and the window under the mouse
#include "ui/shell/theme.hpp"
#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using nlohmann::json;
using vsys::test::UiFixture;

void open(UiFixture& f, const std::string& screen, const std::string& param = "") {
    f.shell.go(screen, param);
    f.frames(3);
    REQUIRE(f.shell.screen() == screen);
}

std::string clipped_list(const UiFixture& f) {
    std::string out;
    for (const auto& c : f.shell.clipped()) out += c.where + ": " + c.text + "\n";
    return out;
}

// Scrolls the screen's body to its end with the wheel over the top of the body (not over a table).
void scroll_body_down(UiFixture& f) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(io.DisplaySize.x / 2, 120);
    for (int i = 0; i < 4; ++i) {
        io.MouseWheel = -30;
        f.frames(1);
    }
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    f.frames(2);
}

json claim_line(const char* muni, std::int64_t normal) {
    return {{"municipality", muni}, {"form", "new"}, {"category", 2}, {"normal", normal},
            {"outside_hours", 12}, {"holiday", 3}, {"pre_exam_only", 0}};
}

}  // namespace

TEST_CASE("site information, claims and the simulation clip no text at 1366x768, 1024x600, 768x1024 and 390x844") {
    const std::pair<float, float> sizes[] = {{1366, 768}, {1024, 600}, {768, 1024}, {390, 844}};
    for (auto [w, h] : sizes) {
        CAPTURE(w);
        UiFixture f(w, h);
        f.frames(3);
        const vsys::Site& site = f.site_in("131016");
        REQUIRE(f.login(vsys::test::site_account(site)));
        f.frames(2);
        open(f, "site_info");
        CHECK_MESSAGE(f.shell.clipped().empty(), clipped_list(f));
        // A month of claims with amounts in the hundreds of thousands of yen.
        REQUIRE(f.run({{"type", "save_claim"}, {"site", site.code}, {"month", "2022-01"},
                       {"lines", json::array({claim_line("131016", 9876), claim_line("131024", 4321)})}})["ok"] == true);
        open(f, "claims");
        CHECK(f.anchored("claims.line1.amount"));
        CHECK_MESSAGE(f.shell.clipped().empty(), clipped_list(f));
        scroll_body_down(f);  // the documents' table
        CHECK_MESSAGE(f.shell.clipped().empty(), clipped_list(f));
        f.logout();
        f.frames(2);

        REQUIRE(f.login("VP130001"));
        f.frames(2);
        open(f, "simulation");
        REQUIRE(f.click("sim.run"));
        f.frames(2);
        CHECK_MESSAGE(f.shell.clipped().empty(), clipped_list(f));
        scroll_body_down(f);  // the table is below the chart on small screens
        CHECK(f.anchored("sim.table.row.0"));
        CHECK_MESSAGE(f.shell.clipped().empty(), clipped_list(f));
    }
}

TEST_CASE("the theme and the text size are kept per device, applied by the Shell, and survive a restart") {
    UiFixture f;
    f.frames(2);
    CHECK(f.run({{"type", "update_settings"}, {"theme", "high_contrast"}, {"text_size", 130}})["ok"] == true);
    f.frames(1);
    CHECK(vsys::ui::colour::text.x == 0.0f);  // black text
    CHECK(ImGui::GetStyle().FrameBorderSize == 2.0f);
    // Ctrl + wheel's steps: by k_text_size_step, never past the bounds.
    CHECK(f.shell.step_text_size(1) == 140);
    for (int i = 0; i < 20; ++i) f.shell.step_text_size(1);
    CHECK(f.app.settings().text_size == vsys::k_text_size_max);
    for (int i = 0; i < 30; ++i) f.shell.step_text_size(-1);
    CHECK(f.app.settings().text_size == vsys::k_text_size_min);
    // A reload: a new App over the same storage reads the device's settings back.
    vsys::App again(f.storage, "/data/vsys", {"0.1.0", "test", false}, [&f] { return f.clock; });
    again.open();
    CHECK(again.settings().high_contrast);
    CHECK(again.settings().text_size == vsys::k_text_size_min);
    // Back to the light theme.
    CHECK(f.run({{"type", "update_settings"}, {"theme", "light"}})["ok"] == true);
    f.frames(1);
    CHECK(vsys::ui::colour::text.x > 0.05f);
    CHECK(ImGui::GetStyle().FrameBorderSize == 1.0f);
}

TEST_CASE("a theme or text size out of range is refused with its own message, the settings unchanged") {
    UiFixture f;
    const json bad_theme = f.run({{"type", "update_settings"}, {"theme", "dark"}});
    CHECK(bad_theme["error"]["code"] == "settings.theme");
    const json too_big = f.run({{"type", "update_settings"}, {"text_size", 500}});
    CHECK(too_big["error"]["code"] == "settings.text_size");
    CHECK(too_big["error"]["message"].get<std::string>().find("200") != std::string::npos);
    CHECK_FALSE(f.app.settings().high_contrast);
    CHECK(f.app.settings().text_size == vsys::k_text_size_default);
}

TEST_CASE("the settings screen chooses high contrast and a larger text size with its buttons, saved with 保存") {
    UiFixture f;
    f.frames(3);
    open(f, "settings");
    REQUIRE(f.click("settings.theme.high_contrast"));
    REQUIRE(f.click("settings.text_size.larger"));
    REQUIRE(f.click("settings.text_size.larger"));
    CHECK(f.frame_text().find("120%") != std::string::npos);
    CHECK_FALSE(f.app.settings().high_contrast);  // not before 保存
    REQUIRE(f.click("settings.save"));
    CHECK(f.app.settings().high_contrast);
    CHECK(f.app.settings().text_size == 120);
    REQUIRE(f.click("settings.text_size.smaller"));
    REQUIRE(f.click("settings.save"));
    CHECK(f.app.settings().text_size == 110);
}

// Ctrl + wheel or the top bar's language switch save a setting while 設定 is open, or after it was
// opened: an untouched form follows them and says nothing of unsaved changes; a field the user
// changed keeps the input and the form stays unsaved (「未保存の変更があります」 and 変更を破棄).
TEST_CASE("settings saved elsewhere reach an untouched settings form, never unsaved; a changed field keeps its input") {
    UiFixture f;
    f.frames(3);
    open(f, "settings");
    auto unsaved = [&] {
        f.frames(1);
        return f.anchored("settings.discard") || f.frame_text().find("未保存") != std::string::npos;
    };
    CHECK_FALSE(unsaved());
    CHECK(f.shell.step_text_size(1) == 110);  // Ctrl + wheel over the settings screen
    f.frames(2);
    CHECK_FALSE(unsaved());
    CHECK(f.frame_text().find("110%") != std::string::npos);
    REQUIRE(f.click("topbar.language"));  // English, from the top bar
    CHECK_FALSE(unsaved());
    REQUIRE(f.click("topbar.language"));
    // Changed while another screen is shown; the form was opened before.
    open(f, "about");
    CHECK(f.run({{"type", "update_settings"}, {"theme", "high_contrast"}})["ok"] == true);
    CHECK(f.shell.step_text_size(1) == 120);
    open(f, "settings");
    CHECK_FALSE(unsaved());
    CHECK(f.frame_text().find("120%") != std::string::npos);

    // The user's own change is kept through a step of Ctrl + wheel, which still reaches the size.
    REQUIRE(f.retype("settings.device_name", "Reception 2"));
    CHECK(unsaved());
    CHECK(f.shell.step_text_size(1) == 130);
    f.frames(2);
    CHECK(unsaved());
    CHECK(f.frame_text().find("Reception 2") != std::string::npos);
    CHECK(f.frame_text().find("130%") != std::string::npos);
    REQUIRE(f.click("settings.save"));
    CHECK(f.app.settings().device_name == "Reception 2");
    CHECK(f.app.settings().text_size == 130);
    CHECK(f.app.settings().high_contrast);
    CHECK_FALSE(unsaved());
}

// 「Ctrl キーを押しながら…」 broke after "Ctrl" on a phone: ImGui wraps at a space, and the rest
// of a Japanese sentence is one long word. The hint is drawn by muted_text (ImGui's TextWrapped),
// so its lines are where ImFont::CalcWordWrapPositionA ends them, at every width.
TEST_CASE("the text size hint never wraps inside Ctrl + wheel, in Japanese or English") {
    UiFixture f(390, 844);
    f.frames(2);
    for (const char* language : {"ja", "en"}) {
        CAPTURE(language);
        REQUIRE(f.run({{"type", "update_settings"}, {"language", language}})["ok"] == true);
        const std::string help = f.shell.tr("settings.text_size.help");
        // The words that must stay on the line of "Ctrl" (the key, and in English the wheel).
        const std::string with = std::string(language) == "ja" ? "キー" : "wheel";
        REQUIRE(help.find(with) != std::string::npos);
        ImGui::NewFrame();
        const ImFont* font = ImGui::GetFont();
        const float join_w = ImGui::CalcTextSize(help.substr(0, help.find(with) + with.size()).c_str()).x;
        std::string broken;
        for (float width = std::ceil(join_w); width < 600; width += 1) {
            const char* s = help.c_str();
            const char* const end = s + help.size();
            while (s < end) {
                const char* e = font->CalcWordWrapPositionA(1.0f, s, end, width);
                if (e <= s) e = s + 1;
                const std::string line(s, e);
                if (line.find("Ctrl") != std::string::npos && line.find(with) == std::string::npos)
                    broken += std::to_string(static_cast<int>(width)) + " px: " + line + "\n";
                s = e;
                while (s < end && *s == ' ') ++s;
            }
        }
        ImGui::EndFrame();
        CHECK_MESSAGE(broken.empty(), broken);
    }
}

TEST_CASE("a form's value stands beside its label while both fit, and under it when they do not") {
    for (float width : {1366.0f, 390.0f, 260.0f}) {
        CAPTURE(width);
        UiFixture f(width, 844);
        f.frames(3);
        open(f, "settings");
        const auto& a = f.shell.anchors();
        REQUIRE(a.count("settings.device_name"));
        REQUIRE(a.count("settings.language.ja"));
        const auto field = a.at("settings.device_name"), language = a.at("settings.language.ja");
        CHECK(field.x + field.w <= width);  // the field never runs off the screen
        CHECK(language.y < field.y);
        if (width >= 390) CHECK(field.x >= 160);  // beside its label, past the label column
        else CHECK(field.x < 60);                  // a line of its own, under its label
    }
}


TEST_CASE("the sign-in screen's buttons stay on screen on a phone, and on one row on a clinic PC") {
    for (float width : {1366.0f, 390.0f}) {
        CAPTURE(width);
        UiFixture f(width, 844);
        f.frames(4);
        for (const char* a : {"login.submit", "unlock.open", "enrol.open"}) {
            CAPTURE(a);
            const auto it = f.shell.anchors().find(a);
            REQUIRE(it != f.shell.anchors().end());
            CHECK(it->second.x >= 0);
            CHECK(it->second.x + it->second.w <= width);
        }
        if (width > 1000) {  // the small buttons sit on the submit button's line
            const auto& submit = f.shell.anchors().at("login.submit");
            for (const char* a : {"unlock.open", "enrol.open"}) {
                CHECK(f.shell.anchors().at(a).y >= submit.y);
                CHECK(f.shell.anchors().at(a).y < submit.y + submit.h);
            }
        }
    }
}

TEST_CASE("同期's buttons stay on screen on a phone, and on one row on a clinic PC") {
    // 200 px: the test's font (ImGui's own, no Japanese) draws these labels narrower than the
    // app's does, so a phone's 390 px with the app's font is narrower still than this.
    for (float width : {1366.0f, 390.0f, 200.0f}) {
        CAPTURE(width);
        UiFixture f(width, 844);
        f.frames(3);
        REQUIRE(f.login("VM131016"));
        f.shell.go("sync");
        f.frames(4);
        for (const char* a : {"sync.now", "sync.export", "sync.import"}) {
            CAPTURE(a);
            const auto it = f.shell.anchors().find(a);
            REQUIRE(it != f.shell.anchors().end());
            CHECK(it->second.x >= 0);
            CHECK(it->second.x + it->second.w <= width);
        }
        if (width > 1000) CHECK(f.shell.anchors().at("sync.import").y == f.shell.anchors().at("sync.now").y);
    }
}

TEST_CASE("a toast lets a click through to the button under it") {
    // 「保存しました」 sat over the claim summary's CSV button at 1366x800, and the click went to
    // the toast: the download never started (claims e2e).
    UiFixture f(1366, 800);
    f.frames(3);
    REQUIRE(f.login("VM131016"));
    f.shell.go("sync");
    f.frames(3);
    f.shell.toast("保存しました");
    f.frames(3);
    ImGuiWindow* toast = ImGui::FindWindowByName("##toast0");
    REQUIRE(toast != nullptr);
    REQUIRE(toast->Active);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(toast->Pos.x + toast->Size.x / 2, toast->Pos.y + toast->Size.y / 2);
    f.frames(2);
    CHECK(GImGui->HoveredWindow != toast);
    CHECK(GImGui->HoveredWindow != nullptr);  // the screen beneath has the mouse
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    f.frames(1);
}

TEST_SUITE_END();
