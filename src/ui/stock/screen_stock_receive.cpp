// 受入: what arrives at the site. A ⑤ delivery is confirmed with the lots as they arrived (lot
// number, expiry, vials), and any difference from the delivered vials gets a reason; a
// transfer from another site is taken into stock, or refused with a reason and returned.
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

struct LotLine {
    std::string lot;
    std::string expiry;
    std::int64_t vials = 0;
};

struct ReceiveScreen {
    SiteStock stock;
    // Confirming a delivery
    std::string round;  // the delivery being confirmed ("" none)
    std::vector<LotLine> lines;
    std::string discrepancy, text, date;
    bool confirm_delivery = false;
    // Answering a transfer
    std::string transfer;  // the transfer being answered
    bool accept = true;
    std::string reason, reason_text, answer_date;
    bool confirm_answer = false;
    std::string error;
    KeptTable incoming;
};

void delivery_form(Shell& shell, ReceiveScreen& s, const StockSiteView& v, const DeliveryToConfirm& d) {
    section_title(fill_placeholders(shell.tr("stock.receive.form_title"), {{"round", d.round_name}}));
    text_wrapped(fill_placeholders(shell.tr("stock.receive.expected"),
                                               {{"product", product_label(shell, d.product)},
                                                {"boxes", format_grouped(d.boxes)},
                                                {"vials", format_grouped(d.expected_vials)}})
                                 );
    date_field(shell, "stock.receive.date", s.date, v.today);
    std::int64_t total = 0;
    int remove = -1;
    for (std::size_t i = 0; i < s.lines.size(); ++i) {
        LotLine& l = s.lines[i];
        const std::string id = std::to_string(i);
        ImGui::PushID(static_cast<int>(i));
        section_title(fill_placeholders(shell.tr("stock.receive.lot_n"), {{"n", std::to_string(i + 1)}}));
        form_label(shell.tr("stock.label.lot"));
        text_field(shell, "stock.receive.lot." + id, l.lot, "stock.label.lot", stock_fields::lot, 200, "FA1234");
        form_label(shell.tr("stock.label.expiry"));
        text_field(shell, "stock.receive.expiry." + id, l.expiry, "stock.label.expiry", 10, 140, "YYYY-MM-DD");
        form_label(shell.tr("stock.label.vials"));
        number_field(shell, "stock.receive.vials." + id, l.vials, stock_fields::vials_rule(), 120, MessagePlace::beside,
                     shell.tr("unit.vial"));
        if (s.lines.size() > 1) {
            if (ImGui::SmallButton(shell.tr("stock.receive.remove_lot").c_str())) remove = static_cast<int>(i);
            shell.anchor("stock.receive.remove." + id);
        }
        total += l.vials;
        ImGui::PopID();
    }
    if (remove >= 0) s.lines.erase(s.lines.begin() + remove);
    if (s.lines.size() < k_max_stock_lines && ImGui::Button(shell.tr("stock.receive.add_lot").c_str())) s.lines.push_back({});
    shell.anchor("stock.receive.add_lot");
    text_wrapped(fill_placeholders(shell.tr("stock.receive.total"),
                                               {{"n", format_grouped(total)}, {"expected", format_grouped(d.expected_vials)}})
                                 );
    shell.anchor("stock.receive.total");
    bool need_reason = false;
    if (total != d.expected_vials) {
        ImGui::TextColored(colour::pending, "%s", shell.tr("stock.receive.differs").c_str());
        const auto reasons = stock_reasons(shell.app(), ReasonList::discrepancy);
        choice_combo(shell, "stock.receive.discrepancy", shell.tr("stock.label.discrepancy"), reasons, s.discrepancy);
        if (reason_needs(reasons, s.discrepancy) == ReasonNeeds::text) {
            form_label(shell.tr("stock.label.text"));
            text_field(shell, "stock.receive.text", s.text, "stock.label.text", stock_fields::reason_text, 360);
        }
        need_reason = s.discrepancy.empty();
    } else {
        s.discrepancy.clear();
    }
    field_message(s.error, true);
    const bool invalid = fields_invalid(shell) || need_reason;
    ImGui::BeginDisabled(invalid);
    if (wrapped_button(shell.tr("stock.receive.confirm_button"))) s.confirm_delivery = true;
    ImGui::EndDisabled();
    if (invalid) disabled_reason(shell.tr(need_reason ? "stock.receive.reason_needed" : "stock.fix_fields"));
    shell.anchor("stock.receive.save");
    same_line_if_room(button_width(shell.tr("common.cancel")), ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button(shell.tr("common.cancel").c_str())) s.round.clear();
    shell.anchor("stock.receive.cancel");
    shell.mark_unsaved();
    const std::string text = fill_placeholders(shell.tr("stock.receive.confirm"),
                                               {{"round", d.round_name},
                                                {"lots", std::to_string(s.lines.size())},
                                                {"vials", format_grouped(total)}});
    if (confirm(shell, s.confirm_delivery,
                {.anchor = "stock.receive.confirm",
                 .question = text,
                 .confirm_label = shell.tr("stock.receive.confirm_ok")})) {
        ConfirmDelivery cmd{v.code, d.round, s.date, {}, s.discrepancy, s.text};
        for (const auto& l : s.lines) cmd.lines.push_back({l.lot, l.expiry, l.vials});
        s.error = shell.run(cmd, "stock.receive.saved");
        if (s.error.empty()) s.round.clear();
    }
}

void deliveries_section(Shell& shell, ReceiveScreen& s, const StockSiteView& v) {
    section_title(shell.tr("stock.receive.deliveries"));
    if (v.deliveries.empty()) {
        help_text(shell.tr("stock.receive.no_deliveries"));
        return;
    }
    int i = 0;
    for (const auto& d : v.deliveries) {
        ImGui::AlignTextToFramePadding();
        text_wrapped(fill_placeholders(shell.tr("stock.receive.delivery_line"),
                                                   {{"round", d.round_name},
                                                    {"product", product_label(shell, d.product)},
                                                    {"boxes", format_grouped(d.boxes)},
                                                    {"vials", format_grouped(d.expected_vials)}})
                                     );
        same_line_if_room(ImGui::CalcTextSize(shell.tr("stock.receive.open").c_str()).x + 24);
        if (ImGui::Button((shell.tr("stock.receive.open") + "##" + d.round).c_str())) {
            s.round = d.round;
            s.lines = {LotLine{"", "", d.expected_vials}};
            s.discrepancy.clear();
            s.text.clear();
            s.date.clear();
            s.error.clear();
        }
        shell.anchor("stock.receive.open." + std::to_string(i++));
    }
}

void answer_modal(Shell& shell, ReceiveScreen& s, const StockSiteView& v) {
    const TransferToAnswer* t = nullptr;
    for (const auto& in : v.incoming)
        if (in.transfer->id == s.transfer) t = &in;
    if (!t) {  // answered meanwhile (another device): the question goes
        confirmation(shell, false, {.anchor = "stock.answer"});
        s.transfer.clear();
        return;
    }
    const StockEvent& e = *t->transfer;
    Confirmation c{
        .anchor = "stock.answer",
        .question = fill_placeholders(shell.tr(s.accept ? "stock.answer.accept_text" : "stock.answer.refuse_text"),
                                      {{"from", t->from_name},
                                       {"product", product_label(shell, e.product)},
                                       {"lot", e.lot},
                                       {"vials", format_grouped(e.vials)}}),
        .confirm_label = shell.tr(s.accept ? "stock.answer.accept" : "stock.answer.refuse")};
    c.error = s.error;
    c.detail = [&] {
        date_field(shell, "stock.answer.date", s.answer_date, v.today);
        bool need_reason = false;
        if (!s.accept) {
            const auto reasons = stock_reasons(shell.app(), ReasonList::refusal);
            choice_combo(shell, "stock.answer.reason", shell.tr("stock.label.reason"), reasons, s.reason);
            if (reason_needs(reasons, s.reason) == ReasonNeeds::text) {
                form_label(shell.tr("stock.label.text"));
                text_field(shell, "stock.answer.reason_text", s.reason_text, "stock.label.text",
                           stock_fields::reason_text, 360);
            }
            need_reason = s.reason.empty();
        }
        return !need_reason && !fields_invalid(shell);
    };
    c.on_confirm = [&] {
        const AnswerTransfer cmd{v.code, e.id, s.accept, s.accept ? std::string() : s.reason,
                                 s.accept ? std::string() : s.reason_text, s.answer_date};
        s.error = shell.run(cmd, s.accept ? "stock.answer.accepted" : "stock.answer.refused");
        return s.error.empty();
    };
    const Answer a = confirmation(shell, true, c);
    if (a == Answer::cancelled || (a == Answer::confirmed && s.error.empty())) s.transfer.clear();
}

void incoming_section(Shell& shell, ReceiveScreen& s, const StockSiteView& v) {
    section_title(shell.tr("stock.receive.transfers"));
    if (v.incoming.empty()) {
        help_text(shell.tr("stock.receive.no_transfers"));
        return;
    }
    KeptTable& t = s.incoming;
    if (t.stale(s.stock.loads())) {
        // The buttons first, then what is taken in: a wide table scrolls sideways on a tablet
        // or a phone, and the action and the vials are what the user came for.
        t.model.columns = {{shell.tr("stock.col.action"), false, "", ImGui::GetFontSize() * 13, false, true},
                           {shell.tr("stock.col.from"), false, "", 0, false},
                           {shell.tr("stock.col.product"), false, "", 0, false},
                           {shell.tr("stock.col.lot"), false, "", 0, false},
                           {shell.tr("stock.col.vials"), true, shell.tr("unit.vial"), 0, true},
                           {shell.tr("stock.col.date"), false, "", 0, false},
                           {shell.tr("stock.col.expiry"), false, "", 0, false},
                           {shell.tr("stock.col.condition"), false, "", 0, false}};
        t.model.rows.clear();
        for (const auto& in : v.incoming) {
            const StockEvent& e = *in.transfer;
            t.model.rows.push_back({{},
                                    {in.from_name},
                                    {product_label(shell, e.product)},
                                    {e.lot},
                                    {"", e.vials},
                                    {date_label(shell, e.date)},
                                    {e.expiry ? date_label(shell, in.effective_expiry) : "—"},
                                    {in.condition_name}});
        }
    }
    TableOptions o{"stock.incoming", 0, v.incoming.size() > 8, ""};
    o.draw_cell = [&](int row, int) {
        const auto& in = v.incoming[static_cast<std::size_t>(row)];
        if (ImGui::SmallButton(shell.tr("stock.answer.accept").c_str())) {
            s.transfer = in.transfer->id, s.accept = true, s.error.clear(), s.answer_date.clear();
        }
        shell.anchor("stock.incoming.accept." + std::to_string(row));
        ImGui::SameLine();
        if (ImGui::SmallButton(shell.tr("stock.answer.refuse").c_str())) {
            s.transfer = in.transfer->id, s.accept = false, s.error.clear(), s.reason.clear(), s.reason_text.clear(),
            s.answer_date.clear();
        }
        shell.anchor("stock.incoming.refuse." + std::to_string(row));
    };
    draw_table(shell, "stock.incoming", t.model, t.built, t.state, o);
    if (!s.transfer.empty()) answer_modal(shell, s, v);
}

}  // namespace

void draw_stock_receive(Shell& shell) {
    ReceiveScreen& s = shell.state<ReceiveScreen>();
    bool proxy = false;
    std::string code;
    const StockSiteView* v = stock_screen_top(shell, "stock_receive", s.stock, code, proxy);
    if (!v) return;
    if (!s.round.empty()) {
        for (const auto& d : v->deliveries)
            if (d.round == s.round) {
                delivery_form(shell, s, *v, d);
                return;
            }
        s.round.clear();  // confirmed meanwhile (another device, the municipality)
    }
    deliveries_section(shell, s, *v);
    incoming_section(shell, s, *v);
}

}  // namespace vsys::ui
