// The top bar's sync state (issue 13, UX.md "Frame of every screen"), drawn by the Shell over a
// real sync with 鳥取県's demo exchange in memory: the last successful sync, what waits to be
// sent, and refused bundles and conflicts in the warning colour with a word (「拒否」「競合」 and
// the ※ mark), never by colour alone.
#include <doctest/doctest.h>

#include <set>

#include "sync/exchange.hpp"
#include "sync/replay.hpp"
#include "sync/sync_app_fixture.hpp"
#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using namespace vsys;
using namespace vsys::test;

// The colours of the glyphs drawn inside the top bar's sync text in the last frame.
std::set<ImU32> colours_of(const UiFixture& f, const char* anchor) {
    std::set<ImU32> out;
    const auto it = f.shell.anchors().find(anchor);
    if (it == f.shell.anchors().end()) return out;
    const auto& r = it->second;
    const ImDrawData* d = ImGui::GetDrawData();
    for (int l = 0; l < d->CmdListsCount; ++l)
        for (const ImDrawVert& v : d->CmdLists[l]->VtxBuffer)
            if (v.pos.x >= r.x && v.pos.x <= r.x + r.w && v.pos.y >= r.y && v.pos.y <= r.y + r.h) out.insert(v.col);
    return out;
}

const ImU32 k_warning = ImGui::ColorConvertFloat4ToU32(ImVec4(1.0f, 0.82f, 0.35f, 1));  // top_bar.cpp's on the accent
const ImU32 k_plain = ImGui::ColorConvertFloat4ToU32(ImVec4(1, 1, 1, 1));

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the top bar shows the last sync and what waits to be sent, plainly; a conflict in the warning colour with 競合 and ※") {
    sync::MemoryTransport ex = exchange();
    AppFixture a;
    UiFixture b;
    const Site& s = tottori_site(a, 2);
    REQUIRE(a.login(account_of_site(s)));
    REQUIRE(b.login(account_of_site(s)));
    b.frames(3);
    CHECK(has(b.shell.sync_shown().text, "未同期"));
    REQUIRE(sync_with(a, ex)["enrolled"] == true);
    REQUIRE(sync_with(b, ex)["enrolled"] == true);
    b.frames(2);
    CHECK(has(b.shell.sync_shown().text, "同期 "));  // 「同期 12:34」: the last successful sync
    CHECK_FALSE(b.shell.sync_shown().warning);
    CHECK(colours_of(b, "topbar.sync").count(k_plain));
    CHECK_FALSE(colours_of(b, "topbar.sync").count(k_warning));

    REQUIRE(a.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-22-0001"}})["ok"] == true);
    REQUIRE(b.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-22-0002"}})["ok"] == true);
    b.frames(2);
    CHECK(has(b.shell.sync_shown().text, "送信待ち 1"));
    CHECK_FALSE(b.shell.sync_shown().warning);

    sync_with(a, ex);
    REQUIRE(sync_with(b, ex)["conflicts"].size() == 1);
    b.frames(2);
    const auto& line = b.shell.sync_shown();
    CHECK(line.warning);
    CHECK(has(line.text, "競合 1"));
    CHECK(line.text.rfind("※", 0) == 0);
    CHECK(has(line.detail, "「同期」画面"));
    CHECK(colours_of(b, "topbar.sync").count(k_warning));
}

TEST_CASE("a bundle the device refused shows in the top bar in the warning colour with 拒否 and ※") {
    sync::MemoryTransport ex = exchange();
    AppFixture kiosk(true);
    UiFixture muni;
    const Site& s = tottori_site(kiosk, 5);
    REQUIRE(kiosk.run({{"type", "kiosk_switch"}, {"vsys_id", account_of_site(s)}})["ok"] == true);
    REQUIRE(kiosk.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-55-5555"}})["ok"] == true);
    // A bundle signed in the training kiosk, put on the exchange by hand (as test_sync_app.cpp).
    const auto* chain_doc = kiosk.app.current("device", "chain", account_of_site(s));
    REQUIRE(chain_doc);
    sync::FeedWriter writer{site_org_id(s), kiosk.app.session().device_key, {}, 0, ""};
    for (const auto& c : chain_doc->body["chain"]) writer.chain.push_back(*sync::certificate_from_json(c));
    const auto* edit = kiosk.app.current(site_org_id(s), "site_info", "main");
    REQUIRE(edit);
    sync::SyncState state;
    sync::TrustState trust;
    REQUIRE(sync::queue_bundle(writer, state, trust, {*edit}, {}, kiosk.clock));
    DocumentStore scratch;
    REQUIRE(sync::sync_once(ex, kiosk.app.directory(), site_org_id(s), state, trust, scratch, kiosk.clock).pushed == 1);

    REQUIRE(muni.login(muni_account(s)));
    muni.frames(3);
    REQUIRE(sync_with(muni, ex)["rejected"].size() == 1);
    muni.frames(2);
    const auto& line = muni.shell.sync_shown();
    CHECK(line.warning);
    CHECK(has(line.text, "拒否 1"));
    CHECK(line.text.rfind("※", 0) == 0);
    CHECK(colours_of(muni, "topbar.sync").count(k_warning));
}

// On a phone the organisation, the role, the user and the sync state were cut to 「医療…」 and
// 「● 未同…」 with nothing to read them by. The test's font (ImGui's own, no Japanese glyphs)
// draws Japanese at less than half the app's width: 200 px here is narrower than a 390 px phone
// with the app's font (tests/e2e/phone_sweep.test.mjs checks that one in Chromium).
TEST_CASE("on a phone in Japanese the top bar shows the organisation, role, user and sync state whole; a cut one is noted") {
    UiFixture f(200, 844);
    f.frames(3);
    const Site& s = f.site_in("131016");
    REQUIRE(f.login(site_account(s)));
    f.frames(3);
    const std::string org = f.app.directory().org_name(f.app.session().org) + " " + s.code;
    const std::string text = f.frame_text();
    CAPTURE(text);
    for (const std::string& whole : {org, std::string("医療機関"), "（" + site_account(s) + "）", f.shell.sync_shown().text})
        CHECK(has(text, whole));
    CHECK_FALSE(has(text, "…"));
    for (const auto& c : f.shell.clipped()) CHECK(c.where.rfind("topbar", 0) != 0);
    for (const char* a : {"topbar.who", "topbar.sync", "topbar.language", "topbar.logout"}) {
        CAPTURE(a);
        REQUIRE(f.anchored(a));
        const auto r = f.shell.anchors().at(a);
        CHECK(r.x >= 0);
        CHECK(r.x + r.w <= 200);
    }
    // Narrower than the organisation's name: cut with "…", noted under topbar.who whole.
    ImGui::GetIO().DisplaySize = ImVec2(110, 844);
    f.frames(3);
    bool noted = false;
    for (const auto& c : f.shell.clipped()) noted = noted || (c.where == "topbar.who" && c.text == org);
    CHECK(noted);
}

// At 1366 px the federation's long name with its English role was cut beside the title.
TEST_CASE("on a wide screen the organisation line that does not fit beside the title goes under it whole") {
    UiFixture f(1100, 768);
    f.frames(3);
    REQUIRE(f.run({{"type", "update_settings"}, {"language", "en"}, {"device_name", std::string(40, 'D')}})["ok"] == true);
    REQUIRE(f.login("VF130001"));
    f.frames(3);
    for (const auto& c : f.shell.clipped()) CHECK_MESSAGE(c.where.rfind("topbar", 0) != 0, c.text);
    CHECK(has(f.frame_text(), std::string(40, 'D')));
    CHECK(f.shell.anchors().at("topbar.who").y > f.shell.anchors().at("topbar.title").y);
}


// In the training kiosk on a phone the title, the 研修モード badge and both buttons did not fit
// (「役割を切り替え」 32 px past the edge at 390 px in Chromium): the badge and the buttons stay
// on screen, the title gives way (240 px of the test font fails without that: 26 px past the edge).
TEST_CASE("on a phone in the kiosk the badge and both buttons of the top bar stay on screen") {
    for (float w : {240.0f, 290.0f}) {
        CAPTURE(w);
        UiFixture f(w, 844, true);
        f.frames(3);
        REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
        f.frames(3);
        for (const auto& c : f.shell.clipped()) {
            const std::string what = c.where + ": " + c.text;
            CHECK_MESSAGE(c.where.find("##top") == std::string::npos, what);
        }
        for (const char* a : {"topbar.kiosk", "topbar.language", "topbar.logout"}) {
            CAPTURE(a);
            REQUIRE(f.anchored(a));
            const auto r = f.shell.anchors().at(a);
            CHECK(r.x >= 0);
            CHECK(r.x + r.w <= w);
        }
    }
}

TEST_SUITE_END();
