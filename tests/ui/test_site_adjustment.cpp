// ④'s adjustment table (ui/allocation/site_adjustment.cpp), driven as a municipality's official
// would: its box cells keep the one number rule every field keeps (issue 13): full-width digits
// typed with an IME are the count, letters are refused below the table naming the column and
// the site, and nothing is registered while a cell is refused.
#include <doctest/doctest.h>

#include "../unit/allocation/chain_app_fixture.hpp"
#include "ui/widgets/fields.hpp"
#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using nlohmann::json;
using vsys::test::UiFixture;
using vsys::test::message_of;

enum TestKey { k_backspace = 1, k_a };

void retype(UiFixture& f, const std::string& text) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Backspace] = k_backspace;
    io.KeyMap[ImGuiKey_A] = k_a;
    for (int key : {k_a, k_backspace}) {
        io.KeyCtrl = key == k_a;
        io.KeysDown[key] = true;
        f.frames(1);
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        f.frames(2);
    }
    f.type(text);
}

// ① to ③ of the chain's round for Chiyoda, as the chain's own tests run them.
void chain_to_municipality(UiFixture& f) {
    const auto hubs = vsys::test::chiyoda_hubs(f);
    REQUIRE(hubs.size() >= 2);
    using vsys::test::code_of;
    using vsys::test::k_round;
    const std::pair<const vsys::Site*, int> requests[] = {{hubs[0], 5}, {hubs[1], 3}};
    for (auto [site, boxes] : requests) {
        REQUIRE(f.login(vsys::test::site_account(*site)));
        REQUIRE(code_of(f.run({{"type", "report_request"}, {"site", site->code}, {"round", k_round}, {"boxes", boxes}})) == "");
        f.logout();
    }
    REQUIRE(f.login("VN000000"));
    REQUIRE(code_of(f.run({{"type", "set_round_state"}, {"round", k_round}, {"state", "allocating"}})) == "");
    REQUIRE(code_of(f.run({{"type", "set_prefecture_amounts"}, {"round", k_round},
                           {"simulation", {{"mode", "eligible_population"}, {"total", 100000}}}})) == "");
    f.logout();
    REQUIRE(f.login("VP130001"));
    REQUIRE(code_of(f.run({{"type", "register_municipality_amounts"}, {"round", k_round},
                           {"simulation", {{"mode", "eligible_population"}}}})) == "");
    f.logout();
    REQUIRE(f.login("VN000000"));
    REQUIRE(code_of(f.run({{"type", "lock_prefecture"}, {"round", k_round}, {"prefecture", "pref:130001"}})) == "");
    f.logout();
}

}  // namespace

TEST_CASE("④'s box cells take full-width digits, refuse letters below the table by column and site, and register nothing then") {
    UiFixture f(1366, 2000);  // tall enough that the section's buttons are on screen without scrolling
    f.frames(3);
    chain_to_municipality(f);
    REQUIRE(f.login("VM131016"));
    f.frames(2);
    f.shell.go("simulation");
    f.frames(3);
    REQUIRE(f.shell.screen() == "simulation");
    // The chain's round in the round picker.
    const json rounds = f.view("rounds")["view"]["rounds"];
    int index = -1;
    for (std::size_t i = 0; i < rounds.size(); ++i)
        if (rounds[i]["code"] == vsys::test::k_round) index = static_cast<int>(i);
    REQUIRE(index >= 0);
    REQUIRE(f.click("sim.round"));
    REQUIRE(f.click("sim.round." + std::to_string(index)));
    REQUIRE(f.click("sim.run"));
    REQUIRE(f.click("sim.adjust"));  // the collapsed section opens
    REQUIRE(f.click("sim.adjust.boxes.0"));

    retype(f, "12a");
    const std::string refused = message_of(f, "sim.adjust.boxes.0");
    CHECK(refused.find("ワクチン（箱）") != std::string::npos);
    const std::string text = f.frame_text();
    CHECK(text.find(refused) != std::string::npos);  // shown below the table, with the site's name
    const std::size_t before = f.app.store().size();
    REQUIRE(f.click("sim.adjust.register"));
    CHECK(f.app.store().size() == before);  // disabled while a cell is refused

    REQUIRE(f.click("sim.adjust.boxes.0"));
    retype(f, "１２");
    CHECK(message_of(f, "sim.adjust.boxes.0").empty());
    REQUIRE(f.click("sim.adjust.needles.0"));
    retype(f, "３");
    REQUIRE(f.click("sim.adjust.register"));
    REQUIRE(f.app.store().size() > before);
    // The registered ④ gives the first row 12 vaccine boxes and 3 needle boxes.
    bool found = false;
    for (const auto* v : f.app.store().pending())
        if (v->owner == "muni:131016" && v->body.dump().find("\"boxes\":12,\"needle_boxes\":3") != std::string::npos) found = true;
    CHECK(found);
}

TEST_SUITE_END();
