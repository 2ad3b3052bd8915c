// The frame around every screen (UX.md "Frame of every screen"): the top bar (product, user,
// device, online state, language switch), the breadcrumb, the screen itself, toasts, and the
// guard that asks before leaving a screen with unsaved changes. Screens are functions of the
// App's state that emit Commands through run(); they keep only widget buffers of their own, and
// those belong to the Shell for one session (state<T>()): a sign-in, a sign-out, a kiosk role
// switch or the kiosk's reset drops them all, so no user inherits another's screens.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <typeindex>
#include <vector>

#include "app/base/app.hpp"
#include "app/base/screens.hpp"
#include "ui/shell/host.hpp"
#include "ui/widgets/clip_record.hpp"

namespace vsys::ui {

class Shell {
public:
    Shell(App& app, Host& host);

    void frame();
    // Navigation: go() pushes history; on_route() follows the browser (Back, a typed #/route).
    // A screen may take one parameter (#/site/0110113719).
    void go(const std::string& screen_id, const std::string& param = "");
    void on_route(const std::string& route);
    const std::string& screen() const { return screen_; }
    const std::string& param() const { return param_; }
    std::uint64_t frames() const { return frames_; }

    // Dispatches a typed command (app/base/contract.hpp); on success waits for durability and
    // shows a toast. Returns the translated error, or "" on success.
    template <class C>
        requires(!AnsweringCommand<C>)
    std::string run(const C& command, const char* success_key = "app.saved") {
        const Language before = app_.language();
        return answered(app_.run(command), before, success_key);
    }
    // A command with an answer (contract.hpp): the answer, or nothing after toasting the error
    // (its text in last_error()).
    template <AnsweringCommand C>
    std::optional<typename C::Answer> run(const C& command) {
        auto r = app_.run(command);
        last_error_.clear();
        if (r) {
            when_durable([] {});  // what it wrote goes to storage now, as after any other command
            return std::move(*r);
        }
        last_error_ = app_.error_text(r.error());
        toast(last_error_, true);
        return std::nullopt;
    }
    // Translated error text of the last run() ("" after a success).
    const std::string& last_error() const { return last_error_; }

    // A screen with unsaved edits calls this every frame; leaving then asks first.
    void mark_unsaved() { unsaved_ = true; }
    bool saving() const { return pending_saves_ > 0; }

    // Names the last drawn widget so tests and kiosk walk-throughs can find it on screen
    // (window.vsys.screen().anchors). Rectangles are in CSS pixels, rebuilt every frame.
    void anchor(const std::string& name);
    struct Rect {
        float x, y, w, h;
    };
    const std::map<std::string, Rect>& anchors() const { return anchors_last_; }
    // Every text the shared widgets had to cut short in the last frame (clip_record.hpp),
    // shown as window.vsys.screen().clipped.
    const std::vector<ClippedText>& clipped() const { return clipped_.last(); }

    // The text size (settings, percent) one step larger (+1) or smaller (-1), kept per device:
    // Ctrl + wheel and the settings screen's buttons. Returns the new size.
    int step_text_size(int steps);

    App& app() { return app_; }
    const std::string& tr(std::string_view key) const { return app_.tr(key); }
    // A stored UTC time ("2026-12-05T03:12:05Z") as users read it: Japan time with the weekday,
    // "2026/12/05(土) 12:12" (core/base/display_time.hpp); other text unchanged.
    std::string time_text(std::string_view utc) const;
    // A stored date ("2022-01-31") as "2022/01/31(月)"; other text unchanged.
    std::string date_text(std::string_view iso_date) const;
    void toast(std::string text, bool error = false);
    // The texts of the toasts still on screen, oldest first (what a test sees a user was told).
    std::vector<std::string> toast_texts() const {
        std::vector<std::string> out;
        for (const auto& t : toasts_) out.push_back(t.text);
        return out;
    }
    Role role() const { return app_.session().role; }
    Host& host() { return host_; }
    // The demo directory is built once (about 0.3 s in wasm), after the first frames so that the
    // page shows at once: until then this draws 「準備中」 and answers true.
    bool directory_pending();
    // 「アクセス権がありません」 with a way home: for screens whose data the user may not see.
    void no_access_page();
    // Makes what was written so far durable, then calls `then`; a failed write is a toast.
    void when_durable(std::function<void()> then);
    // The kiosk's reset (cmd_kiosk.cpp): once the removal is durable, the page loads again.
    // Returns the translated error, or "" when the reset is under way.
    std::string reset_kiosk();
    // The top bar's ログアウト (sign_out.cpp): at once when nothing waits to be sent, else after
    // the question of what waits (sync first, sign out anyway, or stay).
    void request_sign_out();
    // Called on every input event: the idle lock counts from the last one.
    void touch_input() { last_input_ = host_.now_seconds(); }

    // A screen's own state (typed queries, a chosen round or month, edit buffers, its cached
    // views): one value of each type T, made on first use with T's defaults. Every value is
    // dropped at the first frame after the session changed (App::session_epoch), so the next
    // user starts from the defaults; a reference stays valid until the end of the frame.
    template <class T>
    T& state() {
        auto& slot = states_[std::type_index(typeid(T))];
        if (!slot) slot = std::make_shared<T>();
        return *static_cast<T*>(slot.get());
    }

    // The exchange's state as the top bar shows it (top_bar.cpp), as drawn in the last frame
    // (window.vsys.screen().sync for tests and walk-throughs).
    struct SyncLine {
        std::string text;    // one line, condensed when `compact`
        std::string detail;  // every part, for the tooltip
        bool warning = false;
    };
    const SyncLine& sync_shown() const { return sync_shown_; }

private:
    // After a command: the toast, the page language, durability; the translated error or "".
    std::string answered(const Result<Versions>& r, Language before, const char* success_key);
    SyncLine sync_line(bool compact) const;
    void top_bar();
    void breadcrumb();
    void body();
    void toasts();
    void leave_modal();
    void sign_out_modal();
    void sign_out_now();
    void navigate_now(const std::string& id, const std::string& param, bool push);
    void idle_lock();
    void drop_states_of_ended_session();

    App& app_;
    Host& host_;
    std::string screen_ = "home";
    std::string param_;
    std::string pending_screen_;  // waiting for the leave confirmation
    std::string pending_param_;
    enum class SignOut { idle, asking, syncing };
    SignOut sign_out_ = SignOut::idle;  // the sign-out question (sign_out.cpp)
    std::string sign_out_error_;
    double last_input_ = 0;
    bool pending_push_ = false;
    bool unsaved_ = false;
    bool unsaved_last_frame_ = false;
    int pending_saves_ = 0;
    std::uint64_t frames_ = 0;
    struct Toast {
        std::string text;
        double until;
        bool error;
    };
    std::vector<Toast> toasts_;
    std::map<std::string, Rect> anchors_, anchors_last_;
    ClipRecord clipped_;
    bool high_contrast_applied_ = false;
    std::string last_error_;
    SyncLine sync_shown_;
    std::map<std::type_index, std::shared_ptr<void>> states_;
    std::uint64_t states_epoch_ = 0;  // App::session_epoch() the states belong to
};

}  // namespace vsys::ui
