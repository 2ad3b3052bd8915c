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
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

using nlohmann::json;

struct Overview {
    CachedView round_state;  // round_state {round}
    KeptTable children;
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

// The five steps side by side, or one under the other where five columns would cut their names
// (a phone, a tablet held upright, a large text size).
void steps(Shell& shell, const json& view) {
    const bool stacked = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 45;
    if (!ImGui::BeginTable("##steps", stacked ? 1 : 5, ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                                           ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchSame))
        return;
    for (std::size_t i = 0; i < 5; ++i) {
        const auto& s = view["steps"][i];
        if (stacked || i == 0) ImGui::TableNextRow();
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

TableCell boxes_cell(const json& v) {
    return v.is_number_integer() ? TableCell{"", v.get<std::int64_t>()} : TableCell{"", 0, true};
}

// Prefectures (for the nation): ① amount, ② status, ③ lock, ⑤ progress of its municipalities.
// Municipalities (for a prefecture): ② amount, ④ status, ⑤ status. Sites (for a municipality):
// the ④ boxes with needles and syringes. In the shared Table; the status and lock cells are
// drawn here (badges with a word, the nation's lock buttons).
void children(Shell& shell, Overview& ov, const std::string& round) {
    const std::string level = ov.round_state.value().value("level", "");
    const json& rows = ov.round_state["children"];
    if (rows.empty()) return;
    section_title(shell.tr("alloc.children." + level));
    const bool nation = level == "nation", sites = level == "municipality";
    KeptTable& t = ov.children;
    if (t.stale(ov.round_state.loads())) {
        const std::string unit = shell.tr("alloc.boxes_unit");
        const float badge = ImGui::GetFontSize() * 9;
        t.model.columns = {{shell.tr("alloc.col.name"), false, "", 0, false},
                           {shell.tr("alloc.col.request"), true, unit, 0, true}};
        if (sites) {
            for (const char* k : {"alloc.col.boxes", "alloc.col.needles", "alloc.col.syringes"})
                t.model.columns.push_back({shell.tr(k), true, "", 0, true});
        } else {
            t.model.columns.push_back({shell.tr("alloc.col.amount"), true, unit, 0, true});
            t.model.columns.push_back({shell.tr(nation ? "alloc.col.step2" : "alloc.col.step4"), false, "", badge, false, true});
            t.model.columns.push_back(
                {shell.tr(nation ? "alloc.col.step3" : "alloc.col.step5"), false, "", nation ? badge * 1.6f : badge, false, true});
            if (nation) t.model.columns.push_back({shell.tr("alloc.col.step5"), false, "", 0, false});
        }
        t.model.rows.clear();
        for (const auto& c : rows) {
            std::vector<TableCell> row{{c.value("name", "")}, boxes_cell(c.value("request", json()))};
            if (sites) {
                for (const char* k : {"boxes", "needle_boxes", "syringe_boxes"}) row.push_back(boxes_cell(c.value(k, json())));
            } else {
                row.push_back(boxes_cell(c.value("amount", json())));
                row.push_back({});
                row.push_back({});
                if (nation) {
                    const json p = c.value("site_locks", json::object());
                    row.push_back({fill_placeholders(shell.tr("alloc.progress"), {{"done", std::to_string(p.value("done", 0))},
                                                                                 {"of", std::to_string(p.value("of", 0))}}),
                                   0, false, "", CellTone::muted});
                }
            }
            t.model.rows.push_back(std::move(row));
        }
    }
    TableOptions o{"alloc.children", 0, rows.size() > 8, ""};
    o.draw_cell = [&](int r, int column) {
        const json& c = rows[static_cast<std::size_t>(r)];
        const bool locked = c.value("locked", false), registered = c.value("registered", false);
        if (column == 3) {
            status_badge(shell, locked ? "locked" : registered ? "confirmed" : "pending");
            if (c.value("stale", false)) {
                ImGui::SameLine();
                ImGui::TextColored(colour::error, "%s", shell.tr("alloc.stale_short").c_str());
            }
        } else if (nation) {
            nation_lock_cell(shell, ov, round, c);
        } else {
            status_badge(shell, locked ? "locked" : "pending");
        }
    };
    draw_table(shell, "alloc.children", t.model, t.built, t.state, o);
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
