#include "ui/allocation/allocation_ui.hpp"

#include "ui/shell/cached_view.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
struct Rounds {
    CachedView view;     // rounds
    std::string chosen;  // round code
};

bool matches(const nlohmann::json& r, const char* product) { return !product || r.value("product", "") == product; }
}  // namespace

const nlohmann::json& round_list(Shell& shell) {
    Rounds& rounds = shell.state<Rounds>();
    rounds.view.get(shell.app(), "rounds");
    return rounds.view["rounds"];
}

const nlohmann::json* current_round(Shell& shell, const char* product) {
    Rounds& rounds = shell.state<Rounds>();
    const auto& list = round_list(shell);
    for (const auto& r : list)
        if (r.value("code", "") == rounds.chosen && matches(r, product)) return &r;
    for (const auto& r : list)
        if (matches(r, product)) {
            rounds.chosen = r.value("code", "");
            return &r;
        }
    return nullptr;
}

bool round_picker(Shell& shell, const char* anchor, const char* product) {
    Rounds& rounds = shell.state<Rounds>();
    const nlohmann::json* cur = current_round(shell, product);
    bool changed = false;
    field_width(420);
    const std::string preview = cur ? cur->value("name", "") : shell.tr("alloc.no_round");
    if (ImGui::BeginCombo((std::string("##") + anchor).c_str(), preview.c_str())) {
        int i = 0;
        for (const auto& r : round_list(shell)) {
            if (!matches(r, product)) continue;
            const std::string code = r.value("code", "");
            const std::string label = r.value("name", "") + "（" + r.value("state_name", "") + "）";
            if (ImGui::Selectable(label.c_str(), code == rounds.chosen)) {
                changed = code != rounds.chosen;
                rounds.chosen = code;
            }
            shell.anchor(std::string(anchor) + "." + std::to_string(i++));
        }
        ImGui::EndCombo();
    }
    shell.anchor(anchor);
    return changed;
}

ImVec4 status_colour(const std::string& status) {
    if (status == "locked") return colour::locked;
    if (status == "confirmed") return colour::confirmed;
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

void status_badge(Shell& shell, const std::string& status) {
    const ImVec4 c = status_colour(status);
    if (status == "locked") {
        lock_mark(ImGui::GetColorU32(c));
        ImGui::SameLine(0, 4);
    } else {
        ImGui::TextColored(c, "%s", status == "confirmed" ? "●" : "▲");
        ImGui::SameLine(0, 4);
    }
    ImGui::TextColored(c, "%s", shell.tr("alloc.status." + status).c_str());
}

std::string period_text(Shell& shell, const std::string& start, const std::string& end) {
    return fill_placeholders(shell.tr("alloc.period_range"), {{"from", shell.date_text(start)}, {"to", shell.date_text(end)}});
}

std::string period_text(Shell& shell, const nlohmann::json& row) {
    return period_text(shell, row.value("period_start", ""), row.value("period_end", ""));
}

}  // namespace vsys::ui
