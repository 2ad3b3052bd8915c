// The screens, natively and headless: a real App over in-memory storage, the Shell, and a Dear
// ImGui context with no window or GL (frames are built and discarded). Platform services are
// recorded by an in-memory Host so tests can see what a screen asked of the page. A test acts
// as a user would: it clicks an anchored widget (the mouse goes down and up over its centre),
// types characters into the focused field, and reads the text a frame drew (ImGui's log).
#pragma once

#include <cfloat>
#include <string>
#include <vector>

#include "app_fixture.hpp"
#include "imgui.h"
#include "ui/shell/host.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"

namespace vsys::test {

struct RecordingHost final : ui::Host {
    double now = 1000;
    std::vector<std::string> routes, downloads, saved;
    std::vector<ui::PrintPage> prints;
    std::string last_download;
    void make_durable(std::function<void(const std::string&)> done) override { done(""); }
    void push_route(const std::string& route) override { routes.push_back(route); }
    void set_page_language(const char*) override {}
    bool online() const override { return true; }
    double now_seconds() const override { return now; }
    void save_file(const std::string& name, const std::string&) override { saved.push_back(name); }
    void download_text(const std::string& name, const std::string&) override { downloads.push_back(name); }
    void download_bytes(const std::string& name, const std::string& bytes, const std::string&) override {
        downloads.push_back(name);
        last_download = bytes;
    }
    bool print_blocked = false;  // the browser's pop-up blocker refuses the window
    bool open_print_window(const ui::PrintPage& page) override {
        if (print_blocked) return false;
        prints.push_back(page);
        return true;
    }
    void pick_import_file() override {}
    void reload() override {}
};

struct UiFixture : AppFixture {
    RecordingHost host;
    ui::Shell shell{app, host};
    ImGuiContext* context;

    std::string logged;  // the text of the last frame_text()

    explicit UiFixture(float width = 1366, float height = 768, bool kiosk = false)
        : AppFixture(kiosk), context(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.ClipboardUserData = this;
        io.SetClipboardTextFn = [](void* self, const char* text) { static_cast<UiFixture*>(self)->logged = text; };
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // the default font: text is measured, not shown
        ui::apply_light_theme();
    }
    ~UiFixture() { ImGui::DestroyContext(context); }
    UiFixture(const UiFixture&) = delete;
    UiFixture& operator=(const UiFixture&) = delete;

    // Builds n frames, as the browser's main loop would (the directory is built after the first).
    void frames(int n = 3) {
        for (int i = 0; i < n; ++i) {
            host.now += 1.0 / 60.0;
            ImGui::NewFrame();
            shell.frame();
            ImGui::Render();
        }
    }
    bool anchored(const std::string& name) const { return shell.anchors().count(name) != 0; }

    // Presses and releases the left button over the centre of an anchored widget of the last
    // frame, then lets a few frames pass (a popup it opens places itself in its second frame).
    // False when nothing of that name was drawn.
    bool click(const std::string& name) {
        const auto it = shell.anchors().find(name);
        if (it == shell.anchors().end()) return false;
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(it->second.x + it->second.w / 2, it->second.y + it->second.h / 2);
        frames(1);
        io.MouseDown[0] = true;
        frames(1);
        io.MouseDown[0] = false;
        frames(1);
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        frames(2);
        return true;
    }
    // Types UTF-8 text into the field that has the keyboard (the one last clicked).
    void type(const std::string& text) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frames(2);
    }
    // Presses and releases a key (ImGui 1.86 reads keys through io.KeyMap: the few a test
    // presses are mapped here), optionally with Ctrl, letting frames pass as a hand would.
    enum class Key { enter = 1, escape, backspace, a, tab };
    void press(Key key, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_Enter] = static_cast<int>(Key::enter);
        io.KeyMap[ImGuiKey_Escape] = static_cast<int>(Key::escape);
        io.KeyMap[ImGuiKey_Backspace] = static_cast<int>(Key::backspace);
        io.KeyMap[ImGuiKey_A] = static_cast<int>(Key::a);
        io.KeyMap[ImGuiKey_Tab] = static_cast<int>(Key::tab);
        io.KeyCtrl = ctrl;
        io.KeysDown[static_cast<int>(key)] = true;
        frames(1);
        io.KeysDown[static_cast<int>(key)] = false;
        io.KeyCtrl = false;
        frames(2);
    }
    // Clicks a field and replaces its text with `text`; false when it was not drawn.
    bool retype(const std::string& anchor, const std::string& text) {
        if (!click(anchor)) return false;
        press(Key::a, true);
        press(Key::backspace);
        type(text);
        return true;
    }
    // Builds one frame and answers the text it drew in the main window (labels, values, the
    // content of input fields), as ImGui's log to the clipboard captures it.
    const std::string& frame_text() {
        logged.clear();
        host.now += 1.0 / 60.0;
        ImGui::NewFrame();
        ImGui::LogToClipboard();
        shell.frame();  // the main window's End() finishes the log
        ImGui::LogFinish();
        ImGui::Render();
        return logged;
    }
};

// A round being allocated, as the nation and 東京都 leave it: the nation's ① and 東京都's ②
// registered; the first round of the catalog's list; answers its code. Signed out after.
inline std::string round_through_two(UiFixture& f) {
    REQUIRE(f.login("VN000000"));
    const std::string round = f.view("rounds")["view"]["rounds"][0]["code"];
    REQUIRE(f.run({{"type", "set_round_state"}, {"round", round}, {"state", "allocating"}})["ok"] == true);
    REQUIRE(f.run({{"type", "set_prefecture_amounts"}, {"round", round},
                   {"simulation", {{"mode", "eligible_population"}, {"total", 100000}}}})["ok"] == true);
    f.logout();
    REQUIRE(f.login("VP130001"));
    REQUIRE(f.run({{"type", "register_municipality_amounts"}, {"round", round},
                   {"simulation", {{"mode", "eligible_population"}}}})["ok"] == true);
    f.logout();
    return round;
}

// The refusal a field showed in the frame just built (its anchor's entry in field_messages),
// "" when it accepted what was typed.
inline std::string message_of(UiFixture& f, const std::string& anchor) {
    f.frames(1);
    const auto m = ui::field_messages(f.shell);
    const auto it = m.find(anchor);
    return it == m.end() ? std::string() : it->second;
}

}  // namespace vsys::test
