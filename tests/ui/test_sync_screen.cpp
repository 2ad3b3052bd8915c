// The 同期 screen on a phone, in both languages: when the exchange refused this device's store key
// (sync.key_refused: the operator rotated the key and nothing newer reached this device) it says
// what happened, what that means for the work entered, and what to do, with the fields to type a
// key in, all on the screen; a conflict over a round's request is titled by the round's name, and
// each version's content and 「この版を残す」 are on the screen without scrolling sideways; with
// two conflicts on the screen each button keeps a version of its own conflict.
#include <doctest/doctest.h>

#include <string>

#include "phone_checks.hpp"
#include "sync/sync_app_fixture.hpp"

TEST_SUITE_BEGIN("ui");

using vsys::test::UiFixture;
using namespace vsys::test::phone;

TEST_CASE("a refused store key: the 同期 screen says what happened and what to do, whole on a phone, in both languages") {
    vsys::sync::MemoryTransport ex = vsys::test::exchange();  // a copy: the keys sealed here stay here
    int nth = 16;
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        const vsys::Site& s = vsys::test::tottori_site(f, nth++);
        f.app.sync().require_store_key(true);
        REQUIRE(f.login(vsys::test::account_of_site(s)));
        vsys::test::StoreKeys store{{"VSYSAKV1"}};
        vsys::test::seal_for(ex, vsys::test::site_key(s, 1), f.app.session().device_public);
        REQUIRE(vsys::test::sync_with(f.app, ex, store.fault(f.app))["error"].is_null());
        // The operator rotates; the old key is removed at the store, the new one not sealed here yet.
        store.valid = {"VSYSAKV2"};
        REQUIRE(f.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-66-0001"}})["ok"] == true);
        REQUIRE(vsys::test::sync_with(f.app, ex, store.fault(f.app))["error"]["code"] == "sync.key_refused");
        open(f, "sync");
        f.frames(2);
        CHECK_MESSAGE(f.shell.clipped().empty(), clipped_list(f));
        REQUIRE(f.anchored("sync.key_refused"));
        const std::string text = f.frame_text();
        CAPTURE(text);
        // What happened and what it means, what to do, and the fields to do it with.
        CHECK(text.find(f.app.error_text(f.app.sync().run().error)) != std::string::npos);
        CHECK(text.find(f.shell.tr("sync.write.paste")) != std::string::npos);
        // Never that it can send, nor 「同期しました」 while the work waits.
        CHECK(text.find(f.shell.tr("sync.enrolled.read_only")) != std::string::npos);
        CHECK(text.find(f.shell.tr("sync.enrolled") + "\n") == std::string::npos);
        CHECK(f.anchored("sync.done_receive_only"));
        const vsys::SyncStatusView st = f.app.sync().status();
        CHECK(text.find(vsys::fill_placeholders(f.shell.tr("sync.done"), {{"pushed", std::to_string(st.pushed)},
                                                                          {"accepted", std::to_string(st.accepted)},
                                                                          {"rejected", std::to_string(st.rejected_count)}})) ==
              std::string::npos);
        for (const char* a : {"sync.key_refused", "sync.key_id", "sync.secret", "sync.key_save"}) {
            CAPTURE(std::string(a));
            REQUIRE(click_in_view(f, a));
            const auto r = f.shell.anchors().at(a);
            CHECK(r.x >= 0);
            CHECK(r.x + r.w <= k_width);
        }
        CHECK_MESSAGE(f.shell.clipped().empty(), clipped_list(f));
        // The operator's new key typed in: the next sync sends what waited, and the row goes.
        store.valid = {"VSYSAKV2"};
        const vsys::sync::StoreCredential v2 = vsys::test::site_key(s, 2);
        REQUIRE(retype_in_view(f, "sync.key_id", v2.access_key));
        REQUIRE(retype_in_view(f, "sync.secret", v2.secret_key));
        REQUIRE(click_in_view(f, "sync.key_save"));
        const auto sent = vsys::test::sync_with(f.app, ex, store.fault(f.app));
        CHECK(sent["error"].is_null());
        CHECK(sent["outbox"] == 0);
        f.frames(2);
        CHECK_FALSE(f.anchored("sync.key_refused"));
    });
}

TEST_CASE("conflicts over a round's request and the site's information on a phone: titled by name, each version and its keep button on the screen and its own") {
    vsys::sync::MemoryTransport ex = vsys::test::exchange();  // a copy: these devices' bundles stay here
    int nth = 0;
    in_each_language([&](UiFixture& b, [[maybe_unused]] const char* l) {
        vsys::test::AppFixture a;
        // A Tottori hub (the sites that report requests), one per language (each account has three
        // enrolment codes), a device of its own on each side.
        const vsys::Site* hub = nullptr;
        int skip = nth++;
        for (const auto& site : a.app.directory().demo().sites)
            if (site.kind == vsys::SiteKind::site && site.municipality.rfind("31", 0) == 0 &&
                site.vaccines.has(vsys::VaccineCategory::pfizer_hub) && !hub && skip-- == 0)
                hub = &site;
        REQUIRE(hub);
        REQUIRE(a.login(vsys::test::account_of_site(*hub)));
        REQUIRE(b.login(vsys::test::account_of_site(*hub)));
        REQUIRE(vsys::test::sync_with(a, ex)["enrolled"] == true);
        REQUIRE(vsys::test::sync_with(b.app, ex)["enrolled"] == true);
        const std::string round = "PF12_R10";
        REQUIRE(a.run({{"type", "report_request"}, {"site", hub->code}, {"round", round}, {"boxes", 3}})["ok"] == true);
        REQUIRE(b.run({{"type", "report_request"}, {"site", hub->code}, {"round", round}, {"boxes", 5}})["ok"] == true);
        REQUIRE(a.run({{"type", "update_site_info"}, {"site", hub->code}, {"phone", "0857-66-0101"}})["ok"] == true);
        REQUIRE(b.run({{"type", "update_site_info"}, {"site", hub->code}, {"phone", "0857-66-0202"}})["ok"] == true);
        vsys::test::sync_with(a, ex);
        REQUIRE(vsys::test::sync_with(b.app, ex)["conflicts"].size() == 2);
        const std::vector<vsys::Conflict> before = b.app.sync().status().conflicts;
        const std::size_t req = before[0].title.find("ファイザー 第10クール") != std::string::npos ? 0 : 1;
        const std::string r = std::to_string(req);
        // One account, two devices: the version this device made says so beside its author.
        for (const auto& c : before) {
            int here = 0;
            for (const auto& h : c.heads) here += h.this_device ? 1 : 0;
            CHECK(here == 1);
        }
        CHECK(before[req].heads[before[req].heads[0].this_device ? 0 : 1].body["boxes"] == 5);
        open(b, "sync");
        REQUIRE(click_in_view(b, "sync.content." + r + ".1"));
        const std::string text = b.frame_text();
        CAPTURE(text);
        CHECK(text.find("ファイザー 第10クール") != std::string::npos);
        CHECK(text.find(round) == std::string::npos);        // neither in the title nor in a version's content
        CHECK(text.find("pfizer_12") == std::string::npos);  // the product by its name
        CHECK(text.find(vsys::fill_placeholders(b.shell.tr("sync.author.this_device"), {{"author", vsys::test::account_of_site(*hub)}})) !=
              std::string::npos);
        for (const char* n : {"0", "1"})
            for (const char* part : {"sync.content.", "sync.keep."})
                for (const char* i : {".0", ".1"}) {
                    const std::string name = part + std::string(n) + i;
                    CAPTURE(name);
                    REQUIRE(click_in_view(b, name));
                    const auto rect = b.shell.anchors().at(name);
                    CHECK(rect.x >= 0);
                    CHECK(rect.x + rect.w <= k_width - 8);  // clear of the screen's scroll bar: no sideways scrolling
                }
        CHECK_MESSAGE(b.shell.clipped().empty(), clipped_list(b));
        REQUIRE(click_in_view(b, "sync.keep." + r + ".1"));
        REQUIRE(b.click("sync.keep." + r + ".1"));
        check_modal(b, {"sync.keep.confirm", "sync.keep.cancel"});
        const std::string asked = b.frame_text();
        CHECK(asked.find("ファイザー 第10クール") != std::string::npos);  // the question names it as the list does
        REQUIRE(b.click("sync.keep.confirm"));
        // The request's conflict went, the site information's stayed.
        const std::vector<vsys::Conflict> after = b.app.sync().status().conflicts;
        REQUIRE(after.size() == 1);
        CHECK(after[0].key == before[1 - req].key);
    });
}

TEST_CASE("a sync the browser's memory could not finish: the 同期 screen says so and what to do, whole on a phone, in both languages") {
    vsys::sync::MemoryTransport ex = vsys::test::exchange();
    int nth = 24;
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        const vsys::Site& s = vsys::test::tottori_site(f, nth++);
        REQUIRE(f.login(vsys::test::account_of_site(s)));
        REQUIRE(vsys::test::sync_with(f.app, ex)["error"].is_null());
        REQUIRE(f.run({{"type", "update_site_info"}, {"site", s.code}, {"phone", "0857-66-0002"}})["ok"] == true);
        REQUIRE(f.run({{"type", "sync"}})["ok"] == true);
        REQUIRE_FALSE(f.app.sync().take_requests().empty());
        f.app.sync().abandon(vsys::Error{"sync.out_of_memory", "std::bad_alloc"});  // what main_web.cpp does
        open(f, "sync");
        f.frames(2);
        CHECK_MESSAGE(f.shell.clipped().empty(), clipped_list(f));
        const std::string text = f.frame_text();
        CAPTURE(text);
        const std::string message = f.app.error_text(f.app.sync().run().error);
        CHECK(message.find(std::string(l) == "ja" ? "メモリが足りず" : "ran out of memory") != std::string::npos);
        CHECK(text.find(message) != std::string::npos);
        CHECK(f.app.sync().status().running == false);
    });
}

TEST_SUITE_END();
