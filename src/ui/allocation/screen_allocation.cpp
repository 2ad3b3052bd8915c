// 配分状況: a round's overview for the user's organisation: the round state, the five steps
// ①-⑤ each with its status (colour and word: locked grey with a padlock, confirmed green,
// pending amber) and progress, the buttons of the step the user's level may take, and the
// children of its split. Locking, unlocking and moving the round on are confirmed in a modal that
// names what will change; an unlock also asks for the reason that is recorded with it.
#include <algorithm>
#include <cstring>

#include "app/allocation/chain_fields.hpp"
#include "ui/allocation/allocation_ui.hpp"
#include "ui/shell/cached_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

using nlohmann::json;

struct Overview {
    CachedView round_state;  // round_state {round}
    // The action waiting for confirmation.
    json command;
    std::string question;
    bool needs_reason = false;
    std::string reason;  // whole: over its limit it is refused, never cut
    std::string modal_error;
};

const char* const k_step_keys[] = {"alloc.step1", "alloc.step2", "alloc.step3", "alloc.step4", "alloc.step5"};

void ask(Overview& ov, json command, std::string question, bool needs_reason) {
    ov.command = std::move(command);
    ov.question = std::move(question);
    ov.needs_reason = needs_reason;
    ov.reason.clear();
    ov.modal_error.clear();
}

void steps(Shell& shell, const json& view) {
    if (!ImGui::BeginTable("##steps", 5, ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                             ImGuiTableFlags_SizingStretchSame))
        return;
    ImGui::TableNextRow();
    for (std::size_t i = 0; i < 5; ++i) {
        const auto& s = view["steps"][i];
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(shell.tr(k_step_keys[i]).c_str());
        status_badge(shell, s.value("status", "pending"));
        shell.anchor("alloc.step." + std::to_string(i + 1));
        std::string progress = fill_placeholders(shell.tr("alloc.progress"),
                                                 {{"done", std::to_string(s.value("done", 0))}, {"of", std::to_string(s.value("of", 0))}});
        if (s.value("stale", 0) > 0)
            progress += " " + fill_placeholders(shell.tr("alloc.stale"), {{"count", std::to_string(s.value("stale", 0))}});
        ImGui::TextDisabled("%s", progress.c_str());
    }
    ImGui::EndTable();
}

// The buttons of the user's level.
void actions(Shell& shell, Overview& ov, const std::string& round) {
    const json& view = ov.round_state.value();
    const std::string state = view.value("state", "");
    const std::string level = view.value("level", "");
    const std::string name = view.value("name", "");
    if (level == "nation") {
        if (state == "requests") {
            if (ImGui::Button(shell.tr("alloc.open_allocation").c_str()))
                ask(ov, {{"type", "set_round_state"}, {"round", round}, {"state", "allocating"}},
                    fill_placeholders(shell.tr("alloc.confirm_open"), {{"round", name}}), false);
            shell.anchor("alloc.open");
        } else if (state == "allocating") {
            // Nothing to confirm before ① is registered (core: chain.nothing_allocated).
            const bool allocated = !view["steps"].empty() && view["steps"][0].value("done", 0) > 0;
            ImGui::BeginDisabled(!allocated);
            if (ImGui::Button(shell.tr("alloc.close_allocation").c_str()))
                ask(ov, {{"type", "set_round_state"}, {"round", round}, {"state", "locked"}},
                    fill_placeholders(shell.tr("alloc.confirm_close"), {{"round", name}}), false);
            ImGui::EndDisabled();
            shell.anchor("alloc.close");
            if (!allocated) disabled_reason(shell.tr("alloc.close_needs_amounts"));
        }
        ImGui::SameLine();
    }
    if (state == "allocating" && level != "site" && level != "venue") {
        if (ImGui::Button(shell.tr("alloc.simulate." + level).c_str())) shell.go("simulation");
        shell.anchor("alloc.simulate");
    }
    if (level == "prefecture" && state == "allocating") {
        // ⑤ names exactly the municipalities whose current ④ is registered and not yet locked.
        std::string names;
        json munis = json::array();
        for (const auto& c : view["children"])
            if (c.value("registered", false) && !c.value("locked", false) && !c.value("stale", false)) {
                names += (names.empty() ? "" : "、") + c.value("name", "");
                munis.push_back(c.value("org", ""));
            }
        const int count = static_cast<int>(munis.size());
        ImGui::SameLine();
        ImGui::BeginDisabled(count == 0);
        if (ImGui::Button(shell.tr("alloc.lock_sites").c_str()))
            ask(ov, {{"type", "lock_sites"}, {"round", round}, {"municipalities", munis}},
                fill_placeholders(shell.tr("alloc.confirm_lock_sites"), {{"count", std::to_string(count)}, {"names", names}}), false);
        ImGui::EndDisabled();
        shell.anchor("alloc.lock_sites");
        if (count == 0) disabled_reason(shell.tr("alloc.lock_sites_none"));
        // Only locks that hold can be undone (core: chain.not_locked).
        bool any_locked = false;
        for (const auto& c : view["children"]) any_locked = any_locked || c.value("locked", false);
        ImGui::SameLine();
        ImGui::BeginDisabled(!any_locked);
        if (ImGui::Button(shell.tr("alloc.unlock_sites").c_str()))
            ask(ov, {{"type", "unlock_sites"}, {"round", round}}, shell.tr("alloc.confirm_unlock_sites"), true);
        ImGui::EndDisabled();
        shell.anchor("alloc.unlock_sites");
        if (!any_locked) disabled_reason(shell.tr("alloc.unlock_sites_none"));
    }
    if (level == "site" || level == "venue") {
        if (ImGui::Button(shell.tr("screen.deliveries").c_str())) shell.go("deliveries");
        shell.anchor("alloc.deliveries");
    }
}

std::string boxes_or_dash(const json& v) { return v.is_number_integer() ? format_grouped(v.get<std::int64_t>()) : "-"; }

// The nation's ③ cell of a prefecture: its lock or unlock button while allocating.
void nation_lock_cell(Shell& shell, Overview& ov, const std::string& round, const json& c) {
    const std::string org = c.value("org", "");
    const bool locked = c.value("locked", false), registered = c.value("registered", false);
    status_badge(shell, locked ? "locked" : "pending");
    if (ov.round_state.value().value("state", "") != "allocating" || (!locked && !registered)) return;
    ImGui::SameLine();
    if (!locked) {
        if (ImGui::SmallButton(shell.tr("alloc.lock").c_str()))
            ask(ov, {{"type", "lock_prefecture"}, {"round", round}, {"prefecture", org}},
                fill_placeholders(shell.tr("alloc.confirm_lock_prefecture"),
                                  {{"name", c.value("name", "")}, {"amount", boxes_or_dash(c.value("amount", json()))}}),
                false);
        shell.anchor("alloc.lock." + org);
    } else {
        if (ImGui::SmallButton(shell.tr("alloc.unlock").c_str()))
            ask(ov, {{"type", "unlock_prefecture"}, {"round", round}, {"prefecture", org}},
                fill_placeholders(shell.tr("alloc.confirm_unlock_prefecture"), {{"name", c.value("name", "")}}), true);
        shell.anchor("alloc.unlock." + org);
    }
}

// Prefectures (for the nation): ① amount, ② status, ③ lock, ⑤ progress of its municipalities.
// Municipalities (for a prefecture): ② amount, ④ status, ⑤ status. Sites (for a municipality):
// the ④ boxes with needles and syringes.
void children(Shell& shell, Overview& ov, const std::string& round) {
    const std::string level = ov.round_state.value().value("level", "");
    const json& rows = ov.round_state["children"];
    if (rows.empty()) return;
    section_title(shell.tr("alloc.children." + level));
    const bool nation = level == "nation", sites = level == "municipality";
    const int columns = nation ? 6 : 5;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersV | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##children", columns, flags, ImVec2(0, std::max(220.0f, ImGui::GetContentRegionAvail().y))))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(shell.tr("alloc.col.name").c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(shell.tr("alloc.col.request").c_str(), ImGuiTableColumnFlags_WidthFixed, 100);
    if (sites) {
        for (const char* k : {"alloc.col.boxes", "alloc.col.needles", "alloc.col.syringes"})
            ImGui::TableSetupColumn(shell.tr(k).c_str(), ImGuiTableColumnFlags_WidthFixed, 140);
    } else {
        ImGui::TableSetupColumn(shell.tr("alloc.col.amount").c_str(), ImGuiTableColumnFlags_WidthFixed, 100);
        ImGui::TableSetupColumn(shell.tr(nation ? "alloc.col.step2" : "alloc.col.step4").c_str(),
                                ImGuiTableColumnFlags_WidthFixed, 190);
        ImGui::TableSetupColumn(shell.tr(nation ? "alloc.col.step3" : "alloc.col.step5").c_str(),
                                ImGuiTableColumnFlags_WidthFixed, nation ? 260 : 190);
        if (nation) ImGui::TableSetupColumn(shell.tr("alloc.col.step5").c_str(), ImGuiTableColumnFlags_WidthFixed, 150);
    }
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const json& c = rows[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.value("name", "").c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(boxes_or_dash(c.value("request", json())).c_str());
            if (sites) {
                for (const char* k : {"boxes", "needle_boxes", "syringe_boxes"}) {
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(boxes_or_dash(c.value(k, json())).c_str());
                }
                ImGui::PopID();
                continue;
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(boxes_or_dash(c.value("amount", json())).c_str());
            ImGui::TableNextColumn();
            const bool locked = c.value("locked", false), registered = c.value("registered", false);
            status_badge(shell, locked ? "locked" : registered ? "confirmed" : "pending");
            if (c.value("stale", false)) {
                ImGui::SameLine();
                ImGui::TextColored(colour::error, "%s", shell.tr("alloc.stale_short").c_str());
            }
            ImGui::TableNextColumn();
            if (nation) {
                nation_lock_cell(shell, ov, round, c);
                ImGui::TableNextColumn();
                const json p = c.value("site_locks", json::object());
                ImGui::TextDisabled("%s", fill_placeholders(shell.tr("alloc.progress"),
                                                            {{"done", std::to_string(p.value("done", 0))},
                                                             {"of", std::to_string(p.value("of", 0))}})
                                              .c_str());
            } else {
                status_badge(shell, locked ? "locked" : "pending");
            }
            ImGui::PopID();
        }
    ImGui::EndTable();
}

void confirm_modal(Shell& shell, Overview& ov) {
    if (!ov.command.is_null() && !ImGui::IsPopupOpen("##alloc_confirm")) ImGui::OpenPopup("##alloc_confirm");
    if (!ImGui::BeginPopupModal("##alloc_confirm", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
        return;
    ImGui::PushTextWrapPos(560);
    ImGui::TextWrapped("%s", ov.question.c_str());
    ImGui::PopTextWrapPos();
    bool reason_ok = true;
    if (ov.needs_reason) {
        reason_ok = text_field(shell, "alloc.reason", ov.reason, "alloc.reason", k_max_unlock_reason, 400,
                               shell.tr("alloc.reason").c_str())
                        .valid;
    }
    field_message(ov.modal_error, true);
    ImGui::BeginDisabled(!reason_ok);
    const bool ok = ImGui::Button(shell.tr("common.ok").c_str());
    ImGui::EndDisabled();
    shell.anchor("alloc.confirm");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(shell.tr("common.cancel").c_str());
    shell.anchor("alloc.cancel");
    if (ok) {
        json cmd = ov.command;
        if (ov.needs_reason) cmd["reason"] = ov.reason;
        ov.modal_error = shell.run(cmd);
        if (ov.modal_error.empty()) {
            ov.command = json();
            ImGui::CloseCurrentPopup();
        }
    }
    if (cancel) {
        ov.command = json();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

void draw_allocation(Shell& shell) {
    screen_title(shell.tr("screen.allocation"));
    form_label(shell.tr("alloc.round"), 160);
    round_picker(shell, "alloc.round");
    const json* round = current_round(shell);
    if (!round) {
        ImGui::TextDisabled("%s", shell.tr("alloc.no_round").c_str());
        return;
    }
    const std::string code = round->value("code", "");
    Overview& ov = shell.state<Overview>();
    ov.round_state.get(shell.app(), "round_state", {{"round", code}});
    if (!ov.round_state.ok()) {
        field_message(ov.round_state.error(), true);
        return;
    }
    const json& v = ov.round_state.value();
    ImGui::TextDisabled("%s", fill_placeholders(shell.tr("alloc.summary"),
                                                {{"product", v.value("product_name", "")},
                                                 {"period", period_text(shell, v)},
                                                 {"state", v.value("state_name", "")}})
                                  .c_str());
    shell.anchor("alloc.summary");
    if (v["amount"].is_number_integer()) {
        form_label(shell.tr("alloc.amount." + v.value("level", "")), 220);
        ImGui::Text("%s %s", format_grouped(v["amount"].get<std::int64_t>()).c_str(), shell.tr("alloc.boxes_unit").c_str());
    }
    ImGui::Spacing();
    steps(shell, v);
    ImGui::Spacing();
    actions(shell, ov, code);
    children(shell, ov, code);
    confirm_modal(shell, ov);
}

}  // namespace vsys::ui
