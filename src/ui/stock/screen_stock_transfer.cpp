// 移送の登録: a transfer of vials of one lot to another site. The receivers offered are the
// site's hub and satellites, then its municipality's sites, each marked by the compatibility
// matrix (a receiver the matrix refuses is shown, disabled, with why); the conditions offered
// are those of the product and receiver on the transfer's date (the −90~−60 °C box only to a
// hub); the dated cap is stated. A lot within 7 days of its expiry is confirmed first. Below,
// what the site sent that is still in transit.
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

struct TransferScreen {
    SiteStock stock;
    std::string product, lot, to, condition, date;
    std::int64_t vials = 1;
    // The receivers for (site, product), asked again when either or the App's revision changed.
    KeptView<TransferTargetsQuery> targets;
    bool confirm = false;
    std::string error;
    KeptTable transit;
};

const std::vector<TransferTarget>& receivers(const TransferScreen& s) {
    static const std::vector<TransferTarget> k_none;
    return s.targets.view() ? s.targets.view()->targets : k_none;
}

const TransferTarget* find_target(const TransferScreen& s) {
    for (const auto& t : receivers(s))
        if (t.code == s.to) return &t;
    return nullptr;
}

const StockLotView* find_lot(const StockSiteView& v, const std::string& product, const std::string& lot) {
    for (const auto& l : v.lots)
        if (vaccine_product_id(l.lot->product) == product && l.lot->lot == lot) return &l;
    return nullptr;
}

void receiver_combo(Shell& shell, TransferScreen& s) {
    const TransferTarget* chosen = find_target(s);
    form_label(shell.tr("stock.label.to"));
    field_width(420);
    const std::string shown = chosen ? chosen->name + "（" + chosen->code + "）" : shell.tr("stock.choose");
    if (begin_combo("##stock.transfer.to", shown, "stock.transfer.to")) {
        for (const auto& t : receivers(s)) {
            const std::string cat = t.category ? shell.tr(std::string("category.") + vaccine_category_id(*t.category))
                                               : shell.tr("stock.category.none");
            std::string label = t.name + "（" + t.code + "） " + cat;
            if (!t.allowed) label += " — " + shell.tr("stock.transfer.not_allowed");
            ImGui::BeginDisabled(!t.allowed);
            if (combo_choice(label + "##" + t.code, t.code == s.to)) s.to = t.code, s.condition.clear();
            shell.anchor("stock.transfer.to." + t.code);
            ImGui::EndDisabled();
        }
        ImGui::EndCombo();
    }
    shell.anchor("stock.transfer.to");
    // A receiver may also be typed by its code (a site of another municipality).
    form_label(shell.tr("stock.label.to_code"));
    text_field(shell, "stock.transfer.to_code", s.to, "stock.label.to_code", 10, 140, "1310000011");
}

void transit_section(Shell& shell, TransferScreen& s, const StockSiteView& v) {
    section_title(shell.tr("stock.transfer.in_transit"));
    if (v.outgoing.empty()) {
        help_text(shell.tr("stock.transfer.none_in_transit"));
        return;
    }
    KeptTable& t = s.transit;
    if (t.stale(s.stock.loads())) {
        t.model.columns = {{shell.tr("stock.col.date"), false, "", 0, false},
                           {shell.tr("stock.col.to"), false, "", 0, false},
                           {shell.tr("stock.col.product"), false, "", 0, false},
                           {shell.tr("stock.col.lot"), false, "", 0, false},
                           {shell.tr("stock.col.vials"), true, shell.tr("unit.vial"), 0, true}};
        t.model.rows.clear();
        for (const InTransit* it : v.outgoing)
            t.model.rows.push_back({{date_label(shell, it->date)},
                                    {shell.app().directory().org_name(it->to)},
                                    {product_label(shell, it->product)},
                                    {it->lot},
                                    {"", it->vials}});
    }
    draw_table(shell, "stock.transit", t.model, t.built, t.state, {"stock.transit", 0, v.outgoing.size() > 8, ""});
}

}  // namespace

void draw_stock_transfer(Shell& shell) {
    TransferScreen& s = shell.state<TransferScreen>();
    bool proxy = false;
    std::string code;
    const StockSiteView* v = stock_screen_top(shell, "stock_transfer", s.stock, code, proxy);
    if (!v) return;
    App& app = shell.app();
    section_title(shell.tr("stock.transfer.form"));
    const auto products = product_choices(shell, *v);
    if (s.product.empty() && !products.empty()) s.product = products.front().id;
    if (choice_combo(shell, "stock.transfer.product", shell.tr("stock.label.product"), products, s.product))
        s.lot.clear(), s.to.clear(), s.condition.clear();
    const auto product = parse_vaccine_product(s.product);
    if (!product) return;
    const auto lots = lot_choices(shell, *v, *product);
    if (lots.empty()) {
        help_text(shell.tr("stock.transfer.no_stock"));
        transit_section(shell, s, *v);
        return;
    }
    choice_combo(shell, "stock.transfer.lot", shell.tr("stock.label.lot"), lots, s.lot, 520);
    s.targets.get(app, TransferTargetsQuery{code, *product});
    receiver_combo(shell, s);
    form_label(shell.tr("stock.label.vials"));
    number_field(shell, "stock.transfer.vials", s.vials, stock_fields::vials_rule(), 120, MessagePlace::beside,
                 shell.tr("unit.vial"));
    date_field(shell, "stock.transfer.date", s.date, v->today);
    const auto date = parse_iso_date(s.date);
    if (date) {
        if (const auto cap = stock_transfer_cap(*date)) {
            ImGui::TextColored(colour::pending, "%s",
                               fill_placeholders(shell.tr("stock.transfer.cap"),
                                                 {{"max", format_grouped(cap->max_vials)},
                                                  {"until", cap->until ? date_label(shell, *cap->until) : ""}})
                                   .c_str());
            shell.anchor("stock.transfer.cap");
        }
    }
    const TransferTarget* target = find_target(s);
    std::vector<StockChoice> conditions;
    if (target && date) conditions = stock_conditions(app, *product, target->categories, *date);
    else if (!s.to.empty() && !target) help_text(shell.tr("stock.transfer.typed_code"));
    if (target && !target->allowed)
        field_message(fill_placeholders(shell.tr("stock.transfer.matrix_note"),
                                        {{"to", target->name},
                                         {"category", target->category ? shell.tr(std::string("category.") +
                                                                                  vaccine_category_id(*target->category))
                                                                       : shell.tr("stock.category.none")}}),
                      true);
    if (!conditions.empty()) {
        if (conditions.size() == 1) s.condition = conditions.front().id;
        choice_combo(shell, "stock.transfer.condition", shell.tr("stock.label.condition"), conditions, s.condition, 420);
    } else if (!target) {
        // A typed code: the command checks the receiver and the condition against the data.
        const auto all = stock_conditions(app, *product, VaccineCategories{0x1F}, date ? *date : v->today);
        choice_combo(shell, "stock.transfer.condition", shell.tr("stock.label.condition"), all, s.condition, 420);
    }
    field_message(s.error, true);
    const bool incomplete = s.lot.empty() || s.to.empty() || s.condition.empty();
    const bool invalid = fields_invalid(shell) || incomplete;
    ImGui::BeginDisabled(invalid);
    if (ImGui::Button(shell.tr("stock.transfer.save").c_str())) s.confirm = true, s.error.clear();
    ImGui::EndDisabled();
    if (invalid) disabled_reason(shell.tr(incomplete ? "stock.transfer.incomplete" : "stock.fix_fields"));
    shell.anchor("stock.transfer.save");
    if (!s.lot.empty() || !s.to.empty()) shell.mark_unsaved();
    // The confirmation names everything, and warns of a lot about to expire.
    const StockLotView* lot = find_lot(*v, s.product, s.lot);
    const bool near = lot && lot->lot->expiry && lot->days_left <= k_expiry_warning_days;
    std::string text = fill_placeholders(shell.tr("stock.transfer.confirm"),
                                         {{"to", target ? target->name : s.to},
                                          {"product", product_label(shell, *product)},
                                          {"lot", s.lot},
                                          {"vials", format_grouped(s.vials)},
                                          {"date", shell.date_text(s.date)}});
    if (near)
        text += "\n\n" + fill_placeholders(shell.tr("stock.transfer.near_expiry"),
                                           {{"date", date_label(shell, lot->effective_expiry)},
                                            {"days", std::to_string(lot->days_left)}});
    if (confirm(
            shell, s.confirm,
            {.anchor = "stock.transfer.confirm", .question = text, .confirm_label = shell.tr("stock.transfer.send")})) {
        const TransferStock cmd{code, s.to, s.product, s.lot, s.vials, s.condition, s.date, near};
        s.error = shell.run(cmd, "stock.transfer.saved");
        if (s.error.empty()) {
            s.lot.clear();
            s.to.clear();
            s.condition.clear();
            s.vials = 1;
        }
    }
    transit_section(shell, s, *v);
}

}  // namespace vsys::ui
