// 同期 (the sync panel, reachable from every home screen): when this device last exchanged with
// the exchange, what waits to be sent, a running sync's progress, bundles that were refused
// with their reason, and conflicts between two devices of one organisation, each shown with
// both versions until the user keeps one (confirmed first). Export and import of a bundle file
// carry the same bundles on a USB stick when there is no network.
#include <algorithm>
#include <map>

#include "app/sync/sync_contract.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/sync/sync_progress.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

struct SyncScreen {
    KeptView<SyncStatusQuery> status;
    std::optional<ImportReport> import_report;  // the last import's answer
    std::string import_error;
    std::string confirm_key, confirm_hash;  // a version chosen to keep, awaiting confirmation
    std::string confirm_title;              // its document as the list names it
    std::string modal_error;
    std::string key_id, secret;  // a store key typed in by hand (no key, or the one held refused)
    std::string key_error;
    std::map<std::string, KeptTable> heads;  // per conflicting document
    KeptTable rejected;
};

// "2026-11-24T23:40:05Z" → "2026/11/25(水) 08:40" (Japan time, as users read their clocks).
std::string local_time(const Shell& shell, const std::string& iso) {
    return iso.empty() ? std::string("-") : shell.time_text(iso);
}

void status_section(Shell& shell, SyncScreen& ss, const SyncStatusView& st) {
    form_label(shell.tr("sync.last_success"));
    form_value(local_time(shell, st.last_success));
    form_label(shell.tr("sync.device"));
    const bool read_only = st.read_only;
    // No key, or the key held refused by the store (rotated, and nothing newer reached this
    // device): it can sign but not send, said once in its own row below with what to do.
    const bool key_refused = !read_only && st.key_refused;
    if (st.enrolled && (read_only || key_refused)) form_value(shell.tr("sync.enrolled.read_only"));
    else if (st.enrolled) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::confirmed);
        form_value(shell.tr("sync.enrolled"));  // wrapped: it ran past a phone's edge
        ImGui::PopStyleColor();
    }
    else form_value(shell.tr("sync.not_enrolled"));
    if (read_only || key_refused) {
        form_label(shell.tr("sync.write"));
        // At most 560 px wide, less on a phone (where the row has stacked under its label).
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(560.0f, ImGui::GetContentRegionAvail().x));
        ImGui::PushStyleColor(ImGuiCol_Text, colour::pending);
        text_wrapped(key_refused && st.error ? st.error->message : shell.tr("sync.write.none"));
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        shell.anchor(key_refused ? "sync.key_refused" : "sync.read_only");
        // The fallback: the operator's key file typed in (nothing sealed reaches this device).
        form_label("");
        text_wrapped(shell.tr("sync.write.paste"));
        form_label(shell.tr("sync.write.key_id"));
        text_field(shell, "sync.key_id", ss.key_id, "sync.write.key_id", 128, 320);
        form_label(shell.tr("sync.write.secret"));
        text_field(shell, "sync.secret", ss.secret, "sync.write.secret", 128, 320, nullptr, ImGuiInputTextFlags_Password);
        form_label("");
        if (ImGui::Button(shell.tr("sync.write.save").c_str())) {
            ss.key_error = shell.run(SetStoreKey{ss.key_id, ss.secret}, "sync.write.saved");
            if (ss.key_error.empty()) ss.key_id.clear(), ss.secret.clear();
        }
        shell.anchor("sync.key_save");
        if (!ss.key_error.empty()) field_message(ss.key_error, true);
    } else if (st.store_key) {
        form_label(shell.tr("sync.write"));
        ImGui::TextUnformatted(fill_placeholders(shell.tr("sync.write.key"),
                                                 {{"key_id", st.store_key->key_id},
                                                  {"version", std::to_string(st.store_key->version)}})
                                   .c_str());
    }
    form_label(shell.tr("sync.waiting"));
    form_value(fill_placeholders(shell.tr("sync.waiting.value"),
                                 {{"changes", std::to_string(st.pending)}, {"bundles", std::to_string(st.outbox)}}));
    const bool exchange_down = st.error && st.error->code.rfind("transport.", 0) == 0;
    if (!shell.host().online() || exchange_down) {
        ImGui::Spacing();
        text_wrapped(shell.tr("sync.offline"));
    }
    ImGui::Spacing();
    if (st.running) {
        text_wrapped(shell.tr("sync.running"));
        sync_progress(shell, st, "sync.progress");
    } else {
        // A device that may not write says so once, in its own row above.
        if (st.error && st.error->code != "sync.read_only" && st.error->code != "sync.key_refused") {
            field_message(st.error->message, true);
        } else if (st.error) {
            // It read the exchange through but could not send (the row above says why): never
            // 「同期しました」 in green while the work waits.
            ImGui::PushStyleColor(ImGuiCol_Text, colour::pending);
            text_wrapped(fill_placeholders(shell.tr("sync.done_receive_only"),
                                           {{"accepted", std::to_string(st.accepted)},
                                            {"rejected", std::to_string(st.rejected_count)}}));
            ImGui::PopStyleColor();
            shell.anchor("sync.done_receive_only");
        } else if (!st.finished.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, colour::confirmed);
            text_wrapped(fill_placeholders(shell.tr("sync.done"), {{"pushed", std::to_string(st.pushed)},
                                                                   {"accepted", std::to_string(st.accepted)},
                                                                   {"rejected", std::to_string(st.rejected_count)}}));
            ImGui::PopStyleColor();
        }
    }
    ImGui::BeginDisabled(st.running);
    if (ImGui::Button(shell.tr("sync.now").c_str())) shell.run(StartSync{}, "sync.started");
    shell.anchor("sync.now");
    ImGui::EndDisabled();
    // The buttons wrap rather than run off a phone's edge.
    const auto button_width = [](const std::string& text) {
        return ImGui::CalcTextSize(text.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    };
    same_line_if_room(button_width(shell.tr("sync.export")), ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button(shell.tr("sync.export").c_str())) {
        // The file leaves the page only once the outbox naming its bundles is stored (save_file).
        if (auto file = shell.run(ExportBundle{})) {
            shell.host().save_file(file->file_name, file->data);
            shell.toast(shell.tr("sync.exported"));
        }
    }
    shell.anchor("sync.export");
    same_line_if_room(button_width(shell.tr("sync.import")), ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button(shell.tr("sync.import").c_str())) shell.host().pick_import_file();
    shell.anchor("sync.import");
    if (!ss.import_error.empty()) field_message(ss.import_error, true);
    if (ss.import_report) {
        const ImportReport& r = *ss.import_report;
        ImGui::TextUnformatted(fill_placeholders(shell.tr("sync.imported"),
                                                 {{"accepted", std::to_string(r.accepted)},
                                                  {"skipped", std::to_string(r.skipped)},
                                                  {"rejected", std::to_string(r.rejected.size())}})
                                   .c_str());
    }
}

void conflicts_section(Shell& shell, SyncScreen& ss, const SyncStatusView& st) {
    const std::vector<Conflict>& conflicts = st.conflicts;
    section_title(shell.tr("sync.conflicts"));
    if (conflicts.empty()) {
        muted_text(shell.tr("sync.no_conflicts"));
        return;
    }
    text_wrapped(shell.tr("sync.conflicts.help"));
    for (std::size_t n = 0; n < conflicts.size(); ++n) {
        const Conflict& c = conflicts[n];
        const std::string& key = c.key;
        // Anchors carry the conflict's place in the list and the version's in the conflict
        // (sync.keep.<n>.<i>): two conflicts on the screen never share one.
        const std::string place = std::to_string(n);
        ImGui::PushID(key.c_str());
        text_wrapped(c.title);
        shell.anchor("sync.conflict." + place);
        // The competing versions of this document in the shared Table: who wrote each, and when.
        KeptTable& t = ss.heads[key];
        const std::vector<ConflictHead>& heads = c.heads;
        if (t.stale(ss.status.loads())) {
            t.model.columns = {{shell.tr("sync.version"), false, "", 0, false},
                               {shell.tr("sync.author"), false, "", 0, false},
                               {shell.tr("sync.time"), false, "", 0, false}};
            t.model.rows.clear();
            for (std::size_t i = 0; i < heads.size(); ++i)
                t.model.rows.push_back({{std::to_string(i + 1)},
                                        {heads[i].this_device ? fill_placeholders(shell.tr("sync.author.this_device"), {{"author", heads[i].author}})
                                                              : heads[i].author},
                                        {local_time(shell, heads[i].time)}});
        }
        draw_table(shell, "##heads", t.model, t.built, t.state, {"sync.heads." + key, 0, false, ""});
        // What each version holds, whole and wrapped under the table (a table cell cuts a long
        // text to a tooltip, and a phone has no hover to read it by), and under it the button that
        // keeps it: not in a column of the table, which a phone scrolls out of sight.
        for (std::size_t i = 0; i < heads.size(); ++i) {
            form_label(fill_placeholders(shell.tr("sync.version_n"), {{"n", std::to_string(i + 1)}}), 80);
            form_value(heads[i].summary);
            shell.anchor("sync.content." + place + "." + std::to_string(i));
            form_label("", 80);
            if (wrapped_button(shell.tr("sync.keep") + "##" + std::to_string(i), true)) {
                ss.confirm_key = key;
                ss.confirm_title = c.title;
                ss.confirm_hash = heads[i].hash;
                ss.modal_error.clear();
            }
            shell.anchor("sync.keep." + place + "." + std::to_string(i));
        }
        ImGui::PopID();
    }
}

void rejected_section(Shell& shell, SyncScreen& ss, const SyncStatusView& st) {
    const std::vector<RefusedFile>& rejected = st.rejected;
    section_title(shell.tr("sync.rejected"));
    if (rejected.empty()) {
        muted_text(shell.tr("sync.no_rejected"));
        return;
    }
    KeptTable& t = ss.rejected;
    if (t.stale(ss.status.loads())) {
        t.model.columns = {{shell.tr("sync.file"), false, "", 0, false}, {shell.tr("sync.reason"), false, "", 0, false}};
        t.model.rows.clear();
        for (const auto& r : rejected) t.model.rows.push_back({{r.path}, {r.message}});
    }
    draw_table(shell, "##rejected", t.model, t.built, t.state, {"sync.rejected", 0, rejected.size() > 8, ""});
}

void keep_modal(Shell& shell, SyncScreen& ss) {
    Confirmation c{.anchor = "sync.keep",
                   .question = fill_placeholders(shell.tr("sync.keep.confirm"), {{"title", ss.confirm_title}}),
                   .confirm_label = shell.tr("sync.keep")};
    c.confirm_anchor = "sync.keep.confirm";
    c.error = ss.modal_error;
    c.on_confirm = [&] {
        ss.modal_error = shell.run(ResolveConflict{ss.confirm_key, ss.confirm_hash});
        return ss.modal_error.empty();
    };
    const Answer a = confirmation(shell, !ss.confirm_key.empty(), c);
    if (a == Answer::cancelled || (a == Answer::confirmed && ss.modal_error.empty())) ss.confirm_key.clear();
}

}  // namespace

void import_bundle_file(Shell& shell, const std::string& data) {
    SyncScreen& ss = shell.state<SyncScreen>();
    ss.import_report = shell.run(ImportBundle{data});
    ss.import_error = shell.last_error();
    if (ss.import_report) shell.toast(shell.tr("sync.import.done"));
    if (shell.screen() != "sync") shell.go("sync");
}

void draw_sync(Shell& shell) {
    screen_title(shell.tr("screen.sync"));
    if (shell.app().kiosk()) {
        notice(shell.tr("kiosk.sync"), 760);
        shell.anchor("sync.kiosk");
        return;
    }
    SyncScreen& ss = shell.state<SyncScreen>();
    // Progress changes without a revision while answers arrive: refresh every frame while running.
    if (ss.status.view() && ss.status.view()->running) ss.status.reset();
    const SyncStatusView* st = ss.status.get(shell.app(), SyncStatusQuery{});
    if (!st) return;
    status_section(shell, ss, *st);
    ImGui::Spacing();
    conflicts_section(shell, ss, *st);
    ImGui::Spacing();
    rejected_section(shell, ss, *st);
    keep_modal(shell, ss);
}

}  // namespace vsys::ui
