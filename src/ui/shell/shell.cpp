// Index:
// [SECTION] session state, commands and durability
// [SECTION] navigation and the idle lock
// [SECTION] the frame: top bar, breadcrumb, body
// [SECTION] pages of the shell: preparing, no access, leave, toasts
#include "ui/shell/shell.hpp"

#include <algorithm>

#include "app/base/storage_failure.hpp"
#include "app/kiosk/kiosk_contract.hpp"
#include "app/session/session_contract.hpp"
#include "app/session/settings_contract.hpp"
#include "core/base/display_time.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID, ClosePopupToLevel: the previous user's field and dialog
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

// [SECTION] session state, commands and durability
Shell::Shell(App& app, Host& host) : app_(app), host_(host), states_epoch_(app.session_epoch()) {
    host_.set_page_language(language_code(app_.language()));
}

// At the start of a frame, never inside one: a screen may hold a reference to its state while
// it runs the command that signs out. A field still being typed into keeps its text in ImGui
// (and writes it back into the new buffer) and a dialog stays open, so both go too.
void Shell::drop_states_of_ended_session() {
    if (states_epoch_ == app_.session_epoch()) return;
    states_.clear();
    states_epoch_ = app_.session_epoch();
    ImGui::ClearActiveID();
    if (!GImGui->OpenPopupStack.empty()) ImGui::ClosePopupToLevel(0, false);
}

std::string Shell::time_text(std::string_view utc) const {
    return display_time(utc, app_.language() == Language::en);
}

std::string Shell::date_text(std::string_view iso_date) const {
    auto d = parse_iso_date(iso_date);
    return d ? display_date(*d, app_.language() == Language::en) : std::string(iso_date);
}

void Shell::toast(std::string text, bool error) {
    toasts_.push_back({std::move(text), host_.now_seconds() + (error ? 6.0 : 2.5), error});
}

std::string Shell::answered(const Result<Versions>& r, Language before, const char* success_key) {
    last_error_.clear();
    if (!r) {
        last_error_ = app_.error_text(r.error());
        toast(last_error_, true);
        return last_error_;
    }
    if (app_.language() != before) host_.set_page_language(language_code(app_.language()));
    if (r->empty()) return {};  // nothing stored (e.g. signing in or out)
    std::string key = success_key ? success_key : "";
    when_durable([this, key]() {
        if (!key.empty()) toast(tr(key));
    });
    return {};
}

void Shell::when_durable(std::function<void()> then) {
    ++pending_saves_;
    host_.make_durable([this, then = std::move(then)](const std::string& error) {
        --pending_saves_;
        if (!error.empty()) toast(app_.error_text(storage_failure(error)), true);
        else then();
    });
}

// [SECTION] navigation and the idle lock
void Shell::go(const std::string& id, const std::string& param) {
    if (id == screen_ && param == param_) return;
    if (unsaved_last_frame_) {
        pending_screen_ = id;
        pending_param_ = param;
        pending_push_ = true;
        return;
    }
    navigate_now(id, param, true);
}

static std::string route_of(const std::string& id, const std::string& param) {
    return "#/" + id + (param.empty() ? "" : "/" + param);
}

void Shell::on_route(const std::string& route) {
    std::string id = route;
    if (id.rfind("#", 0) == 0) id.erase(0, 1);
    if (id.rfind("/", 0) == 0) id.erase(0, 1);
    std::string param;
    if (auto slash = id.find('/'); slash != std::string::npos) {
        param = id.substr(slash + 1);
        id.erase(slash);
    }
    if (id.empty()) id = "home";
    if (id == screen_ && param == param_) return;
    if (unsaved_last_frame_) {
        // The browser already moved back; ask, and restore the route if the user stays.
        pending_screen_ = id;
        pending_param_ = param;
        pending_push_ = false;
        host_.push_route(route_of(screen_, param_));
        return;
    }
    navigate_now(id, param, false);
}

void Shell::navigate_now(const std::string& id, const std::string& param, bool push) {
    screen_ = id;
    param_ = param;
    unsaved_last_frame_ = false;
    if (push) host_.push_route(route_of(id, param));
}

std::string Shell::reset_kiosk() {
    auto r = app_.run(KioskReset{});
    if (!r) {
        toast(app_.error_text(r.error()), true);
        return app_.error_text(r.error());
    }
    // Removed files are a change too, even when no version was stored.
    when_durable([this]() { host_.reload(); });
    return {};
}

// Shared PCs and kiosks: a session left alone signs itself out; a kiosk left alone also goes
// back to the clean demo state for the next trainee.
void Shell::idle_lock() {
    const double now = host_.now_seconds();
    if (last_input_ == 0) last_input_ = now;
    if (now - last_input_ <= app_.settings().idle_lock_minutes * 60.0) return;
    if (app_.kiosk()) {
        last_input_ = now;  // once per idle period
        auto v = app_.ask(KioskQuery{});
        if (v && v->trainee_documents > 0) {
            toast(tr("kiosk.idle_reset"));
            reset_kiosk();
            return;
        }
    }
    if (!app_.session().signed_in()) return;
    app_.run(Logout{});
    toast(tr("session.idle_locked"));
    navigate_now("home", "", true);
}

// [SECTION] the frame: top bar, breadcrumb, body
void Shell::anchor(const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    anchors_[name] = Rect{a.x, a.y, b.x - a.x, b.y - a.y};
}

void Shell::frame() {
    ++frames_;
    anchors_.clear();
    clipped_.begin_frame();
    set_clip_record(&clipped_);
    if (app_.settings().high_contrast != high_contrast_applied_) {
        high_contrast_applied_ = app_.settings().high_contrast;
        apply_theme(high_contrast_applied_);
    }
    idle_lock();
    drop_states_of_ended_session();
    unsaved_ = false;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    top_bar();
    breadcrumb();
    close_modal_on_escape();
    body();
    leave_modal();
    sign_out_modal();
    ImGui::End();
    toasts();
    unsaved_last_frame_ = unsaved_;
    anchors_last_ = anchors_;
    set_clip_record(nullptr);
    clipped_.end_frame();
}

int Shell::step_text_size(int steps) {
    const int now = app_.settings().text_size;
    const int next = std::clamp(now + steps * k_text_size_step, k_text_size_min, k_text_size_max);
    if (next != now) {
        UpdateSettings c;
        c.text_size = next;
        run(c, nullptr);
    }
    return app_.settings().text_size;
}

void Shell::breadcrumb() {
    ImGui::SetCursorPos(ImVec2(16, ImGui::GetCursorPosY() + 6));
    // Each step beside the last while the line has room, else on a line of its own (a phone).
    const float right = ImGui::GetWindowContentRegionMax().x - 16;
    auto next = [&](const std::string& text) {
        const float w = ImGui::CalcTextSize(("> " + text).c_str()).x + ImGui::GetStyle().ItemSpacing.x * 2;
        if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + w <= right) {
            ImGui::SameLine();
        } else {
            ImGui::SetCursorPosX(16);
        }
        ImGui::TextDisabled(">");
        ImGui::SameLine();
    };
    const bool at_home = screen_ == "home";
    if (at_home) {
        ImGui::TextUnformatted(tr("nav.home").c_str());
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::accent);
        ImGui::TextUnformatted(tr("nav.home").c_str());
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        anchor("breadcrumb.home");
        if (ImGui::IsItemClicked()) go("home");
        if (const ScreenInfo* s = find_screen(screen_)) {
            if (s->parent[0] != '\0')
                if (const ScreenInfo* parent = find_screen(s->parent)) {
                    next(tr(parent->title_key));
                    ImGui::PushStyleColor(ImGuiCol_Text, colour::accent);
                    ImGui::TextUnformatted(tr(parent->title_key).c_str());
                    ImGui::PopStyleColor();
                    anchor(std::string("breadcrumb.") + parent->id);
                    if (ImGui::IsItemClicked()) go(parent->id);
                }
            next(tr(s->title_key));
            ImGui::PushTextWrapPos(right);
            text_wrapped(tr(s->title_key));
            ImGui::PopTextWrapPos();
            if (!param_.empty()) {
                same_line_if_room(ImGui::CalcTextSize(param_.c_str()).x);
                muted_text(param_);
            }
        }
    }
    ImGui::Separator();
}

void Shell::body() {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 12));
    ImGui::BeginChild("##body", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    const ScreenInfo* info = find_screen(screen_);
    DrawScreen draw = find_draw(screen_);
    if (screen_ != "home" && (!info || !draw || !screen_visible(*info, role()) || info->retired_key[0] != '\0')) {
        no_access_page();
    } else {
        draw(*this);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

// [SECTION] pages of the shell: preparing, no access, leave, toasts
bool Shell::directory_pending() {
    if (app_.directory_ready() || frames_ >= 3) return false;
    muted_text(tr("app.preparing"));
    return true;
}

void Shell::no_access_page() {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
    ImGui::SetWindowFontScale(1.3f);
    ImGui::TextUnformatted((tr("mark.warn") + " " + tr("err.no_access")).c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopStyleColor();
    anchor("no_access");
    text_wrapped(tr("no_access.help"));
    const bool home = ImGui::Button(tr("nav.home").c_str());
    anchor("no_access.home");
    if (home) go("home");
}

void Shell::leave_modal() {
    Confirmation c{.anchor = "leave",
                   .title = tr("leave.title"),
                   .question = tr("leave.body"),
                   .confirm_label = tr("leave.discard")};
    c.confirm_anchor = "leave.discard";
    c.destructive = true;
    c.width = ImGui::GetFontSize() * 30;
    const Answer a = confirmation(*this, !pending_screen_.empty(), c);
    if (a == Answer::confirmed) navigate_now(pending_screen_, pending_param_, true);
    if (a != Answer::none) pending_screen_.clear();
}

void Shell::toasts() {
    const double now = host_.now_seconds();
    toasts_.erase(std::remove_if(toasts_.begin(), toasts_.end(), [now](const Toast& t) { return t.until < now; }),
                  toasts_.end());
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float y = vp->WorkPos.y + vp->WorkSize.y - 16;
    int i = 0;
    for (auto it = toasts_.rbegin(); it != toasts_.rend(); ++it, ++i) {
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 16, y), 0, ImVec2(1, 1));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, it->error ? ImVec4(1.0f, 0.93f, 0.93f, 1) : ImVec4(0.92f, 0.97f, 0.93f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, it->error ? colour::error : colour::confirmed);
        char name[32];
        std::snprintf(name, sizeof name, "##toast%d", i);
        // A toast passes clicks through: it must never cover the button a user reaches for next
        // (the summary's CSV sat under 「保存しました」 at 1366×800).
        ImGui::Begin(name, nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
        // The mark stands apart, so that a long Japanese message wraps by itself instead of
        // breaking at the space after the mark. At most 420 px, less on a phone: the toast
        // keeps 16 px from either edge of the screen.
        ImGui::PushTextWrapPos(std::min(420.0f, vp->WorkSize.x - 32 - ImGui::GetStyle().WindowPadding.x));
        text_wrapped(tr(it->error ? "mark.warn" : "mark.ok"));
        ImGui::SameLine(0, 6);
        text_wrapped(it->text);
        ImGui::PopTextWrapPos();
        y -= ImGui::GetWindowHeight() + 8;
        ImGui::End();
        ImGui::PopStyleColor(2);
    }
}

}  // namespace vsys::ui
