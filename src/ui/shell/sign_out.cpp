// Signing out with work not yet sent. Nothing is lost at sign-out: what waits stays on this device
// and goes at the organisation's next sign-in and sync. But a nurse leaving a shared clinic PC
// expects to be told, so when the top bar's 送信待ち is not zero (the app's SyncSummary, the
// same count) the button asks first, naming how many wait and where they go, with three answers:
// 同期してからログアウト (runs the sync; signs out when it succeeded and nothing waits any more;
// else says why, stays signed in and offers ログアウト anyway), ログアウト, and ログアウトをやめる.
// While that sync runs the question shows what it is doing (the typed sync view's phase and
// progress, as the 同期 screen shows it) and only ログアウトをやめる answers: the sync goes on,
// the user stays signed in, and a toast says so. Nothing waiting: no question. The training
// kiosk never publishes, so its 役割を切り替え never asks.
#include "app/base/i18n.hpp"
#include "app/session/session_contract.hpp"
#include "app/sync/sync_app.hpp"
#include "app/sync/sync_contract.hpp"
#include "imgui.h"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/shell.hpp"
#include "ui/sync/sync_progress.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
// The running sync's status while the question waits for it (the user's: gone at sign-out).
struct SignOutSync {
    KeptView<SyncStatusQuery> status;
};
}  // namespace

void Shell::request_sign_out() {
    if (!app_.kiosk() && app_.sync().summary().unsent() > 0) {
        sign_out_ = SignOut::asking;
        sign_out_error_.clear();
        return;
    }
    sign_out_now();
}

void Shell::sign_out_now() {
    sign_out_ = SignOut::idle;
    sign_out_error_.clear();
    run(Logout{}, nullptr);
    navigate_now("home", "", true);
}

void Shell::sign_out_modal() {
    if (!app_.session().signed_in()) sign_out_ = SignOut::idle;  // signed out meanwhile (the idle lock)
    if (sign_out_ == SignOut::idle) {
        confirmation(*this, false, {.anchor = "signout"});
        return;
    }
    const SyncSummary s = app_.sync().summary();
    const std::string reason = s.error_code.empty() ? std::string() : app_.error_text(app_.sync().run().error);
    if (sign_out_ == SignOut::syncing && !s.running) {
        if (s.error_code.empty() && s.unsent() == 0) {
            sign_out_now();
            confirmation(*this, false, {.anchor = "signout"});
            return;
        }
        sign_out_ = SignOut::asking;
        sign_out_error_ = s.error_code.empty()
                              ? fill_placeholders(tr("signout.still_waiting"), {{"count", std::to_string(s.unsent())}})
                              : fill_placeholders(tr("signout.sync_failed"), {{"reason", reason}});
    }
    Confirmation c{.anchor = "signout", .title = tr("signout.title")};
    c.question = fill_placeholders(tr("signout.body"), {{"count", std::to_string(s.unsent())},
                                                        {"org", app_.directory().org_name(app_.session().org)}});
    // The last run's failure, unless the answer below already says it.
    if (!reason.empty() && sign_out_error_.empty())
        c.question += "\n" + fill_placeholders(tr("signout.last_failed"), {{"reason", reason}});
    c.confirm_label = tr("signout.sync_first");
    c.confirm_anchor = "signout.sync";
    c.other_label = tr("session.logout");
    c.other_anchor = "signout.logout";
    c.cancel_label = tr("signout.stay");  // what it does: the user stays signed in
    c.error = sign_out_error_;
    const bool syncing = sign_out_ == SignOut::syncing;
    c.detail = [&] {
        if (syncing) {
            // Progress changes without a revision while answers arrive: asked every frame.
            KeptView<SyncStatusQuery>& status = state<SignOutSync>().status;
            status.reset();
            if (const SyncStatusView* st = status.get(app_, SyncStatusQuery{}); st && st->running)
                sync_progress(*this, *st, "signout.progress", modal_text_width(c.width) - ImGui::GetCursorPosX());
            text_wrapped(tr("signout.syncing"));
            anchor("signout.syncing");
        }
        return !syncing;
    };
    c.on_confirm = [&] {
        sign_out_error_ = run(StartSync{}, nullptr);
        if (sign_out_error_.empty()) sign_out_ = SignOut::syncing;
        return false;  // stays open until the sync has ended
    };
    const Answer a = confirmation(*this, true, c);
    if (a == Answer::other) sign_out_now();
    if (a == Answer::cancelled) {  // a sync under way goes on; the user stays signed in, and is told so
        if (syncing) toast(tr("signout.stayed_syncing"));
        sign_out_ = SignOut::idle;
        sign_out_error_.clear();
    }
}

}  // namespace vsys::ui
