// 在庫量の報告: the site's stock per product and lot as the ledger calculates it (vials and
// doses, in transit, wasted, expiry), a small trend per product, the stock requests that reach
// the site, and the count form: per lot the vials counted, prefilled with the calculated
// balance; a difference needs a reason (used, unexplained; found). Naming a request makes the
// count its answer. A municipality opens it for one of its sites (代行入力).
#include <map>

#include "app/base/app.hpp"
#include "app/base/i18n.hpp"
#include "app/stock/stock_fields.hpp"
#include "core/base/numbers.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/stock/stock_ui.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

struct CountEntry {
    VaccineProduct product = VaccineProduct::pfizer_12;
    std::string lot;
    std::int64_t calculated = 0;
    std::int64_t counted = 0;
    std::string reason;
    std::string text;
};

struct StockScreen {
    SiteStock stock;
    KeptTable lots;
    bool counting = false;      // the count form is open
    std::string request;        // the request the count answers ("" a count of the site's own)
    std::vector<CountEntry> entries;
    std::string date;
    bool confirm = false;
    std::string error;
};

const char* lot_state_key(const StockLotView& l) {
    if (l.lot->conflict) return "stock.state.conflict";
    if (l.lot->expiry && l.days_left < 0 && l.lot->on_hand > 0) return "stock.state.expired";
    if (l.lot->expiry && l.days_left <= k_expiry_warning_days && l.lot->on_hand > 0) return "stock.state.near_expiry";
    if (l.lot->on_hand <= 0) return "stock.state.empty";
    return "stock.state.ok";
}

void lots_table(Shell& shell, StockScreen& s, const StockSiteView& v) {
    KeptTable& t = s.lots;
    if (t.stale(s.stock.loads())) {
        // What is on hand and its state first (a narrow screen scrolls the rest), then every
        // vial received accounted for on its row (the ledger's identity): 受入 = 在庫 + 移送 +
        // 廃棄 + 在庫量の差; うち移送中 is the part of 移送 not yet taken in.
        t.model.columns = {{shell.tr("stock.col.product"), false, "", 0, false},
                           {shell.tr("stock.col.lot"), false, "", 0, false},
                           {shell.tr("stock.col.expiry"), false, "", 0, false},
                           {shell.tr("stock.col.on_hand"), true, shell.tr("unit.vial"), 0, true},
                           {shell.tr("stock.col.doses"), true, shell.tr("unit.dose"), 0, true},
                           {shell.tr("stock.col.state"), false, "", 0, false},
                           {shell.tr("stock.col.received"), true, shell.tr("unit.vial"), 0, true},
                           {shell.tr("stock.col.transferred_out"), true, shell.tr("unit.vial"), 0, true},
                           {shell.tr("stock.col.in_transit"), true, shell.tr("unit.vial"), 0, true},
                           {shell.tr("stock.col.wasted"), true, shell.tr("unit.vial"), 0, true},
                           {shell.tr("stock.col.count_difference"), true, shell.tr("unit.vial"), 0, true}};
        t.model.rows.clear();
        for (const auto& l : v.lots) {
            const LotBalance& b = *l.lot;
            const char* state = lot_state_key(l);
            const CellTone tone = b.conflict ? CellTone::error
                                  : (l.days_left <= k_expiry_warning_days && b.on_hand > 0) ? CellTone::pending
                                  : b.on_hand <= 0 ? CellTone::muted
                                                   : CellTone::normal;
            std::string state_text = shell.tr(state);
            std::string tooltip;
            if (b.conflict)
                tooltip = fill_placeholders(shell.tr("stock.conflict.detail"), {{"lowest", format_grouped(b.lowest)}});
            TableCell expiry{b.expiry ? date_label(shell, l.effective_expiry) : "—"};
            if (b.expiry && l.effective_expiry != *b.expiry)
                expiry.tooltip = fill_placeholders(shell.tr("stock.expiry.extended"), {{"date", date_label(shell, *b.expiry)}});
            t.model.rows.push_back({{product_label(shell, b.product)},
                                    {b.lot},
                                    expiry,
                                    {"", b.on_hand, false, "", b.on_hand < 0 ? CellTone::error : CellTone::normal},
                                    {"", l.doses},
                                    {state_text, 0, false, tooltip, tone},
                                    {"", b.received + b.transferred_in},
                                    {"", b.transferred_out},
                                    {"", b.in_transit_out},
                                    {"", b.wasted_vials},
                                    {"", b.count_difference}});
        }
    }
    draw_table(shell, "stock.lots", t.model, t.built, t.state, {"stock.lots", 0, v.lots.size() > 8, ""});
}

void trend(Shell& shell, const StockSiteView& v) {
    for (const auto& [product, points] : v.trend) {
        if (points.empty()) continue;
        std::vector<float> values;
        values.reserve(points.size());
        float high = 0;
        for (const auto& p : points) {
            values.push_back(static_cast<float>(p.vials));
            high = std::max(high, static_cast<float>(p.vials));
        }
        if (values.size() == 1) values.push_back(values.front());  // one day of events: a level line
        const std::string label = product_label(shell, product) + "  " + date_label(shell, points.front().date) + " 〜 " +
                                  date_label(shell, points.back().date) + "  " +
                                  fill_placeholders(shell.tr("stock.trend.now"), {{"n", format_grouped(points.back().vials)}});
        help_text(label);
        ImGui::PlotLines(("##trend." + std::string(vaccine_product_id(product))).c_str(), values.data(),
                         static_cast<int>(values.size()), 0, nullptr, 0.0f, high * 1.1f + 1.0f,
                         ImVec2(std::min(520.0f, ImGui::GetContentRegionAvail().x), ImGui::GetTextLineHeight() * 3));
        shell.anchor(std::string("stock.trend.") + vaccine_product_id(product));
    }
}

void start_count(StockScreen& s, const StockSiteView& v, const std::string& request) {
    s.counting = true;
    s.request = request;
    s.entries.clear();
    s.error.clear();
    s.date.clear();
    for (const auto& l : v.lots) {
        if (l.lot->on_hand == 0 && l.lot->in_transit_out == 0) continue;
        s.entries.push_back({l.lot->product, l.lot->lot, l.lot->on_hand, std::max<std::int64_t>(l.lot->on_hand, 0), "", ""});
    }
}

void requests_section(Shell& shell, StockScreen& s, const StockSiteView& v) {
    if (v.requests.empty()) return;
    section_title(shell.tr("stock.requests.title"));
    int i = 0;
    for (const auto& r : v.requests) {
        const std::string line = fill_placeholders(shell.tr("stock.requests.line"),
                                                   {{"requester", r.requester_name}, {"due", date_label(shell, r.request->doc.due)}});
        text_wrapped(line);
        if (!r.request->doc.note.empty()) help_text(r.request->doc.note);
        if (r.answer) {
            ImGui::TextColored(colour::confirmed, "%s",
                               fill_placeholders(shell.tr("stock.requests.answered"), {{"date", date_label(shell, r.answer->date)}}).c_str());
        } else {
            ImGui::TextColored(r.overdue ? colour::error : colour::pending, "%s",
                               shell.tr(r.overdue ? "stock.requests.overdue" : "stock.requests.open").c_str());
        }
        const std::string answer = shell.tr(r.answer ? "stock.requests.answer_again" : "stock.requests.answer") + "##" + std::to_string(i);
        same_line_if_room(button_width(answer), ImGui::GetStyle().ItemSpacing.x);
        if (wrapped_button(answer, true))
            start_count(s, v, r.request->key);
        shell.anchor("stock.requests.answer." + std::to_string(i));
        ++i;
    }
}

void count_form(Shell& shell, StockScreen& s, const StockSiteView& v) {
    section_title(shell.tr(s.request.empty() ? "stock.count.title" : "stock.count.answer_title"));
    help_text(shell.tr("stock.count.help"));
    date_field(shell, "stock.count.date", s.date, v.today);
    if (s.entries.empty()) help_text(shell.tr("stock.count.none"));
    const auto below = stock_reasons(shell.app(), ReasonList::count_below);
    const auto above = stock_reasons(shell.app(), ReasonList::count_above);
    bool missing_reason = false;
    for (std::size_t i = 0; i < s.entries.size(); ++i) {
        CountEntry& e = s.entries[i];
        const std::string id = std::to_string(i);
        ImGui::PushID(static_cast<int>(i));
        ImGui::AlignTextToFramePadding();
        text_wrapped((product_label(shell, e.product) + "  " + e.lot));
        const std::string calculated = fill_placeholders(shell.tr("stock.count.calculated"), {{"n", format_grouped(e.calculated)}});
        same_line_if_room(ImGui::CalcTextSize(calculated.c_str()).x, ImGui::GetStyle().ItemSpacing.x);
        muted_text(calculated);
        form_label(shell.tr("stock.label.counted"));
        number_field(shell, "stock.count.vials." + id, e.counted, stock_fields::counted_rule(), 120, MessagePlace::beside,
                     shell.tr("unit.vial"));
        if (e.counted != e.calculated) {
            const auto& list = e.counted < e.calculated ? below : above;
            if (reason_needs(list, e.reason) == ReasonNeeds::nothing && !e.reason.empty()) {
                bool in_list = false;
                for (const auto& c : list) in_list |= c.id == e.reason;
                if (!in_list) e.reason.clear();
            }
            choice_combo(shell, "stock.count.reason." + id, shell.tr("stock.label.reason"), list, e.reason, 260);
            if (reason_needs(list, e.reason) == ReasonNeeds::text) {
                form_label(shell.tr("stock.label.text"));
                text_field(shell, "stock.count.text." + id, e.text, "stock.label.text", stock_fields::reason_text, 360);
            }
            missing_reason |= e.reason.empty();
        } else {
            e.reason.clear();
        }
        ImGui::PopID();
    }
    if (missing_reason) field_message(shell.tr("stock.count.reason_needed"), false);
    field_message(s.error, true);
    const bool invalid = fields_invalid(shell) || missing_reason;
    ImGui::BeginDisabled(invalid);
    if (wrapped_button(shell.tr(s.request.empty() ? "stock.count.save" : "stock.count.send_answer"))) s.confirm = true;
    ImGui::EndDisabled();
    if (invalid) disabled_reason(shell.tr("stock.fix_fields"));
    shell.anchor("stock.count.save");
    same_line_if_room(button_width(shell.tr("common.cancel")), ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button(shell.tr("common.cancel").c_str())) s.counting = false;
    shell.anchor("stock.count.cancel");
    shell.mark_unsaved();
    std::int64_t total = 0;
    for (const auto& e : s.entries) total += e.counted;
    const std::string text = fill_placeholders(shell.tr("stock.count.confirm"),
                                               {{"date", shell.date_text(s.date)},
                                                {"lots", std::to_string(s.entries.size())},
                                                {"vials", format_grouped(total)}});
    if (confirm(shell, s.confirm,
                {.anchor = "stock.count.confirm", .question = text, .confirm_label = shell.tr("stock.count.send")})) {
        RecordCount cmd{v.code, s.date, s.request, {}};
        for (const auto& e : s.entries) cmd.lines.push_back({vaccine_product_id(e.product), e.lot, e.counted, e.reason, e.text});
        s.error = shell.run(cmd, s.request.empty() ? "stock.count.saved" : "stock.count.answered");
        if (s.error.empty()) s.counting = false;
    }
}

}  // namespace

void draw_stock(Shell& shell) {
    StockScreen& s = shell.state<StockScreen>();
    bool proxy = false;
    std::string code;
    const StockSiteView* v = stock_screen_top(shell, "stock", s.stock, code, proxy);
    if (!v) return;
    if (s.counting) {
        count_form(shell, s, *v);
        return;
    }
    if (wrapped_button(shell.tr("stock.count.start"))) start_count(s, *v, "");
    shell.anchor("stock.count.start");
    if (!proxy) {  // R511 is the site's own report; its municipality reads R311 and R312
        same_line_if_room(button_width(shell.tr("stock.ledger.open")), ImGui::GetStyle().ItemSpacing.x);
        if (wrapped_button(shell.tr("stock.ledger.open"))) shell.go("reports", "R511");
        shell.anchor("stock.ledger.open");
    }
    requests_section(shell, s, *v);
    section_title(shell.tr("stock.lots.title"));
    if (v->lots.empty()) help_text(shell.tr("stock.lots.none"));
    else lots_table(shell, s, *v);
    bool any_line = false;
    for (const auto& [product, points] : v->trend) any_line |= !points.empty();
    if (any_line) {
        section_title(shell.tr("stock.trend.title"));
        trend(shell, *v);
    }
}

}  // namespace vsys::ui
