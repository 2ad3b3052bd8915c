// The browser entry point: GLFW + WebGL2 + ImGui on Emscripten's main loop, the App opened on
// IDBFS (already read by glue.js before main), the Host services of ui/shell/host.hpp, and the C
// functions that glue.js calls (window.vsys, IME text, route changes).
//
// [SECTION] Host over the browser
// [SECTION] Keys: latching presses shorter than a frame (key_latch.hpp)
// [SECTION] main and the frame
// [SECTION] Exports for JavaScript
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <new>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "app/base/app.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/posix_storage.hpp"
#include "platform/web/display_web.hpp"
#include "platform/web/draw_fingerprint.hpp"
#include "platform/web/key_latch.hpp"
#include "platform/web/sync_requests.hpp"
#include "platform/web/web_app.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/shell/wheel.hpp"
#include "ui/widgets/fields.hpp"

namespace {

// [SECTION] Host over the browser

EM_JS(void, js_make_durable, (int ticket), {
    Module.vsysFlush().then(function(err) {
        Module.ccall('vsys_durable_done', null, ['number', 'string'], [ticket, err || ""]);
    });
});
EM_JS(void, js_push_route, (const char* route), {
    var r = UTF8ToString(route);
    if (location.hash !== r) location.hash = r;
});
EM_JS(void, js_set_lang, (const char* code), { document.documentElement.lang = UTF8ToString(code); });
EM_JS(int, js_online, (), { return navigator.onLine ? 1 : 0; });
EM_JS(int, js_exchange_s3, (), { return String(window.VSYS_EXCHANGE || "").indexOf('s3://') === 0 ? 1 : 0; });
EM_JS(void, js_ime_update, (int wanted, double x, double y, double h), { Module.vsysImeUpdate(!!wanted, x, y, h); });
EM_JS(void, js_clipboard_write, (const char* text), {
    var t = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(function() {});
});
EM_JS(char*, js_build_id, (), {
    var s = String(window.VSYS_BUILD_ID || 'dev');
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
// The route at start-up, without emscripten_run_script_string: it evaluates its argument, which
// -sDYNAMIC_EXECUTION=0 (the page's CSP) turns into an abort of the whole app.
EM_JS(char*, js_location_hash, (), {
    var s = location.hash || "";
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
EM_JS(void, js_app_ready, (), { Module.vsysAppReady(); });
EM_JS(void, js_sync_io, (const char* requests), { Module.vsysSyncIo(UTF8ToString(requests)); });
EM_JS(void, js_sync_settled, (), { Module.vsysFlush().then(Module.vsysSyncSettled); });
EM_JS(void, js_save_file, (const char* name, const char* data), { Module.vsysSaveFile(UTF8ToString(name), UTF8ToString(data)); });
EM_JS(void, js_pick_import, (), { Module.vsysPickImport(); });
// The page is written into a new window rather than a data: URL so that its title and the
// browser's print dialog (Ctrl+P / 印刷) work as with any page.
// print_window.js: the page's styles through CSSOM, since the window inherits the app's CSP.
EM_JS(int, js_open_print_window, (const char* html, const char* label, int print_now), {
    return vsysOpenPrintWindow(UTF8ToString(html), UTF8ToString(label), print_now !== 0) ? 1 : 0;
});
// Bytes straight from the wasm heap (a Blob copies them), so binary exports keep every byte.
EM_JS(void, js_download_bytes, (const char* name, const char* data, int size, const char* mime), {
    const blob = new Blob([HEAPU8.slice(data >>> 0, (data >>> 0) + size)], {type: UTF8ToString(mime)});
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
});
EM_JS(void, js_reload, (), { location.replace(location.pathname + location.search); });
EM_JS(int, js_kiosk, (), { return Module.vsysKiosk ? 1 : 0; });
EM_JS(void, js_first_frame, (), {
    window.vsysFirstFrameMs = performance.now();
    var l = document.getElementById('loading');
    if (l) l.remove();
    // What waits for it: the rest of the font (glue.js), the service worker (boot.js).
    window.dispatchEvent(new Event('vsys-first-frame'));
});
// The rest of the font is in /assets (glue.js wrote it).
EM_JS(double, js_wasm_memory, (), { return HEAP8.length; });
EM_JS(void, js_watch_hash, (), {
    window.addEventListener('hashchange', function() { Module.ccall('vsys_route', null, ['string'], [location.hash]); });
});

struct BrowserHost final : vsys::ui::Host {
    std::vector<std::function<void(const std::string&)>> waiting;
    void make_durable(std::function<void(const std::string&)> done) override {
        waiting.push_back(std::move(done));
        js_make_durable(static_cast<int>(waiting.size() - 1));
    }
    void push_route(const std::string& route) override { js_push_route(route.c_str()); }
    void set_page_language(const char* code) override { js_set_lang(code); }
    bool online() const override { return js_online() != 0; }
    double now_seconds() const override { return emscripten_get_now() / 1000.0; }
    // An exported bundle file leaves the page only once the outbox that holds its bundles is in
    // IndexedDB: a tab closed right after the download must not sign their numbers again.
    void save_file(const std::string& name, const std::string& data) override;
    // A BOM first, so spreadsheet software reads the CSV as UTF-8.
    void download_text(const std::string& name, const std::string& text) override {
        const std::string bytes = "\xEF\xBB\xBF" + text;
        js_download_bytes(name.c_str(), bytes.data(), static_cast<int>(bytes.size()), "text/csv;charset=utf-8");
    }
    void download_bytes(const std::string& name, const std::string& bytes, const std::string& mime) override;
    bool open_print_window(const vsys::ui::PrintPage& page) override {
        return js_open_print_window(page.html.c_str(), page.print_label.c_str(), page.print_now ? 1 : 0) != 0;
    }
    void pick_import_file() override { js_pick_import(); }
    void reload() override { js_reload(); }
};

vsys::sync::UtcTime utc_now() { return static_cast<vsys::sync::UtcTime>(std::time(nullptr)); }

struct WebApp {
    vsys::PosixStorage storage;
    BrowserHost host;
    std::unique_ptr<vsys::App> app;
    std::unique_ptr<vsys::ui::Shell> shell;
    GLFWwindow* window = nullptr;
    vsys::web::Display display;  // the canvas, devicePixelRatio and font atlas (display_web.hpp)
    vsys::web::KeyLatch keys;
    double frame_ms = 0;  // wall time of the last frame, GL submission included
    vsys::web::RepaintFilter repaint;    // idle frames draw nothing (draw_fingerprint.hpp)
    double ui_ms = 0;     // of which building the frame: app views, screens and ImGui (no GL)
    std::string clipboard;
    bool sync_io = false;    // requests of the sync run are being fetched by sync.js
    bool sync_was_running = false;
};
WebApp* g = nullptr;
}  // namespace
vsys::App* vsys::web::current_app() { return g ? g->app.get() : nullptr; }
namespace {

void BrowserHost::save_file(const std::string& name, const std::string& data) {
    g->shell->when_durable([name, data]() { js_save_file(name.c_str(), data.c_str()); });
}

void BrowserHost::download_bytes(const std::string& name, const std::string& bytes, const std::string& mime) {
    g->shell->when_durable([name, bytes, mime]() {
        js_download_bytes(name.c_str(), bytes.data(), static_cast<int>(bytes.size()), mime.c_str());
    });
}

// The running sync's requests go to sync.js, one batch at a time; when a run ends without
// waiting for the page (e.g. refused at once), the page is told so its waiters resolve.
void pump_sync() {
    auto& agent = g->app->sync();
    const bool running = agent.run().running;
    if (running && !g->sync_io) {
        auto requests = agent.take_requests();
        if (!requests.empty()) {
            g->sync_io = true;
            std::string text;
            try {
                text = vsys::web::sync_requests_json(requests);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "pump_sync: %s\n", e.what());
            }
            js_sync_io(text.c_str());
        }
    }
    if (g->sync_was_running && !running && !g->sync_io) js_sync_settled();
    g->sync_was_running = running;
}

// [SECTION] Keys: latching presses shorter than a frame (key_latch.hpp)
void key_callback(GLFWwindow*, int key, int scancode, int action, int mods) { g->keys.key(key, scancode, action, mods); }

void set_clipboard(void*, const char* text) {
    g->clipboard = text ? text : "";
    js_clipboard_write(g->clipboard.c_str());
}
// Paste arrives through the browser's paste event (glue.js), which is the only synchronous
// way to read the system clipboard; ImGui's own Ctrl+V path therefore reads nothing.
const char* get_clipboard(void*) { return ""; }

// ImGui reports the caret only when it moves; whether text is wanted is known after the frame.
// Both are combined after each frame and sent to the page only when they change.
struct ImeState {
    int x = 0, y = 0;
    bool wanted = false;
    bool operator==(const ImeState&) const = default;
};
ImeState ime_now, ime_sent;
void ime_position(int x, int y) {
    ime_now.x = x;
    ime_now.y = y;
}
void sync_ime() {
    ime_now.wanted = ImGui::GetIO().WantTextInput;
    if (ime_now == ime_sent) return;
    ime_sent = ime_now;
    js_ime_update(ime_now.wanted ? 1 : 0, ime_now.x, ime_now.y, ImGui::GetFontSize());
}

// [SECTION] main and the frame
void frame() {
    const double start = emscripten_get_now();
    vsys::web::update_display(g->display, g->app->settings().text_size);
    glfwPollEvents();
    g->keys.replay(g->window);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    vsys::web::fix_io_after_backend(g->display);
    ImGui::NewFrame();
    {
        ImGuiIO& io = ImGui::GetIO();
        bool input = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.InputQueueCharacters.Size > 0;
        for (bool down : io.MouseDown) input = input || down;
        for (bool down : io.KeysDown) input = input || down;
        if (input) g->shell->touch_input();
    }
    const double ui_start = emscripten_get_now();
    g->shell->frame();
    ImGui::Render();
    g->ui_ms = emscripten_get_now() - ui_start;
    sync_ime();
    const int fb_w = static_cast<int>(std::lround(g->display.css_w * g->display.dpr)), fb_h = static_cast<int>(std::lround(g->display.css_h * g->display.dpr));
    const std::uint64_t extra = g->display.atlas_generation << 40 ^ static_cast<std::uint64_t>(fb_w) << 20 ^ static_cast<std::uint64_t>(fb_h);
    if (g->repaint.changed(*ImGui::GetDrawData(), extra)) {
        glViewport(0, 0, fb_w, fb_h);
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    if (g->shell->frames() == 1) js_first_frame();
    pump_sync();
    g->frame_ms = emscripten_get_now() - start;
}

}  // namespace

// [SECTION] Exports for JavaScript
extern "C" {

EMSCRIPTEN_KEEPALIVE const char* vsys_command(const char* text) {
    static std::string out;
    out = g && g->app ? g->app->command_json(text ? text : "").dump()
                      : R"({"ok":false,"error":{"code":"app.not_ready","message":"not ready"}})";
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* vsys_view(const char* name, const char* args) {
    static std::string out;
    out = g && g->app ? g->app->view_json(name ? name : "", args ? args : "").dump()
                      : R"({"ok":false,"error":{"code":"app.not_ready","message":"not ready"}})";
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* vsys_screen() {
    static std::string out;
    nlohmann::json anchors = nlohmann::json::object();
    for (const auto& [name, r] : g->shell->anchors()) anchors[name] = {r.x, r.y, r.w, r.h};
    nlohmann::json clipped = nlohmann::json::array();
    for (const auto& c : g->shell->clipped()) clipped.push_back({{"text", c.text}, {"where", c.where}});
    ImGuiIO& io = ImGui::GetIO();
    // Every window or table that can scroll, by name: how far down it is and can go (tests of
    // the wheel measure rows moved with these).
    nlohmann::json scroll = nlohmann::json::object();
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->WasActive && w->ScrollMax.y > 0) scroll[w->Name] = {{"y", w->Scroll.y}, {"max", w->ScrollMax.y}};
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [name, message] : vsys::ui::field_messages(*g->shell)) fields[name] = message;
    const float text_px = io.Fonts->Fonts.empty() ? 0.0f : io.Fonts->Fonts[0]->FontSize * io.FontGlobalScale;
    nlohmann::json j = {{"screen", g->shell->screen()},
                        {"scroll", scroll},
                        {"field_messages", fields},
                        {"line_height", ImGui::GetFontSize() + ImGui::GetStyle().ItemSpacing.y},
                        {"frames", g->shell->frames()},
                        {"frames_drawn", g->repaint.drawn()},
                        {"saving", g->shell->saving()},
                        {"anchors", anchors},
                        {"sync", {{"text", g->shell->sync_shown().text},
                                  {"detail", g->shell->sync_shown().detail},
                                  {"warning", g->shell->sync_shown().warning}}},
                        {"clipped", clipped},
                        {"text_px", text_px},
                        {"want_text_input", io.WantTextInput},
                        {"font_loaded", g->display.font_loaded},
                        {"font_complete", g->display.font_loaded && g->display.font_rest},
                        {"framebuffer", {g->display.css_w * g->display.dpr, g->display.css_h * g->display.dpr}},
                        {"dpr", g->display.dpr},
                        {"frame_ms", g->frame_ms},
                        {"ui_ms", g->ui_ms},
                        {"wasm_memory_bytes", js_wasm_memory()}};
    out = j.dump();
    return out.c_str();
}

// How many characters of `text` the loaded UI font cannot show (they would render as "?").
EMSCRIPTEN_KEEPALIVE int vsys_missing_glyphs(const char* text) {
    ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
    if (!font || !text) return -1;
    int missing = 0;
    for (const char* p = text; *p;) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, p, nullptr);
        if (n <= 0) break;
        p += n;
        if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) ++missing;
    }
    return missing;
}

EMSCRIPTEN_KEEPALIVE void vsys_durable_done(int ticket, const char* error) {
    if (!g || ticket < 0 || static_cast<size_t>(ticket) >= g->host.waiting.size()) return;
    auto done = std::move(g->host.waiting[static_cast<size_t>(ticket)]);
    g->host.waiting[static_cast<size_t>(ticket)] = nullptr;
    if (done) done(error ? error : "");
    while (!g->host.waiting.empty() && !g->host.waiting.back()) g->host.waiting.pop_back();
}

EMSCRIPTEN_KEEPALIVE void vsys_ime_text(const char* text) {
    if (g && text) g->keys.text(text);
}

// The answers to the requests handed to sync.js: [{kind, path, ok, data | code, detail, date?}].
// vsys_sync_answer takes some as they come; vsys_sync_deliver takes the last ones (or all, when
// the round failed before any was asked) and lets the run go on.
namespace {

void accept_answers(const char* text) {
    auto j = nlohmann::json::parse(text ? text : "", nullptr, false);
    if (!j.is_array()) return;
    std::vector<std::pair<vsys::sync::TransportRequest, vsys::Result<std::string>>> answers;
    std::vector<std::string> dates;  // the exchange's Date with each answer (PROTOCOL §8 "Clock skew")
    for (auto& a : j) {
        if (!a.is_object()) continue;
        auto date = a.find("date");
        dates.push_back(date != a.end() && date->is_string() ? date->get<std::string>() : std::string());
        vsys::sync::TransportRequest r;
        const std::string kind = a.value("kind", "");
        r.kind = kind == "list" ? vsys::sync::TransportRequest::Kind::list
                 : kind == "put" ? vsys::sync::TransportRequest::Kind::put
                                 : vsys::sync::TransportRequest::Kind::get;
        r.path = a.value("path", "");
        if (a.value("ok", false) && a.contains("data") && a["data"].is_string())
            answers.emplace_back(std::move(r), std::move(a["data"].get_ref<std::string&>()));
        else
            answers.emplace_back(std::move(r), vsys::Error{a.value("code", "transport.failed"), a.value("detail", ""),
                                                           {{"detail", a.value("detail", "")}, {"path", a.value("path", "")}}});
    }
    g->app->sync().accept(answers, dates);
}

// An answer the wasm could not take or a run that threw ends the run with an error the 同期
// screen shows (the wasm's memory ran out: sync.out_of_memory), never a run that goes on for ever.
void abandon_run(const char* where, const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", where, e.what());
    const bool memory = dynamic_cast<const std::bad_alloc*>(&e) != nullptr;
    try {
        g->app->sync().abandon(memory ? vsys::Error{"sync.out_of_memory", e.what()}
                                      : vsys::Error{"transport.failed", e.what(), {{"detail", e.what()}}});
    } catch (const std::exception& again) {
        std::fprintf(stderr, "%s: the run could not end: %s\n", where, again.what());
    }
}

}  // namespace

EMSCRIPTEN_KEEPALIVE void vsys_sync_answer(const char* text) {
    try {
        accept_answers(text);
    } catch (const std::exception& e) {
        abandon_run("vsys_sync_answer", e);
    }
}

EMSCRIPTEN_KEEPALIVE void vsys_sync_deliver(const char* text) {
    g->sync_io = false;
    try {
        accept_answers(text);
        g->app->sync().resume();
    } catch (const std::exception& e) {
        abandon_run("vsys_sync_deliver", e);
    }
    pump_sync();
}

// A bundle file the user picked (sync.js), handed to the sync screen.
EMSCRIPTEN_KEEPALIVE void vsys_import_file(const char* text) {
    if (g && g->shell && text) vsys::ui::import_bundle_file(*g->shell, text);
}

// A wheel or touchpad event over the canvas (glue.js takes it from GLFW, which passed the raw
// deltaY reversed): the DOM's deltas and deltaMode, normalised in ui/shell/wheel.hpp.
EMSCRIPTEN_KEEPALIVE void vsys_wheel(double dx, double dy, int delta_mode, int ctrl) {
    if (g && g->shell) vsys::ui::on_wheel(*g->shell, dx, dy, delta_mode, ctrl != 0);
}

EMSCRIPTEN_KEEPALIVE void vsys_route(const char* hash) {
    if (g && g->shell) g->shell->on_route(hash ? hash : "");
}

}  // extern "C"

int main() {
    g = new WebApp();
    char* build = js_build_id();
    // The training kiosk keeps its data in its own IndexedDB database (glue.js mounts /kiosk),
    // so a kiosk reset can never touch a real device's documents in the same browser.
    const bool kiosk = js_kiosk() != 0;
    g->app = std::make_unique<vsys::App>(g->storage, kiosk ? "/kiosk/vsys" : "/data/vsys",
                                         vsys::AppInfo{VSYS_VERSION, build, kiosk}, utc_now);
    free(build);
    g->app->open();
    // An S3 exchange takes writes only with the organisation's store key (PROTOCOL §15).
    g->app->sync().require_store_key(js_exchange_s3() != 0);

    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g->window = glfwCreateWindow(1280, 720, "V-SYS", nullptr, nullptr);
    if (!g->window) return 1;
    glfwMakeContextCurrent(g->window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code, not a file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ImeSetInputScreenPosFn = ime_position;
    vsys::ui::apply_light_theme();
    ImGui_ImplGlfw_InitForOpenGL(g->window, true);
    // Our key callback replaces the backend's: it queues events that KeyLatch::replay forwards.
    glfwSetKeyCallback(g->window, key_callback);
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    ImGui_ImplOpenGL3_Init("#version 300 es");

    g->shell = std::make_unique<vsys::ui::Shell>(*g->app, g->host);
    js_watch_hash();
    char* hash = js_location_hash();
    g->shell->on_route(hash);
    free(hash);
    js_app_ready();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
