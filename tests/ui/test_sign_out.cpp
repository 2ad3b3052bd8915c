// Signing out with work not yet sent (src/ui/shell/sign_out.cpp) on a phone, over a real sync with
// 鳥取県's demo exchange in memory: nothing waiting asks nothing; changes waiting ask with their
// count and where they go, and 同期してからログアウト signs out once the sync succeeded; while it
// runs the question shows what it does, and ログアウトをやめる leaves it running with the user
// signed in and told so; a failed sync says why, the user stays signed in, and ログアウト is still
// offered; the training kiosk never asks.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "phone_checks.hpp"
#include "sync/sync_app_fixture.hpp"

TEST_SUITE_BEGIN("ui");

using nlohmann::json;
using vsys::test::UiFixture;
using namespace vsys::test::phone;

namespace {

// Plays the browser's part in a sync the screen started: the exchange answers each request
// (or, with `fail`, no request reaches it) while frames go on.
void pump_sync(UiFixture& f, vsys::sync::MemoryTransport& ex, bool fail = false) {
    for (int round = 0; round < 40 && f.app.sync().run().running; ++round) {
        std::vector<std::pair<vsys::sync::TransportRequest, vsys::Result<std::string>>> answers;
        for (auto& r : f.app.sync().take_requests()) {
            vsys::Result<std::string> a = std::string();
            if (fail)
                a = vsys::Error{"transport.offline", "no network", {}};
            else if (r.kind == vsys::sync::TransportRequest::Kind::get)
                a = ex.get(r.path);
            else if (r.kind == vsys::sync::TransportRequest::Kind::list) {
                auto names = ex.list(r.path);
                if (!names)
                    a = names.error();
                else {
                    std::string text;
                    for (const auto& n : *names) text += n + "\n";
                    a = text;
                }
            } else if (auto st = ex.put_new(r.path, r.body); !st)
                a = st.error();
            answers.emplace_back(std::move(r), std::move(a));
        }
        f.app.sync().deliver(answers);
        f.frames(1);
    }
    f.frames(2);
}

}  // namespace

TEST_CASE("signing out with nothing waiting to be sent asks nothing") {
    UiFixture f(k_width, k_height);
    f.frames(3);
    REQUIRE(f.login("VM131016"));
    f.frames(3);
    REQUIRE(f.app.sync().summary().unsent() == 0);
    REQUIRE(f.click("topbar.logout"));
    CHECK_FALSE(f.anchored("signout.sync"));
    CHECK_FALSE(f.app.session().signed_in());
    CHECK(f.shell.screen() == "home");
}

TEST_CASE(
    "signing out with changes not yet sent asks on a phone, naming how many and where they go; 同期してからログアウト "
    "syncs, then signs out") {
    vsys::sync::MemoryTransport& ex = vsys::test::exchange();
    int nth = 10;
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        const vsys::Site& s = vsys::test::tottori_site(f, nth++);
        REQUIRE(f.login(vsys::test::account_of_site(s)));
        REQUIRE(vsys::test::sync_with(f.app, ex)["enrolled"] == true);
        REQUIRE(f.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-22-0003"}})["ok"] == true);
        f.frames(2);
        const std::size_t waiting = f.app.sync().summary().unsent();
        REQUIRE(waiting > 0);
        REQUIRE(f.click("topbar.logout"));
        check_modal(f, {"signout.sync", "signout.logout", "signout.cancel"});
        const std::string text = f.frame_text();
        CAPTURE(text);
        const std::string org = f.app.directory().org_name(f.app.session().org);
        CHECK(text.find(vsys::fill_placeholders(f.shell.tr("signout.body"), {{"count", std::to_string(waiting)},
                                                                             {"org", org}})) != std::string::npos);
        // キャンセル: still signed in, nothing sent
        REQUIRE(f.click("signout.cancel"));
        CHECK(f.app.session().signed_in());
        CHECK_FALSE(f.anchored("signout.sync"));
        // 同期してからログアウト: the sync runs, then the user is signed out
        REQUIRE(f.click("topbar.logout"));
        REQUIRE(f.click("signout.sync"));
        CHECK(f.app.session().signed_in());
        pump_sync(f, ex);
        CHECK_FALSE(f.app.session().signed_in());
        CHECK(f.app.sync().summary().unsent() == 0);
        CHECK_FALSE(f.anchored("signout.sync"));
    });
}

TEST_CASE(
    "while 同期してからログアウト runs the question shows what the sync is doing; ログアウトをやめる leaves it running, "
    "says so, and the user stays signed in") {
    vsys::sync::MemoryTransport& ex = vsys::test::exchange();
    int nth = 14;
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        const vsys::Site& s = vsys::test::tottori_site(f, nth++);
        REQUIRE(f.login(vsys::test::account_of_site(s)));
        REQUIRE(vsys::test::sync_with(f.app, ex)["enrolled"] == true);
        REQUIRE(f.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-22-0005"}})["ok"] == true);
        f.frames(2);
        REQUIRE(f.click("topbar.logout"));
        // Before the sync: the harmless answer says what it does.
        CHECK(f.frame_text().find(f.shell.tr("signout.stay")) != std::string::npos);
        REQUIRE(f.click("signout.sync"));
        REQUIRE(f.app.sync().run().running);  // its requests wait for the exchange's answers
        check_modal(f, {"signout.cancel", "signout.progress", "signout.progress.phase"});
        const std::string text = f.frame_text();
        CAPTURE(text);
        const vsys::SyncStatusView st = f.app.sync().status();
        CHECK(text.find(f.shell.tr("sync.phase." + st.phase)) != std::string::npos);  // what it is doing, in words
        CHECK(text.find(f.shell.tr("signout.syncing")) != std::string::npos);
        CHECK(text.find(f.shell.tr("signout.stay")) != std::string::npos);
        CHECK(text.find(f.shell.tr("common.cancel")) == std::string::npos);
        // ログアウトをやめる: the sync goes on, the user stays signed in and is told so.
        REQUIRE(f.click("signout.cancel"));
        CHECK_FALSE(f.anchored("signout.cancel"));
        CHECK(f.app.session().signed_in());
        CHECK(f.app.sync().run().running);
        const auto toasts = f.shell.toast_texts();
        CHECK(std::find(toasts.begin(), toasts.end(), f.shell.tr("signout.stayed_syncing")) != toasts.end());
        CHECK_MESSAGE(f.shell.clipped().empty(), clipped_list(f));  // the toast wraps within a phone's screen
        // The sync ends: what waited is sent, and nobody is signed out behind the user's back.
        pump_sync(f, ex);
        CHECK(f.app.session().signed_in());
        CHECK(f.app.sync().summary().unsent() == 0);
        CHECK(f.app.sync().run().error.code.empty());
    });
}

TEST_CASE(
    "a sync that fails before signing out says so and the user stays signed in; ログアウト then leaves the work on the "
    "device") {
    vsys::sync::MemoryTransport& ex = vsys::test::exchange();
    int nth = 12;
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        const vsys::Site& s = vsys::test::tottori_site(f, nth++);
        REQUIRE(f.login(vsys::test::account_of_site(s)));
        REQUIRE(vsys::test::sync_with(f.app, ex)["enrolled"] == true);
        REQUIRE(f.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-22-0004"}})["ok"] == true);
        f.frames(2);
        const std::size_t waiting = f.app.sync().summary().unsent();
        REQUIRE(waiting > 0);
        REQUIRE(f.click("topbar.logout"));
        REQUIRE(f.click("signout.sync"));
        pump_sync(f, ex, true);
        CHECK(f.app.session().signed_in());
        check_modal(f, {"signout.sync", "signout.logout", "signout.cancel"});
        const std::string text = f.frame_text();
        CAPTURE(text);
        // Why, and that ログアウト is still offered and safe.
        const std::string failed = vsys::fill_placeholders(f.shell.tr("signout.sync_failed"),
                                                           {{"reason", f.app.error_text(f.app.sync().run().error)}});
        CHECK(text.find(failed) != std::string::npos);
        CHECK(text.find(f.shell.tr("session.logout")) != std::string::npos);
        REQUIRE(f.click("signout.logout"));
        CHECK_FALSE(f.app.session().signed_in());
        CHECK(f.app.sync().summary().unsent() == waiting);  // kept on this device for the next sign-in
        // The next sign-in of this organisation is asked again, since the work still waits.
        REQUIRE(f.login(vsys::test::account_of_site(s)));
        f.frames(2);
        REQUIRE(f.click("topbar.logout"));
        CHECK(f.anchored("signout.sync"));
    });
}

TEST_CASE("the question is centred when it opens, also after the screen changed size (a tablet turned)") {
    vsys::sync::MemoryTransport& ex = vsys::test::exchange();
    UiFixture f(k_width, k_height);
    f.frames(3);
    const vsys::Site& s = vsys::test::tottori_site(f, 18);
    REQUIRE(f.login(vsys::test::account_of_site(s)));
    REQUIRE(vsys::test::sync_with(f.app, ex)["enrolled"] == true);
    REQUIRE(f.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-22-0006"}})["ok"] == true);
    f.frames(2);
    const auto centre_of_text = [&] {
        const auto r = f.shell.anchors().at("signout.text");
        return r.x + r.w / 2;
    };
    REQUIRE(f.click("topbar.logout"));
    f.frames(2);
    CHECK(centre_of_text() == doctest::Approx(k_width / 2).epsilon(0.05));
    REQUIRE(f.click("signout.cancel"));
    ImGui::GetIO().DisplaySize = ImVec2(1366, 768);
    f.frames(3);
    REQUIRE(f.click("topbar.logout"));
    f.frames(2);
    CHECK(centre_of_text() == doctest::Approx(683).epsilon(0.05));
}

TEST_CASE("the training kiosk's 役割を切り替え never asks: nothing there is ever sent") {
    UiFixture f(k_width, k_height, true);
    f.frames(3);
    const vsys::Site& site = f.site_in("131016");
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", vsys::test::site_account(site)}})["ok"] == true);
    REQUIRE(f.run({{"type", "update_site_info"}, {"site", site.code}, {"phone", "03-3333-0001"}})["ok"] == true);
    f.frames(3);
    REQUIRE(f.click("topbar.logout"));
    CHECK_FALSE(f.anchored("signout.sync"));
    CHECK_FALSE(f.app.session().signed_in());
}

TEST_SUITE_END();
