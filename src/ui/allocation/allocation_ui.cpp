#include "ui/allocation/allocation_ui.hpp"

#include "ui/shell/kept_view.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct Rounds {
    KeptView<RoundsQuery> view;
    std::string chosen;  // round code
};

bool matches(const RoundListing& r, const char* product) { return !product || r.product == product; }
}  // namespace

const std::vector<RoundListing>& round_list(Shell& shell) {
    static const std::vector<RoundListing> k_none;
    const RoundsView* v = shell.state<Rounds>().view.get(shell.app(), RoundsQuery{});
    return v ? v->rounds : k_none;
}

const RoundListing* current_round(Shell& shell, const char* product) {
    Rounds& rounds = shell.state<Rounds>();
    const auto& list = round_list(shell);
    for (const auto& r : list)
        if (r.code == rounds.chosen && matches(r, product)) return &r;
    for (const auto& r : list)
        if (matches(r, product)) {
            rounds.chosen = r.code;
            return &r;
        }
    return nullptr;
}

bool round_picker(Shell& shell, const char* anchor, const char* product) {
    Rounds& rounds = shell.state<Rounds>();
    const RoundListing* cur = current_round(shell, product);
    bool changed = false;
    const std::string preview = cur ? cur->name : shell.tr("alloc.no_round");
    under_label_if_narrow(std::min(420.0f, combo_width(preview)));  // the round's name whole
    field_width(420);
    if (begin_combo(std::string("##") + anchor, preview, anchor)) {
        int i = 0;
        for (const auto& r : round_list(shell)) {
            if (!matches(r, product)) continue;
            const std::string label = r.name + "（" + r.state_name + "）";
            if (combo_choice(label + "##" + r.code, r.code == rounds.chosen)) {
                changed = r.code != rounds.chosen;
                rounds.chosen = r.code;
            }
            shell.anchor(std::string(anchor) + "." + std::to_string(i++));
        }
        ImGui::EndCombo();
    }
    shell.anchor(anchor);
    return changed;
}

ImVec4 status_colour(StepStatus status) {
    if (status == StepStatus::locked) return colour::locked;
    if (status == StepStatus::confirmed) return colour::confirmed;
    return colour::pending;
}

void lock_mark(ImU32 col) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = h * 0.62f;
    const ImVec2 body_min(p.x + 1, p.y + h * 0.45f), body_max(p.x + 1 + w, p.y + h * 0.95f);
    const ImVec2 centre(p.x + 1 + w / 2, p.y + h * 0.45f);
    dl->PathArcTo(centre, w * 0.32f, 3.14159f, 2 * 3.14159f, 10);
    dl->PathStroke(col, 0, 2.0f);
    dl->AddLine(ImVec2(centre.x - w * 0.32f, centre.y), ImVec2(centre.x - w * 0.32f, centre.y + 1), col, 2.0f);
    dl->AddLine(ImVec2(centre.x + w * 0.32f, centre.y), ImVec2(centre.x + w * 0.32f, centre.y + 1), col, 2.0f);
    dl->AddRectFilled(body_min, body_max, col, 2.0f);
    ImGui::Dummy(ImVec2(w + 3, h));
}

void status_badge(Shell& shell, StepStatus status) {
    const ImVec4 c = status_colour(status);
    if (status == StepStatus::locked) {
        lock_mark(ImGui::GetColorU32(c));
        ImGui::SameLine(0, 4);
    } else {
        ImGui::TextColored(c, "%s", status == StepStatus::confirmed ? "●" : "▲");
        ImGui::SameLine(0, 4);
    }
    ImGui::TextColored(c, "%s", shell.tr(std::string("alloc.status.") + step_status_id(status)).c_str());
}

std::string period_text(Shell& shell, const std::string& start, const std::string& end) {
    return fill_placeholders(shell.tr("alloc.period_range"), {{"from", shell.date_text(start)}, {"to", shell.date_text(end)}});
}

}  // namespace vsys::ui
