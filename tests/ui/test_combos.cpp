// An opened combo on a phone (src/ui/widgets/widgets.hpp begin_combo, combo_choice): the list is
// never wider than the screen, whatever its longest choice (a round's name with its state, a
// receiver with its code and category, a report's filter); a long choice wraps inside it. The
// clip record (clip_record.hpp) notes a list that runs past the screen's edge, so the checks
// below read it as the other phone tests do, and also measure the list's window themselves.
#include <doctest/doctest.h>

#include <cfloat>
#include <string>
#include <vector>

#include "app/stock/stock_app.hpp"
#include "imgui_internal.h"  // the open list's window
#include "phone_checks.hpp"
#include "ui/widgets/clip_record.hpp"

TEST_SUITE_BEGIN("ui");

using vsys::test::UiFixture;
using namespace vsys::test::phone;

namespace {

// The list of the combo open in the last frame (ImGui names it ##Combo_<depth>), nullptr when none.
const ImGuiWindow* open_list() {
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && !w->Hidden && (w->Flags & ImGuiWindowFlags_Popup) && std::string(w->Name).rfind("##Combo_", 0) == 0)
            return w;
    return nullptr;
}

// Opens `combo` as a thumb does and checks its list: on the screen, nothing clipped or past an
// edge (the clip record), each of `choices` (anchors <combo>.<choice>, when given) whole inside it.
// Closes it again.
void check_open_combo(UiFixture& f, const std::string& combo, const std::vector<std::string>& choices = {}) {
    CAPTURE(combo);
    REQUIRE(click_in_view(f, combo));
    f.frames(2);
    const ImGuiWindow* list = open_list();
    REQUIRE(list);
    CHECK(list->Pos.x >= 0);
    CHECK(list->Pos.x + list->Size.x <= k_width);
    CHECK_MESSAGE(f.shell.clipped().empty(), clipped_list(f));
    for (const std::string& c : choices) {
        CAPTURE(c);
        REQUIRE(f.anchored(combo + "." + c));
        const auto r = f.shell.anchors().at(combo + "." + c);
        CHECK(r.x >= list->Pos.x);
        CHECK(r.x + r.w <= list->Pos.x + list->Size.x);
    }
    // A tap beside the list (in the screen's left margin, where nothing else is) closes it.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(1, k_height / 2);
    f.frames(1);
    io.MouseDown[0] = true;
    f.frames(1);
    io.MouseDown[0] = false;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    f.frames(2);
    CHECK_FALSE(open_list());
}

// A Tokyo hub of the kiosk's history with a delivery (its lots fill the stock screens' combos).
const vsys::Site& tokyo_hub(UiFixture& f) {
    for (const auto& s : f.app.directory().demo().sites) {
        if (s.municipality.rfind("13", 0) != 0 || !s.vaccines.has(vsys::VaccineCategory::pfizer_hub)) continue;
        auto v = vsys::stock_site_view(f.app, s.code);
        if (v && !v->deliveries.empty()) return s;
    }
    FAIL("no Tokyo hub with a delivery");
    return f.app.directory().demo().sites.front();
}

}  // namespace

TEST_CASE("a combo's list stays within a phone's screen whatever its longest choice, which wraps, in both languages") {
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        // The nation: the rounds with their states, the simulation's methods.
        REQUIRE(f.login("VN000000"));
        open(f, "simulation");
        check_open_combo(f, "sim.round", {"0"});
        check_open_combo(f, "sim.method", {"0", "5"});
        open(f, "allocation");
        check_open_combo(f, "alloc.round", {"0"});
        f.logout();
        f.frames(2);
        // A prefecture's report filters: rounds, months, products, municipalities.
        REQUIRE(f.login("VP130001"));
        bool filters = false;
        const nlohmann::json reports = f.view("reports");  // kept: the loop reads into it
        for (const auto& folder : reports["view"]["folders"])
            for (const auto& report : folder["reports"]) {
                const std::string id = report["id"];
                CAPTURE(id);
                open(f, "reports", id);
                for (const char* key : {"round", "month", "product", "municipality"}) {
                    const std::string combo = std::string("reports.filter.") + key;
                    if (!f.anchored(combo)) continue;
                    check_open_combo(f, combo);
                    filters = true;
                }
            }
        CHECK(filters);
        f.logout();
        f.frames(2);
        // A site: the products and rounds it reports requests for, a claim line's form.
        const vsys::Site& site = f.site_in("131016");
        REQUIRE(f.login(vsys::test::site_account(site)));
        open(f, "requests");
        check_open_combo(f, "req.product", {"0", "1", "2"});
        check_open_combo(f, "req.round", {"0"});
    });
}

TEST_CASE("a hub's stock combos (receivers with code and category, lots, reasons) stay within a phone's screen") {
    for (const char* l : k_languages) {
        CAPTURE(std::string(l));
        UiFixture f(k_width, k_height, true);
        f.frames(3);
        language(f, l);
        const vsys::Site& hub = tokyo_hub(f);
        REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VS" + hub.code}})["ok"] == true);
        open(f, "stock_transfer");
        check_open_combo(f, "stock.transfer.product");
        REQUIRE(choose(f, "stock.transfer.product"));
        check_open_combo(f, "stock.transfer.to");
        if (f.anchored("stock.transfer.lot")) check_open_combo(f, "stock.transfer.lot");
        open(f, "stock_wastage");
        check_open_combo(f, "stock.wastage.reason");
    }
}

TEST_SUITE_END();
