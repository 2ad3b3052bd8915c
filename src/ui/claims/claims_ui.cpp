#include "ui/claims/claims_ui.hpp"

#include <algorithm>

#include "app/claims/claims_app.hpp"
#include "core/base/numbers.hpp"
#include "imgui.h"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/date_fields.hpp"
#include "ui/widgets/table.hpp"
#include "ui/site/site_search_table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

YearMonth today_month(Shell& shell) { return month_of(claims_today(shell.app())); }

YearMonth default_claim_month(Shell& shell) {
    return previous_month(today_month(shell));
}

bool month_picker(Shell& shell, const std::string& prefix, YearMonth& month, const YearMonth& latest) {
    // The first claimable month: the vaccination fee starts in February 2021.
    return month_field(shell, prefix + ".month", month, MonthRule{"claims.month", {2021, 2}, latest}).changed;
}

bool month_line(Shell& shell, const std::string& prefix, YearMonth& month, const YearMonth& latest) {
    form_label(shell.tr("claims.month"));
    // Under the label when even the field's shortest form does not fit beside it.
    if (ImGui::GetContentRegionAvail().x < month_field_width(shell, month, false)) ImGui::NewLine();
    return month_picker(shell, prefix, month, latest);
}

void wrapped_text(const std::string& text, const ImVec4& colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text_wrapped(text);
    ImGui::PopStyleColor();
}

void yen_right(std::int64_t yen) { text_right(format_grouped(yen)); }

void legacy_counts_table(Shell& shell, const char* anchor, const char* title_key,
                         const KeptView<ClaimLegacyQuery>& legacy, KeptTable& t, bool per_site) {
    const LegacyCountsView* v = legacy.view();
    if (!v) return;
    // A folded section whose title wraps (a collapsing header cuts it, and runs past a phone's
    // edge): an arrow, and the title beside it; either opens and closes it.
    bool& open = *ImGui::GetStateStorage()->GetBoolRef(ImGui::GetID(anchor), false);
    ImGui::Spacing();
    if (ImGui::ArrowButton((std::string("##") + anchor).c_str(), open ? ImGuiDir_Down : ImGuiDir_Right)) open = !open;
    shell.anchor(std::string(anchor) + ".open");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    wrapped_text(shell.tr(title_key), colour::accent);
    if (ImGui::IsItemClicked()) open = !open;
    if (!open) return;
    wrapped_text(shell.tr("claims.legacy.note"), colour::muted);
    if (t.stale(legacy.loads())) {
        t.model.columns.clear();
        t.model.rows.clear();
        t.model.columns.push_back({shell.tr("claims.col.month"), false, "", 90, false});
        if (per_site) t.model.columns.push_back({shell.tr("claims.col.site"), false, "", 90, false});
        t.model.columns.push_back({shell.tr("claims.col.name"), false, "", 0, false});
        t.model.columns.push_back({shell.tr("claims.col.legacy_count"), true, "", 0, true});
        for (const auto& r : v->rows) {
            std::vector<TableCell> row{{to_iso(r.month)}};
            if (per_site) row.push_back({r.site});
            row.push_back({per_site ? r.site_name : r.municipality_name});
            row.push_back({"", r.count});
            t.model.rows.push_back(std::move(row));
        }
    }
    draw_table(shell, anchor, t.model, t.built, t.state, {anchor, ImGui::GetFontSize() * 16, true, ""});
}


}  // namespace vsys::ui
