#include <string>

#include "app/claims/number_rules.hpp"
#include "ui/claims/claim_parts.hpp"
#include "ui/claims/claims_ui.hpp"
#include "ui/shell/cached_view.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"

namespace vsys::ui {

namespace {

using nlohmann::json;

struct CountField {
    const char* name;  // the line's member in the codec, and the anchor
    std::int64_t ClaimCounts::*member;
};
constexpr CountField k_count_fields[] = {{"normal", &ClaimCounts::normal},
                                         {"outside_hours", &ClaimCounts::outside_hours},
                                         {"holiday", &ClaimCounts::holiday},
                                         {"pre_exam_only", &ClaimCounts::pre_exam_only},
                                         {"under_6", &ClaimCounts::under_6}};
constexpr ClaimForm k_forms[] = {ClaimForm::old_form, ClaimForm::new_form, ClaimForm::additional};

// True when Enter was pressed in the field.
bool municipality_cell(Shell& shell, const std::string& id, ClaimLine& line, bool read_only) {
    // Not CharsDecimal: it dropped full-width digits typed with an IME, and letters, silently;
    // the digits are folded and anything else stays for the row's check to name.
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s", line.municipality.c_str());
    ImGui::SetNextItemWidth(-1);
    ImGui::BeginDisabled(read_only);
    const bool enter = ImGui::InputText("##muni", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
    line.municipality = ascii_digits(buf);
    ImGui::EndDisabled();
    shell.anchor(id + ".municipality");
    return enter;
}

void form_cell(Shell& shell, const std::string& id, ClaimLine& line, bool read_only) {
    ImGui::SetNextItemWidth(-1);
    ImGui::BeginDisabled(read_only);
    if (ImGui::BeginCombo("##form", std::string(claim_form_label(line.form)).c_str())) {
        for (ClaimForm f : k_forms) {
            if (ImGui::Selectable(std::string(claim_form_label(f)).c_str(), line.form == f)) line.form = f;
            shell.anchor(id + ".form." + std::string(claim_form_name(f)));
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    shell.anchor(id + ".form");
}

void category_cell(Shell& shell, const std::string& id, ClaimLine& line, bool read_only) {
    int category = static_cast<int>(line.category);
    ImGui::BeginDisabled(read_only);
    ImGui::RadioButton("1", &category, 1);
    shell.anchor(id + ".category1");
    ImGui::SameLine();
    ImGui::RadioButton("2", &category, 2);
    shell.anchor(id + ".category2");
    ImGui::EndDisabled();
    line.category = category == 1 ? RecipientCategory::no_coupon : RecipientCategory::with_coupon;
}

// The count's field; its refusal is shown in the row's 確認 cell, naming the column.
FieldResult count_cell(Shell& shell, const std::string& id, ClaimLine& line, const CountField& field, bool read_only) {
    ImGui::BeginDisabled(read_only);
    FieldResult r = number_field(shell, id + "." + field.name, line.counts.*field.member,
                                 claim_count_rule(std::string("claims.col.") + field.name), -1, MessagePlace::caller);
    ImGui::EndDisabled();
    return r;
}

// A count the user is still fixing, else what the core said of the row: its refusal, or that
// it keeps the rules.
void message_cell(Shell& shell, const std::string& id, const json& checked, const std::string& typed_refusal) {
    if (!typed_refusal.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
        ImGui::TextWrapped("※ %s", typed_refusal.c_str());
        ImGui::PopStyleColor();
    } else if (!checked.value("ok", false)) {
        const json error = checked.value("error", json::object());
        ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
        ImGui::TextWrapped("※ %s", error.value("message", "").c_str());
        ImGui::PopStyleColor();
    } else {
        ImGui::TextColored(colour::confirmed, "%s", shell.tr("claims.row_ok").c_str());
    }
    shell.anchor(id + ".message");
}

}  // namespace

bool claim_lines_table(Shell& shell, std::vector<ClaimLine>& rows, const CachedView& check, bool read_only) {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("claim_lines", 14, flags)) return false;
    bool enter = false;
    const char* heads[] = {"#",           "claims.col.municipality", "claims.col.name",   "claims.col.form",
                           "claims.col.category", "claims.col.normal", "claims.col.outside_hours", "claims.col.holiday",
                           "claims.col.pre_exam_only", "claims.col.under_6", "claims.col.payer", "claims.col.amount",
                           "", "claims.col.check"};
    const float widths[] = {24, 90, 96, 104, 100, 70, 70, 70, 70, 70, 96, 124, 44, 0};
    for (int k = 0; k < 14; ++k) {
        const std::string label = k == 0 || heads[k][0] == '\0' ? heads[k] : shell.tr(heads[k]);
        ImGui::TableSetupColumn(label.c_str(), k == 13 ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed,
                                widths[k]);
    }
    ImGui::TableHeadersRow();
    const json& checked_lines = check["lines"];
    std::optional<std::size_t> remove;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ClaimLine& line = rows[i];
        const json checked = i < checked_lines.size() ? checked_lines[i] : json::object();
        const std::string id = "claims.line" + std::to_string(i);
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%zu", i + 1);
        ImGui::TableNextColumn();
        enter = municipality_cell(shell, id, line, read_only) || enter;
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        const std::string name = checked.value("municipality_name", "");
        ImGui::TextUnformatted(name.empty() ? "-" : name.c_str());
        ImGui::TableNextColumn();
        form_cell(shell, id, line, read_only);
        ImGui::TableNextColumn();
        category_cell(shell, id, line, read_only);
        std::string typed_refusal;
        for (const CountField& field : k_count_fields) {
            ImGui::TableNextColumn();
            FieldResult r = count_cell(shell, id, line, field, read_only);
            enter = enter || r.enter;
            if (typed_refusal.empty()) typed_refusal = std::move(r.message);
        }
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(checked.value("payer_name", "").c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (checked.value("ok", false)) yen_right(checked["amounts"].value("amount", std::int64_t{0}));
        shell.anchor(id + ".amount");
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(read_only || rows.size() == 1);
        if (ImGui::SmallButton(shell.tr("claims.remove_line").c_str())) remove = i;
        ImGui::EndDisabled();
        shell.anchor(id + ".remove");
        ImGui::TableNextColumn();
        message_cell(shell, id, checked, typed_refusal);
        ImGui::PopID();
    }
    // 合計: the sum of the rows that keep the rules.
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(shell.tr("claims.total").c_str());
    const json& counts = check["counts"];
    for (int field = 0; field < 5; ++field) {
        ImGui::TableSetColumnIndex(5 + field);
        yen_right(counts.is_object() ? counts.value(k_count_fields[field].name, std::int64_t{0}) : 0);
    }
    ImGui::TableSetColumnIndex(11);
    yen_right(check["total"].is_object() ? check["total"].value("amount", std::int64_t{0}) : 0);
    shell.anchor("claims.total");
    ImGui::EndTable();
    if (remove) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(*remove));
    return enter;
}

}  // namespace vsys::ui
