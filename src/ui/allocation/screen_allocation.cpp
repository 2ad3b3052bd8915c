// 配分状況: a round's overview for the user's organisation: the round state, the five steps
// ①-⑤ each with its status (colour and word: locked grey with a padlock, confirmed green,
// pending amber) and progress, the buttons of the step the user's level may take, and the
// children of its split. Locking, unlocking and moving the round on are confirmed in a modal that
// names what will change; an unlock also asks for the reason that is recorded with it.
//
// Index:
// [SECTION] the screen state and the action waiting for confirmation
// [SECTION] steps and actions
// [SECTION] the children of the split
// [SECTION] the confirmation
// [SECTION] the screen
#include <algorithm>
#include <cstring>
#include <type_traits>
#include <variant>

#include "app/allocation/chain_commands.hpp"
#include "app/allocation/chain_fields.hpp"
#include "app/allocation/round_state_view.hpp"
#include "ui/allocation/allocation_ui.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

// [SECTION] the screen state and the action waiting for confirmation
// The action waiting for confirmation (none: std::monostate); an unlock takes the reason typed
// in the modal.
using Pending = std::variant<std::monostate, SetRoundState, LockSites, UnlockSites, LockPrefecture, UnlockPrefecture>;

struct Overview {
    KeptView<RoundStateQuery> round_state;
    KeptTable children;
    Pending command;
    std::string question;
    bool needs_reason = false;
    std::string reason;  // whole: over its limit it is refused, never cut
    std::string modal_error;
};

const char* const k_step_keys[] = {"alloc.step1", "alloc.step2", "alloc.step3", "alloc.step4", "alloc.step5"};

void ask(Overview& ov, Pending command, std::string question, bool needs_reason) {
    ov.command = std::move(command);
    ov.question = std::move(question);
    ov.needs_reason = needs_reason;
    ov.reason.clear();
    ov.modal_error.clear();
}

// [SECTION] steps and actions
// The five steps side by side, or one under the other where five columns would cut their names
// (a phone, a tablet held upright, a large text size).
void steps(Shell& shell, const RoundStateView& view) {
    const bool stacked = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 45;
    if (!ImGui::BeginTable("##steps", stacked ? 1 : 5, ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                                           ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchSame))
        return;
    for (std::size_t i = 0; i < 5; ++i) {
        const ChainStep& s = view.steps[i];
        if (stacked || i == 0) ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(shell.tr(k_step_keys[i]).c_str());
        status_badge(shell, s.status);
        shell.anchor("alloc.step." + std::to_string(i + 1));
        std::string progress = fill_placeholders(shell.tr("alloc.progress"),
                                                 {{"done", std::to_string(s.count.done)}, {"of", std::to_string(s.count.of)}});
        if (s.count.stale > 0)
            progress += " " + fill_placeholders(shell.tr("alloc.stale"), {{"count", std::to_string(s.count.stale)}});
        muted_text(progress);
    }
    ImGui::EndTable();
}

// The buttons of the user's level.
void actions(Shell& shell, Overview& ov, const RoundStateView& view, const std::string& round) {
    const RoundState state = view.round.state;
    const OrgLevel level = view.level;
    const std::string& name = view.round.name;
    const bool allocating = state == RoundState::allocating;
    const bool site = level == OrgLevel::site || level == OrgLevel::venue;
    if (level == OrgLevel::nation) {
        if (state == RoundState::requests) {
            if (wrapped_button(shell.tr("alloc.open_allocation")))
                ask(ov, SetRoundState{round, RoundState::allocating},
                    fill_placeholders(shell.tr("alloc.confirm_open"), {{"round", name}}), false);
            shell.anchor("alloc.open");
        } else if (allocating) {
            // Nothing to confirm before ① is registered (core: chain.nothing_allocated).
            const bool allocated = view.steps[0].count.done > 0;
            ImGui::BeginDisabled(!allocated);
            if (wrapped_button(shell.tr("alloc.close_allocation")))
                ask(ov, SetRoundState{round, RoundState::locked},
                    fill_placeholders(shell.tr("alloc.confirm_close"), {{"round", name}}), false);
            ImGui::EndDisabled();
            shell.anchor("alloc.close");
            if (!allocated) disabled_reason(shell.tr("alloc.close_needs_amounts"));
        }
    }
    // A row of buttons while they fit on the line, else one under the other (a phone).
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (allocating && !site) {
        const std::string simulate = shell.tr(std::string("alloc.simulate.") + org_level_id(level));
        if (level == OrgLevel::nation) same_line_if_room(button_width(simulate), spacing);
        if (wrapped_button(simulate)) shell.go("simulation");
        shell.anchor("alloc.simulate");
    }
    if (level == OrgLevel::prefecture && allocating) {
        // ⑤ names exactly the municipalities whose current ④ is registered and not yet locked.
        std::string names;
        std::vector<std::string> munis;
        for (const SplitChild& c : view.children)
            if (c.registered && !c.locked && !c.stale) {
                names += (names.empty() ? "" : "、") + c.name;
                munis.push_back(c.org);
            }
        const int count = static_cast<int>(munis.size());
        same_line_if_room(button_width(shell.tr("alloc.lock_sites")), spacing);
        ImGui::BeginDisabled(count == 0);
        if (wrapped_button(shell.tr("alloc.lock_sites")))
            ask(ov, LockSites{round, std::nullopt, munis},
                fill_placeholders(shell.tr("alloc.confirm_lock_sites"), {{"count", std::to_string(count)}, {"names", names}}), false);
        ImGui::EndDisabled();
        shell.anchor("alloc.lock_sites");
        if (count == 0) disabled_reason(shell.tr("alloc.lock_sites_none"));
        // Only locks that hold can be undone (core: chain.not_locked).
        bool any_locked = false;
        for (const SplitChild& c : view.children) any_locked = any_locked || c.locked;
        same_line_if_room(button_width(shell.tr("alloc.unlock_sites")), spacing);
        ImGui::BeginDisabled(!any_locked);
        if (wrapped_button(shell.tr("alloc.unlock_sites")))
            ask(ov, UnlockSites{round, std::nullopt, {}, ""}, shell.tr("alloc.confirm_unlock_sites"), true);
        ImGui::EndDisabled();
        shell.anchor("alloc.unlock_sites");
        if (!any_locked) disabled_reason(shell.tr("alloc.unlock_sites_none"));
    }
    if (site) {
        if (wrapped_button(shell.tr("screen.deliveries"))) shell.go("deliveries");
        shell.anchor("alloc.deliveries");
    }
}

// [SECTION] the children of the split
std::string boxes_or_dash(const std::optional<std::int64_t>& n) { return n ? format_grouped(*n) : "-"; }

// The nation's ③ cell of a prefecture: its lock or unlock button while allocating.
void nation_lock_cell(Shell& shell, Overview& ov, const RoundStateView& view, const std::string& round, const SplitChild& c) {
    status_badge(shell, c.locked ? StepStatus::locked : StepStatus::pending);
    if (view.round.state != RoundState::allocating || (!c.locked && !c.registered)) return;
    ImGui::SameLine();
    if (!c.locked) {
        if (ImGui::SmallButton(shell.tr("alloc.lock").c_str()))
            ask(ov, LockPrefecture{round, c.org},
                fill_placeholders(shell.tr("alloc.confirm_lock_prefecture"), {{"name", c.name}, {"amount", boxes_or_dash(c.amount)}}),
                false);
        shell.anchor("alloc.lock." + c.org);
    } else {
        if (ImGui::SmallButton(shell.tr("alloc.unlock").c_str()))
            ask(ov, UnlockPrefecture{round, c.org, ""},
                fill_placeholders(shell.tr("alloc.confirm_unlock_prefecture"), {{"name", c.name}}), true);
        shell.anchor("alloc.unlock." + c.org);
    }
}

// A count, or an empty cell when there is none (yet).
TableCell boxes_cell(const std::optional<std::int64_t>& n) { return n ? TableCell{"", *n} : TableCell{"", 0, true}; }

// Prefectures (for the nation): ① amount, ② status, ③ lock, ⑤ progress of its municipalities.
// Municipalities (for a prefecture): ② amount, ④ status, ⑤ status. Sites (for a municipality):
// the ④ boxes with needles and syringes. In the shared Table; the status and lock cells are
// drawn here (badges with a word, the nation's lock buttons).
void children(Shell& shell, Overview& ov, const RoundStateView& view, const std::string& round) {
    const std::vector<SplitChild>& rows = view.children;
    if (rows.empty()) return;
    section_title(shell.tr(std::string("alloc.children.") + org_level_id(view.level)));
    const bool nation = view.level == OrgLevel::nation, sites = view.level == OrgLevel::municipality;
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
        for (const SplitChild& c : rows) {
            std::vector<TableCell> row{{c.name}, boxes_cell(c.request ? std::optional<std::int64_t>(c.request->boxes) : std::nullopt)};
            if (sites) {
                for (const auto* n : {&c.boxes, &c.needle_boxes, &c.syringe_boxes}) row.push_back(boxes_cell(*n));
            } else {
                row.push_back(boxes_cell(c.amount));
                row.push_back({});
                row.push_back({});
                if (nation) {
                    row.push_back({fill_placeholders(shell.tr("alloc.progress"), {{"done", std::to_string(c.site_locks.done)},
                                                                                 {"of", std::to_string(c.site_locks.of)}}),
                                   0, false, "", CellTone::muted});
                }
            }
            t.model.rows.push_back(std::move(row));
        }
    }
    TableOptions o{"alloc.children", 0, rows.size() > 8, ""};
    o.draw_cell = [&](int r, int column) {
        const SplitChild& c = rows[static_cast<std::size_t>(r)];
        if (column == 3) {
            status_badge(shell, c.locked ? StepStatus::locked : c.registered ? StepStatus::confirmed : StepStatus::pending);
            if (c.stale) {
                ImGui::SameLine();
                ImGui::TextColored(colour::error, "%s", shell.tr("alloc.stale_short").c_str());
            }
        } else if (nation) {
            nation_lock_cell(shell, ov, view, round, c);
        } else {
            status_badge(shell, c.locked ? StepStatus::locked : StepStatus::pending);
        }
    };
    draw_table(shell, "alloc.children", t.model, t.built, t.state, o);
}

// [SECTION] the confirmation
void confirm_modal(Shell& shell, Overview& ov) {
    Confirmation c{.anchor = "alloc", .question = ov.question, .confirm_label = shell.tr("common.ok")};
    c.confirm_anchor = "alloc.confirm";
    c.error = ov.modal_error;
    if (ov.needs_reason)
        c.detail = [&] {
            return text_field(shell, "alloc.reason", ov.reason, "alloc.reason", k_max_unlock_reason, 400,
                              shell.tr("alloc.reason").c_str())
                .valid;
        };
    c.on_confirm = [&] {
        ov.modal_error = std::visit(
            [&](auto cmd) -> std::string {
                using C = decltype(cmd);
                if constexpr (std::is_same_v<C, std::monostate>) {
                    return "";
                } else {
                    if constexpr (requires { cmd.reason; }) cmd.reason = ov.reason;
                    return shell.run(cmd);
                }
            },
            ov.command);
        return ov.modal_error.empty();
    };
    const Answer a = confirmation(shell, !std::holds_alternative<std::monostate>(ov.command), c);
    if (a == Answer::cancelled || (a == Answer::confirmed && ov.modal_error.empty())) ov.command = std::monostate{};
}

}  // namespace

// [SECTION] the screen
void draw_allocation(Shell& shell) {
    screen_title(shell.tr("screen.allocation"));
    form_label(shell.tr("alloc.round"), 160);
    round_picker(shell, "alloc.round");
    const RoundListing* round = current_round(shell);
    if (!round) {
        muted_text(shell.tr("alloc.no_round"));
        return;
    }
    const std::string code = round->code;
    Overview& ov = shell.state<Overview>();
    const RoundStateView* view = ov.round_state.get(shell.app(), RoundStateQuery{code, std::nullopt});
    if (!view) {
        field_message(ov.round_state.error(), true);
        return;
    }
    // Kept until the next get(), whatever a confirmed action changes in this frame.
    const RoundStateView& v = *view;
    muted_text(fill_placeholders(shell.tr("alloc.summary"),
                                                {{"product", v.round.product_name},
                                                 {"period", period_text(shell, v.round.period_start, v.round.period_end)},
                                                 {"state", v.round.state_name}})
                                  );
    shell.anchor("alloc.summary");
    if (v.amount) {
        form_label(shell.tr(std::string("alloc.amount.") + org_level_id(v.level)), 220);
        ImGui::Text("%s %s", format_grouped(*v.amount).c_str(), shell.tr("alloc.boxes_unit").c_str());
    }
    ImGui::Spacing();
    steps(shell, v);
    ImGui::Spacing();
    actions(shell, ov, v, code);
    children(shell, ov, v, code);
    confirm_modal(shell, ov);
}

}  // namespace vsys::ui
