// The shared date and month fields (date_fields.hpp).
//
// [SECTION] Memory: what a date or month field keeps between frames
// [SECTION] Words: how a date and a month are written on a form
// [SECTION] The pickers: the calendar page and the year of months
// [SECTION] The fields
#include "ui/widgets/date_fields.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "app/base/app.hpp"
#include "app/base/i18n.hpp"
#include "core/base/display_time.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/field_parts.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

using namespace field_parts;

namespace {

// [SECTION] Memory: what a date or month field keeps between frames

struct DateState {
    std::string text;               // as typed
    std::string iso;                // the bound value the text stands for
    std::optional<Error> refusal;   // kept as an Error so a language switch translates it again
    YearMonth page;                 // the month the calendar shows
};

struct MonthState {
    std::string typed;              // the picker's box
    std::optional<Error> refusal;
    int year = 2021;                // the year the picker shows
};

// For the session (dropped with the Shell's screen states at sign-out), by the field's ImGui id.
struct DateMemory {
    std::map<ImGuiID, DateState> dates;
    std::map<ImGuiID, MonthState> months;
};

// [SECTION] Words: how a date and a month are written on a form

bool english(Shell& shell) { return shell.app().language() == Language::en; }

// The text a field shows for a date (2022/01/31), as its refusals write one.
std::string written(const std::string& iso) {
    const auto d = parse_iso_date(iso);
    return d ? form_date(*d) : iso;
}

// The date read back beside the field: 「令和4年1月31日(月)」, "2022/01/31 (Mon)".
std::string reading(Shell& shell, const Date& d) {
    if (english(shell)) return display_date(d, true);
    const auto reiwa = format_reiwa(d);
    return reiwa ? *reiwa + "(" + std::string(weekday_short(weekday(d), false)) + ")" : display_date(d, false);
}

ImVec4 day_colour(const Date& d, bool in_month) {
    if (!in_month) return colour::muted;
    const Weekday w = weekday(d);
    if (w == Weekday::sunday || find_public_holiday(d)) return colour::error;
    if (w == Weekday::saturday) return colour::accent;
    return colour::text;
}

// [SECTION] The pickers: the calendar page and the year of months

// A day's cell on the calendar: roomy on a PC, narrower on a phone so the seven columns fit.
float calendar_cell() {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float room = (ImGui::GetIO().DisplaySize.x - 2 * st.WindowPadding.x - 8) / 7 - 2 * st.CellPadding.x;
    return std::max(ImGui::CalcTextSize("Wed").x, std::min(ImGui::GetFontSize() * 2.2f, room));
}

// A picker opens under the field that opened it (not wherever the mouse was), moved left where
// it would run past the screen's right edge.
void place_under(ImVec2 field_min, ImVec2 field_max, float width) {
    const float right = ImGui::GetIO().DisplaySize.x - 4;
    ImGui::SetNextWindowPos(ImVec2(std::max(4.0f, std::min(field_min.x, right - width)), field_max.y + 2),
                            ImGuiCond_Appearing);
}

// ‹ title ›, each arrow disabled at the range's end. Returns -1, 0 or +1.
int arrows(Shell& shell, const std::string& anchor, const std::string& title, bool can_back, bool can_forward,
           const char* back_tip, const char* forward_tip) {
    int step = 0;
    ImGui::BeginDisabled(!can_back);
    if (ImGui::ArrowButton((anchor + ".prev").c_str(), ImGuiDir_Left)) step = -1;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", shell.tr(back_tip).c_str());
    shell.anchor(anchor + ".prev");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title.c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(!can_forward);
    if (ImGui::ArrowButton((anchor + ".next").c_str(), ImGuiDir_Right)) step = 1;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", shell.tr(forward_tip).c_str());
    shell.anchor(anchor + ".next");
    return step;
}

// The month's page: a day clicked within the range is the answer (and closes the popup).
std::optional<Date> calendar(Shell& shell, const std::string& anchor, DateState& t, const DateRule& rule,
                             const Date& today) {
    const int step = arrows(shell, anchor + ".page", month_text(shell, t.page), t.page > month_of(rule.min),
                            t.page < month_of(rule.max), "date.prev_month", "date.next_month");
    if (step < 0) t.page = previous_month(t.page);
    if (step > 0) t.page = next_month(t.page);
    std::optional<Date> picked;
    const auto chosen = parse_iso_date(t.iso);
    const float cell = calendar_cell();
    if (!ImGui::BeginTable("##days", 7, ImGuiTableFlags_SizingFixedSame)) return picked;
    for (int w = 0; w < 7; ++w) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, cell);
    for (int w = 0; w < 7; ++w) {
        ImGui::TableNextColumn();
        const auto day = static_cast<Weekday>(w);
        ImGui::TextColored(day_colour(add_days(Date{2022, 1, 2}, w), true), "%s",  // 2022-01-02: a Sunday
                           std::string(weekday_short(day, english(shell))).c_str());
    }
    for (const Date& d : calendar_page(t.page)) {
        ImGui::TableNextColumn();
        const bool in_month = month_of(d) == t.page, allowed = d >= rule.min && d <= rule.max;
        ImGui::PushStyleColor(ImGuiCol_Text, day_colour(d, in_month));
        ImGui::BeginDisabled(!allowed);
        const std::string label = std::to_string(d.day) + "##" + to_iso(d);
        if (ImGui::Selectable(label.c_str(), chosen && *chosen == d, 0, ImVec2(cell, 0))) {
            picked = d;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        ImGui::PopStyleColor();
        if (d == today)  // today framed, as on a wall calendar
            ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                                ImGui::GetColorU32(colour::accent));
        if (const auto* h = find_public_holiday(d); h && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", english(shell) ? h->name_en.c_str() : h->name.c_str());
        shell.anchor(anchor + ".day." + to_iso(d));
    }
    ImGui::EndTable();
    return picked;
}

// A year of months and a box to type one: a month chosen within the range is the answer.
std::optional<YearMonth> year_of_months(Shell& shell, const std::string& anchor, MonthState& st,
                                        const YearMonth& month, const MonthRule& rule) {
    std::optional<YearMonth> picked;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = input_string(("##" + anchor + ".typed").c_str(), st.typed, shell.tr("date.typed_hint").c_str(), 0);
    shell.anchor(anchor + ".typed");
    if (enter) {
        auto m = read_month(st.typed, rule);
        if (m) picked = *m;
        else st.refusal = m.error();
    }
    if (st.refusal) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetFontSize() * 16);
        ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
        text_wrapped("※ " + shell.app().error_text(*st.refusal));
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        shell.anchor(anchor + ".typed.message");
    }
    const int step = arrows(shell, anchor + ".year", fill_placeholders(shell.tr("date.year"), {{"year", std::to_string(st.year)}}),
                            st.year > rule.min.year, st.year < rule.max.year, "date.prev_year", "date.next_year");
    st.year += step;
    const ImVec2 size(ImGui::GetFontSize() * 4, 0);
    for (int m = 1; m <= 12; ++m) {
        if ((m - 1) % 3) ImGui::SameLine();
        const YearMonth ym{st.year, m};
        ImGui::BeginDisabled(ym < rule.min || ym > rule.max);
        const std::string label = shell.tr("date.m" + std::to_string(m)) + "##" + std::to_string(m);
        if (ImGui::Selectable(label.c_str(), ym == month, 0, size)) picked = ym;
        ImGui::EndDisabled();
        shell.anchor(anchor + ".m" + std::to_string(m));
    }
    if (picked) ImGui::CloseCurrentPopup();
    return picked;
}

}  // namespace

std::string month_text(Shell& shell, const YearMonth& m, bool with_reiwa) {
    const std::string name = fill_placeholders(shell.tr("date.month_title"), {{"year", std::to_string(m.year)},
                                                                               {"month", std::to_string(m.month)},
                                                                               {"name", shell.tr("date.m" + std::to_string(m.month))}});
    if (english(shell) || !with_reiwa) return name;
    const auto reiwa = format_reiwa(m);
    return reiwa ? name + "（" + *reiwa + "）" : name;
}

// [SECTION] The fields

FieldResult date_field(Shell& shell, const std::string& anchor, std::string& iso, const DateRule& rule,
                       const Date& today, float width) {
    DateMemory& mem = shell.state<DateMemory>();
    const std::string id = "##" + anchor, popup = "##calendar." + anchor;
    auto [it, fresh] = mem.dates.try_emplace(ImGui::GetID(id.c_str()));
    DateState& t = it->second;
    const auto page_of = [&](const std::string& v) { const auto d = parse_iso_date(v); return month_of(d ? *d : today); };
    if (fresh || iso != t.iso) t = DateState{written(iso), iso, std::nullopt, page_of(iso)};  // the screen set it
    FieldResult out;
    const std::string before = t.text;
    const bool invalid_before = t.refusal.has_value();
    begin_invalid(invalid_before);
    field_width(width);
    out.enter = input_string(id.c_str(), t.text, "2022/01/31", ImGuiInputTextFlags_AutoSelectAll);
    const bool left = ImGui::IsItemDeactivated();
    const ImVec2 field_min = ImGui::GetItemRectMin(), field_max = ImGui::GetItemRectMax();
    end_invalid(invalid_before);
    shell.anchor(anchor);

    std::optional<Date> picked;
    const std::string cal = shell.tr("date.calendar"), now = shell.tr("date.today");
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    same_line_if_room(ImGui::CalcTextSize(cal.c_str()).x + pad, ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button((cal + "##" + anchor).c_str())) {
        t.page = page_of(t.iso);
        ImGui::OpenPopup(popup.c_str());
    }
    shell.anchor(anchor + ".calendar");
    same_line_if_room(ImGui::CalcTextSize(now.c_str()).x + pad, ImGui::GetStyle().ItemSpacing.x);
    ImGui::BeginDisabled(today < rule.min || today > rule.max);
    if (ImGui::Button((now + "##" + anchor).c_str())) picked = today;
    ImGui::EndDisabled();
    shell.anchor(anchor + ".today");
    const ImGuiStyle& st = ImGui::GetStyle();
    place_under(field_min, field_max, 7 * (calendar_cell() + 2 * st.CellPadding.x) + 2 * st.WindowPadding.x);
    if (ImGui::BeginPopup(popup.c_str())) {
        if (auto d = calendar(shell, anchor, t, rule, today)) picked = d;
        ImGui::EndPopup();
    }

    if (picked) t.text = written(to_iso(*picked));
    if (t.text != before || picked) {
        auto d = read_date(t.text, rule);
        if (d) {
            t.refusal.reset();
            const std::string now_iso = to_iso(*d);
            out.changed = now_iso != iso;
            iso = t.iso = now_iso;
        } else {
            t.refusal = d.error();
        }
    }
    // Once the user leaves an accepted field it shows the date as the screens write it.
    if (!t.refusal && left) t.text = written(iso);
    if (t.refusal) {
        out.valid = false;
        out.message = shell.app().error_text(*t.refusal);
        note_refusal(shell, anchor, out.message);
        message_beside(shell, anchor, out.message);
    } else if (const auto d = parse_iso_date(iso)) {
        const std::string read_back = reading(shell, *d);
        same_line_if_room(ImGui::CalcTextSize(read_back.c_str()).x, ImGui::GetStyle().ItemSpacing.x);
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(colour::muted, "%s", read_back.c_str());
        shell.anchor(anchor + ".reading");
    }
    return out;
}

float month_field_width(Shell& shell, const YearMonth& m, bool with_reiwa) {
    const ImGuiStyle& st = ImGui::GetStyle();
    return ImGui::CalcTextSize(month_text(shell, m, with_reiwa).c_str()).x + 2 * st.FramePadding.x +
           2 * (ImGui::GetFrameHeight() + st.ItemSpacing.x);
}

FieldResult month_field(Shell& shell, const std::string& anchor, YearMonth& month, const MonthRule& rule) {
    DateMemory& mem = shell.state<DateMemory>();
    MonthState& st = mem.months[ImGui::GetID(("##" + anchor).c_str())];
    const std::string popup = "##months." + anchor;
    FieldResult out;
    const YearMonth before = month;
    ImGui::BeginDisabled(month <= rule.min);
    if (ImGui::ArrowButton((anchor + ".prev").c_str(), ImGuiDir_Left)) month = previous_month(month);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", shell.tr("date.prev_month").c_str());
    shell.anchor(anchor + ".prev");
    ImGui::SameLine();
    // On a narrow line (a phone) the month without its 令和 reading, rather than a cut button.
    const bool reiwa = month_field_width(shell, month, true) <= ImGui::GetContentRegionAvail().x;
    const std::string shown = month_text(shell, month, reiwa);
    if (ImGui::Button((shown + "##" + anchor).c_str())) {
        st = MonthState{{}, std::nullopt, month.year};
        ImGui::OpenPopup(popup.c_str());
    }
    const ImVec2 button_min = ImGui::GetItemRectMin(), button_max = ImGui::GetItemRectMax();
    shell.anchor(anchor);
    ImGui::SameLine();
    ImGui::BeginDisabled(month >= rule.max);
    if (ImGui::ArrowButton((anchor + ".next").c_str(), ImGuiDir_Right)) month = next_month(month);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", shell.tr("date.next_month").c_str());
    shell.anchor(anchor + ".next");
    place_under(button_min, button_max, ImGui::GetFontSize() * 14);
    if (ImGui::BeginPopup(popup.c_str())) {
        if (auto m = year_of_months(shell, anchor, st, month, rule)) month = *m;
        ImGui::EndPopup();
    }
    out.changed = month != before;
    return out;
}

}  // namespace vsys::ui
