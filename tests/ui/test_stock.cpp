// The stock screens drawn and used (src/ui/stock): a hub confirms its delivery in 受入 by typing
// its lot, the count on the home button goes down and the lot appears in 在庫量の報告; a
// difference from the delivery holds the save until a reason is chosen; a municipality reaches
// the screens of its sites through the 代行入力 picker.
#include <doctest/doctest.h>

#include "app/stock/stock_app.hpp"
#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

using vsys::test::UiFixture;

namespace {

// A Tokyo hub of the kiosk's history whose latest delivery waits to be confirmed.
std::string hub_with_delivery(UiFixture& f, std::int64_t& expected) {
    for (const auto& s : f.app.directory().demo().sites) {
        if (s.municipality.rfind("13", 0) != 0 || !s.vaccines.has(vsys::VaccineCategory::pfizer_hub)) continue;
        auto v = vsys::stock_site_view(f.app, s.code);
        if (v && !v->deliveries.empty()) {
            expected = v->deliveries.front().expected_vials;
            return s.code;
        }
    }
    FAIL("no Tokyo hub with a delivery to confirm");
    return {};
}

// ImGui 1.86 reads keys through io.KeyMap: the headless context maps the two a test presses.
enum TestKey { k_backspace = 1, k_a };

void press(UiFixture& f, int key, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Backspace] = k_backspace;
    io.KeyMap[ImGuiKey_A] = k_a;
    io.KeyCtrl = ctrl;
    io.KeysDown[key] = true;
    f.frames(1);
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    f.frames(2);
}

// Clicks a field and replaces its text.
bool focus_and_type(UiFixture& f, const std::string& anchor, const std::string& text) {
    if (!f.click(anchor)) return false;
    press(f, k_a, true);
    press(f, k_backspace);
    f.type(text);
    return true;
}

}  // namespace

TEST_CASE("a hub confirms its delivery lot by lot in 受入, and the lot is in its stock") {
    UiFixture f(1366, 768, true);
    f.frames(3);
    std::int64_t expected = 0;
    const std::string hub = hub_with_delivery(f, expected);
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VS" + hub}})["ok"] == true);
    f.shell.go("stock_receive");
    f.frames(3);
    REQUIRE(f.anchored("stock.receive.open.0"));
    const std::size_t waiting = vsys::stock_site_view(f.app, hub)->deliveries.size();
    REQUIRE(f.click("stock.receive.open.0"));
    REQUIRE(f.anchored("stock.receive.lot.0"));
    REQUIRE(focus_and_type(f, "stock.receive.lot.0", "FU1234"));
    REQUIRE(focus_and_type(f, "stock.receive.expiry.0", "2022-09-30"));
    // The vials are prefilled with what was delivered: one less asks for a reason first.
    REQUIRE(focus_and_type(f, "stock.receive.vials.0", std::to_string(expected - 1)));
    f.frames(2);
    CHECK(f.anchored("stock.receive.discrepancy"));
    REQUIRE(focus_and_type(f, "stock.receive.vials.0", std::to_string(expected)));
    f.frames(2);
    CHECK(!f.anchored("stock.receive.discrepancy"));
    REQUIRE(f.click("stock.receive.save"));
    REQUIRE(f.anchored("stock.receive.confirm.ok"));
    REQUIRE(f.click("stock.receive.confirm.ok"));
    f.frames(3);
    const auto v = vsys::stock_site_view(f.app, hub);
    REQUIRE(v);
    CHECK(v->deliveries.size() == waiting - 1);
    bool held = false;
    for (const auto& l : v->lots) held |= l.lot->lot == "FU1234" && l.lot->on_hand == expected;
    CHECK(held);
    f.shell.go("stock");
    f.frames(3);
    CHECK(f.anchored("stock.lots.row.0"));
    CHECK(f.anchored("stock.purge.done"));  // the kiosk's clock is past the cut-off
    CHECK(f.frame_text().find("FU1234") != std::string::npos);
}

TEST_CASE("a municipality chooses one of its sites for the stock screens (代行入力)") {
    UiFixture f(1024, 600);
    f.frames(3);
    REQUIRE(f.login("VM131016"));
    f.shell.go("stock_wastage");
    f.frames(3);
    CHECK(f.anchored("stock_wastage.proxy.query"));
    REQUIRE(f.anchored("stock_wastage.proxy.row.0"));
    REQUIRE(f.click("stock_wastage.proxy.row.0"));
    CHECK(f.shell.screen() == "stock_wastage");
    CHECK(!f.shell.param().empty());
    f.frames(2);
    CHECK(f.anchored("stock.proxy.note"));
}

TEST_SUITE_END();
