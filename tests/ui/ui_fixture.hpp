// The screens, natively and headless: a real App over in-memory storage, the Shell, and a Dear
// ImGui context with no window or GL (frames are built and discarded). Platform services are
// recorded by an in-memory Host so tests can see what a screen asked of the page.
#pragma once

#include <string>
#include <vector>

#include "app_fixture.hpp"
#include "imgui.h"
#include "ui/shell/host.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"

namespace vsys::test {

struct RecordingHost final : ui::Host {
    double now = 1000;
    std::vector<std::string> routes, downloads, prints, saved;
    void make_durable(std::function<void(const std::string&)> done) override { done(""); }
    void push_route(const std::string& route) override { routes.push_back(route); }
    void set_page_language(const char*) override {}
    bool online() const override { return true; }
    double now_seconds() const override { return now; }
    void save_file(const std::string& name, const std::string&) override { saved.push_back(name); }
    void download_text(const std::string& name, const std::string&) override { downloads.push_back(name); }
    void open_print_window(const std::string& html) override { prints.push_back(html); }
    void pick_import_file() override {}
    void reload() override {}
};

struct UiFixture : AppFixture {
    RecordingHost host;
    ui::Shell shell{app, host};
    ImGuiContext* context;

    explicit UiFixture(float width = 1366, float height = 768) : context(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
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
};

}  // namespace vsys::test
