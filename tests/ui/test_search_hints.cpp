// The hints of search and filter boxes on a phone (widgets.hpp's search_input, fields.hpp's
// text_field): whole in the box where they fit, their short form of assets/i18n where that fits,
// else above the box; a hint cut at a box's edge would be in the clip record.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "phone_checks.hpp"

TEST_SUITE_BEGIN("ui");

using nlohmann::json;
using vsys::test::UiFixture;
using namespace vsys::test::phone;

namespace {

// The clip record's entries that are a hint of a search or filter box.
std::string cut_hints(UiFixture& f) {
    std::string out;
    for (const auto& c : f.shell.clipped())
        for (const char* key : {"browser.hint", "browser.hint.short", "table.filter", "table.filter.short"})
            if (c.text == f.shell.tr(key)) out += c.where + ": " + c.text + "\n";
    return out;
}

// Whether the search box `anchor` shows its hint whole: the hint in the box (the frame's log has
// a field's text as "{text}") fits its inner width, or the whole hint is drawn above the box.
bool hint_whole(UiFixture& f, const std::string& anchor, const char* key) {
    const auto r = f.shell.anchors().at(anchor);
    const std::string text = f.frame_text();
    CAPTURE(text);
    const float inner = r.w - 2 * ImGui::GetStyle().FramePadding.x + 0.5f;
    const std::string& full = f.shell.tr(key);
    const std::string& shorter = f.shell.tr(std::string(key) + ".short");
    if (text.find("{" + full + "}") != std::string::npos) return ImGui::CalcTextSize(full.c_str()).x <= inner;
    if (text.find("{" + shorter + "}") != std::string::npos) return ImGui::CalcTextSize(shorter.c_str()).x <= inner;
    return text.find(full) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "the hints of search and filter boxes are whole on a phone: the org browser, the proxy picker, a report's table") {
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        REQUIRE(f.login("VM131016"));
        for (const auto& [screen, param, box, hint] :
             {std::tuple{"org_browser", "", "browser.query", "browser.hint"},
              std::tuple{"claims", "", "claims.proxy.query", "browser.hint"},
              std::tuple{"reports", "R306", "reports.table.filter", "table.filter"}}) {
            CAPTURE(std::string(screen));
            open(f, screen, param);
            if (std::string(screen) == "reports") REQUIRE(click_in_view(f, "reports.detail"));
            f.frames(2);
            REQUIRE(f.anchored(box));
            CHECK(hint_whole(f, box, hint));
            const std::string cut = cut_hints(f);
            CHECK_MESSAGE(cut.empty(), cut);
            const auto r = f.shell.anchors().at(box);
            CHECK(r.x + r.w <= k_width);
        }
    });
}

TEST_CASE("a text field's hint is whole on a phone: in the field where it fits, else above it") {
    in_each_language([&](UiFixture& f, [[maybe_unused]] const char* l) {
        REQUIRE(f.login("VM131016"));
        open(f, "settings");
        f.frames(2);
        const std::string& hint = f.shell.tr("settings.device_name.hint");
        for (const auto& c : f.shell.clipped()) CHECK(c.text != hint);
        const std::string text = f.frame_text();
        CAPTURE(text);
        const auto r = f.shell.anchors().at("settings.device_name");
        if (text.find("{" + hint + "}") != std::string::npos)
            CHECK(ImGui::CalcTextSize(hint.c_str()).x <= r.w - 2 * ImGui::GetStyle().FramePadding.x + 0.5f);
        else
            CHECK(text.find(hint) != std::string::npos);
    });
}

TEST_SUITE_END();
