// What the phone tests of tests/ui share (test_modals.cpp, test_sign_out.cpp,
// test_search_hints.cpp): 290 px stands for a 390 px phone (the test's font draws English about
// 0.75 times as wide as the app's), in English and Japanese; a modal checked whole on the screen;
// widgets reached as a thumb does, the screen scrolled until they are in view.
#pragma once

#include <doctest/doctest.h>

#include <cfloat>
#include <string>
#include <vector>

#include "ui_fixture.hpp"

namespace vsys::test::phone {

inline constexpr float k_width = 290, k_height = 844;
inline const char* const k_languages[] = {"en", "ja"};

inline std::string clipped_list(const UiFixture& f) {
    std::string out;
    for (const auto& c : f.shell.clipped()) out += c.where + ": " + c.text + "\n";
    return out;
}

// The modal is open (its buttons anchored), nothing ran past an edge, and every button is whole on
// the screen.
inline void check_modal(UiFixture& f, const std::vector<std::string>& buttons) {
    CAPTURE(buttons.front());
    f.frames(2);
    CHECK_MESSAGE(f.shell.clipped().empty(), clipped_list(f));
    for (const std::string& b : buttons) {
        CAPTURE(b);
        if (!f.anchored(b)) {
            std::string names;
            for (const auto& [name, r] : f.shell.anchors()) names += name + " ";
            MESSAGE(names);
        }
        REQUIRE(f.anchored(b));
        const auto r = f.shell.anchors().at(b);
        CHECK(r.x >= 0);
        CHECK(r.x + r.w <= k_width);
        CHECK(r.y >= 0);
        CHECK(r.y + r.h <= k_height);
    }
}

// Clicks a widget as a user of a phone does: the screen is scrolled with the wheel (over its left
// edge, not over a table) until the widget is drawn and on the screen, and a table that scrolls
// sideways with the wheel sideways over the widget's row.
inline bool click_in_view(UiFixture& f, const std::string& name) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < 240; ++i) {
        const auto it = f.shell.anchors().find(name);
        const bool drawn = it != f.shell.anchors().end();
        const bool down = drawn && it->second.y >= 150 && it->second.y + it->second.h <= k_height - 8;
        if (down && it->second.x + it->second.w <= k_width - 20) break;  // clear of the screen's scroll bar
        if (down) {  // in a table that scrolls sideways: the wheel sideways over its row
            io.MousePos = ImVec2(k_width / 2, it->second.y + it->second.h / 2);
            io.MouseWheelH = -1;
        } else {
            io.MousePos = ImVec2(4, k_height / 2);
            io.MouseWheel = drawn && it->second.y < 150 ? 1.0f : -1.0f;
        }
        f.frames(1);
    }
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    f.frames(1);
    return f.click(name);
}

inline void open(UiFixture& f, const std::string& screen, const std::string& param = "") {
    f.shell.go(screen, param);
    f.frames(3);
    REQUIRE(f.shell.screen() == screen);
}

inline void language(UiFixture& f, const char* l) {
    REQUIRE(f.run({{"type", "update_settings"}, {"language", l}})["ok"] == true);
}

// `check(f, l)` on a fresh fixture the size of a phone, in each language `l` (set in the settings):
// every phone test starts so.
template <class Check>
void in_each_language(Check check) {
    for (const char* l : k_languages) {
        CAPTURE(std::string(l));
        UiFixture f(k_width, k_height);
        f.frames(3);
        language(f, l);
        check(f, l);
    }
}

// Clicks the first anchored widget whose name starts with `prefix` (the first choice of an open combo).
inline bool click_first(UiFixture& f, const std::string& prefix) {
    for (const auto& [name, r] : f.shell.anchors())
        if (name.rfind(prefix, 0) == 0 && name.size() > prefix.size()) return f.click(name);
    return false;
}

// Chooses `choice` (or the first choice) of the combo `combo`, as a user does: opens it, clicks.
inline bool choose(UiFixture& f, const std::string& combo, const std::string& choice = "") {
    if (!click_in_view(f, combo)) return false;
    return choice.empty() ? click_first(f, combo + ".") : f.click(combo + "." + choice);
}

// Replaces the text of a field scrolled into view first, as click_in_view.
inline bool retype_in_view(UiFixture& f, const std::string& anchor, const std::string& text) {
    if (!click_in_view(f, anchor)) return false;
    f.press(UiFixture::Key::a, true);
    f.press(UiFixture::Key::backspace);
    f.type(text);
    return true;
}

}  // namespace vsys::test::phone
