// Issue 13 on a phone: every confirmation a role can reach, opened at 290 px (the test's font
// draws English about 0.75 times as wide as the app's, so this is a 390 px phone), in English and
// Japanese. A modal is sized to its content and ImGui keeps it to the screen, so what ran past
// was its content: its question, a reason field, its buttons. The clip record notes a popup past
// the screen and content past a popup's own edge (clip_record.hpp); its buttons must be on the
// screen, where a thumb reaches them. (Signing out asks nothing: what waits to be sent stays on
// the device for the next sign-in.)
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using nlohmann::json;
using vsys::test::UiFixture;

constexpr float k_width = 290, k_height = 844;

std::string clipped_list(const UiFixture& f) {
    std::string out;
    for (const auto& c : f.shell.clipped()) out += c.where + ": " + c.text + "\n";
    return out;
}

// The modal is open (its buttons anchored), nothing ran past an edge, and every button is whole on
// the screen.
void check_modal(UiFixture& f, const std::vector<std::string>& buttons) {
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
bool click_in_view(UiFixture& f, const std::string& name) {
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

void open(UiFixture& f, const std::string& screen, const std::string& param = "") {
    f.shell.go(screen, param);
    f.frames(3);
    REQUIRE(f.shell.screen() == screen);
}

const char* const k_languages[] = {"en", "ja"};

void language(UiFixture& f, const char* l) { REQUIRE(f.run({{"type", "update_settings"}, {"language", l}})["ok"] == true); }

}  // namespace

TEST_CASE("設定's 変更を破棄 and leaving a screen with unsaved edits ask on a phone, their buttons on the screen") {
    for (const char* l : k_languages) {
        CAPTURE(std::string(l));
        UiFixture f(k_width, k_height);
        f.frames(3);
        language(f, l);
        REQUIRE(f.login("VM131016"));
        open(f, "settings");
        REQUIRE(f.retype("settings.device_name", "Reception desk 2"));
        REQUIRE(click_in_view(f, "settings.discard"));
        check_modal(f, {"settings.discard.confirm.no", "settings.discard.confirm.yes"});
        REQUIRE(f.click("settings.discard.confirm.no"));
        f.shell.go("home");  // unsaved: asks before leaving
        f.frames(3);
        check_modal(f, {"leave.discard", "leave.cancel"});
        REQUIRE(f.click("leave.discard"));
        CHECK(f.shell.screen() == "home");
    }
}

TEST_CASE("a site's claim: submitting and 変更を破棄 ask on a phone, their buttons on the screen") {
    for (const char* l : k_languages) {
        CAPTURE(std::string(l));
        UiFixture f(k_width, k_height);
        f.frames(3);
        language(f, l);
        const vsys::Site& site = f.site_in("131016");
        REQUIRE(f.login(vsys::test::site_account(site)));
        REQUIRE(f.run({{"type", "save_claim"}, {"site", site.code}, {"month", "2022-01"},
                       {"lines", json::array({{{"municipality", "131016"}, {"form", "new"}, {"category", 2}, {"normal", 9876},
                                               {"outside_hours", 12}, {"holiday", 3}, {"pre_exam_only", 0}}})}})["ok"] == true);
        open(f, "claims");
        REQUIRE(click_in_view(f, "claims.submit"));
        check_modal(f, {"claims.confirm.submit", "claims.confirm.cancel"});
        REQUIRE(f.click("claims.confirm.cancel"));
        REQUIRE(f.retype("claims.line0.municipality", "131024"));
        REQUIRE(click_in_view(f, "claims.discard"));
        check_modal(f, {"claims.discard.confirm.no", "claims.discard.confirm.yes"});
        REQUIRE(f.click("claims.discard.confirm.yes"));
    }
}

TEST_CASE("closing a round's allocation and locking and unlocking a prefecture ask on a phone, their buttons on the screen") {
    for (const char* l : k_languages) {
        CAPTURE(std::string(l));
        UiFixture f(k_width, k_height);
        f.frames(3);
        language(f, l);
        vsys::test::round_through_two(f);
        REQUIRE(f.login("VN000000"));
        open(f, "allocation");
        REQUIRE(click_in_view(f, "alloc.close"));
        check_modal(f, {"alloc.confirm", "alloc.cancel"});
        REQUIRE(f.click("alloc.cancel"));
        // Tokyo's row found as a user would, with the table's filter.
        REQUIRE(f.retype("alloc.children.filter", f.app.directory().org_name("pref:130001")));
        REQUIRE(click_in_view(f, "alloc.lock.pref:130001"));
        check_modal(f, {"alloc.confirm", "alloc.cancel"});
        REQUIRE(f.click("alloc.confirm"));
        REQUIRE(click_in_view(f, "alloc.unlock.pref:130001"));  // asks for a reason
        check_modal(f, {"alloc.reason", "alloc.confirm", "alloc.cancel"});
        REQUIRE(f.click("alloc.cancel"));
    }
}

TEST_CASE("a municipality's approval, rejection and enrolment code ask on a phone, their buttons on the screen") {
    for (const char* l : k_languages) {
        CAPTURE(std::string(l));
        UiFixture f(k_width, k_height);
        f.frames(3);
        language(f, l);
        const vsys::Site& site = f.site_in("131016");
        REQUIRE(f.login(vsys::test::site_account(site)));
        REQUIRE(f.run({{"type", "request_vaccine_change"}, {"site", site.code}, {"vaccines", {"pfizer_hub"}}})["ok"] == true);
        f.logout();
        REQUIRE(f.login("VM131016"));
        open(f, "approvals");
        REQUIRE(click_in_view(f, "approvals.approve.0"));
        check_modal(f, {"approvals.confirm", "approvals.cancel"});
        REQUIRE(f.click("approvals.cancel"));
        REQUIRE(click_in_view(f, "approvals.reject.0"));  // asks for a reason
        check_modal(f, {"approvals.reason", "approvals.confirm", "approvals.cancel"});
        REQUIRE(f.click("approvals.cancel"));
        open(f, "enrolment");
        REQUIRE(f.click("enrolment.vsys_id"));
        f.type(vsys::test::site_account(site));
        REQUIRE(click_in_view(f, "enrolment.issue"));
        check_modal(f, {"enrolment.confirm", "enrolment.cancel"});
        REQUIRE(f.click("enrolment.cancel"));
    }
}

TEST_CASE("the training kiosk's reset asks on a phone, its buttons on the screen") {
    for (const char* l : k_languages) {
        CAPTURE(std::string(l));
        UiFixture f(k_width, k_height, true);
        f.frames(3);
        language(f, l);
        const vsys::Site& site = f.site_in("131016");
        REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", vsys::test::site_account(site)}})["ok"] == true);
        REQUIRE(f.run({{"type", "update_site_info"}, {"site", site.code}, {"phone", "03-3333-0001"}})["ok"] == true);
        f.logout();
        f.frames(3);
        REQUIRE(click_in_view(f, "kiosk.reset"));
        check_modal(f, {"kiosk.reset.confirm", "kiosk.reset.cancel"});
        REQUIRE(f.click("kiosk.reset.cancel"));
    }
}

TEST_SUITE_END();
