// 請求（接種費用）: a site enters a vaccination month of claims, one row per municipality of
// residence × form × category, sees each row checked and priced as it types (the core's own
// rules and fees, the same the save_claim command applies), saves, submits after a
// confirmation naming what goes where, and prints the 市区町村別請求書 and 請求総括書 or
// downloads them as CSV. Edits stay in the screen's buffer until 保存; a submitted month is
// read-only. A municipality reaches the same screen for one of its sites (代行入力,
// #/claims/<site code>) after choosing it from the list of its sites (#/claims).
#include <algorithm>
#include <cstring>
#include <vector>

#include "app/claims/claims_app.hpp"
#include "core/claims/claims_csv.hpp"
#include "core/claims/claims_routing.hpp"
#include "core/claims/claims_rules.hpp"
#include "core/directory/local_gov.hpp"
#include "ui/claims/claims_ui.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

using nlohmann::json;

constexpr const char* k_count_fields[] = {"normal", "outside_hours", "holiday", "pre_exam_only", "under_6"};
constexpr ClaimForm k_forms[] = {ClaimForm::old_form, ClaimForm::new_form, ClaimForm::additional};

struct Row {
    char municipality[8] = {};
    int form = 1;      // index into k_forms
    int category = 2;  // 1 or 2
    std::int64_t counts[5] = {};

    bool operator==(const Row& o) const {
        return std::strcmp(municipality, o.municipality) == 0 && form == o.form && category == o.category &&
               std::equal(std::begin(counts), std::end(counts), std::begin(o.counts));
    }
};

struct ClaimScreen {
    std::string site;
    std::string site_name;
    std::string site_municipality;
    YearMonth month;
    bool month_set = false;
    std::string loaded_for;  // site|month|revision the buffer was loaded at
    std::vector<Row> rows, saved_rows;
    bool saved = false, submitted = false;
    json print;     // claim_print view of the saved month
    json legacy;    // claim_legacy view (R533)
    bool confirm = false;
    bool proxy_saved = false;  // the saved version was entered by the municipality
};
ClaimScreen screen;

// The site a municipality opened the screen for (#/claims/<code>), checked once per route.
struct ProxyTarget {
    std::string route;  // org|param
    std::string error;  // why it cannot be entered, translated; "" when it can
};
ProxyTarget proxy_target;


ClaimLine to_line(const Row& r) {
    ClaimLine l;
    l.municipality = r.municipality;
    l.form = k_forms[r.form];
    l.category = r.category == 1 ? RecipientCategory::no_coupon : RecipientCategory::with_coupon;
    l.counts = {r.counts[0], r.counts[1], r.counts[2], r.counts[3], r.counts[4]};
    return l;
}

json to_json_line(const Row& r) {
    json j = {{"municipality", std::string(r.municipality)},
              {"form", std::string(claim_form_name(k_forms[r.form]))},
              {"category", r.category}};
    for (int i = 0; i < 5; ++i) j[k_count_fields[i]] = r.counts[i];
    return j;
}

Row from_json_line(const json& j) {
    Row r;
    std::snprintf(r.municipality, sizeof r.municipality, "%s", j.value("municipality", "").c_str());
    const std::string form = j.value("form", "new");
    for (int i = 0; i < 3; ++i)
        if (form == claim_form_name(k_forms[i])) r.form = i;
    r.category = j.value("category", 2) == 1 ? 1 : 2;
    for (int i = 0; i < 5; ++i) {
        const auto it = j.find(k_count_fields[i]);
        r.counts[i] = it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
    }
    return r;
}

Row empty_row() {
    Row r;
    std::snprintf(r.municipality, sizeof r.municipality, "%s", screen.site_municipality.c_str());
    return r;
}

void load(Shell& shell, const std::string& key) {
    App& app = shell.app();
    screen.loaded_for = key;
    screen.rows.clear();
    screen.print = nullptr;
    screen.legacy = nullptr;
    const json args = {{"site", screen.site}, {"month", to_iso(screen.month)}};
    auto v = app.view("claim", args);
    screen.saved = v && (*v)["saved"] == true;
    screen.submitted = v && (*v)["submitted"] == true;
    screen.proxy_saved = v && (*v).value("proxy", false);
    if (v) {
        screen.site_name = (*v).value("site_name", "");
        screen.site_municipality = (*v).value("site_municipality", "");
        for (const auto& l : (*v)["lines"]) screen.rows.push_back(from_json_line(l));
    }
    screen.saved_rows = screen.rows;
    if (screen.rows.empty()) screen.rows.push_back(empty_row());
    if (screen.saved)
        if (auto p = app.view("claim_print", args)) screen.print = *p;
    if (auto l = app.view("claim_legacy", {{"site", screen.site}})) screen.legacy = *l;
}

// The whole month as the core sees it: per-row errors (with duplicates), and the claim's own.
struct Checked {
    std::vector<std::optional<Error>> row_errors;
    std::vector<Amounts> row_amounts;
    std::vector<std::string> row_payers;
    std::optional<Error> claim_error;
    ClaimCounts counts;
    Amounts total;
};

Checked check(Shell& shell) {
    Checked c;
    App& app = shell.app();
    const auto fees = fees_for_month(fee_schedule(), screen.month);
    const RoutingSettings routing = claims_routing(app);
    SiteClaim claim{screen.site, screen.site_municipality, screen.month, {}};
    for (std::size_t i = 0; i < screen.rows.size(); ++i) {
        const ClaimLine line = to_line(screen.rows[i]);
        claim.lines.push_back(line);
        std::optional<Error> err;
        if (!fees) err = fees.error();
        else if (auto st = validate_line(line, i + 1, *fees); !st) err = st.error();
        for (std::size_t k = 0; k < i && !err; ++k)
            if (screen.rows[k].municipality == std::string(line.municipality) && screen.rows[k].form == screen.rows[i].form &&
                screen.rows[k].category == screen.rows[i].category)
                err = Error{"claims.duplicate_line", "duplicate line",
                            {{"municipality", line.municipality},
                             {"form", std::string(claim_form_label(line.form))},
                             {"category", std::to_string(screen.rows[i].category)}}};
        Amounts a;
        std::string payer;
        if (!err) {
            a = amounts_with_tax(line_amount_before_tax(line.counts, *fees), fees->tax_percent);
            add_counts(c.counts, line.counts);
            add_amounts(c.total, a);
            if (auto p = route_line(screen.site_municipality, line.municipality, routing))
                payer = p->kind == Payer::Kind::federation ? app.tr("claims.payer.federation") : municipality_name(p->code);
        }
        c.row_errors.push_back(err);
        c.row_amounts.push_back(a);
        c.row_payers.push_back(payer);
    }
    if (auto r = compute_claim(claim, routing, claims_today(app)); !r) c.claim_error = r.error();
    return c;
}

void count_cell(Shell& shell, std::size_t i, int field, bool read_only) {
    ImGui::SetNextItemWidth(-1);
    ImGui::BeginDisabled(read_only);
    ImGui::InputScalar((std::string("##") + k_count_fields[field]).c_str(), ImGuiDataType_S64, &screen.rows[i].counts[field],
                       nullptr, nullptr, "%lld");
    ImGui::EndDisabled();
    shell.anchor("claims.line" + std::to_string(i) + "." + k_count_fields[field]);
}

void lines_table(Shell& shell, const Checked& c, bool read_only) {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("claim_lines", 14, flags)) return;
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
    std::optional<std::size_t> remove;
    for (std::size_t i = 0; i < screen.rows.size(); ++i) {
        Row& row = screen.rows[i];
        const std::string id = "claims.line" + std::to_string(i);
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%zu", i + 1);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        ImGui::BeginDisabled(read_only);
        ImGui::InputText("##muni", row.municipality, sizeof row.municipality, ImGuiInputTextFlags_CharsDecimal);
        ImGui::EndDisabled();
        shell.anchor(id + ".municipality");
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        const LocalGov* g = std::strlen(row.municipality) == 6 ? find_local_gov(row.municipality) : nullptr;
        ImGui::TextUnformatted(g ? municipality_name(row.municipality).c_str() : "-");
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        ImGui::BeginDisabled(read_only);
        if (ImGui::BeginCombo("##form", std::string(claim_form_label(k_forms[row.form])).c_str())) {
            for (int f = 0; f < 3; ++f) {
                if (ImGui::Selectable(std::string(claim_form_label(k_forms[f])).c_str(), row.form == f)) row.form = f;
                shell.anchor(id + ".form." + std::string(claim_form_name(k_forms[f])));
            }
            ImGui::EndCombo();
        }
        ImGui::EndDisabled();
        shell.anchor(id + ".form");
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(read_only);
        ImGui::RadioButton("1", &row.category, 1);
        shell.anchor(id + ".category1");
        ImGui::SameLine();
        ImGui::RadioButton("2", &row.category, 2);
        shell.anchor(id + ".category2");
        ImGui::EndDisabled();
        for (int field = 0; field < 5; ++field) {
            ImGui::TableNextColumn();
            count_cell(shell, i, field, read_only);
        }
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(c.row_payers[i].c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (!c.row_errors[i]) yen_right(c.row_amounts[i].amount);
        shell.anchor(id + ".amount");
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(read_only || screen.rows.size() == 1);
        if (ImGui::SmallButton(shell.tr("claims.remove_line").c_str())) remove = i;
        ImGui::EndDisabled();
        shell.anchor(id + ".remove");
        ImGui::TableNextColumn();
        if (c.row_errors[i]) {
            ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
            ImGui::TextWrapped("※ %s", shell.app().error_text(*c.row_errors[i]).c_str());
            ImGui::PopStyleColor();
        } else {
            ImGui::TextColored(colour::confirmed, "%s", shell.tr("claims.row_ok").c_str());
        }
        shell.anchor(id + ".message");
        ImGui::PopID();
    }
    // 合計: the sum of the rows that keep the rules.
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(shell.tr("claims.total").c_str());
    const std::int64_t sums[] = {c.counts.normal, c.counts.outside_hours, c.counts.holiday, c.counts.pre_exam_only,
                                 c.counts.under_6};
    for (int field = 0; field < 5; ++field) {
        ImGui::TableSetColumnIndex(5 + field);
        yen_right(sums[field]);
    }
    ImGui::TableSetColumnIndex(11);
    yen_right(c.total.amount);
    shell.anchor("claims.total");
    ImGui::EndTable();
    if (remove) screen.rows.erase(screen.rows.begin() + static_cast<std::ptrdiff_t>(*remove));
}

void documents_section(Shell& shell) {
    section_title(shell.tr("claims.documents"));
    if (!screen.print.is_object()) {
        ImGui::TextDisabled("%s", shell.tr("claims.documents.save_first").c_str());
        return;
    }
    if (!ImGui::BeginTable("claim_documents", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn(shell.tr("claims.col.document").c_str(), 0, 340);
    ImGui::TableSetupColumn(shell.tr("claims.col.payer").c_str(), 0, 280);
    ImGui::TableSetupColumn(shell.tr("claims.col.amount").c_str(), 0, 130);
    ImGui::TableSetupColumn("", 0, 130);
    ImGui::TableHeadersRow();
    auto doc_row = [&](const std::string& key, const std::string& label, const std::string& payer, const json& d) {
        ImGui::PushID(key.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(payer.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        yen_right(d["total"].value("amount", std::int64_t{0}));
        ImGui::TableNextColumn();
        if (ImGui::Button(shell.tr("claims.print").c_str())) shell.host().open_print_window(d.value("html", ""));
        shell.anchor("claims.print." + key);
        ImGui::SameLine();
        if (ImGui::Button("CSV")) shell.host().download_text(d.value("filename", "claim.csv"), d.value("csv", ""));
        shell.anchor("claims.csv." + key);
        ImGui::PopID();
    };
    for (const auto& d : screen.print["municipalities"])
        doc_row(d.value("municipality", ""), shell.tr("claims.doc.municipality") + "　" + d.value("name", ""),
                d["payer"].value("name", ""), d);
    if (screen.print["summary"].is_object())
        doc_row("summary", shell.tr("claims.doc.summary"), screen.print["summary"]["federation"].value("name", ""),
                screen.print["summary"]);
    ImGui::EndTable();
}

void legacy_section(Shell& shell) {
    if (!screen.legacy.is_object()) return;
    if (!ImGui::CollapsingHeader(shell.tr("claims.legacy.site").c_str())) return;
    ImGui::TextDisabled("%s", shell.tr("claims.legacy.demo").c_str());
    if (ImGui::BeginTable("legacy", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(shell.tr("claims.col.month").c_str(), 0, 100);
        ImGui::TableSetupColumn(shell.tr("claims.col.name").c_str(), 0, 160);
        ImGui::TableSetupColumn(shell.tr("claims.col.legacy_count").c_str(), 0, 120);
        ImGui::TableHeadersRow();
        for (const auto& r : screen.legacy["rows"]) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.value("month", "").c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.value("municipality_name", "").c_str());
            ImGui::TableNextColumn();
            yen_right(r.value("count", std::int64_t{0}));
        }
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(shell.tr("claims.total").c_str());
        ImGui::TableSetColumnIndex(2);
        yen_right(screen.legacy.value("total", std::int64_t{0}));
        ImGui::EndTable();
    }
}

void submit_modal(Shell& shell, const Checked& c) {
    const std::string title = shell.tr("claims.confirm_title") + "###claims_confirm";
    if (screen.confirm) {
        ImGui::OpenPopup(title.c_str());
        screen.confirm = false;
    }
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    std::string payers;
    for (const auto& d : screen.print.is_object() ? screen.print["municipalities"] : json::array()) {
        const std::string name = d["payer"].value("name", "");
        if (payers.find(name) == std::string::npos) payers += (payers.empty() ? "" : "、") + name;
    }
    auto reiwa = format_reiwa(screen.month);
    ImGui::PushTextWrapPos(560);
    ImGui::TextUnformatted(Strings::builtin()
                               .format("claims.confirm_text", shell.app().language(),
                                       {{"month", reiwa ? *reiwa : to_iso(screen.month)},
                                        {"site", screen.site_name},
                                        {"count", std::to_string(screen.rows.size())},
                                        {"amount", format_grouped(c.total.amount)},
                                        {"payers", payers}})
                               .c_str());
    ImGui::PopTextWrapPos();
    shell.anchor("claims.confirm.text");
    ImGui::Spacing();
    if (ImGui::Button(shell.tr("claims.confirm_submit").c_str())) {
        shell.run({{"type", "submit_claim"}, {"site", screen.site}, {"month", to_iso(screen.month)}}, "claims.submitted_toast");
        ImGui::CloseCurrentPopup();
    }
    shell.anchor("claims.confirm.submit");
    ImGui::SameLine();
    if (ImGui::Button(shell.tr("claims.cancel").c_str())) ImGui::CloseCurrentPopup();
    shell.anchor("claims.confirm.cancel");
    ImGui::EndPopup();
}

}  // namespace

void draw_claims(Shell& shell) {
    App& app = shell.app();
    screen_title(shell.tr("screen.claims"));
    const std::string& org = app.session().org;
    const auto colon = org.find(':');
    const std::string prefix = org.substr(0, colon == std::string::npos ? 0 : colon);
    std::string code;
    bool proxy = false;
    if (prefix == "site" || prefix == "venue") {
        code = org.substr(colon + 1);
    } else if (prefix == "muni") {
        if (shell.param().empty()) {
            proxy_site_picker(shell);
            return;
        }
        // Checked here as well as by the commands (once per route, not per frame), so that
        // another municipality's site shows why it cannot be entered instead of an empty form.
        if (proxy_target.route != org + "|" + shell.param()) {
            proxy_target.route = org + "|" + shell.param();
            proxy_target.error.clear();
            auto site = claims_site(app, shell.param());
            if (!site) proxy_target.error = app.error_text(site.error());
            else if ("muni:" + site->municipality != org)
                proxy_target.error = app.error_text(Error{"claims.proxy_other_municipality", "not this municipality's site",
                                                          {{"site", site->code},
                                                           {"name", site->name},
                                                           {"municipality", municipality_name(site->municipality)}}});
        }
        if (!proxy_target.error.empty()) {
            field_message(proxy_target.error, true);
            return;
        }
        code = shell.param();
        proxy = true;
    } else {
        field_message(shell.tr("claims.site_only"), true);
        return;
    }
    if (screen.site != code) {
        screen = ClaimScreen{};
        screen.site = code;
    }
    if (!screen.month_set) {
        screen.month = default_claim_month(shell);
        screen.month_set = true;
    }
    const bool dirty_before = !(screen.rows == screen.saved_rows) && !(screen.saved_rows.empty() && screen.rows.size() == 1 &&
                                                                      screen.rows[0] == empty_row());
    const std::string key = screen.site + "|" + to_iso(screen.month) + "|" + std::to_string(app.revision());
    if (screen.loaded_for != key && (!dirty_before || screen.loaded_for.rfind(screen.site + "|" + to_iso(screen.month) + "|", 0) != 0))
        load(shell, key);

    ImGui::Text("%s（%s）", screen.site_name.c_str(), screen.site.c_str());
    if (proxy) {
        ImGui::TextColored(colour::pending, "%s", shell.tr("claims.proxy.note").c_str());
        shell.anchor("claims.proxy.note");
    } else if (screen.proxy_saved) {
        ImGui::TextDisabled("%s", shell.tr("claims.proxy.saved_by_municipality").c_str());
    }
    form_label(shell.tr("claims.month"));
    YearMonth m = screen.month;
    ImGui::BeginDisabled(dirty_before);
    if (month_picker(shell, "claims", m, today_month(shell))) screen.month = m;
    ImGui::EndDisabled();
    ImGui::SameLine(520);
    ImGui::AlignTextToFramePadding();
    if (auto d = claim_deadline(screen.month)) {
        auto w = format_reiwa(*d);
        ImGui::Text("%s: %s", shell.tr("claims.deadline").c_str(), w ? w->c_str() : to_iso(*d).c_str());
        shell.anchor("claims.deadline");
    }
    ImGui::SameLine();
    if (screen.submitted) ImGui::TextColored(colour::confirmed, "● %s", shell.tr("claims.state.submitted").c_str());
    else if (screen.saved) ImGui::TextColored(colour::pending, "● %s", shell.tr("claims.state.saved").c_str());
    else ImGui::TextColored(colour::muted, "○ %s", shell.tr("claims.state.new").c_str());
    shell.anchor("claims.state");
    ImGui::TextDisabled("%s", shell.tr("claims.help").c_str());

    const Checked c = check(shell);
    lines_table(shell, c, screen.submitted);
    if (!screen.submitted) {
        if (ImGui::Button(shell.tr("claims.add_line").c_str())) screen.rows.push_back(empty_row());
        shell.anchor("claims.add_line");
    }
    const bool rows_ok = std::none_of(c.row_errors.begin(), c.row_errors.end(), [](const auto& e) { return e.has_value(); });
    if (rows_ok && c.claim_error) field_message(app.error_text(*c.claim_error), true);

    const bool dirty = !(screen.rows == screen.saved_rows) && !(screen.saved_rows.empty() && screen.rows.size() == 1 &&
                                                               screen.rows[0] == empty_row());
    ImGui::Spacing();
    if (!screen.submitted) {
        ImGui::BeginDisabled(!dirty || c.claim_error.has_value());
        if (ImGui::Button(shell.tr("claims.save").c_str())) {
            json lines = json::array();
            for (const auto& r : screen.rows) lines.push_back(to_json_line(r));
            if (shell.run({{"type", "save_claim"}, {"site", screen.site}, {"month", to_iso(screen.month)}, {"lines", lines}})
                    .empty())
                screen.loaded_for.clear();
        }
        ImGui::EndDisabled();
        shell.anchor("claims.save");
        ImGui::SameLine();
        ImGui::BeginDisabled(dirty || !screen.saved || c.claim_error.has_value());
        if (ImGui::Button(shell.tr("claims.submit").c_str())) screen.confirm = true;
        ImGui::EndDisabled();
        shell.anchor("claims.submit");
        if (dirty) {
            shell.mark_unsaved();
            ImGui::SameLine();
            if (ImGui::Button(shell.tr("claims.discard").c_str())) screen.loaded_for.clear();
            shell.anchor("claims.discard");
            ImGui::SameLine();
            ImGui::TextColored(colour::pending, "● %s", shell.tr("claims.unsaved").c_str());
        }
    }
    documents_section(shell);
    legacy_section(shell);
    submit_modal(shell, c);
}

}  // namespace vsys::ui
