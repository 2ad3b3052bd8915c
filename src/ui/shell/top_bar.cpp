// The top bar (UX.md "Frame of every screen"): product, organisation and role, user, device,
// the state of the exchange, the language switch and sign-out. The sync state says what a user
// needs before trusting what they see: when this device last reached the exchange, what waits
// to be sent, and, in the warning colour and with a word, refused bundles, conflicts and an
// exchange that cannot be reached; a click on it opens 同期. The bar condenses with the window:
// at a clinic PC's 1366 px everything is on one line while it fits; below that (or when a long
// organisation name, an English role and a device name do not fit) the organisation line moves
// under it, packed into as many lines as it takes (the organisation, then the role and the user),
// and on a phone the sync state keeps its two most urgent parts, on a line of its own when it
// does not fit beside the title. A text still cut (a name wider than the phone) keeps its whole
// form in a tooltip and is noted in the clip record (topbar.who, topbar.sync).
#include <algorithm>
#include <string>
#include <vector>

#include "app/session/session_contract.hpp"
#include "app/session/settings_contract.hpp"
#include "app/sync/sync_app.hpp"
#include "core/base/display_time.hpp"
#include "imgui.h"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/clip_record.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

const ImVec4 k_on_accent{1, 1, 1, 1};
const ImVec4 k_warning_on_accent{1.0f, 0.82f, 0.35f, 1};

void tooltip_if_hovered(const std::string& text) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(420);
    text_wrapped(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// The organisation line's parts (name and code, role, user, device) packed into as few lines of
// `width` pixels as they fit, joined by 「 ｜ 」; a part wider than a line alone is cut with "…".
struct WhoLine {
    std::string shown, whole;
    bool cut = false;
};
std::vector<WhoLine> pack_parts(const std::vector<std::string>& parts, float width) {
    const std::string sep = " ｜ ";
    std::vector<WhoLine> lines;
    for (const std::string& p : parts) {
        if (p.empty()) continue;
        if (!lines.empty() && !lines.back().cut &&
            ImGui::CalcTextSize((lines.back().shown + sep + p).c_str()).x <= width) {
            lines.back().shown += sep + p;
            lines.back().whole += sep + p;
            continue;
        }
        WhoLine l;
        l.whole = p;
        l.shown = fit_text(p, width, l.cut);
        lines.push_back(l);
    }
    return lines;
}

}  // namespace

// The sync state as the bar shows it: a short line, a warning flag and the full text.
Shell::SyncLine Shell::sync_line(bool compact) const {
    const SyncSummary s = app_.sync().summary();
    const bool english = app_.language() == Language::en;
    SyncLine line;
    std::vector<std::string> parts, full;
    auto count = [&](const char* key, std::size_t n) {
        return fill_placeholders(tr(key), {{"count", std::to_string(n)}});
    };
    if (s.running) {
        parts.push_back(tr("topbar.sync.running"));
    } else if (s.last_success == 0) {
        parts.push_back(tr("topbar.sync.never"));
    } else {
        // Today's syncs by the clock alone; older ones with their date.
        const std::string when = display_time(s.last_success, english);
        const bool today = display_time(app_.now(), english).substr(0, 10) == when.substr(0, 10);
        parts.push_back(fill_placeholders(tr("topbar.sync.last"),
                                          {{"time", today ? when.substr(when.size() - 5) : when.substr(5)}}));
    }
    full.push_back(tr("sync.last_success") + ": " +
                   (s.last_success ? display_time(s.last_success, english) : tr("topbar.sync.never")));
    const std::size_t waiting = s.unsent();
    if (waiting > 0) parts.push_back(count("topbar.sync.waiting", waiting));
    full.push_back(tr("sync.waiting") + ": " +
                   fill_placeholders(tr("sync.waiting.value"), {{"changes", std::to_string(s.waiting_changes)},
                                                                {"bundles", std::to_string(s.waiting_bundles)}}));
    if (s.refused > 0) parts.push_back(count("topbar.sync.refused", s.refused)), line.warning = true;
    if (s.conflicts > 0) parts.push_back(count("topbar.sync.conflicts", s.conflicts)), line.warning = true;
    if (s.refused + s.conflicts > 0) full.push_back(tr("topbar.sync.look"));
    if (s.read_only) {
        parts.insert(parts.begin(), tr("topbar.sync.read_only"));
        full.push_back(tr("sync.write.none"));
        line.warning = true;
    } else if (s.key_refused) {
        parts.insert(parts.begin(), tr("topbar.sync.key_refused"));
        full.push_back(tr("sync.write.refused"));
        line.warning = true;
    }
    if (!host_.online()) {
        parts.insert(parts.begin(), tr("status.offline"));
        full.push_back(tr("sync.offline"));
        line.warning = true;
    } else if (s.exchange_unreachable) {
        parts.insert(parts.begin(), tr("topbar.exchange.down"));
        full.push_back(tr("sync.offline"));
        line.warning = true;
    }
    if (compact && parts.size() > 2) parts.resize(2);
    for (std::size_t i = 0; i < parts.size(); ++i) line.text += (i ? " ・ " : "") + parts[i];
    line.text = std::string(line.warning ? tr("mark.warn") + " " : "● ") + line.text;
    for (std::size_t i = 0; i < full.size(); ++i) line.detail += (i ? "\n" : "") + full[i];
    return line;
}

void Shell::top_bar() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = vp->WorkSize.x;
    const ImGuiStyle& st = ImGui::GetStyle();
    const Session& session = app_.session();
    // A phone (390 px) or a small tablet: the organisation line goes to a second row and the
    // sync state keeps its two most urgent parts.
    const bool narrow = width < 1100;
    const bool phone = width < 600;
    const float row = ImGui::GetFrameHeight() + 16;
    const float pad = phone ? 8.0f : 16.0f;  // the bar's padding
    const float title_scale = phone ? 1.0f : 1.15f;
    std::string title = phone ? "V-SYS" : tr("app.title");
    const std::string kiosk_badge = app_.kiosk() ? tr("kiosk.badge") : std::string();
    auto button_w = [&](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x + st.FramePadding.x * 2; };

    // Right side, measured first: saving, sync state, language, sign-out.
    const SyncLine sync = sync_line(narrow);
    sync_shown_ = sync;
    const std::string saving_text = saving() ? tr("app.saving") : std::string();
    const std::string lang = tr("lang.toggle");
    const std::string logout = tr(app_.kiosk() ? "kiosk.switch" : "session.logout");
    float right = button_w(lang) + st.ItemSpacing.x;
    if (session.signed_in()) right += button_w(logout) + st.ItemSpacing.x;

    // Where the title (and the kiosk's badge) end, measured before the bar is drawn: its height
    // depends on what fits beside them. A phone in the kiosk has no room for the title, the badge
    // and both buttons (「役割を切り替え」 ran 32 px past the edge at 390 px): the badge stays,
    // always in sight, and the title goes.
    auto title_end = [&] {
        float e = pad + (title.empty() ? 0.0f : ImGui::CalcTextSize(title.c_str()).x * title_scale);
        if (!kiosk_badge.empty()) e += (title.empty() ? 0.0f : phone ? 8.0f : 16.0f) + button_w(kiosk_badge);
        return e;
    };
    float left_end = title_end();
    if (phone && !kiosk_badge.empty() && left_end + 8 + right > width - pad) {
        title.clear();
        left_end = title_end();
    }
    if (!saving_text.empty() && !phone) right += ImGui::CalcTextSize(saving_text.c_str()).x + st.ItemSpacing.x;
    const float line_w = width - pad * 2;
    float sync_w = std::max(0.0f, width - pad * 2 - left_end - right - 16);
    // On a phone the sync state that does not fit beside the title takes a line of its own, under
    // the organisation's, rather than being cut to a mark.
    const bool sync_below = phone && ImGui::CalcTextSize(sync.text.c_str()).x > sync_w;
    if (sync_below) sync_w = line_w;
    bool sync_cut = false;
    const std::string sync_text = fit_text(sync.text, sync_w, sync_cut);
    const float sync_text_w = ImGui::CalcTextSize(sync_text.c_str()).x;

    // The organisation line: on the first row when everything fits, else below it, packed into as
    // few lines as it takes (on a phone: the organisation, then the role with the user), so that
    // neither the role nor the user's V-SYS ID is cut where a line of its own holds it.
    std::vector<std::string> parts;
    if (session.signed_in()) {
        const auto& dir = app_.directory();
        const auto idx = dir.tree().find(session.org);
        const std::string code = idx == k_no_org ? std::string() : std::string(dir.tree().code(idx));
        parts = {dir.org_name(session.org) + (code.empty() ? "" : " " + code), tr(std::string("role.") + role_id(session.role)),
                 session.name + "（" + session.vsys_id + "）", app_.settings().device_name};
    }
    std::string who;
    for (const std::string& p : parts)
        if (!p.empty()) who += (who.empty() ? "" : " ｜ ") + p;
    // Beside the title on a wide screen while it fits there whole (a long organisation name with an
    // English role does not at 1366 px), else below.
    const float beside_w = width - pad - left_end - 24 - (sync_text_w + right + 24);
    const bool below_title = narrow || ImGui::CalcTextSize(who.c_str()).x > beside_w;
    const std::vector<WhoLine> who_lines = below_title ? pack_parts(parts, line_w) : std::vector<WhoLine>{};
    const float line = ImGui::GetTextLineHeight();
    const std::size_t below = who_lines.size() + (sync_below ? 1 : 0);
    const float h = below ? row + below * line + (below - 1) * st.ItemSpacing.y + 6 : row;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour::accent);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, 8));
    // The bar never scrolls: the wheel over it is the screen's.
    ImGui::BeginChild("##top", ImVec2(0, h), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushStyleColor(ImGuiCol_Text, k_on_accent);
    ImGui::AlignTextToFramePadding();
    if (!title.empty()) {
        ImGui::SetWindowFontScale(title_scale);
        ImGui::TextUnformatted(title.c_str());
        ImGui::SetWindowFontScale(1.0f);
        anchor("topbar.title");
    }
    if (app_.kiosk()) {
        // Always in sight: nothing done here reaches a real deployment.
        if (!title.empty()) ImGui::SameLine(0, phone ? 8.0f : 16.0f);
        ImGui::PushStyleColor(ImGuiCol_Button, colour::pending);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::pending);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour::pending);
        ImGui::Button(kiosk_badge.c_str());
        ImGui::PopStyleColor(3);
        anchor("topbar.kiosk");
    }
    const float drawn_left_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;

    if (!below_title && session.signed_in()) {
        const float space = width - pad - drawn_left_end - 24 - (sync_text_w + right + 24);
        bool cut = false;
        const std::string shown = fit_text(who, space, cut);
        ImGui::SameLine(0, 24);
        ImGui::TextUnformatted(shown.c_str());
        anchor("topbar.who");
        if (cut) {
            tooltip_if_hovered(who);
            note_clipped(who, "topbar.who");
        }
    }

    // The sync state, beside the title or (sync_below) drawn after the organisation's lines.
    bool open_sync = false;
    auto sync_state = [&] {
        ImGui::PushStyleColor(ImGuiCol_Text, sync.warning ? k_warning_on_accent : k_on_accent);
        ImGui::TextUnformatted(sync_text.c_str());
        ImGui::PopStyleColor();
        anchor("topbar.sync");
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        tooltip_if_hovered(sync.detail);  // every part, whether or not the line was cut
        if (sync_cut) note_clipped(sync.text, "topbar.sync");
        open_sync = ImGui::IsItemClicked() && session.signed_in();
    };
    if (sync_below) ImGui::SameLine(std::max(width - pad - right, drawn_left_end + 8));
    else {
        ImGui::SameLine(std::max(width - pad - right - sync_text_w - 8, ImGui::GetCursorPosX() + 8));
        sync_state();
    }
    if (!saving_text.empty() && !phone) {
        ImGui::SameLine();
        ImGui::TextUnformatted(saving_text.c_str());
    }
    if (!sync_below) ImGui::SameLine();
    ImGui::PopStyleColor();  // buttons in the theme's own colours
    const bool lang_pressed = ImGui::Button(lang.c_str());
    anchor("topbar.language");
    bool out = false;
    if (session.signed_in()) {
        ImGui::SameLine();
        out = ImGui::Button(logout.c_str());
        anchor("topbar.logout");
    }
    if (!who_lines.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, k_on_accent);
        ImGui::BeginGroup();
        std::string whole;
        bool cut = false;
        for (const WhoLine& l : who_lines) {
            ImGui::TextUnformatted(l.shown.c_str());
            whole += (whole.empty() ? "" : " ｜ ") + l.whole;
            if (l.cut) note_clipped(l.whole, "topbar.who");
            cut = cut || l.cut;
        }
        ImGui::EndGroup();
        anchor("topbar.who");
        if (cut) tooltip_if_hovered(whole);
        ImGui::PopStyleColor();
    }
    if (sync_below) sync_state();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    if (open_sync) go("sync");
    if (lang_pressed) {
        UpdateSettings c;
        c.language = app_.language() == Language::ja ? Language::en : Language::ja;
        run(c, nullptr);
    }
    if (out) request_sign_out();
}

}  // namespace vsys::ui
