// The editable table of a claim month's lines (claim_parts.hpp): the fields of each line, and
// beside them what the core said of it in view claim_check (ClaimCheckView: its refusal, or its
// payer and amount) and the totals of the lines that keep the rules. Counts are read by the
// shared number rule (app/claims/number_rules.hpp); no claim rule is computed here.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "app/claims/number_rules.hpp"
#include "core/base/numbers.hpp"
#include "ui/claims/claim_parts.hpp"
#include "ui/claims/claims_ui.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/clip_record.hpp"
#include "imgui_internal.h"  // the table window's visible rect, for a row of text across it
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

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
    if (begin_combo("##form", std::string(claim_form_label(line.form)), id + ".form")) {
        for (ClaimForm f : k_forms) {
            if (combo_choice(std::string(claim_form_label(f)), line.form == f)) line.form = f;
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

// What is wrong with a line: a count the user is still fixing, else the core's refusal of the
// row; "" when it keeps the rules.
std::string line_refusal(const CheckedClaimLine* checked, const std::string& typed_refusal) {
    if (!typed_refusal.empty()) return typed_refusal;
    if (checked && checked->ok()) return {};
    return checked && checked->error ? checked->error->message : std::string();
}

// The 確認 cell: a mark and a word, in the state's colour; the refusal itself is in the row
// under the line (refusal_row).
void check_cell(Shell& shell, const std::string& id, bool refused) {
    ImGui::AlignTextToFramePadding();
    if (refused) ImGui::TextColored(colour::error, "※ %s", shell.tr("claims.row_fix").c_str());
    else ImGui::TextColored(colour::confirmed, "%s", shell.tr("claims.row_ok").c_str());
    shell.anchor(id + ".check");
}

// A line's refusal in a row of its own under the line, across the table's visible width from
// its pinned first column (the 確認 column is too narrow for a sentence; issue 13), wrapped at
// the right edge. Anchored <id>.message.
void refusal_row(Shell& shell, const std::string& id, const std::string& message) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    const float right = w->InnerClipRect.Max.x;
    ImGui::PushClipRect(ImVec2(ImGui::GetCursorScreenPos().x, w->InnerClipRect.Min.y), ImVec2(right, w->InnerClipRect.Max.y), false);
    ImGui::PushTextWrapPos(right - w->Pos.x + w->Scroll.x - ImGui::GetStyle().CellPadding.x);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
    text_wrapped("※ " + message);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::PopClipRect();
    shell.anchor(id + ".message");
}

// The height of refusal_row's text in a table `visible` pixels wide.
float refusal_height(const std::string& message, float visible) {
    const float wrap = std::max(visible - ImGui::GetStyle().CellPadding.x * 2, ImGui::GetFontSize() * 4);
    return ImGui::CalcTextSize(wrap_lines("※ " + message, wrap).c_str()).y;
}

// The narrowest a header may be, wrapped on two lines at most: its widest word ("Outside
// hours"), or half of a label with no spaces (Japanese breaks between any two characters).
float header_min_width(const std::string& label) {
    if (label.find(' ') == std::string::npos)
        return label.size() <= 6 ? ImGui::CalcTextSize(label.c_str()).x
                                 : ImGui::CalcTextSize(label.c_str()).x / 2 + ImGui::GetFontSize();
    float widest = 0;
    for (std::size_t start = 0; start <= label.size();) {
        const std::size_t end = std::min(label.find(' ', start), label.size());
        widest = std::max(widest, ImGui::CalcTextSize(label.c_str() + start, label.c_str() + end).x);
        start = end + 1;
    }
    return widest;
}

// Each column as wide as its field, its header wrapped on two lines at most, and its widest
// text (names, payers, amounts and the total measured every frame: a month has a few dozen
// lines at most), so nothing is cut and a clinic PC's 1366 px shows every column, 削除 and 確認
// included; narrower screens scroll the table sideways with the line number and municipality
// code pinned.
std::vector<float> column_widths(Shell& shell, const std::vector<std::string>& labels, const std::vector<ClaimLine>& rows,
                                 const ClaimCheckView* check) {
    const float font = ImGui::GetFontSize();
    const ImGuiStyle& st = ImGui::GetStyle();
    // The fields' own widths: a 6-digit code, a form's name, two radio buttons, a count of up
    // to six digits.
    const float radio = ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize("1").x;
    const float count = ImGui::CalcTextSize("999999").x + st.FramePadding.x * 2;
    const float fields[] = {font * 1.5f, count + font, 0, font * 5.5f, radio * 2 + st.ItemSpacing.x, count, count, count,
                            count, count, 0, 0, 0, 0};
    std::vector<float> w(labels.size());
    for (std::size_t k = 0; k < labels.size(); ++k) w[k] = std::max(fields[k], header_min_width(labels[k]));
    auto widen = [&](std::size_t k, const std::string& text) { w[k] = std::max(w[k], ImGui::CalcTextSize(text.c_str()).x); };
    widen(1, shell.tr("claims.total"));
    w[12] = std::max(w[12], ImGui::CalcTextSize(shell.tr("claims.remove_line").c_str()).x + st.FramePadding.x * 2);
    widen(13, shell.tr("claims.row_ok"));
    widen(13, "※ " + shell.tr("claims.row_fix"));
    if (!check) return w;
    for (std::size_t i = 0; i < rows.size() && i < check->lines.size(); ++i) {
        const CheckedClaimLine& l = check->lines[i];
        widen(2, l.municipality_name);
        widen(10, l.payer_name);
        if (l.ok()) widen(11, format_grouped(l.amounts.amount));
    }
    widen(11, format_grouped(check->total.amount));
    return w;
}

}  // namespace

bool claim_lines_table(Shell& shell, std::vector<ClaimLine>& rows, const ClaimCheckView* check, bool read_only) {
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    bool enter = false;
    const char* heads[] = {"#",           "claims.col.municipality", "claims.col.name",   "claims.col.form",
                           "claims.col.category", "claims.col.normal", "claims.col.outside_hours", "claims.col.holiday",
                           "claims.col.pre_exam_only", "claims.col.under_6", "claims.col.payer", "claims.col.amount",
                           "", "claims.col.check"};
    std::vector<std::string> labels;
    for (const char* h : heads) labels.push_back(std::string(h) == "#" || h[0] == '\0' ? h : shell.tr(h));
    const std::vector<float> widths = column_widths(shell, labels, rows, check);
    // A table that scrolls sideways is a child window: as tall as its rows, the totals and the
    // scroll bar, so the page (not the table) scrolls downwards.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row_h = ImGui::GetFrameHeight() + style.CellPadding.y * 2 + 1;
    const float text_row_h = ImGui::GetTextLineHeight() + style.CellPadding.y * 2 + 1;  // the totals
    float header_h = 0;  // its labels wrapped in their columns
    for (std::size_t k = 0; k < labels.size(); ++k)
        header_h = std::max(header_h, ImGui::CalcTextSize(wrap_lines(labels[k], widths[k]).c_str()).y);
    header_h += style.CellPadding.y * 2 + 1;
    // A refused line's row under it, its text wrapped at the table's visible width: the typed
    // refusals are those of the last frame (fields keep them by anchor).
    const std::map<std::string, std::string> typed = field_messages(shell);
    std::vector<std::string> refusals(rows.size());
    float refusal_h = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::string first_typed;
        for (const CountField& field : k_count_fields)
            if (auto it = typed.find("claims.line" + std::to_string(i) + "." + field.name); first_typed.empty() && it != typed.end())
                first_typed = it->second;
        refusals[i] = line_refusal(check && i < check->lines.size() ? &check->lines[i] : nullptr, first_typed);
        if (!refusals[i].empty()) refusal_h += refusal_height(refusals[i], ImGui::GetContentRegionAvail().x) + style.CellPadding.y * 2 + 1;
    }
    const float height = row_h * static_cast<float>(rows.size()) + refusal_h + header_h + text_row_h + style.ScrollbarSize + 4;
    if (!ImGui::BeginTable("claim_lines", 14, flags, ImVec2(0, height))) return false;
    ImGui::TableSetupScrollFreeze(2, 1);
    for (int k = 0; k < 14; ++k)
        ImGui::TableSetupColumn(labels[static_cast<std::size_t>(k)].c_str(),
                                ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize, widths[static_cast<std::size_t>(k)]);
    // The header row: each label wrapped in its column (TableHeadersRow cuts them).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    for (int k = 0; k < 14; ++k) {
        ImGui::TableSetColumnIndex(k);
        text_wrapped(labels[static_cast<std::size_t>(k)]);
    }
    std::optional<std::size_t> remove;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ClaimLine& line = rows[i];
        const CheckedClaimLine* checked = check && i < check->lines.size() ? &check->lines[i] : nullptr;
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
        const std::string name = checked ? checked->municipality_name : std::string();
        text_fit(name.empty() ? "-" : name, "claim_lines/" + labels[2]);
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
        text_fit(checked ? checked->payer_name : std::string(), "claim_lines/" + labels[10]);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (checked && checked->ok()) text_right(format_grouped(checked->amounts.amount), "claim_lines/" + labels[11]);
        shell.anchor(id + ".amount");
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(read_only || rows.size() == 1);
        if (ImGui::SmallButton(shell.tr("claims.remove_line").c_str())) remove = i;
        ImGui::EndDisabled();
        shell.anchor(id + ".remove");
        ImGui::TableNextColumn();
        const std::string refusal = line_refusal(checked, typed_refusal);
        check_cell(shell, id, !refusal.empty());
        if (!refusal.empty()) refusal_row(shell, id, refusal);
        ImGui::PopID();
    }
    // 合計: the sum of the rows that keep the rules.
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(shell.tr("claims.total").c_str());
    for (int field = 0; field < 5; ++field) {
        ImGui::TableSetColumnIndex(5 + field);
        yen_right(check ? check->counts.*k_count_fields[field].member : 0);
    }
    ImGui::TableSetColumnIndex(11);
    yen_right(check ? check->total.amount : 0);
    shell.anchor("claims.total");
    ImGui::EndTable();
    if (remove) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(*remove));
    return enter;
}

}  // namespace vsys::ui
