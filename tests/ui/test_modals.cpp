// Issue 13 on a phone: every confirmation a role can reach, opened at 290 px (a 390 px phone, see
// phone_checks.hpp), in English and Japanese. A modal is sized to its content and ImGui keeps it to
// the screen, so what ran past was its content: its question, a reason field, its buttons. The
// clip record notes a popup past the screen and content past a popup's own edge
// (clip_record.hpp); its buttons must be on the screen, where a thumb reaches them. Every one of
// them is the one confirmation widget (ui/widgets/dialogs.hpp). Signing out is test_sign_out.cpp's.
//
// Index:
// [SECTION] settings, claims, allocation, approvals, enrolment, kiosk
// [SECTION] a site's doctor, the sync screen's conflict, 利用制限の解除
// [SECTION] the stock screens
// [SECTION] the report export dialog
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/stock/stock_app.hpp"
#include "phone_checks.hpp"
#include "sync/sync_app_fixture.hpp"

TEST_SUITE_BEGIN("ui");

using nlohmann::json;
using vsys::test::UiFixture;
using namespace vsys::test::phone;

// [SECTION] settings, claims, allocation, approvals, enrolment, kiosk
TEST_CASE("設定's 変更を破棄 and leaving a screen with unsaved edits ask on a phone, their buttons on the screen") {
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
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
    });
}

TEST_CASE("a site's claim: submitting and 変更を破棄 ask on a phone, their buttons on the screen") {
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
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
    });
}

TEST_CASE("closing a round's allocation and locking and unlocking a prefecture ask on a phone, their buttons on the screen") {
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
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
    });
}

TEST_CASE("a municipality's approval, rejection and enrolment code ask on a phone, their buttons on the screen") {
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
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
    });
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

// [SECTION] a site's doctor, the sync screen's conflict, 利用制限の解除
TEST_CASE("removing a site's doctor asks on a phone, its buttons on the screen; Esc keeps the doctor") {
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        const vsys::Site& site = f.site_in("131016");
        REQUIRE(f.login(vsys::test::site_account(site)));
        REQUIRE(f.run({{"type", "set_doctors"},
                       {"site", site.code},
                       {"doctors", json::array({{{"name", "山田 太郎"}, {"vaccines", {"pfizer_12"}}}})}})["ok"] ==
                true);
        open(f, "site_info");
        REQUIRE(click_in_view(f, "doctor.remove.0"));
        check_modal(f, {"doctor.remove.confirm", "doctor.remove.cancel"});
        f.press(UiFixture::Key::escape);
        CHECK_FALSE(f.anchored("doctor.remove.confirm"));
        CHECK(f.view("site", {{"site", site.code}})["view"]["doctors"].size() == 1);
        REQUIRE(click_in_view(f, "doctor.remove.0"));  // asks again after Esc
        check_modal(f, {"doctor.remove.confirm", "doctor.remove.cancel"});
        REQUIRE(f.click("doctor.remove.confirm"));
        CHECK(f.view("site", {{"site", site.code}})["view"]["doctors"].empty());
    });
}

TEST_CASE("keeping one version of a conflict asks on a phone, its buttons on the screen") {
    vsys::sync::MemoryTransport& ex = vsys::test::exchange();
    vsys::test::AppFixture a;
    UiFixture b(k_width, k_height);
    b.frames(3);
    const vsys::Site& s = vsys::test::tottori_site(a, 8);
    REQUIRE(a.login(vsys::test::account_of_site(s)));
    REQUIRE(b.login(vsys::test::account_of_site(s)));
    REQUIRE(vsys::test::sync_with(a, ex)["enrolled"] == true);
    REQUIRE(vsys::test::sync_with(b.app, ex)["enrolled"] == true);
    REQUIRE(a.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-22-0001"}})["ok"] == true);
    REQUIRE(b.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-22-0002"}})["ok"] == true);
    vsys::test::sync_with(a, ex);
    REQUIRE(vsys::test::sync_with(b.app, ex)["conflicts"].size() == 1);
    for (const char* l : k_languages) {
        CAPTURE(std::string(l));
        language(b, l);
        open(b, "sync");
        REQUIRE(click_in_view(b, "sync.keep.0.0"));
        check_modal(b, {"sync.keep.confirm", "sync.keep.cancel"});
        REQUIRE(b.click("sync.keep.cancel"));
        CHECK_FALSE(b.anchored("sync.keep.confirm"));
        b.shell.go("home");
        b.frames(3);
    }
}

TEST_CASE("利用制限の解除 asks on a phone, its buttons on the screen") {
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        for (int i = 0; i < 5; ++i) f.run({{"type", "login"}, {"vsys_id", "VM131016"}, {"password", "wrong"}});
        REQUIRE(f.run({{"type", "file_unlock_request"},
                       {"vsys_id", "VM131016"},
                       {"institution", "千代田区"},
                       {"institution_code", "131016"},
                       {"name", "山田 花子"},
                       {"mail", "yamada@example.jp"}})["ok"] == true);
        f.clock += 60;
        REQUIRE(f.login("VP130001"));
        open(f, "unlock_inbox");
        REQUIRE(click_in_view(f, "unlock.do.VM131016"));
        check_modal(f, {"unlock.confirm", "unlock.cancel"});
        REQUIRE(f.click("unlock.cancel"));
        CHECK(f.view("unlock_requests")["view"]["requests"][0]["answered"] == false);
    });
}

// [SECTION] the stock screens
namespace {

// A Tokyo hub of the kiosk's history whose latest delivery waits to be confirmed.
const vsys::Site& hub_with_delivery(UiFixture& f) {
    for (const auto& s : f.app.directory().demo().sites) {
        if (s.municipality.rfind("13", 0) != 0 || !s.vaccines.has(vsys::VaccineCategory::pfizer_hub)) continue;
        auto v = vsys::stock_site_view(f.app, s.code);
        if (v && !v->deliveries.empty()) return s;
    }
    FAIL("no Tokyo hub with a delivery to confirm");
    return f.app.directory().demo().sites.front();
}

}  // namespace

TEST_CASE("a municipality's stock request asks on a phone, its buttons on the screen") {
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        REQUIRE(f.login("VM131016"));
        open(f, "stock_requests");
        REQUIRE(click_in_view(f, "stock.requests.issue"));
        check_modal(f, {"stock.requests.confirm.ok", "stock.requests.confirm.cancel"});
        REQUIRE(f.click("stock.requests.confirm.cancel"));
        CHECK_FALSE(f.anchored("stock.requests.confirm.ok"));
    });
}

TEST_CASE(
    "a hub's receipt, count, wastage and transfer, and the receiver's answer, ask on a phone, their buttons on the "
    "screen") {
    for (const char* l : k_languages) {
        CAPTURE(std::string(l));
        UiFixture f(k_width, k_height, true);
        f.frames(3);
        language(f, l);
        const vsys::Site& hub = hub_with_delivery(f);
        const auto delivering = vsys::stock_site_view(f.app, hub.code);
        REQUIRE(delivering);
        const vsys::VaccineProduct product = delivering->deliveries.front().product;
        REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VS" + hub.code}})["ok"] == true);

        // 受入: a delivery confirmed with its lot
        open(f, "stock_receive");
        REQUIRE(click_in_view(f, "stock.receive.open.0"));
        REQUIRE(retype_in_view(f, "stock.receive.lot.0", "FU1234"));
        REQUIRE(retype_in_view(f, "stock.receive.expiry.0", "2022-09-30"));
        REQUIRE(click_in_view(f, "stock.receive.save"));
        check_modal(f, {"stock.receive.confirm.ok", "stock.receive.confirm.cancel"});
        REQUIRE(f.click("stock.receive.confirm.ok"));
        const auto received = vsys::stock_site_view(f.app, hub.code);
        REQUIRE(received);
        bool held = false;
        for (const auto& lot : received->lots) held |= lot.lot->lot == "FU1234";
        REQUIRE(held);

        // 在庫量の報告: a count as calculated
        open(f, "stock");
        REQUIRE(click_in_view(f, "stock.count.start"));
        REQUIRE(click_in_view(f, "stock.count.save"));
        check_modal(f, {"stock.count.confirm.ok", "stock.count.confirm.cancel"});
        REQUIRE(f.click("stock.count.confirm.cancel"));
        REQUIRE(click_in_view(f, "stock.count.cancel"));
        f.shell.go("home");
        f.frames(3);
        if (f.anchored("leave.discard")) REQUIRE(f.click("leave.discard"));

        // 廃棄: one vial broken
        open(f, "stock_wastage");
        REQUIRE(choose(f, "stock.wastage.product", vsys::vaccine_product_id(product)));
        REQUIRE(choose(f, "stock.wastage.lot", "FU1234"));
        REQUIRE(retype_in_view(f, "stock.wastage.vials", "1"));
        REQUIRE(choose(f, "stock.wastage.reason", "broken"));
        REQUIRE(click_in_view(f, "stock.wastage.save"));
        check_modal(f, {"stock.wastage.confirm.ok", "stock.wastage.confirm.cancel"});
        REQUIRE(f.click("stock.wastage.confirm.cancel"));
        f.shell.go("home");
        f.frames(3);
        if (f.anchored("leave.discard")) REQUIRE(f.click("leave.discard"));

        // 移送の登録: two vials to a receiver the rules allow
        const vsys::TransferTarget* to = nullptr;
        const auto targets = vsys::transfer_targets(f.app, hub.code, product);
        for (const auto& t : targets)
            if (t.allowed && t.code != hub.code) {
                to = &t;
                break;
            }
        REQUIRE(to);
        open(f, "stock_transfer");
        REQUIRE(choose(f, "stock.transfer.product", vsys::vaccine_product_id(product)));
        REQUIRE(choose(f, "stock.transfer.lot", "FU1234"));
        REQUIRE(choose(f, "stock.transfer.to", to->code));
        REQUIRE(retype_in_view(f, "stock.transfer.vials", "2"));
        if (f.anchored("stock.transfer.condition")) REQUIRE(choose(f, "stock.transfer.condition"));
        REQUIRE(click_in_view(f, "stock.transfer.save"));
        check_modal(f, {"stock.transfer.confirm.ok", "stock.transfer.confirm.cancel"});
        REQUIRE(f.click("stock.transfer.confirm.ok"));
        const auto sent = vsys::stock_site_view(f.app, hub.code);
        REQUIRE(sent);
        CHECK(sent->outgoing.size() >= 1);

        // The receiver's 受入: taking it in, and refusing it with a reason
        REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VS" + to->code}})["ok"] == true);
        open(f, "stock_receive");
        REQUIRE(click_in_view(f, "stock.incoming.accept.0"));
        check_modal(f, {"stock.answer.ok", "stock.answer.cancel"});
        REQUIRE(f.click("stock.answer.cancel"));
        REQUIRE(click_in_view(f, "stock.incoming.refuse.0"));
        check_modal(f, {"stock.answer.ok", "stock.answer.cancel"});
        REQUIRE(choose(f, "stock.answer.reason"));
        check_modal(f, {"stock.answer.ok", "stock.answer.cancel"});
        REQUIRE(f.click("stock.answer.cancel"));
    }
}

// [SECTION] the report export dialog
TEST_CASE("the report export dialog fits a phone in English and Japanese, its buttons on the screen") {
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        REQUIRE(f.login("VM131016"));
        open(f, "reports", "R313");
        REQUIRE(click_in_view(f, "reports.export"));
        for (const char* format : {"csv", "csv-cp932", "xlsx"}) {
            CAPTURE(std::string(format));
            REQUIRE(f.click(std::string("reports.export.format.") + format));
            check_modal(f,
                        {"reports.export.run", "reports.export.close", std::string("reports.export.format.") + format});
        }
        REQUIRE(f.click("reports.export.close"));
        CHECK_FALSE(f.anchored("reports.export.run"));
    });
}

TEST_SUITE_END();
